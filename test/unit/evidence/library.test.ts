import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importEvidence, listEvidenceSources, searchEvidence, type EvidenceMeta } from '../../../electron/evidence';
import type { Vault } from '../../../electron/store/vault';
import { makeTextPdf } from '../../helpers/make-pdf';
import { createTestVault } from '../../helpers/temp-vault';

const FIXTURES = join(__dirname, '../../fixtures/evidence');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const meta = (tier: EvidenceMeta['tier'], title = `Zephyr ${tier}`): EvidenceMeta => ({
  title,
  issuer: 'Continuum test team',
  published: '2026-01-15',
  licence: 'test material',
  tier,
});

let vault: Vault;
beforeEach(() => {
  vault = createTestVault();
});
afterEach(() => vault.close());

const rows = (sql: string) => vault.db.prepare(sql).all();

describe('evidence library import', () => {
  it('splits Markdown by headings, keeping the heading path and dropping markup', async () => {
    const result = await importEvidence(vault, 'zephyr-guideline.md', fixture('zephyr-guideline.md'), meta('guideline'));
    expect(result).toMatchObject({ alreadyImported: false, chunks: 4 });
    const chunks = rows(`SELECT section, text FROM evidence_chunks ORDER BY ord`) as Array<{ section: string; text: string }>;
    expect(chunks.map((c) => c.section)).toEqual([
      'Zephyr syndrome: fictional test guideline',
      'Zephyr syndrome: fictional test guideline > Diagnosis',
      'Zephyr syndrome: fictional test guideline > Treatment > First line',
      'Zephyr syndrome: fictional test guideline > Treatment > Second line',
    ]);
    expect(chunks[1]!.text).toContain('recurrent wind-borne rash and\na raised zephyrin level above 40 units');
    expect(chunks.some((c) => c.text.includes('# not a heading'))).toBe(true);
  });

  it('reads HTML as a browser would, without scripts, styles or navigation', async () => {
    await importEvidence(vault, 'zephyr-reference.html', fixture('zephyr-reference.html'), meta('reference'));
    const chunks = rows(`SELECT section, text FROM evidence_chunks ORDER BY ord`) as Array<{ section: string; text: string }>;
    const all = chunks.map((c) => c.text).join('\n');
    expect(all).not.toMatch(/alert|color: red|Home \| Index/);
    expect(chunks.find((c) => c.section.endsWith('Pharmacology of calmodrine'))?.text).toMatch(/reduce the dose when renal function is impaired/);
  });

  it('guesses plain-text headings from capitals and numbering', async () => {
    await importEvidence(vault, 'zephyr-notes.txt', fixture('zephyr-notes.txt'), meta('other'));
    const sections = (rows(`SELECT section FROM evidence_chunks ORDER BY ord`) as Array<{ section: string }>).map((r) => r.section);
    expect(sections).toEqual(['ZEPHYR NOTES', 'ZEPHYR NOTES > 1. Background', 'ZEPHYR NOTES > 1. Background > 1.1 Epidemiology']);
  });

  it('reads a text PDF, taking larger lines as headings and keeping page numbers', async () => {
    const pdf = makeTextPdf([
      [
        { text: 'Zephyr PDF guidance', size: 20 },
        { text: 'Dosing', size: 14 },
        { text: 'Give calmodrine with food.', size: 10 },
        { text: 'Avoid it in pregnancy.', size: 10 },
      ],
      [
        { text: 'Follow-up', size: 14 },
        { text: 'Review zephyrin after six weeks.', size: 10 },
      ],
    ]);
    await importEvidence(vault, 'zephyr.pdf', pdf, meta('guideline', 'Zephyr PDF'));
    const chunks = rows(`SELECT section, page, text FROM evidence_chunks ORDER BY ord`);
    expect(chunks).toEqual([
      { section: 'Zephyr PDF guidance > Dosing', page: 1, text: 'Give calmodrine with food.\nAvoid it in pregnancy.' },
      { section: 'Zephyr PDF guidance > Follow-up', page: 2, text: 'Review zephyrin after six weeks.' },
    ]);
  });

  it('imports the same bytes once', async () => {
    const first = await importEvidence(vault, 'g.md', fixture('zephyr-guideline.md'), meta('guideline'));
    const again = await importEvidence(vault, 'copy.md', fixture('zephyr-guideline.md'), meta('guideline'));
    expect(again).toEqual({ ...first, alreadyImported: true });
    expect(listEvidenceSources(vault.db)).toHaveLength(1);
  });

  it.each([
    ['an empty file', 'empty.md', new Uint8Array(), /^empty\.md: the file is empty$/],
    ['an unknown format', 'scan.docx', new Uint8Array([1, 2, 3]), /^scan\.docx: not a document the library reads/],
    ['text that is not UTF-8', 'latin.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), /^latin\.txt: not UTF-8 text/],
    ['a broken PDF', 'broken.pdf', new Uint8Array(Buffer.from('%PDF-1.4\nnot really')), /^broken\.pdf: (not a readable PDF|the PDF has no text layer)/],
    ['a PDF without text (a scan)', 'scan.pdf', makeTextPdf([[]]), /^scan\.pdf: the PDF has no text layer/],
  ])('refuses %s with one line naming it, storing nothing', async (_what, name, bytes, message) => {
    await expect(importEvidence(vault, name, bytes, meta('other'))).rejects.toThrow(message);
    expect(rows(`SELECT id FROM evidence_sources`)).toEqual([]);
  });

  it('refuses incomplete metadata, naming the field', async () => {
    await expect(importEvidence(vault, 'g.md', fixture('zephyr-guideline.md'), { ...meta('guideline'), published: 'last year' })).rejects.toThrow(
      /^g\.md: published: not a date: "last year"/,
    );
  });
});

describe('evidence search', () => {
  beforeEach(async () => {
    await importEvidence(vault, 'zephyr-guideline.md', fixture('zephyr-guideline.md'), meta('guideline'));
    await importEvidence(vault, 'zephyr-reference.html', fixture('zephyr-reference.html'), meta('reference'));
    await importEvidence(vault, 'zephyr-notes.txt', fixture('zephyr-notes.txt'), meta('other'));
  });

  it('finds passages by BM25 with their source, and marks the matches', () => {
    const hits = searchEvidence(vault.db, 'breezolol twice daily');
    expect(hits[0]).toMatchObject({ tier: 'guideline', section: expect.stringContaining('Second line'), issuer: 'Continuum test team' });
    expect(hits[0]!.snippet).toContain('\u0002breezolol\u0003');
  });

  it('ranks the same passage guideline first, then reference, then other', async () => {
    for (const tier of ['other', 'reference', 'guideline'] as const) {
      const text = `# Windmill fever\n\nGive anemodrine 4 mg at night.\n\n<!-- ${tier} -->\n`;
      await importEvidence(vault, `windmill-${tier}.md`, new Uint8Array(Buffer.from(text)), meta(tier, `Windmill ${tier}`));
    }
    expect(searchEvidence(vault.db, 'anemodrine at night').map((h) => h.tier)).toEqual(['guideline', 'reference', 'other']);
  });

  it('lets a passage that answers the question beat one that only mentions a word', () => {
    // The reference's section is about calmodrine; the guideline names it in passing.
    expect(searchEvidence(vault.db, 'calmodrine pharmacology kidneys')[0]).toMatchObject({ tier: 'reference' });
  });

  it('treats query text as words, never as FTS syntax', () => {
    expect(() => searchEvidence(vault.db, 'calmodrine" OR NEAR(( AND *')).not.toThrow();
    expect(searchEvidence(vault.db, '   ')).toEqual([]);
  });
});
