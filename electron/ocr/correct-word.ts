import { randomUUID } from 'node:crypto';
import { VaultError } from '../store/errors';
import type { Vault } from '../store/vault';
import { deletePendingProposals, documentPatientId, insertDocumentProposals, pageProposalRows, pageWordRows, updatePageWords } from './queries';
import { extract, type Proposal } from './extract';
import type { Box, OcrPage, OcrWord } from './types';

export type StoredWord = OcrWord & { corrected?: boolean };

export interface WordCorrected {
  word: StoredWord;
  /** What re-extraction did to the page's pending proposals. */
  proposals: { added: number; removed: number; kept: number };
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/** A proposal's content without its id, to tell a recomputed proposal that changed from one that did not. */
function content(p: Proposal): string {
  const { id: _id, ...rest } = p;
  return JSON.stringify(rest);
}

/**
 * The clinician's reading of one word replaces OCR's (confidence 100,
 * marked corrected), and the page's pending proposals are computed again
 * from the corrected words, in the same transaction: fixing "Hb41c" makes
 * the HbA1c result appear, fixing "1O8" changes the value proposed.
 * Proposals already accepted, edited or rejected are left as decided, and
 * nothing is proposed again over their words. The document date comes from
 * all of its pages, as when it was first read.
 */
export function correctWord(vault: Vault, input: { documentId: string; page: number; index: number; text: string }): WordCorrected {
  const db = vault.db;
  const patientId = documentPatientId(db, input.documentId);
  const rows = pageWordRows(db, input.documentId);
  const row = rows.find((r) => r.page === input.page);
  if (patientId === undefined || !row) throw new VaultError('not-found', `no page ${input.page} in document ${input.documentId}`);
  const words = JSON.parse(row.words) as StoredWord[];
  const word = words[input.index];
  if (!word) throw new VaultError('not-found', `page ${input.page} has no word ${input.index}`);
  const text = input.text.trim();
  if (text === '' || /\s/.test(text)) throw new VaultError('invalid-input', 'a correction is one word, without spaces');
  const was = word.text;
  Object.assign(word, { text, confidence: 100, corrected: true });

  const pages: OcrPage[] = rows.map((r) => ({
    page: r.page,
    width: r.width,
    height: r.height,
    source: r.source,
    rotation: r.rotation,
    confidence: r.confidence ?? 0,
    text: '',
    words: r.page === input.page ? words : (JSON.parse(r.words) as OcrWord[]),
  }));
  const existing = pageProposalRows(db, input.documentId, input.page);
  const decided = existing.filter((e) => e.status !== 'pending').map((e) => JSON.parse(e.proposed) as Proposal);
  const pending = new Map(existing.filter((e) => e.status === 'pending').map((e) => [content(JSON.parse(e.proposed) as Proposal), e.id]));
  const recomputed = extract(pages)
    .filter((p) => p.evidence.page === input.page)
    // A line the clinician already decided is not proposed a second time.
    .filter((p) => !decided.some((d) => d.kind === p.kind && d.evidence.boxes.some((b) => p.evidence.boxes.some((c) => sameBox(b, c)))));
  const keep = new Set<string>();
  const added: Proposal[] = [];
  for (const p of recomputed) {
    const id = pending.get(content(p));
    if (id !== undefined && !keep.has(id)) keep.add(id);
    else added.push(p);
  }
  const stale = [...pending.values()].filter((id) => !keep.has(id));

  vault.atomically(() => {
    updatePageWords(db, input.documentId, input.page, JSON.stringify(words));
    deletePendingProposals(db, stale);
    // Ids from extract() count from 1 in each process: a re-extraction's are made unique here.
    const proposals = added.map((p) => ({ ...p, id: `${p.kind}-p${input.page}-${randomUUID()}` }) as Proposal);
    insertDocumentProposals(
      db,
      input.documentId,
      patientId,
      proposals.map((p) => ({ id: `${input.documentId}/${p.id}`, kind: p.kind, page: input.page, proposed: JSON.stringify(p) })),
    );
    vault.audit('record.write', patientId, {
      kind: 'document.word',
      documentId: input.documentId,
      page: input.page,
      index: input.index,
      was,
      now: text,
      proposals: { added: added.length, removed: stale.length },
    });
  });
  return { word, proposals: { added: added.length, removed: stale.length, kept: keep.size } };
}
