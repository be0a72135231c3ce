import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ellipseOutline, syntheticPhoto } from '../unit/derm/synthetic-photo';
import { createVault, e2eSkipReason, type OpenedPage, screenshot, startWorkstation, STEP_MS, syntheaBundle, type Workstation, showSection } from './support';

/**
 * The dermatology viewer in Chromium with a synthetic photo the test draws
 * itself (a 10 mm ruler at 20 px/mm and a 6 x 4 mm lesion): imported under a
 * chart, calibrated on the ruler, the lesion outlined, the measurement
 * recorded as a finding, confirmed, then cited by the brief; the citation
 * opens the photo at the outline. Screenshots go to test-artifacts/derm/.
 */
const skip = e2eSkipReason();
const GROUP = 'derm';
const TEST_MS = 6 * 60_000;

/** Clicks an image point (image pixels) on the photo stage, whatever its displayed scale. */
async function clickImage(page: Page, testId: string, p: { x: number; y: number }, size: { width: number; height: number }): Promise<void> {
  const svg = page.getByTestId(testId).locator('svg');
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  await page.mouse.click(box.x + (p.x / size.width) * box.width, box.y + (p.y / size.height) * box.height);
}

describe.skipIf(skip !== null)(`dermatology viewer end to end (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let workstation: Workstation;
  let opened: OpenedPage;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-e2e-derm-'));
    workstation = await startWorkstation();
    ({ opened } = workstation);
    page = opened.page;
  }, 10 * 60_000);

  afterAll(async () => {
    await workstation?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports, calibrates, outlines, records and confirms a finding, and the brief cites it', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([syntheaBundle('Vito_Feeney_')]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 4 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('patient-row').filter({ hasText: 'Vito' }).click();
    await showSection(page, 'imaging');

    const photo = syntheticPhoto({ pxPerMm: 20, lesionMm: [6, 4] });
    const file = join(dir, 'forearm.jpg');
    writeFileSync(file, photo.bytes);
    const panel = page.getByTestId('derm-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByLabel('Body site').fill('left forearm');
    await panel.getByLabel('Date taken').fill('2024-01-10');
    await panel.getByLabel('Lesion', { exact: true }).selectOption('new');
    await panel.getByLabel('New lesion name').fill('Naevus A');
    await panel.getByTestId('photo-input').setInputFiles([file]);
    await expect.poll(() => panel.getByTestId('photo-import-report').innerText(), { timeout: STEP_MS }).toContain('forearm.jpg: photo of left forearm, 640 x 480, taken 2024-01-10 (as given)');
    await page.locator('[data-testid="photo-stage"][data-loaded="true"]').waitFor({ timeout: STEP_MS });
    expect(await panel.getByTestId('calibration-status').innerText()).toMatch(/Not calibrated: sizes are in pixels only/);

    // Outline first: without calibration the sizes are in pixels, and said so.
    const size = { width: photo.width, height: photo.height };
    await panel.getByRole('button', { name: 'Outline lesion' }).click();
    for (const p of ellipseOutline(photo.lesion, 16)) await clickImage(page, 'photo-stage', p, size);
    await panel.getByRole('button', { name: 'Close outline' }).click();
    await expect.poll(() => panel.getByTestId('lesion-measures').innerText(), { timeout: STEP_MS }).toMatch(/Naevus A: Longest diameter 1\d\d px .*\(pixels only\)/);
    await screenshot(page, GROUP, '01-uncalibrated', panel);

    await panel.getByRole('button', { name: 'Calibrate', exact: true }).click();
    await clickImage(page, 'photo-stage', photo.ruler.from, size);
    await clickImage(page, 'photo-stage', photo.ruler.to, size);
    await panel.getByLabel('Known length in millimetres').fill('10');
    await panel.getByRole('button', { name: 'Save calibration' }).click();
    await expect.poll(() => panel.getByTestId('calibration-status').innerText(), { timeout: STEP_MS }).toMatch(/Calibrated by ada\.okafor: 10 mm = 20\d px/);
    const measured = await panel.getByTestId('lesion-measures').innerText();
    const mm = Number(/Longest diameter ([\d.]+) mm/.exec(measured)?.[1]);
    expect(mm).toBeGreaterThan(5.7); // 6 mm drawn; clicks land within a pixel or two at this scale
    expect(mm).toBeLessThan(6.3);
    await screenshot(page, GROUP, '02-calibrated', panel);

    await panel.getByRole('button', { name: 'Record finding' }).click();
    const pending = panel.locator('[data-testid="derm-findings"] li[data-status="pending"]');
    await pending.waitFor({ timeout: STEP_MS });
    expect(await pending.innerText()).toMatch(/Proposed, not in the record yet[\s\S]*Lesion "Naevus A": longest diameter [\d.]+ mm, area [\d.]+ mm² on photo of left forearm of 2024-01-10 \(calibrated/);
    await screenshot(page, GROUP, '03-proposed', panel.getByTestId('derm-findings'));
    await pending.getByRole('button', { name: 'Confirm finding' }).click();
    await panel.locator('[data-testid="derm-findings"] li[data-status="confirmed"]').waitFor({ timeout: STEP_MS });

    // The brief now cites the finding; its citation opens the photo at the outline.
    await showSection(page, 'summary');
    const brief = page.getByTestId('brief');
    const line = brief.locator('li.claim', { hasText: 'Lesion "Naevus A"' });
    await line.waitFor({ timeout: STEP_MS });
    expect(await line.getAttribute('data-verdict')).toBe('supported');
    await line.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '04-brief-cites', brief);
    await line.getByRole('button', { name: 'Confirmed finding' }).click();
    const cited = page.getByTestId('cited-finding');
    await cited.waitFor({ timeout: STEP_MS });
    await page.locator('[data-testid="cited-stage"][data-loaded="true"]').waitFor({ timeout: STEP_MS });
    expect(await cited.innerText()).toMatch(/Cited finding[\s\S]*Lesion "Naevus A"[\s\S]*recorded by ada\.okafor/);
    expect(await cited.locator('.shape-finding polygon').count()).toBe(1);
    await screenshot(page, GROUP, '05-citation-opens-image', cited);
    expect(opened.problems).toEqual([]);
  }, TEST_MS);
});
