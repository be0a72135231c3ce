import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStarterLibrary } from '../../scripts/evidence/build-starter-library';
import { createVault, e2eSkipReason, ROOT, screenshot, showSection, startWorkstation, STEP_MS, type Workstation } from './support';

/**
 * The starter evidence library and the checks from published tables, as a
 * clinician meets them: the library imported on first run with each
 * document's attribution and licence; a search whose passage opens in the
 * reader at its label page; a document added from the panel; and a plan
 * with an opioid, a benzodiazepine and metformin at an eGFR of 25, whose
 * flags show in the brief with their sources (CDC 2022 Recommendation 11,
 * the metformin label's section). Screenshots go to test-artifacts/evidence/.
 */
const guidelines = resolve(ROOT, '../shared/data/guidelines');
const skip = e2eSkipReason({ synthea: false }) ?? (existsSync(join(guidelines, 'manifest.json')) ? null : `${guidelines} not found`);
const GROUP = 'evidence';
const PATIENT = 'e7c1d2e3-0000-4000-8000-0000000000a1';
const ref = { reference: `urn:uuid:${PATIENT}` };
const med = (id: string, text: string, dosage: string) => ({
  fullUrl: `urn:uuid:${id}`,
  resource: { resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: ref, authoredOn: '2024-01-01', medicationCodeableConcept: { text }, dosageInstruction: [{ text: dosage }] },
  request: { method: 'POST', url: 'MedicationRequest' },
});
const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    { fullUrl: `urn:uuid:${PATIENT}`, resource: { resourceType: 'Patient', id: PATIENT, name: [{ given: ['Ravi'], family: 'Menon' }], gender: 'male', birthDate: '1951-06-02' }, request: { method: 'POST', url: 'Patient' } },
    med('a1000000-0000-4000-8000-000000000001', 'oxyCODONE Hydrochloride 10 MG Oral Tablet', '1 tablet every 4 hours as needed'),
    med('a1000000-0000-4000-8000-000000000002', 'alprazolam 0.5 MG Oral Tablet', '1 tablet at night'),
    med('a1000000-0000-4000-8000-000000000003', 'metformin hydrochloride 500 MG Oral Tablet', '1 tablet twice daily'),
    {
      fullUrl: 'urn:uuid:a1000000-0000-4000-8000-000000000004',
      resource: {
        resourceType: 'Observation', id: 'a1000000-0000-4000-8000-000000000004', status: 'final', subject: ref, effectiveDateTime: '2024-11-02',
        code: { coding: [{ system: 'http://loinc.org', code: '33914-3', display: 'eGFR' }] },
        valueQuantity: { value: 25, unit: 'mL/min/{1.73_m2}', system: 'http://unitsofmeasure.org', code: 'mL/min/{1.73_m2}' },
      },
      request: { method: 'POST', url: 'Observation' },
    },
  ],
};

