import { lowConfidenceWords } from '../api/ocr-review';
import { VaultError } from '../store/errors';
import type { ReadDb } from '../store/sqlite';
import type { Vault } from '../store/vault';
import { documentsFiledBetween, markPageAccepted, pageReviewRowWithPatient, pageReviewRows, pageReviewState, updatePageReview, type PageReviewRow } from './queries';

/**
 * Whether a clinician has reviewed a scanned document: each page is closed
 * when every word OCR read below LOW_CONFIDENCE has been looked at (moved
 * to, or corrected), or when the clinician accepts the page as read without
 * that, an override that is audited. A PDF's text-layer pages need nothing.
 * Until every page is closed the document is "unreviewed" wherever it is
 * listed (the document pane, the brief, `continuum documents`).
 */

export interface PageReview {
  readonly page: number;
  readonly reviewed: boolean;
  readonly how: 'words' | 'accepted' | 'text-layer' | null;
  readonly by: string | null;
  readonly at: string | null;
  /** Low-confidence words not yet looked at. */
  readonly wordsLeft: number;
  /** Low-confidence words on the page, in all. */
  readonly lowWords: number;
}

type PageRow = PageReviewRow;

function seenOf(review: string): Set<number> {
  try {
    const seen = (JSON.parse(review) as { seen?: unknown }).seen;
    return new Set(Array.isArray(seen) ? seen.filter((n): n is number => Number.isInteger(n)) : []);
  } catch {
    return new Set();
  }
}

function reviewOf(row: PageRow): PageReview {
  const low = row.source === 'text-layer' ? [] : lowConfidenceWords(JSON.parse(row.words) as Array<{ confidence: number; corrected?: boolean }>);
  const seen = seenOf(row.review);
  const left = low.filter((i) => !seen.has(i)).length;
  const how = row.source === 'text-layer' ? 'text-layer' : row.reviewed_how;
  return { page: row.page, reviewed: how !== null, how, by: row.reviewed_by, at: row.reviewed_at, wordsLeft: how === null ? left : 0, lowWords: low.length };
}

/** Which words of a page the clinician has looked at (indices into its words). */
export function seenWords(db: ReadDb, documentId: string, page: number): number[] {
  const review = pageReviewState(db, documentId, page);
  return review ? [...seenOf(review)].sort((a, b) => a - b) : [];
}

export function pageReviews(db: ReadDb, documentId: string): PageReview[] {
  return pageReviewRows(db, documentId).map(reviewOf);
}

/** A document's review in one line's worth: pages closed of all, and low-confidence words still to look at. */
export function documentReview(db: ReadDb, documentId: string): { pages: number; reviewedPages: number; wordsLeft: number; reviewed: boolean } {
  const pages = pageReviews(db, documentId);
  const reviewedPages = pages.filter((p) => p.reviewed).length;
  return { pages: pages.length, reviewedPages, wordsLeft: pages.reduce((n, p) => n + p.wordsLeft, 0), reviewed: pages.length > 0 && reviewedPages === pages.length };
}

function pageRow(vault: Vault, documentId: string, page: number): PageRow & { patient_id: string } {
  const row = pageReviewRowWithPatient(vault.db, documentId, page);
  if (!row) throw new VaultError('not-found', `document ${documentId} has no page ${page}`);
  return row;
}

/**
 * The clinician has looked at these words (moved to them in the review, or
 * opened a page with none to check). When that leaves no low-confidence
 * word unseen, the page is closed as reviewed, and that is audited.
 */
export function markWordsSeen(vault: Vault, documentId: string, page: number, indices: readonly number[]): PageReview {
  return vault.atomically(() => {
    const row = pageRow(vault, documentId, page);
    if (row.reviewed_how !== null || row.source === 'text-layer') return reviewOf(row);
    const words = JSON.parse(row.words) as unknown[];
    const seen = seenOf(row.review);
    for (const i of indices) if (Number.isInteger(i) && i >= 0 && i < words.length) seen.add(i);
    const review = JSON.stringify({ seen: [...seen].sort((a, b) => a - b) });
    const next = reviewOf({ ...row, review });
    const done = next.wordsLeft === 0;
    const at = vault.now().toISOString();
    updatePageReview(vault.db, documentId, page, { review, at: done ? at : null, by: done ? vault.clinician.id : null, how: done ? 'words' : null });
    if (done) vault.audit('record.write', row.patient_id, { kind: 'document.reviewed', documentId, page, how: 'words', lowWords: next.lowWords });
    return reviewOf({ ...row, review, reviewed_at: done ? at : null, reviewed_by: done ? vault.clinician.id : null, reviewed_how: done ? 'words' : null });
  });
}

/**
 * The clinician accepts the page as read without looking at every doubtful
 * word: an override, audited with how many words were left unchecked.
 */
export function acceptPageAsRead(vault: Vault, documentId: string, page: number): PageReview {
  return vault.atomically(() => {
    const row = pageRow(vault, documentId, page);
    const before = reviewOf(row);
    if (before.reviewed) return before;
    const at = vault.now().toISOString();
    markPageAccepted(vault.db, documentId, page, at, vault.clinician.id);
    vault.audit('record.override', row.patient_id, { kind: 'document.page-accepted', documentId, page, wordsUnchecked: before.wordsLeft, lowWords: before.lowWords });
    return reviewOf({ ...row, reviewed_at: at, reviewed_by: vault.clinician.id, reviewed_how: 'accepted' });
  });
}

/** Scanned documents filed after `since` (all when null) up to `now`, newest first, with whether each is reviewed. */
export function documentsFiledSince(
  db: ReadDb,
  patientId: string,
  since: string | null,
  now: string,
): Array<{ id: string; title: string; pages: number; filedAt: string; reviewed: boolean }> {
  return documentsFiledBetween(db, patientId, since ?? '', now).map((r) => ({ ...r, reviewed: documentReview(db, r.id).reviewed }));
}
