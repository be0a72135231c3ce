import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveRealDicom, realDicom, withImplicitElement } from '../fixtures/imaging/dicom-files';
import {
  createVault,
  e2eSkipReason,
  type OpenedPage,
  type RunningHost,
  screenshot,
  startWorkstation,
  STEP_MS,
  syntheaBundle,
  type Workstation,
  showSection
} from './support';

/**
 * The X-ray viewer in Chromium: a real chest radiograph (nih_chest_dx.dcm,
 * given an Imager Pixel Spacing of 0.143 mm so that lengths are estimated
 * millimetres) filed under a chart through the contract, shown in the chart
 * with its overlay, and measured with the Length tool. Screenshots go to
 * test-artifacts/imaging/.
 */
const skip = e2eSkipReason() ?? (haveRealDicom() ? null : 'the real DICOM files are missing (../shared/data/dicom)');
const GROUP = 'imaging';
const TEST_MS = 6 * 60_000;
const VITO = '9efca32a-04f9-438a-990c-a287e8b62aac';

describe.skipIf(skip !== null)(`X-ray viewer end to end (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let workstation: Workstation;
  let running: RunningHost;
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    workstation = await startWorkstation();
    ({ running, opened } = workstation);
    page = opened.page;
  }, 10 * 60_000);

  afterAll(async () => {
    await workstation?.close();
  });

  it('shows a chest X-ray with its attributes and measures a length in estimated mm, with the warning', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([syntheaBundle('Vito_Feeney_')]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 4 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    const dicom = withImplicitElement(realDicom('nih_chest_dx.dcm'), 0x0018, 0x1164, '0.143\\0.143');
    const imported = (await running.core.invoke('imaging.import', {
      fileName: 'nih_chest_dx.dcm',
      bytes: Buffer.from(dicom),
      patientId: VITO,
      // The file names another patient: filed under Vito by the clinician's override.
      override: true,
    })) as { ok: boolean; value?: { status: string } };
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported' } });

    await page.getByTestId('patient-row').filter({ hasText: 'Vito' }).click();
    await showSection(page, 'imaging');
    const canvas = page.getByTestId('xray-canvas');
    await page
      .locator('[data-testid="xray-canvas"][data-loaded="true"], .xray-error')
      .first()
      .waitFor({ timeout: STEP_MS })
      .catch(async (error: Error) => {
        await screenshot(page, GROUP, '00-not-shown');
        throw new Error(`${error.message.split('\n')[0]} | ${opened.problems.join(' | ')}`);
      });
    const failed = page.locator('.xray-error');
    if (await failed.count()) {
      await screenshot(page, GROUP, '00-failed');
      throw new Error(`${await failed.innerText()} | ${opened.problems.join(' | ')}`);
    }
    await canvas.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('xray-overlay').innerText()).toContain('Covid0000');
    expect(await page.getByTestId('spacing-warning').innerText()).toMatch(/estimated: Imager Pixel Spacing/);
    // The image is drawn: the canvas holds many grey levels, not a blank.
    const levels = await canvas.locator('canvas').evaluate((c) => {
      const el = c as HTMLCanvasElement;
      const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) seen.add(data[i]!);
      return seen.size;
    });
    expect(levels).toBeGreaterThan(50);
    await screenshot(page, GROUP, '01-chest-xray');

    await page.getByRole('button', { name: 'Length', exact: true }).click();
    const box = (await canvas.boundingBox())!;
    const from = { x: box.x + box.width * 0.35, y: box.y + box.height * 0.3 };
    const to = { x: box.x + box.width * 0.65, y: box.y + box.height * 0.7 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    const readout = page.getByTestId('measurements').locator('li').first();
    await readout.waitFor();
    const text = await readout.innerText();
    expect(text).toMatch(/^Length 1: \d+\.\d mm \(estimated\)$/);
    const mm = Number(/([\d.]+) mm/.exec(text)![1]);
    // The 1024-pixel image at 0.143 mm is 146 mm wide; a diagonal across the middle is a good part of that.
    expect(mm).toBeGreaterThan(30);
    expect(mm).toBeLessThan(146 * Math.SQRT2);
    await screenshot(page, GROUP, '02-length-measured');

    await page.getByRole('button', { name: 'Invert' }).click();
    await page.getByText(/inverted/).waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByTestId('measurements').locator('li').first().waitFor({ state: 'detached' });
    expect(opened.problems).toEqual([]);
  }, TEST_MS);
});