describe.skipIf(skip !== null)(`evidence library and cited checks (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let workstation: Workstation;
  let page: Page;
  const starter = mkdtempSync(join(tmpdir(), 'continuum-starter-e2e-'));

  beforeAll(async () => {
    // Three real documents of the 24 (a label PDF, a guideline summary, the CDC 2022 recommendations): the whole library imports in
    // about 12 s on an idle machine, far longer on a busy one; bench:evidence and the chunking test import all of it.
    buildStarterLibrary(guidelines, starter, ['fda-label-warfarin-sodium-tablets.pdf', 'vadod-hypertension-primary-care-2014.html', 'cdc-opioid-prescribing-2022-recommendations.md']);
    // Embedding off: the ranking would change as the background job went on, and it costs minutes of CPU the browser needs here.
    workstation = await startWorkstation({ viewport: { width: 1440, height: 1100 }, core: { starterLibrary: starter, embedEvidence: false } });
    page = workstation.opened.page;
  }, 10 * 60_000);

  afterAll(async () => {
    await workstation?.close();
    rmSync(starter, { recursive: true, force: true });
  });

  it('imports the starter library on first run and shows who issued each document under which licence', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([{ name: 'ravi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) }]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 2 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('patient-row').filter({ hasText: 'Ravi' }).click();
    await page.getByTestId('chart-name').waitFor();
    await screenshot(page, GROUP, '00-chart');
    // The library sits beside the visit note, in the chart's "Visit note" section.
    await showSection(page, 'notes');
    const evidence = page.getByTestId('evidence');
    // The import runs in the background, in the core's thread: wait for it there, then open the chart again to list the documents.
    await expect
      .poll(async () => {
        const answer = (await workstation.running.core.invoke('evidence.sources', {})) as { ok: boolean; value?: { sources: unknown[] } };
        return answer.ok ? answer.value!.sources.length : -1;
      }, { timeout: 6 * STEP_MS, interval: 3000 })
      .toBe(3);
    // A search reloads the list of documents too.
    await evidence.getByLabel('Search the evidence library').fill('warfarin with clopidogrel bleeding risk');
    await evidence.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => evidence.getByTestId('evidence-sources-toggle').innerText().catch(() => ''), { timeout: STEP_MS }).toBe('3 documents');
    await evidence.getByTestId('evidence-sources-toggle').click();
    const sources = evidence.getByTestId('evidence-sources');
    expect(await sources.innerText()).toContain('Warfarin sodium tablets');
    expect(await sources.innerText()).toMatch(/No copyright restrictions apply/);
    await evidence.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '01-starter-library-sources', evidence);
    await evidence.getByTestId('evidence-sources-toggle').click();
  }, 12 * 60_000);

  it('finds a label passage and opens it in the reader at its page', async () => {
    const evidence = page.getByTestId('evidence');
    await evidence.getByLabel('Search the evidence library').fill('warfarin with clopidogrel bleeding risk');
    await evidence.getByRole('button', { name: 'Search' }).click();
    const first = evidence.locator('.evidence-hits li').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('Warfarin sodium tablets');
    await first.getByTestId('evidence-open-reader').click();
    const reader = evidence.getByTestId('evidence-reader');
    await reader.waitFor();
    expect(await reader.innerText()).toMatch(/page \d+/i);
    expect(await reader.getByTestId('evidence-reader-current').innerText()).toMatch(/clopidogrel/i);
    await screenshot(page, GROUP, '02-reader-at-page', evidence);
  }, 4 * 60_000);

  it('adds a document from the panel, naming a bad date instead of storing it', async () => {
    const evidence = page.getByTestId('evidence');
    await evidence.getByRole('button', { name: 'Add a document' }).click();
    const form = evidence.getByTestId('evidence-add');
    await form.locator('input[type=file]').setInputFiles([{ name: 'clinic-protocol.md', mimeType: 'text/markdown', buffer: Buffer.from('# Clinic protocol\n\n## Falls\n\nReview every fall within 2 weeks.\n') }]);
    await form.getByLabel('Title').fill('Clinic falls protocol');
    await form.getByLabel('Issuer').fill('Our clinic');
    await form.getByLabel('Published').fill('last spring');
    await form.getByLabel('Licence').fill('internal');
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await evidence.getByRole('alert').filter({ hasText: 'not a date' }).waitFor();
    await form.getByLabel('Published').fill('2024 Mar 18');
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await evidence.getByRole('status').filter({ hasText: 'clinic-protocol.md: 1 passages added' }).waitFor();
    expect(await evidence.getByTestId('evidence-sources-toggle').innerText()).toBe('4 documents');
  }, 4 * 60_000);

  it('flags opioid with benzodiazepine and metformin at eGFR 25 in the brief, each with its source', async () => {
    // The brief is on the chart's summary: its high-severity flags are alerts at the top, the others are its checks, each with its rule and source.
    await showSection(page, 'summary');
    const brief = page.getByTestId('brief');
    await brief.locator('[data-section="alerts"] [data-testid="claim-rule"]').first().waitFor();
    const flags = brief.locator('[data-section="alerts"], [data-section="checks"]');
    // The table row behind each rule (data file, version, row) is shown on request.
    for (const row of await flags.locator('details.claim-rule-row summary').all()) await row.click();
    const text = (await flags.allInnerTexts()).join('\n');
    expect(text).toMatch(/oxyCODONE Hydrochloride 10 MG Oral Tablet \(opioid\) with alprazolam 0\.5 MG Oral Tablet \(benzodiazepine\)/);
    expect(text).toMatch(/CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022.*Recommendation 11.*concurrent-use-rules\.csv row 2/s);
    expect(text).toMatch(/metformin contraindicated with an eGFR below 30; eGFR 25/);
    expect(text).toMatch(/Metformin hydrochloride tablets, full prescribing information.*Revised 1\/2026.*section 4 Contraindications/s);
    // 10 mg x 6 a day x 1.5 = 90 MME/day.
    expect(text).toMatch(/Opioids total 90 MME\/day/);
    await brief.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '03-brief-flags-with-sources', brief);
    expect(workstation.opened.problems).toEqual([]);
  }, 4 * 60_000);
});
