import type { DocumentSummary } from '../api/ocr-schemas';
import type { Db } from '../store/sqlite';
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
export function listDocuments(db: Db, patientId: string, documentId?: string): DocumentSummary[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.title, d.media_type, d.page_count, d.created_at, s.detail AS detail,
         (SELECT COUNT(*) FROM document_proposals p WHERE p.document_id = d.id AND p.status = 'pending' AND p.kind != 'date') AS pending,
         (SELECT COUNT(*) FROM document_proposals p WHERE p.document_id = d.id AND p.status = 'accepted') AS accepted,
         (SELECT COUNT(*) FROM document_proposals p WHERE p.document_id = d.id AND p.status = 'edited') AS edited,
         (SELECT COUNT(*) FROM document_proposals p WHERE p.document_id = d.id AND p.status = 'rejected') AS rejected
       FROM documents d LEFT JOIN sources s ON s.id = d.source_id
       WHERE d.patient_id = ? AND (? IS NULL OR d.id = ?) AND EXISTS (SELECT 1 FROM document_pages g WHERE g.document_id = d.id)
       ORDER BY d.created_at DESC, d.rowid DESC`,
    )
    .all(patientId, documentId ?? null, documentId ?? null) as {
    id: string;
    title: string;
    media_type: string;
    page_count: number;
    created_at: string;
    detail: string | null;
    pending: number;
    accepted: number;
    edited: number;
    rejected: number;
  }[];
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
