import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImageClassifier } from '../../scripts/models/image-classifier';
import { haveRealDicom, realDicom } from '../fixtures/imaging/dicom-files';
import { createVault, e2eSkipReason, screenshot, startWorkstation, STEP_MS, syntheaBundle, type RunningHost, type Workstation, showSection } from './support';

/**
 * Decision support in Chromium: the generated chest X-ray test model in the
 * models folder, the real NIH chest DX in a chart, the panel under the
 * viewer labelled "Decision support — not a diagnosis; test model" with the
 * model's name, version, licence and intended use, run on request, the
 * classes as bars, and "Not saved to the record". The model manager lists
 * the image model with its kind. Screenshots go to test-artifacts/decision-support/.
 */
const skip = e2eSkipReason() ?? (haveRealDicom() ? null : 'the real DICOM files are missing (../shared/data/dicom)');
const GROUP = 'decision-support';
const VITO = '9efca32a-04f9-438a-990c-a287e8b62aac';

describe.skipIf(skip !== null)(`decision support end to end (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let workstation: Workstation;
  let running: RunningHost;
  let page: Page;
  let models: string;
  const saved = process.env['CONTINUUM_MODELS'];

  beforeAll(async () => {
    models = mkdtempSync(join(tmpdir(), 'continuum-e2e-models-'));
    await generateImageClassifier({ preset: 'chest-xray', seed: 1, out: join(models, 'test-xray') });
    // The core worker takes its environment from this process when it starts.
    process.env['CONTINUUM_MODELS'] = models;
    workstation = await startWorkstation();
    running = workstation.running;
    page = workstation.opened.page;
  }, 10 * 60_000);

  afterAll(async () => {
    await workstation?.close();
    if (saved === undefined) delete process.env['CONTINUUM_MODELS'];
    else process.env['CONTINUUM_MODELS'] = saved;
    rmSync(models, { recursive: true, force: true });
  });

  it('shows the test model as labelled decision support under the X-ray, runs it on request, and saves nothing', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([syntheaBundle('Vito_Feeney_')]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 4 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    const imported = (await running.core.invoke('imaging.import', {
      fileName: 'nih_chest_dx.dcm',
      bytes: Buffer.from(realDicom('nih_chest_dx.dcm')),
      patientId: VITO,
      // The file names another patient: filed under Vito by the clinician's override.
      override: true,
    })) as { ok: boolean };
    expect(imported.ok).toBe(true);

    await page.getByTestId('patient-row').filter({ hasText: 'Vito' }).click();
    await showSection(page, 'imaging');
    // The panel stands beside the viewer and does not wait for the image to be drawn.
    const panel = page.getByTestId('decision-support');
    await panel.getByTestId('ds-label').waitFor({ timeout: STEP_MS });
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.getByTestId('ds-label').innerText()).toBe('Decision support — not a diagnosis; test model');
    const modelLine = await panel.getByTestId('ds-model').innerText();
    expect(modelLine).toContain('Continuum test image classifier (chest-xray)');
    expect(modelLine).toContain('version 0.1.0-seed1');
    expect(modelLine).toContain('licence CC0-1.0');
    expect(modelLine).toContain('Not for clinical use');
    await screenshot(page, GROUP, '01-before-run', panel);

    await panel.getByTestId('ds-run').click();
    await panel.getByTestId('ds-result').waitFor({ timeout: STEP_MS });
    const rows = panel.getByTestId('ds-prediction');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().innerText()).toMatch(/^Test class [A-D]\s+(>99|<1|\d+) %$/);
    expect(await panel.getByTestId('ds-not-saved').innerText()).toBe('Not saved to the record. If you agree with it, record your own finding.');
    expect(await panel.innerText()).toContain('These classes mean nothing');
    await screenshot(page, GROUP, '02-result', panel);
    await screenshot(page, GROUP, '03-chart-with-result');

    await page.getByTestId('model-button').click();
    const row = page.locator('[data-testid="model-row"][data-folder="test-xray"]');
    expect(await row.innerText()).toContain('image model (decision support in Imaging)');
    expect(await row.innerText()).toContain('Used in Imaging');
    await screenshot(page, GROUP, '04-model-manager', page.getByTestId('model-manager'));
    // No uncaught error in the page (console lines of the viewer's own loading are its tests' concern).
    expect(workstation.opened.problems.filter((p) => p.startsWith('page error'))).toEqual([]);
  }, 6 * 60_000);
});
