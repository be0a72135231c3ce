import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asNewStudy, haveRealDicom, realDicom, withImplicitElement } from '../fixtures/imaging/dicom-files';
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
 * X-ray findings from the viewer to the brief and back, in Chromium. Two
 * copies of the real NIH chest radiograph (nih_chest_dx.dcm) are filed under
 * a chart: one of 2024 given a Pixel Spacing of 0.143 mm (known spacing), and
 * its prior of 2023 with no spacing at all. A length is measured with the
 * cornerstone Length tool, recorded as a finding, confirmed, cited by the
 * brief; the citation opens the X-ray viewer (not the photo viewer) at that
 * instance with the finding drawn where it was measured and the same
 * millimetres. A text note goes the same way, and on the image without
 * spacing the finding says plainly that it is in pixels. Screenshots go to
 * test-artifacts/xray-findings/.
 */
const skip = e2eSkipReason() ?? (haveRealDicom() ? null : 'the real DICOM files are missing (../shared/data/dicom)');
const GROUP = 'xray-findings';
const TEST_MS = 8 * 60_000;
const VITO = '9efca32a-04f9-438a-990c-a287e8b62aac';

async function importDicom(running: RunningHost, fileName: string, bytes: Uint8Array): Promise<string> {
  const answer = (await running.core.invoke('imaging.import', { fileName, bytes: Buffer.from(bytes), patientId: VITO, override: true })) as {
    ok: boolean;
    value?: { status: string; instanceId: string | null };
  };
  expect(answer).toMatchObject({ ok: true, value: { status: 'imported' } });
  return answer.value!.instanceId!;
}

/** Waits until the current slot's viewer shows `instanceId` at full resolution (or says why it cannot). */
async function waitForImage(page: Page, opened: OpenedPage, instanceId: string, name: string): Promise<Locator> {
  const canvas = page.getByTestId('current-slot').locator(`[data-testid="xray-canvas"][data-instance="${instanceId}"]`);
  await page
    .getByTestId('current-slot')
    .locator(`[data-testid="xray-canvas"][data-instance="${instanceId}"][data-loaded="true"], .xray-error`)
    .first()
    .waitFor({ timeout: STEP_MS })
    .catch(async (error: Error) => {
      await screenshot(page, GROUP, `${name}-not-shown`);
      throw new Error(`${error.message.split('\n')[0]} | ${opened.problems.join(' | ')}`);
    });
  const failed = page.getByTestId('current-slot').locator('.xray-error');
  if (await failed.count()) throw new Error(`${await failed.innerText()} | ${opened.problems.join(' | ')}`);
  return canvas;
}

/** Drags with the left button from one point of the canvas to another (fractions of its box); answers both in canvas pixels. */
async function drag(page: Page, canvas: Locator, from: [number, number], to: [number, number]) {
  const box = (await canvas.boundingBox())!;
  const a = { x: box.x + box.width * from[0], y: box.y + box.height * from[1] };
  const b = { x: box.x + box.width * to[0], y: box.y + box.height * to[1] };
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
  return { from: { x: a.x - box.x, y: a.y - box.y }, to: { x: b.x - box.x, y: b.y - box.y } };
}

/** Records the only measurement offered under the current viewer as a finding and confirms it; answers the sentence in the record. */
async function recordAndConfirm(slot: Locator, label: RegExp): Promise<string> {
  const item = slot.getByTestId('xray-findings').locator('li', { hasText: label });
  await item.getByRole('button', { name: 'Record finding' }).click();
  await item.getByText(/^Proposed: /).waitFor({ timeout: STEP_MS });
  const proposed = await item.innerText();
  await item.getByRole('button', { name: 'Confirm finding' }).click();
  await item.getByText(/^In the record: /).waitFor({ timeout: STEP_MS });
  return proposed;
}

