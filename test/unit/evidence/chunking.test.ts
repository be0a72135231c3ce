import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkSections, CHUNK_CHARS } from '../../../electron/evidence/chunk';
import { parseHtml } from '../../../electron/evidence/parsers/html';
import { headingByWording } from '../../../electron/evidence/parsers/pdf';
import { normalizePublished } from '../../../electron/evidence/published-date';
import { safeCut } from '../../../electron/evidence/sentence-ends';
import { brokenCuts } from '../../../bench/evidence/broken-cuts';
import { composeCore } from '../../../electron/core/core-services';

const section = (text: string) => ({ headings: ['Label', 'Dosing'], text });

describe('chunking', () => {
  it('never cuts inside a number, between a dose and its unit, or after an abbreviation', () => {
    // The sentences that the old splitter broke: "2.<break>5 mg", "1.<break>73", "U.<break>S.".
    const sentence = 'WARFARIN SODIUM 2.5 mg tablets are scored. Do not use with an eGFR below 30 mL/minute/1.73 m2 in the U.S. Population data vary, e.g. Dr. Smith reported 1,063 cases. ';
    const chunks = chunkSections([section(sentence.repeat(40))]);
    expect(chunks.length).toBeGreaterThan(3);
    const rows = chunks.map((c, ord) => ({ sourceId: 1, ord, section: c.section, text: c.text }));
    expect(brokenCuts(rows)).toEqual([]);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(CHUNK_CHARS);
      expect(c.text).not.toMatch(/^(?:5 mg|73|S\.|063)/);
    }
  });

  it('makes each chunk a verbatim slice of its section, and loses no text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Take 2.5 mg daily.', 'See U.S. data.', 'eGFR 1.73 m2', '\n\n', '\n', 'Word', 'e.g. this', '1,063', 'A.', ' '), { minLength: 50, maxLength: 600 }), (parts) => {
        const text = parts.join(' ').trim();
        if (!text) return;
        const chunks = chunkSections([section(text)]);
        let at = 0;
        for (const c of chunks) {
          const found = text.indexOf(c.text, at);
          expect(found).toBeGreaterThanOrEqual(at);
          expect(text.slice(at, found).trim()).toBe('');
          at = found + c.text.length;
        }
        expect(text.slice(at).trim()).toBe('');
      }),
      { numRuns: 60 },
    );
  });

  it('prefers a paragraph end to a sentence end, and a sentence end to a space', () => {
    const para = `${'Recommendation one is given here. '.repeat(20)}\n\n${'Recommendation two follows it. '.repeat(20)}`;
    const [first] = chunkSections([section(para)]);
    expect(first!.text.endsWith('Recommendation one is given here.')).toBe(true);
  });

  it('gives a chunk of a section that runs over pages the page its text starts on', () => {
    const text = `${'a'.repeat(10)} ${'Long page one text. '.repeat(60)}\n${'Page two text here. '.repeat(60)}`;
    const second = text.indexOf('Page two');
    const chunks = chunkSections([{ headings: ['X'], text, page: 3, pageStarts: [{ offset: 0, page: 3 }, { offset: second, page: 4 }] }]);
    expect(chunks[0]!.page).toBe(3);
    expect(chunks.find((c) => c.text.startsWith('Page two'))?.page).toBe(4);
  });

  it('cuts a section before a run-in heading, never after one, and names the heading a chunk falls under', () => {
    const group = (title: string, advice: string) => `<p><strong>${title}</strong></p><ol>${`<li>${advice} (Strong for)</li>`.repeat(8)}</ol>`;
    const html = `<h1>Hypertension</h1><h3>Major Recommendations</h3><p>Applies to adults.</p>${group('Sodium Reduction', 'Limit sodium intake to no more than 2300 mg/day in patients with hypertension.')}${group('Alcohol Reduction', 'Advise limiting alcohol intake to no more than 1 oz per day for men.')}${group('Blood Pressure Goals', 'Treat to a systolic blood pressure goal of <150 mmHg in patients 60 years and over.')}`;
    const sections = parseHtml(html);
    expect(sections).toHaveLength(1);
    expect(sections[0]!.subheadings?.map((h) => h.text)).toEqual(['Sodium Reduction', 'Alcohol Reduction', 'Blood Pressure Goals']);
    const chunks = chunkSections(sections);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.text).not.toMatch(/(Sodium Reduction|Alcohol Reduction|Blood Pressure Goals)$/);
    const alcohol = chunks.find((c) => c.text.includes('1 oz per day'))!;
    expect(alcohol.section).toBe('Hypertension > Major Recommendations > Alcohol Reduction');
    expect(alcohol.text.startsWith('Alcohol Reduction')).toBe(true);
    // The marks that carried the headings through the parser are not in the text.
    expect(chunks.every((c) => !c.text.includes('\u0001'))).toBe(true);
  });

  it('judges cuts as a reader would', () => {
    expect(safeCut('the dose is 2.', '5 mg daily')).toBe(false);
    expect(safeCut('give 40', 'mg at night')).toBe(false);
    expect(safeCut('approved in the U.S.', 'Food and Drug')).toBe(false);
    expect(safeCut('see e.g.', 'Table 2')).toBe(false);
    expect(safeCut('monitor the INR.', 'Warfarin can cause')).toBe(true);
  });
});

