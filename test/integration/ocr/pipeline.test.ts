import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decideProposal, extract, listProposals, OcrPool, recognizeDocument, saveDocument, type OcrPage, type OcrProgress, type Proposal } from '../../../electron/ocr';
import { degrade } from '../../../scripts/ocr/degrade';
import { labReport } from '../../../scripts/ocr/documents';
import { createTestVault, tempDir } from '../../helpers/temp-vault';

// One small lab report (4 analytes), slightly rotated: a few seconds of OCR.
const doc = labReport(42, { width: 1000, height: 420, fontPx: 22, maxLabs: 4 });
const pool = new OcrPool(1);
afterAll(() => pool.close());

let shared: Promise<{ pages: OcrPage[]; progress: OcrProgress[] }> | null = null;
function readOnce() {
  shared ??= (async () => {
    const { bytes } = await degrade(doc.png, { name: 'rotated', rotate: 2 });
    const progress: OcrProgress[] = [];
    const pages = await recognizeDocument(pool, bytes, 'lab.png', { onProgress: (p) => progress.push(p) });
    return { pages, progress };
  })();
  return shared;
}

describe('OCR pipeline', () => {
  it('reads words with boxes and confidences, deskewed, with progress per page', async () => {
    const { pages, progress } = await readOnce();
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page.rotation).toBeCloseTo(2, 0);
    expect(page.text).toContain('Northfield');
    for (const word of page.words) {
      expect(word.confidence).toBeGreaterThanOrEqual(0);
      expect(word.box.x + word.box.w).toBeLessThanOrEqual(page.width);
      expect(word.box.y + word.box.h).toBeLessThanOrEqual(page.height);
    }
    expect(progress.at(-1)).toMatchObject({ page: 1, pages: 1, progress: 1 });
  });

  it('proposes every lab value on the page, pointing at its boxes', async () => {
    const { pages } = await readOnce();
    const labs = extract(pages).filter((p): p is Extract<Proposal, { kind: 'lab' }> => p.kind === 'lab');
    const found = labs.map((l) => `${l.loinc} ${l.value} ${l.ucum}`).sort();
    const truth = doc.truth.labs.map((l) => `${l.loinc} ${l.value} ${l.ucum}`);
    // Every proposal right; at least 3 of the 4 rows found (a unit split by OCR may cost one).
    for (const f of found) expect(truth).toContain(f);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const lab of labs) {
      expect(lab.evidence.page).toBe(1);
      expect(lab.evidence.boxes.length).toBeGreaterThanOrEqual(3);
      expect(lab.date).toBe(doc.truth.labs[0]!.date);
    }
  });

  it('stores the document and turns an accepted proposal into an observation with provenance', async () => {
    const { pages } = await readOnce();
    const vault = createTestVault();
    try {
      const db = vault.db;
      const sourceId = Number(db.prepare(`INSERT INTO sources (kind, label, created_at) VALUES ('system', 'test', '2024-01-01')`).run().lastInsertRowid);
      db.prepare(`INSERT INTO patients (id, name_text, search_text, source_id, recorded_at) VALUES ('p1', 'Grace Okafor', 'grace okafor', ?, '2024-01-01')`).run(sourceId);
      const proposals = extract(pages);
      const stored = saveDocument(vault, { patientId: 'p1', title: 'lab.png', mediaType: 'image/png', bytes: doc.png, pages, proposals });
      expect(db.prepare('SELECT count(*) AS n FROM observations').get()).toEqual({ n: 0 });
      const listed = listProposals(vault, stored.documentId);
      const lab = listed.find((p) => p.proposal.kind === 'lab')!;
      const other = listed.filter((p) => p.proposal.kind === 'lab')[1]!;
      const accepted = decideProposal(vault, lab.id, 'accept', { value: 99 });
      expect(accepted.status).toBe('edited');
      expect(decideProposal(vault, other.id, 'reject').status).toBe('rejected');
      const row = db.prepare('SELECT code, value_num, unit, source_id, source_ref FROM observations').all() as { code: string; value_num: number; unit: string; source_id: number; source_ref: string }[];
      expect(row).toHaveLength(1);
      expect(row[0]).toMatchObject({ code: (lab.proposal as { loinc: string }).loinc, value_num: 99, source_id: stored.sourceId });
      expect(row[0]!.source_ref).toMatch(new RegExp(`^document:${stored.documentId}#page=1&boxes=\\d+,\\d+,\\d+,\\d+`));
      expect(() => decideProposal(vault, lab.id, 'accept')).toThrow(/already/);
      const page = db.prepare('SELECT width, height, length(image) AS bytes, words FROM document_pages').get() as { bytes: number; words: string };
      expect(page.bytes).toBeGreaterThan(1000);
      expect(JSON.parse(page.words).length).toBe(pages[0]!.words.length);
    } finally {
      vault.close();
    }
  });

  it('refuses bad input with a clear message', async () => {
    await expect(recognizeDocument(pool, Buffer.alloc(0), 'empty.png')).rejects.toThrow(/empty/);
    await expect(recognizeDocument(pool, Buffer.from('not an image at all'), 'x.bin')).rejects.toThrow(/not a PNG, JPEG, TIFF or PDF/);
    await expect(recognizeDocument(pool, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(40)]), 'broken.png')).rejects.toThrow(/not a readable image/);
    await expect(recognizeDocument(pool, Buffer.from('%PDF-1.4\ngarbage'), 'broken.pdf')).rejects.toThrow(/not a readable PDF/);
  });

  it('makes no network request (guarded in the process and in its worker threads)', () => {
    const file = join(tempDir(), 'lab.png');
    writeFileSync(file, doc.png);
    const root = resolve(__dirname, '../../..');
    const output = execFileSync(process.execPath, ['--require', join(root, 'test/fixtures/ocr/network-guard.cjs'), '--import', 'tsx', join(root, 'test/fixtures/ocr/run-offline.ts'), file], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = JSON.parse(output) as { pages: OcrPage[]; proposals: Proposal[] };
    expect(result.pages[0]!.words.length).toBeGreaterThan(10);
    expect(result.proposals.some((p) => p.kind === 'lab')).toBe(true);
  });
});
