import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctWord, decideProposal, extract, listProposals, saveDocument, type OcrPage, type OcrWord, type StoredProposal } from '../../../electron/ocr';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault } from '../../helpers/temp-vault';

/**
 * Re-extraction after a word correction, on a page as OCR might have read
 * it (words typed in with their boxes, so no OCR run is needed): the page's
 * pending proposals follow the corrected words; decided ones stay as they are.
 */
function line(y: number, texts: string[], line: number, confidence = 80): OcrWord[] {
  let x = 40;
  return texts.map((text) => {
    const word = { text, confidence, line, box: { x, y, w: text.length * 11, h: 18 } };
    x += text.length * 11 + 14;
    return word;
  });
}

function scan(): OcrPage[] {
  const words = [
    ...line(20, ['Specimen', 'collected:', '2024-03-05'], 0),
    // OCR read "HbA1c" as "Hb41c": two letters off, too far to be matched.
    ...line(60, ['Hb41c', '7,2', '%', '4.0', '-', '5.6'], 1, 40),
    // ... and "108" as "1O8", which extraction already reads as 108.
    ...line(100, ['Glucose', '1O8', 'mg/dL', '70', '-', '99'], 2),
    ...line(140, ['Sodium', '140', 'mmol/L', '135', '-', '145'], 3),
  ];
  const page2 = line(20, ['Potassium', '4.1', 'mmol/L', '3.5', '-', '5.1'], 0);
  return [
    { page: 1, width: 800, height: 400, source: 'ocr', rotation: 0, confidence: 80, text: '', words },
    { page: 2, width: 800, height: 400, source: 'ocr', rotation: 0, confidence: 80, text: '', words: page2 },
  ];
}

let vault: Vault;
let documentId = '';
const labs = (page?: number) =>
  listProposals(vault, documentId).filter((p): p is StoredProposal & { proposal: { kind: 'lab'; display: string; value: number } } => p.proposal.kind === 'lab' && (page === undefined || p.proposal.evidence.page === page));
const wordIndex = (page: OcrPage, text: string) => page.words.findIndex((w) => w.text === text);

beforeEach(() => {
  vault = createTestVault();
  const db = vault.db;
  const sourceId = Number(db.prepare(`INSERT INTO sources (kind, label, created_at) VALUES ('system', 'test', '2024-01-01')`).run().lastInsertRowid);
  db.prepare(`INSERT INTO patients (id, name_text, search_text, source_id, recorded_at) VALUES ('p1', 'Grace Okafor', 'grace okafor', ?, '2024-01-01')`).run(sourceId);
  const pages = scan();
  documentId = saveDocument(vault, { patientId: 'p1', title: 'lab.tif', mediaType: 'image/tiff', bytes: Buffer.from('scan'), pages, proposals: extract(pages) }).documentId;
});
afterEach(() => vault.close());

describe('re-extraction after a word correction', () => {
  it('makes the proposal a corrected analyte name allows appear, with the document date', () => {
    expect(labs(1).map((l) => l.proposal.display)).not.toContainEqual(expect.stringMatching(/A1c/));
    const result = correctWord(vault, { documentId, page: 1, index: wordIndex(scan()[0]!, 'Hb41c'), text: 'HbA1c' });
    expect(result.word).toMatchObject({ text: 'HbA1c', confidence: 100, corrected: true });
    expect(result.proposals).toMatchObject({ added: 1, removed: 0 });
    const hba1c = labs(1).find((l) => l.proposal.kind === 'lab' && l.proposal.loinc === '4548-4');
    expect(hba1c?.status).toBe('pending');
    expect(hba1c?.proposal).toMatchObject({ value: 7.2, ucum: '%', refLow: 4, refHigh: 5.6, date: '2024-03-05', evidence: { page: 1, read: 'HbA1c 7,2 % 4.0 - 5.6' } });
    // The new proposal can be accepted like any other, and unchanged pending proposals kept their ids.
    expect(decideProposal(vault, hba1c!.id, 'accept').recordId).toMatch(/^observation-/);
  });

  it('replaces a pending proposal whose words changed, keeps the others, and leaves decided ones and other pages alone', () => {
    const before = labs();
    const glucose = before.find((l) => l.proposal.display.startsWith('Glucose'))!;
    const sodium = before.find((l) => l.proposal.display.startsWith('Sodium'))!;
    const potassium = before.find((l) => l.proposal.display.startsWith('Potassium'))!;
    expect(glucose.proposal.value).toBe(108);
    decideProposal(vault, sodium.id, 'reject');

    // The clinician reads the smudged glucose value as 103.
    const result = correctWord(vault, { documentId, page: 1, index: wordIndex(scan()[0]!, '1O8'), text: '103' });
    expect(result.proposals).toMatchObject({ added: 1, removed: 1 });
    const after = labs();
    expect(after.find((l) => l.id === glucose.id)).toBeUndefined();
    expect(after.filter((l) => l.proposal.display.startsWith('Glucose')).map((l) => [l.status, l.proposal.value])).toEqual([['pending', 103]]);
    // The rejected sodium stays rejected and is not proposed again.
    expect(after.filter((l) => l.proposal.display.startsWith('Sodium')).map((l) => [l.id, l.status])).toEqual([[sodium.id, 'rejected']]);
    expect(after.find((l) => l.id === potassium.id)?.status).toBe('pending');

    // Correcting a word of the decided line changes the words, not the decision.
    const sodiumValue = correctWord(vault, { documentId, page: 1, index: wordIndex(scan()[0]!, '140'), text: '141' });
    expect(sodiumValue.proposals).toMatchObject({ added: 0, removed: 0 });
    expect(labs().filter((l) => l.proposal.display.startsWith('Sodium')).map((l) => [l.status, l.proposal.value])).toEqual([['rejected', 140]]);
  });

  it('refuses a correction with spaces or for a word that does not exist, changing nothing', () => {
    const before = JSON.stringify(listProposals(vault, documentId));
    expect(() => correctWord(vault, { documentId, page: 1, index: 0, text: 'two words' })).toThrow('a correction is one word, without spaces');
    expect(() => correctWord(vault, { documentId, page: 1, index: 999, text: 'x' })).toThrow('page 1 has no word 999');
    expect(() => correctWord(vault, { documentId, page: 3, index: 0, text: 'x' })).toThrow(`no page 3 in document ${documentId}`);
    expect(JSON.stringify(listProposals(vault, documentId))).toBe(before);
  });
});
