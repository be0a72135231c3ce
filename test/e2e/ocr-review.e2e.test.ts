import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { degrade } from '../../scripts/ocr/degrade';
import { labReport } from '../../scripts/ocr/documents';
import {
  createVault,
  e2eSkipReason,
  type OpenedPage,
  type RunningHost,
  screenshot,
  startWorkstation,
  STEP_MS,
  type Workstation,
  fileHeldScanAnyway,
  showSection,
} from './support';

/**
 * The OCR review pane in Chromium: a generated lab report (slightly rotated)
 * uploaded into a chart, read in the core's OCR workers, reviewed (doubtful
 * words, a word corrected, zoom), one lab value accepted, and that value seen
 * in the chart's results. Screenshots go to test-artifacts/ocr-review/.
 */
const skip = e2eSkipReason({ synthea: false });
const GROUP = 'ocr-review';
const PATIENT = 'f0c1d2e3-0000-4000-8000-0000000000e2';
const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: `urn:uuid:${PATIENT}`,
      resource: { resourceType: 'Patient', id: PATIENT, name: [{ given: ['Grace'], family: 'Okafor' }], gender: 'female', birthDate: '1961-04-02' },
      request: { method: 'POST', url: 'Patient' },
    },
  ],
};

describe.skipIf(skip !== null)(`OCR review end to end (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let workstation: Workstation;
  let running: RunningHost;
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    workstation = await startWorkstation({ viewport: { width: 1440, height: 1300 } });
    ({ running, opened } = workstation);
    page = opened.page;
  }, 10 * 60_000);

  afterAll(async () => {
    await workstation?.close();
  });

  it('uploads a lab report, reviews its words, accepts a lab value and shows it in the chart', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([{ name: 'grace.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) }]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 2 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('patient-row').filter({ hasText: 'Grace' }).click();
    await page.getByTestId('chart-name').waitFor();

    const doc = labReport(11, { width: 1100, height: 560, fontPx: 22, maxLabs: 5 });
    const { bytes } = await degrade(doc.png, { name: 'rotated', rotate: 1.5 });
    await showSection(page, 'documents');
    await page.getByTestId('ocr-upload-input').setInputFiles([{ name: 'lab-report.png', mimeType: 'image/png', buffer: bytes }]);
    // The generated report names another patient: held back beside the chart, filed on the clinician's override.
    await fileHeldScanAnyway(page);
    const review = page.getByTestId('ocr-review');
    const proposals = review.getByTestId('ocr-proposal');
    await proposals.first().waitFor({ timeout: 3 * STEP_MS }).catch(async (error: Error) => {
      await screenshot(page, GROUP, '00-no-proposals');
      throw new Error(`${error.message.split('\n')[0]} | ${opened.problems.join(' | ')}`);
    });
    expect(await review.getByTestId('ocr-page-of').innerText()).toBe('Page 1 of 1');
    expect(await review.locator('.ocr-box').count()).toBeGreaterThan(20);
    expect(await review.getByTestId('ocr-text').innerText()).toContain('Northfield');
    // The generated report names another patient (another birth date): the pane warns before anything is accepted.
    expect(await review.getByTestId('ocr-patient-mismatch').innerText()).toContain('born on Apr 2, 1961');
    await review.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, GROUP, '01-review');

    // Keyboard: n selects a doubtful word when there is one; a click on any word opens its correction.
    await review.focus();
    await page.keyboard.press('n');
    const target = review.locator('.ocr-box').first();
    const before = await target.getAttribute('title');
    await target.click();
    const input = review.getByLabel('Corrected word');
    await input.waitFor();
    const original = (before ?? '').split(' · ')[0]!;
    await input.fill(original.length > 0 ? original : 'Northfield');
    await input.press('Enter');
    await review.locator('.ocr-box.w-corrected').first().waitFor();
    expect(await review.getByTestId('ocr-current-word').innerText()).toContain('corrected by you');

    // Zoom in and out.
    const fitted = await review.getByTestId('ocr-zoom').innerText();
    await review.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction((f) => document.querySelector('[data-testid="ocr-zoom"]')?.textContent !== f, fitted);
    await review.getByRole('button', { name: 'Fit width' }).click();
    await page.waitForFunction((f) => document.querySelector('[data-testid="ocr-zoom"]')?.textContent === f, fitted);

    // Accept the first lab value that the chart does not show yet.
    const lab = proposals.filter({ hasText: 'Lab result' }).first();
    const readAs = await lab.locator('td').nth(2).innerText();
    const display = readAs.split(' [LOINC')[0]!.split(':')[0]!.trim();
    expect(display.length).toBeGreaterThan(2);
    await lab.getByRole('button', { name: /^Accept / }).click();
    await review.getByTestId('ocr-proposal-status').filter({ hasText: 'Accepted · in the record' }).first().waitFor();

    // In the chart: the trends' analyte list and the timeline's results.
    await showSection(page, 'results');
    await page.getByTestId('analyte-picker').getByRole('button', { name: new RegExp(`^${display.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).waitFor();
    const answer = (await running.core.invoke('timeline.events', { patientId: PATIENT, kinds: ['results'] })) as { ok: boolean; value?: { events: { start: string }[] } };
    expect(answer.ok).toBe(true);
    expect(answer.value!.events.map((e) => e.start.slice(0, 10))).toContain(doc.truth.labs[0]!.date);
    await showSection(page, 'documents');
    await review.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, GROUP, '02-accepted');
    await showSection(page, 'history');
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '03-chart');
    expect(opened.problems).toEqual([]);
  }, 8 * 60_000);
});
