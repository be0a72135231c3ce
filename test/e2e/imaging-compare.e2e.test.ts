import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asNewStudy, haveRealDicom, realDicom, withImplicitElement, withPatient } from '../fixtures/imaging/dicom-files';
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
 * Compressed images, prior comparison and the import control in Chromium:
 * - RG3_J2KR (CR extremity, lossless JPEG 2000) and RG1_J2KI (CR chest, lossy
 *   JPEG 2000 with a zero pixel spacing) decoded by the core's OpenJPEG and drawn;
 * - the real chest DX filed as two studies five years apart: opening the newer
 *   one hangs the older beside it, and zoom follows from one to the other;
 *   another study swapped in as the comparison;
 * - "Import DICOM…" with a file whose identifier matches the chart but whose
 *   birth date does not: the clinician is shown the choice and files it.
 * Every wait is for a state (an attribute, a text), never for a time.
 * Screenshots: test-artifacts/imaging/.
 */
const skip = e2eSkipReason() ?? (haveRealDicom() ? null : 'the real DICOM files are missing (../shared/data/dicom)');
const GROUP = 'imaging';
const TEST_MS = 8 * 60_000;
const VITO = '9efca32a-04f9-438a-990c-a287e8b62aac';

describe.skipIf(skip !== null)(`X-ray viewer: compressed, priors, import (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
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

  const file = async (fileName: string, bytes: Uint8Array) => {
    const r = (await running.core.invoke('imaging.import', { fileName, bytes: Buffer.from(bytes), patientId: VITO, override: true })) as {
      ok: boolean;
      value?: { status: string };
    };
    expect(r).toMatchObject({ ok: true, value: { status: 'imported' } });
  };

  async function shown(slot: Locator, name: string): Promise<Locator> {
    const canvas = slot.getByTestId('xray-canvas');
    await slot
      .locator('[data-testid="xray-canvas"][data-loaded="true"], .xray-error')
      .first()
      .waitFor({ timeout: STEP_MS })
      .catch(async (error: Error) => {
        await screenshot(page, GROUP, `${name}-not-shown`);
        throw new Error(`${error.message.split('\n')[0]} | ${opened.problems.join(' | ')}`);
      });
    const failed = slot.locator('.xray-error');
    if (await failed.count()) {
      await screenshot(page, GROUP, `${name}-failed`);
      throw new Error(`${await failed.innerText()} | ${opened.problems.join(' | ')}`);
    }
    return canvas;
  }

  async function greyLevels(canvas: Locator): Promise<number> {
    return canvas.locator('canvas').evaluate((c) => {
      const el = c as HTMLCanvasElement;
      const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) seen.add(data[i]!);
      return seen.size;
    });
  }

  it('shows JPEG 2000 radiographs, hangs the prior beside the current study in step, and imports with the clinician choosing the chart', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([syntheaBundle('Vito_Feeney_')]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 4 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    await file('RG3_J2KR.dcm', realDicom('RG3_J2KR.dcm'));
    await file('RG1_J2KI.dcm', realDicom('RG1_J2KI.dcm'));
    const chest = withImplicitElement(realDicom('nih_chest_dx.dcm'), 0x0018, 0x1164, '0.143\\0.143');
    await file('chest-2019.dcm', asNewStudy(chest, 1, '20190310'));
    await file('chest-2024.dcm', asNewStudy(chest, 2, '20240115'));

    await page.getByTestId('patient-row').filter({ hasText: 'Vito' }).click();
    await showSection(page, 'imaging');
    const panel = page.getByTestId('imaging-panel');
    await panel.waitFor();
    const current = page.getByTestId('current-slot');
    const prior = page.getByTestId('prior-slot');

    // 1. Lossless JPEG 2000, MONOCHROME1, no spacing.
    await panel.getByRole('button', { name: /CR EXTREMITY/ }).click();
    let canvas = await shown(current, '10-j2kr');
    await canvas.scrollIntoViewIfNeeded();
    expect(await current.getByTestId('xray-decoder').innerText()).toMatch(/^JPEG 2000 \(OpenJPEG\), decoded in \d+ ms$/);
    expect(await current.getByTestId('spacing-warning').innerText()).toMatch(/no pixel spacing/);
    expect(await greyLevels(canvas)).toBeGreaterThan(50);
    await screenshot(page, GROUP, '10-rg3-j2kr-extremity');

    // 2. Lossy JPEG 2000 chest with the invalid zero spacing: drawn, and the warning shown.
    await panel.getByRole('button', { name: /CR CHEST/ }).click();
    canvas = await shown(current, '11-j2ki');
    expect(await current.getByTestId('xray-decoder').innerText()).toMatch(/^JPEG 2000/);
    expect(await current.getByTestId('spacing-warning').innerText()).toMatch(/zero or invalid/);
    expect(await greyLevels(canvas)).toBeGreaterThan(50);
    await current.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '11-rg1-j2ki-chest-zero-spacing');

    // 3. The 2024 chest: the 2019 chest hangs beside it without being asked for.
    await panel.getByRole('button', { name: /^Jan 15, 2024/ }).click();
    const currentCanvas = await shown(current, '12-current');
    expect(await current.locator('.imaging-slot-title').innerText()).toContain('Jan 15, 2024');
    const priorCanvas = await shown(prior, '12-prior');
    expect(await prior.locator('.imaging-slot-title').innerText()).toContain('Mar 10, 2019');
    expect(await page.getByRole('combobox', { name: 'Comparison study' }).locator('option:checked').innerText()).toMatch(/Mar 10, 2019.*most recent prior/);
    expect(await page.getByTestId('imaging-sync').innerText()).toBe('Zoom, pan and window kept in step');
    await current.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '12-prior-beside-current');

    // Zoom in the current viewer: the prior follows to the same scale.
    const before = await priorCanvas.getAttribute('data-scale');
    const box = (await currentCanvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -120);
    await page.waitForFunction(
      (was) => {
        const [a, b] = [...document.querySelectorAll('[data-testid="xray-canvas"]')].map((e) => e.getAttribute('data-scale'));
        return a !== null && a === b && a !== was;
      },
      before,
      { timeout: STEP_MS },
    );
    expect(await currentCanvas.getAttribute('data-scale')).toBe(await priorCanvas.getAttribute('data-scale'));
    await screenshot(page, GROUP, '13-zoom-in-step');

    // Another study swapped in as the comparison, no reload of the current one.
    await page.getByRole('combobox', { name: 'Comparison study' }).selectOption({ label: (await page.getByRole('combobox', { name: 'Comparison study' }).locator('option', { hasText: 'CR EXTREMITY' }).innerText()).trim() });
    await prior.locator('.imaging-slot-title').filter({ hasNotText: 'Mar 10, 2019' }).waitFor();
    await shown(prior, '14-swapped');
    expect(await prior.getByTestId('xray-decoder').innerText()).toMatch(/^JPEG 2000/);
    expect(await currentCanvas.getAttribute('data-loaded')).toBe('true');
    // A CR extremity beside a DX chest: each keeps its own window and zoom.
    expect(await page.getByTestId('imaging-sync').innerText()).toBe('Not kept in step: a different modality, body part or view');
    await screenshot(page, GROUP, '14-prior-swapped');

    // 4. Import DICOM…: identifier fits Vito, birth date does not: the clinician chooses.
    const odd = withPatient(asNewStudy(chest, 3, '20250102'), { id: VITO, name: 'Feeney^Vito', birthDate: '19000101' });
    await panel.getByTestId('dicom-input').setInputFiles({ name: 'chest-2025.dcm', mimeType: 'application/dicom', buffer: Buffer.from(odd) });
    const choice = page.getByTestId('dicom-choice');
    await choice.waitFor();
    expect(await choice.innerText()).toMatch(/birth dates differ\. Check whose image it is before filing it:/);
    expect(await choice.locator('[data-field="birthDate"]').getAttribute('data-verdict')).toBe('differs');
    await choice.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '15-import-choice');
    // The birth date contradicts Vito's chart: filed only on the clinician's confirmed override.
    await choice.getByTestId('identity-confirm').check();
    await choice.getByTestId('identity-file-anyway').click();
    await page.getByTestId('dicom-import-report').filter({ hasText: 'chest-2025.dcm' }).waitFor();
    await panel.getByRole('button', { name: /^Jan 2, 2025/ }).waitFor();
    expect(opened.problems).toEqual([]);
  }, TEST_MS);
});
