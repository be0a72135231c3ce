import type { DocumentSummary } from '../api/ocr-schemas';
import type { ReadDb } from '../store/sqlite';
import { documentListRows } from './queries';
import { documentReview } from './review';

/** The reading notice saveDocument() keeps in the document's source row (e.g. only page 1 of a fax TIFF read). */
function noticeOf(detail: string | null): string | null {
  if (!detail) return null;
  try {
    const notice = (JSON.parse(detail) as { notice?: unknown }).notice;
    return typeof notice === 'string' ? notice : null;
  } catch {
    return null;
  }
}

/**
 * A patient's scanned documents, newest first (or one of them), with their
 * proposals counted by status (pending counts what needs a decision: dates
 * are context) and the clinician's review of the recognition. The document
 * pane, the API and `continuum documents` all list them through here.
 */
export function listDocuments(db: ReadDb, patientId: string, documentId?: string): DocumentSummary[] {
  const rows = documentListRows(db, patientId, documentId ?? null);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    mediaType: r.media_type,
    pages: r.page_count,
    createdAt: r.created_at,
    proposals: { pending: r.pending, accepted: r.accepted, edited: r.edited, rejected: r.rejected },
    notice: noticeOf(r.detail),
    review: documentReview(db, r.id),
  }));
}
