import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labReport } from '../../scripts/ocr/documents';
import { writeTiff } from '../integration/ocr/tiff-writer';
import { createVault, e2eSkipReason, type OpenedPage, screenshot, startWorkstation, STEP_MS, type Workstation, fileHeldScanAnyway, showSection } from './support';

/**
 * From a brief line back to the paper: a two-page TIFF lab report is
 * uploaded, an out-of-range LDL on page 2 is accepted, the brief cites it,
 * and its citation opens the record, whose source opens the review pane at
 * page 2 with the LDL line outlined and in view. Screenshots go to
 * test-artifacts/citation-to-document/.
 */
const skip = e2eSkipReason({ synthea: false });
const GROUP = 'citation-to-document';
const PATIENT = 'f0c1d2e3-0000-4000-8000-0000000000e5';
const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: `urn:uuid:${PATIENT}`,
      resource: { resourceType: 'Patient', id: PATIENT, name: [{ given: ['Lena'], family: 'Okafor' }], gender: 'female', birthDate: '1959-03-28' },
      request: { method: 'POST', url: 'Patient' },
    },
  ],
};
// Page 1: all results in range. Page 2 (Lena Okafor's own report): LDL cholesterol 150 mg/dL, above 50-130.
const pages = [labReport(33, { width: 1000, height: 480, fontPx: 22, maxLabs: 3 }), labReport(35, { width: 1000, height: 480, fontPx: 22, maxLabs: 3 })];
const ldl = pages[1]!.truth.labs.find((l) => l.analyte === 'LDL cholesterol')!;

async function twoPageTiff(): Promise<Buffer> {
  const specs = await Promise.all(
    pages.map(async (doc, i) => {
      const image = await loadImage(doc.png);
      const canvas = createCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      return { width: image.width, height: image.height, rgba: ctx.getImageData(0, 0, image.width, image.height).data, layout: i === 0 ? ('grey8' as const) : ('bilevel' as const), compression: 'deflate' as const };
    }),
  );
  return writeTiff(specs);
}

describe.skipIf(skip !== null)(`citation to its scanned page (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let workstation: Workstation;
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    workstation = await startWorkstation({ viewport: { width: 1440, height: 1100 } });
    ({ opened } = workstation);
    page = opened.page;
  }, 10 * 60_000);

  afterAll(async () => {
    await workstation?.close();
  });

  it('opens the page of a multi-page TIFF at the box a brief citation rests on', async () => {
    expect(ldl.value).toBeGreaterThan(ldl.high!);
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([{ name: 'lena.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) }]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 2 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('patient-row').filter({ hasText: 'Lena' }).click();
    await page.getByTestId('chart-name').waitFor();

    // Upload the two-page TIFF; both pages are read. Its pages name other patients: filed on the clinician's override.
    await showSection(page, 'documents');
    await page.getByTestId('ocr-upload-input').setInputFiles([{ name: 'lab-report.tif', mimeType: 'image/tiff', buffer: await twoPageTiff() }]);
    await fileHeldScanAnyway(page);
    const review = page.getByTestId('ocr-review');
    await review.getByTestId('ocr-proposal').first().waitFor({ timeout: 3 * STEP_MS });
    expect(await review.getByTestId('ocr-page-of').innerText()).toBe('Page 1 of 2');
    expect(await page.getByTestId('ocr-documents').innerText()).toContain('lab-report.tif · 2 pages');

    // Page 2: accept the LDL.
    await review.getByRole('button', { name: 'Next page' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="ocr-page-of"]')?.textContent === 'Page 2 of 2');
    const row = review.getByTestId('ocr-proposal').filter({ hasText: `LOINC ${'13457-7'}` });
    await row.waitFor();
    expect(await row.innerText()).toContain(`${ldl.value} mg/dL`);
    await row.getByRole('button', { name: /^Accept / }).click();
    await row.getByTestId('ocr-proposal-status').waitFor();

    // Back to page 1, as a clinician would have moved on; then the brief, which now cites the LDL.
    await review.getByRole('button', { name: 'Previous page' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="ocr-page-of"]')?.textContent === 'Page 1 of 2');
    await showSection(page, 'summary');
    const brief = page.getByTestId('brief');
    const line = brief.locator('.claim').filter({ hasText: 'above the reference range' });
    await line.waitFor({ timeout: STEP_MS });
    expect(await line.innerText()).toContain(String(ldl.value));
    await brief.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '01-brief-line', brief);
    await line.locator('.citation-chip').first().click();

    // The record's drawer offers its source.
    const drawer = page.getByTestId('details-drawer');
    const open = drawer.getByTestId('open-source');
    await open.waitFor();
    expect(await open.innerText()).toBe('Show on page 2 of lab-report.tif');
    expect(await drawer.innerText()).toContain('Document: lab-report.tif');
    expect(await drawer.innerText()).toContain('Page 2, 5 words read from the scan');
    await screenshot(page, GROUP, '02-drawer');
    await open.click();
    await drawer.waitFor({ state: 'detached' });

    // The review is at page 2, the LDL line outlined, inside the visible part of the page and of the window.
    await page.waitForFunction(() => document.querySelector('[data-testid="ocr-page-of"]')?.textContent === 'Page 2 of 2');
    const outline = review.getByTestId('ocr-cited');
    await outline.waitFor();
    await page.waitForTimeout(300);
    const stage = (await review.getByTestId('ocr-stage').boundingBox())!;
    const box = (await outline.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(stage.x - 1);
    expect(box.y).toBeGreaterThanOrEqual(stage.y - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(stage.y + stage.height + 1);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1100);
    // The outline is round the LDL words: the words under it read "LDL cholesterol 150 mg/dL ...".
    const under = await page.evaluate(() => [...document.querySelectorAll('.ocr-text-body .cited')].map((e) => e.textContent?.trim()).join(' '));
    expect(under).toContain(String(ldl.value));
    expect(under).toMatch(/LDL/);
    expect(await review.getByTestId('ocr-cited-note').innerText()).toContain('Outlined on page 2');
    expect(await review.locator('.ocr-proposal.cited').innerText()).toContain('Accepted');
    await screenshot(page, GROUP, '03-page-at-box');
    await screenshot(page, GROUP, '04-review-pane', review);

    // Turning the page drops the outline; the clinician can always come back through the citation.
    await review.getByRole('button', { name: 'Hide outline' }).click();
    await outline.waitFor({ state: 'detached' });
    expect(opened.problems).toEqual([]);
  }, 8 * 60_000);
});