describe('PDF headings by wording', () => {
  it('knows the numbered and capital headings of a drug label', () => {
    expect(['7 DRUG INTERACTIONS', '7.3 Drugs that Increase Bleeding Risk', 'INDICATIONS AND USAGE', 'WARNING: BLEEDING RISK'].map(headingByWording)).toEqual([1, 2, 1, 1]);
    expect(['2 weeks ago the patient', 'Warfarin sodium can cause major or fatal bleeding.', '5 mg tablets', 'INR'].map(headingByWording)).toEqual([null, null, null, null]);
  });
});

describe('publication dates as documents state them', () => {
  it.each([
    ['1999 May (revised 2014 Oct)', '2014-10 (first issued 1999-05)'],
    ['2006 Dec (revised 2014)', '2014 (first issued 2006-12)'],
    ['2016 Mar 18', '2016-03-18'],
    ['2011 Jan 28 (revised 2014)', '2014 (first issued 2011-01-28)'],
    ['Revised 1/2026 (PDF rendered 2026-01-29)', '2026-01'],
    ['March 18, 2016', '2016-03-18'],
    ['2022-11-04', '2022-11-04'],
    ['2014', '2014'],
    ['2014-10 (first issued 1999-05)', '2014-10 (first issued 1999-05)'],
  ])('%s -> %s', (text, normal) => expect(normalizePublished(text)).toBe(normal));

  it.each(['last year', '2023-02-29', '13/2020', 'soon (revised 2014)'])('refuses %s', (text) => expect(normalizePublished(text)).toBeNull());
});

const guidelines = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/guidelines');

describe.skipIf(!existsSync(join(guidelines, 'manifest.json')))('the starter library built from ../shared/data/guidelines', () => {
  it('imports all 24 documents with no chunk that breaks a number, unit or abbreviation, and PDF chunks cite their pages', { timeout: 120_000 }, async () => {
    const { buildStarterLibrary } = await import('../../../scripts/evidence/build-starter-library');
    const { starterVault } = await import('../../../bench/evidence/starter-vault');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'continuum-starter-'));
    try {
      buildStarterLibrary(guidelines, out);
      const { vault, folder, imported } = await starterVault(out);
      try {
        expect(imported.failed).toEqual([]);
        expect(imported.added).toHaveLength(24);
        const chunks = vault.db.prepare(`SELECT source_id AS sourceId, ord, section, text FROM evidence_chunks`).all() as Array<{ sourceId: number; ord: number; section: string; text: string }>;
        expect(brokenCuts(chunks)).toEqual([]);
        const warfarin = vault.db
          .prepare(`SELECT c.page, c.section FROM evidence_chunks c JOIN evidence_sources s ON s.id = c.source_id WHERE s.file_name = 'fda-label-warfarin-sodium-tablets.pdf'`)
          .all() as Array<{ page: number; section: string }>;
        expect(new Set(warfarin.map((c) => c.page)).size).toBeGreaterThan(30);
        expect(warfarin.find((c) => c.section.endsWith('7.3 Drugs that Increase Bleeding Risk'))?.page).toBe(13);
        const published = vault.db.prepare(`SELECT published FROM evidence_sources WHERE file_name = 'vadod-hypertension-primary-care-2014.html'`).pluck().get();
        expect(published).toBe('2014-10 (first issued 1999-05)');
      } finally {
        vault.close();
        rmSync(folder, { recursive: true, force: true });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the starter library on first run', () => {
  it('goes into a new vault in the background, once; a document whose bytes do not match is refused and the rest go in', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const { tempDir, TEST_SCRYPT } = await import('../../helpers/temp-vault');
    const dir = join(tempDir(), 'evidence');
    mkdirSync(dir);
    const docs = [
      ['windmill.md', '# Windmill fever\n\nGive anemodrine 4 mg at night.\n'],
      ['tampered.md', '# Tampered\n\nThis is not what the index says.\n'],
    ] as const;
    for (const [file, text] of docs) writeFileSync(join(dir, file), text);
    const entry = (file: string, text: string) => ({ file, title: file, issuer: 'Test issuer', published: '2016 Mar 18', licence: 'public domain', tier: 'guideline', topic: 'test', source: 'test', sha256: createHash('sha256').update(text).digest('hex') });
    writeFileSync(join(dir, 'library.json'), JSON.stringify({ name: 'test', builtFrom: 'test', documents: [entry(...docs[0]), entry('tampered.md', 'other bytes')] }));
    const session = composeCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT, starterLibrary: dir }).session;
    session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, 'correct horse battery staple');
    await session.starterImport;
    const db = session.requireVault().db;
    expect(db.prepare(`SELECT file_name, published FROM evidence_sources`).all()).toEqual([{ file_name: 'windmill.md', published: '2016-03-18' }]);
    // Then embedded for the second ranker, by the shipped sentence encoder, in the same background job.
    expect(db.prepare(`SELECT count(*) FROM evidence_vectors`).pluck().get()).toBe(db.prepare(`SELECT count(*) FROM evidence_chunks`).pluck().get());
    session.lock();
    session.unlock('dr.ada', 'correct horse battery staple');
    await session.starterImport;
    expect(session.requireVault().db.prepare(`SELECT count(*) FROM evidence_sources`).pluck().get()).toBe(1);
    session.lock();
  });
});