describe.skipIf(skip !== null)(`X-ray findings cited and opened in the X-ray viewer (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
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

  it('records a length and a note on an X-ray, and their citations open the X-ray viewer at the annotation; without spacing, pixels', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([syntheaBundle('Vito_Feeney_')]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 4 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    const chest = realDicom('nih_chest_dx.dcm');
    const withSpacing = await importDicom(running, 'chest-2024.dcm', withImplicitElement(asNewStudy(chest, 1, '20240301'), 0x0028, 0x0030, '0.143\\0.143'));
    const noSpacing = await importDicom(running, 'chest-2023.dcm', asNewStudy(chest, 2, '20230301'));

    await page.getByTestId('patient-row').filter({ hasText: 'Vito' }).click();
    await showSection(page, 'imaging');
    const slot = page.getByTestId('current-slot');
    let canvas = await waitForImage(page, opened, withSpacing, '00');
    await canvas.scrollIntoViewIfNeeded();
    expect(await slot.innerText()).toContain('Pixel spacing 0.143 × 0.143 mm');
    expect(await slot.getByTestId('spacing-warning').count()).toBe(0);

    // 1. A length in mm, recorded and confirmed.
    await slot.getByRole('button', { name: 'Length', exact: true }).click();
    const drawn = await drag(page, canvas, [0.3, 0.3], [0.7, 0.65]);
    const readout = slot.getByTestId('measurements').locator('li').first();
    await readout.waitFor();
    const readoutText = await readout.innerText();
    expect(readoutText).toMatch(/^Length 1: \d+\.\d mm$/);
    const mm = /([\d.]+) mm/.exec(readoutText)![1]!;
    await screenshot(page, GROUP, '01-length-measured', slot);
    const proposed = await recordAndConfirm(slot, /^Length 1/);
    expect(proposed).toContain(`Proposed: Length ${mm} mm on DX image (No Finding) of 2024-03-01.`);

    // 2. A text note at a point, recorded and confirmed.
    await slot.getByRole('button', { name: 'Text note', exact: true }).click();
    const noteAt = await drag(page, canvas, [0.2, 0.72], [0.3, 0.86]);
    await slot.getByLabel('Text of the note').fill('Blunted right costophrenic angle');
    await slot.getByRole('button', { name: 'Save note' }).click();
    await slot.getByTestId('measurements').getByText('Note 1: Blunted right costophrenic angle').waitFor();
    await screenshot(page, GROUP, '02-note-written', slot);
    const proposedNote = await recordAndConfirm(slot, /^Note 1/);
    expect(proposedNote).toContain('Proposed: Finding on DX image (No Finding) of 2024-03-01: Blunted right costophrenic angle');
    // The chart's findings list (beside the photos) follows at once, both in the record, without reopening the chart.
    const listed = page.getByTestId('derm-findings').locator('li[data-status="confirmed"]');
    await expect.poll(() => listed.count(), { timeout: STEP_MS }).toBe(2);
    expect(await listed.filter({ hasText: 'Blunted right costophrenic angle' }).count()).toBe(1);

    // 3. The brief cites both; the viewer goes to the other study meanwhile, so the citation has to bring it back.
    await showSection(page, 'summary');
    const brief = page.getByTestId('brief');
    const lengthLine = brief.locator('li.claim', { hasText: `Length ${mm} mm on DX image` });
    await lengthLine.waitFor({ timeout: STEP_MS });
    expect(await lengthLine.getAttribute('data-verdict')).toBe('supported');
    await showSection(page, 'imaging');
    await page.getByRole('button', { name: /^Mar 1, 2023 · DX/ }).click();
    await waitForImage(page, opened, noSpacing, '03');
    // The citation, from the summary, opens the Imaging section at the cited image.
    await showSection(page, 'summary');
    await lengthLine.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '03-brief-cites', brief);
    await lengthLine.getByRole('button', { name: 'Confirmed finding' }).click();

    const bar = page.getByTestId('xray-cited-finding');
    await bar.waitFor({ timeout: STEP_MS });
    await waitForImage(page, opened, withSpacing, '04');
    const overlay = slot.getByTestId('cited-overlay');
    await overlay.locator('line').waitFor({ timeout: STEP_MS });
    expect(await bar.getByTestId('cited-measure').innerText()).toBe(`Length ${mm} mm`);
    expect(await bar.getByTestId('cited-statement').innerText()).toContain(`Length ${mm} mm on DX image (No Finding) of 2024-03-01`);
    expect(await bar.innerText()).toMatch(/recorded by ada\.okafor on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(await overlay.getByTestId('cited-label').textContent()).toBe(`Cited: ${mm} mm`);
    // Drawn where it was measured: the same layout as then, so the same canvas pixels (within rounding).
    const line = overlay.locator('line');
    const end = async (a: string) => Number(await line.getAttribute(a));
    expect(Math.abs((await end('x1')) - drawn.from.x)).toBeLessThan(2);
    expect(Math.abs((await end('y1')) - drawn.from.y)).toBeLessThan(2);
    expect(Math.abs((await end('x2')) - drawn.to.x)).toBeLessThan(2);
    expect(Math.abs((await end('y2')) - drawn.to.y)).toBeLessThan(2);
    // The bar and the image are in sight, not left somewhere down the page.
    expect(await bar.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < window.innerHeight / 2)).toBe(true);
    // (Below the chart's header, which stays at the top: the cited drawing itself is in the window.)
    expect(await overlay.locator('line').evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight + 1)).toBe(true);
    // Not sent to the photo viewer.
    expect(await page.getByTestId('cited-finding').count()).toBe(0);
    // The image's own drawings are back too, and known as recorded: nothing offers to record them a second time.
    await slot.getByTestId('measurements').getByText(`Length 1: ${mm} mm`).waitFor();
    await expect.poll(() => slot.getByTestId('xray-findings').getByText(/^In the record: /).count(), { timeout: STEP_MS }).toBe(2);
    expect(await slot.getByTestId('xray-findings').getByRole('button', { name: 'Record finding' }).count()).toBe(0);
    await screenshot(page, GROUP, '04-citation-opens-xray-viewer');

    // The drawing follows the view: after a rotation its end points move with the image.
    const before = await end('x1');
    await slot.getByRole('button', { name: 'Rotate' }).click();
    await expect.poll(async () => Math.abs((await end('x1')) - before), { timeout: STEP_MS }).toBeGreaterThan(20);
    await slot.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(async () => Math.abs((await end('x1')) - drawn.from.x), { timeout: STEP_MS }).toBeLessThan(2);

    // 4. The note's citation: a pin at the arrow's tip with the note's text.
    await showSection(page, 'summary');
    const noteLine = brief.locator('li.claim', { hasText: 'Blunted right costophrenic angle' });
    await noteLine.scrollIntoViewIfNeeded();
    await noteLine.getByRole('button', { name: 'Confirmed finding' }).click();
    await expect.poll(() => overlay.getAttribute('data-kind'), { timeout: STEP_MS }).toBe('text');
    expect(await overlay.getByTestId('cited-label').textContent()).toBe('Cited: Blunted right costophrenic angle');
    const pin = overlay.locator('circle');
    expect(Math.abs(Number(await pin.getAttribute('cx')) - noteAt.from.x)).toBeLessThan(2);
    expect(Math.abs(Number(await pin.getAttribute('cy')) - noteAt.from.y)).toBeLessThan(2);
    expect(await bar.getByTestId('cited-measure').innerText()).toBe('Note Blunted right costophrenic angle');
    await screenshot(page, GROUP, '05-note-citation');

    await bar.getByRole('button', { name: 'Clear cited finding' }).click();
    await bar.waitFor({ state: 'detached' });
    expect(await slot.getByTestId('cited-overlay').count()).toBe(0);

    // 5. The prior has no pixel spacing: the viewer warns, and the finding is in pixels, said so wherever it shows.
    await page.getByRole('button', { name: /^Mar 1, 2023 · DX/ }).click();
    canvas = await waitForImage(page, opened, noSpacing, '06');
    await canvas.scrollIntoViewIfNeeded();
    expect(await slot.getByTestId('spacing-warning').innerText()).toBe('no pixel spacing in the file: lengths in pixels only');
    await slot.getByRole('button', { name: 'Length', exact: true }).click();
    await drag(page, canvas, [0.35, 0.4], [0.6, 0.6]);
    const pxReadout = await slot.getByTestId('measurements').locator('li').first().innerText();
    expect(pxReadout).toMatch(/^Length 1: \d+ px \(no mm: spacing missing\)$/);
    const px = /(\d+) px/.exec(pxReadout)![1]!;
    const proposedPx = await recordAndConfirm(slot, /^Length 1/);
    expect(proposedPx).toContain(`Proposed: Length ${px} pixels on DX image (No Finding) of 2023-03-01 (no pixel spacing: pixels only).`);
    await screenshot(page, GROUP, '06-pixels-only-recorded', slot);
    await showSection(page, 'summary');
    const pxLine = brief.locator('li.claim', { hasText: `Length ${px} pixels` });
    await pxLine.waitFor({ timeout: STEP_MS });
    await pxLine.scrollIntoViewIfNeeded();
    await pxLine.getByRole('button', { name: 'Confirmed finding' }).click();
    await expect.poll(() => bar.getByTestId('cited-measure').innerText(), { timeout: STEP_MS }).toBe(`Length ${px} px (pixels only: no pixel spacing)`);
    await expect.poll(() => overlay.getByTestId('cited-label').textContent(), { timeout: STEP_MS }).toBe(`Cited: ${px} px (pixels only: no pixel spacing)`);
    expect(await slot.getByTestId('spacing-warning').innerText()).toBe('no pixel spacing in the file: lengths in pixels only');
    await screenshot(page, GROUP, '07-pixels-only-cited');
    expect(opened.problems).toEqual([]);
  }, TEST_MS);
});
