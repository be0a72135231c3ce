import type { Db, ReadDb } from '../store/sqlite';

/**
 * Every statement on the scanned documents' tables (documents,
 * document_pages, document_proposals) and on the records an accepted
 * proposal writes. Writers take a Db and run inside the caller's
 * vault.atomically(); readers take a ReadDb.
 */

// --- documents ------------------------------------------------------------

export function insertDocument(
  db: Db,
  row: { id: string; patientId: string; title: string; mediaType: string; pageCount: number; content: Buffer; text: string; at: string; sourceId: number; clinicianId: string },
): void {
  db.prepare(
    `INSERT INTO documents (id, patient_id, title, media_type, page_count, content, text, created_at, source_id, source_ref, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  ).run(row.id, row.patientId, row.title, row.mediaType, row.pageCount, row.content, row.text, row.at, row.sourceId, row.at, row.clinicianId);
}

export interface DocumentPageInsert {
  page: number;
  width: number;
  height: number;
  source: string;
  rotation: number;
  confidence: number | null;
  image: Buffer | null;
  words: string;
  reviewedHow: 'text-layer' | null;
}

export function insertDocumentPages(db: Db, documentId: string, pages: readonly DocumentPageInsert[]): void {
  const insert = db.prepare(
    `INSERT INTO document_pages (document_id, page, width, height, source, rotation, confidence, image, words, reviewed_how) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of pages) insert.run(documentId, p.page, p.width, p.height, p.source, p.rotation, p.confidence, p.image, p.words, p.reviewedHow);
}

/** The patient a document is filed under, or undefined when there is no such document. */
export function documentPatientId(db: ReadDb, documentId: string): string | undefined {
  const row = db.prepare('SELECT patient_id FROM documents WHERE id = ?').get(documentId) as { patient_id: string } | undefined;
  return row?.patient_id;
}

export interface DocumentListRow {
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
}

/** A patient's scanned documents (or one), newest first, with proposals counted by status and the source's detail. */
export function documentListRows(db: ReadDb, patientId: string, documentId: string | null): DocumentListRow[] {
  return db
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
    .all(patientId, documentId, documentId) as DocumentListRow[];
}

/** Scanned documents (with pages) filed in (since, now], newest first. */
export function documentsFiledBetween(db: ReadDb, patientId: string, since: string, now: string): Array<{ id: string; title: string; pages: number; filedAt: string }> {
  return db
    .prepare(
      `SELECT id, title, page_count AS pages, created_at AS filedAt FROM documents
       WHERE patient_id = ? AND created_at > ? AND created_at <= ? AND EXISTS (SELECT 1 FROM document_pages g WHERE g.document_id = documents.id)
       ORDER BY created_at DESC, rowid DESC`,
    )
    .all(patientId, since, now) as Array<{ id: string; title: string; pages: number; filedAt: string }>;
}

// --- pages and their review -----------------------------------------------

export interface PageReviewRow {
  page: number;
  source: string;
  words: string;
  review: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  reviewed_how: 'words' | 'accepted' | 'text-layer' | null;
}

const PAGE_COLUMNS = 'page, source, words, review, reviewed_at, reviewed_by, reviewed_how';

/** The review state kept for one page (JSON: which words were seen), or undefined when there is no such page. */
export function pageReviewState(db: ReadDb, documentId: string, page: number): string | undefined {
  return db.prepare(`SELECT review FROM document_pages WHERE document_id = ? AND page = ?`).pluck().get(documentId, page) as string | undefined;
}

export function pageReviewRows(db: ReadDb, documentId: string): PageReviewRow[] {
  return db.prepare(`SELECT ${PAGE_COLUMNS} FROM document_pages WHERE document_id = ? ORDER BY page`).all(documentId) as PageReviewRow[];
}

export function pageReviewRowWithPatient(db: ReadDb, documentId: string, page: number): (PageReviewRow & { patient_id: string }) | undefined {
  return db
    .prepare(`SELECT g.${PAGE_COLUMNS.split(', ').join(', g.')}, d.patient_id FROM document_pages g JOIN documents d ON d.id = g.document_id WHERE g.document_id = ? AND g.page = ?`)
    .get(documentId, page) as (PageReviewRow & { patient_id: string }) | undefined;
}

export function updatePageReview(
  db: Db,
  documentId: string,
  page: number,
  review: { review: string; at: string | null; by: string | null; how: 'words' | null },
): void {
  db.prepare(`UPDATE document_pages SET review = ?, reviewed_at = ?, reviewed_by = ?, reviewed_how = ? WHERE document_id = ? AND page = ?`).run(
    review.review,
    review.at,
    review.by,
    review.how,
    documentId,
    page,
  );
}

export function markPageAccepted(db: Db, documentId: string, page: number, at: string, by: string): void {
  db.prepare(`UPDATE document_pages SET reviewed_at = ?, reviewed_by = ?, reviewed_how = 'accepted' WHERE document_id = ? AND page = ?`).run(at, by, documentId, page);
}

export interface PageWordsRow {
  page: number;
  width: number;
  height: number;
  source: 'ocr' | 'text-layer';
  rotation: number;
  confidence: number | null;
  words: string;
}

/** Every page of a document with its recognized words (JSON), in page order. */
export function pageWordRows(db: ReadDb, documentId: string): PageWordsRow[] {
  return db.prepare('SELECT page, width, height, source, rotation, confidence, words FROM document_pages WHERE document_id = ? ORDER BY page').all(documentId) as PageWordsRow[];
}

export function updatePageWords(db: Db, documentId: string, page: number, words: string): void {
  db.prepare('UPDATE document_pages SET words = ? WHERE document_id = ? AND page = ?').run(words, documentId, page);
}

// --- proposals ------------------------------------------------------------

export function insertDocumentProposals(
  db: Db,
  documentId: string,
  patientId: string,
  proposals: ReadonlyArray<{ id: string; kind: string; page: number; proposed: string }>,
): void {
  const insert = db.prepare(`INSERT INTO document_proposals (id, document_id, patient_id, kind, page, proposed) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const p of proposals) insert.run(p.id, documentId, patientId, p.kind, p.page, p.proposed);
}

export interface ProposalRow {
  id: string;
  document_id: string;
  status: 'pending' | 'accepted' | 'edited' | 'rejected';
  proposed: string;
  final: string | null;
  record_id: string | null;
}

export function proposalRows(db: ReadDb, documentId: string): ProposalRow[] {
  return db
    .prepare('SELECT id, document_id, status, proposed, final, record_id FROM document_proposals WHERE document_id = ? ORDER BY page, rowid')
    .all(documentId) as ProposalRow[];
}

/** One page's proposals, decided or not. */
export function pageProposalRows(db: ReadDb, documentId: string, page: number): Array<{ id: string; status: string; proposed: string }> {
  return db.prepare('SELECT id, status, proposed FROM document_proposals WHERE document_id = ? AND page = ?').all(documentId, page) as Array<{
    id: string;
    status: string;
    proposed: string;
  }>;
}

/** One proposal with its document's source row, or undefined. */
export function proposalWithSource(
  db: ReadDb,
  proposalId: string,
): { id: string; document_id: string; patient_id: string; status: string; proposed: string; source_id: number } | undefined {
  return db.prepare('SELECT p.*, d.source_id FROM document_proposals p JOIN documents d ON d.id = p.document_id WHERE p.id = ?').get(proposalId) as
    | { id: string; document_id: string; patient_id: string; status: string; proposed: string; source_id: number }
    | undefined;
}

export function deletePendingProposals(db: Db, ids: readonly string[]): void {
  const remove = db.prepare(`DELETE FROM document_proposals WHERE id = ? AND status = 'pending'`);
  for (const id of ids) remove.run(id);
}

export function recordProposalDecision(
  db: Db,
  proposalId: string,
  decision: { status: string; final: string | null; by: string; at: string; recordTable: string | null; recordId: string | null },
): void {
  db.prepare('UPDATE document_proposals SET status = ?, final = ?, decided_by = ?, decided_at = ?, record_table = ?, record_id = ? WHERE id = ?').run(
    decision.status,
    decision.final,
    decision.by,
    decision.at,
    decision.recordTable,
    decision.recordId,
    proposalId,
  );
}

// --- the records an accepted proposal writes ------------------------------

export interface Provenance {
  source_id: number;
  source_ref: string;
  recorded_at: string;
  recorded_by: string;
}

export function insertObservationFromDocument(
  db: Db,
  row: {
    id: string;
    patient: string;
    category: string;
    code: string | null;
    display: string;
    value: number | null;
    text: string | null;
    unit: string | null;
    low: number | null;
    high: number | null;
    effective: string | null;
  } & Provenance,
): void {
  db.prepare(
    `INSERT INTO observations (id, patient_id, status, category, code_system, code, display, value_num, value_text, unit, unit_system, ref_low, ref_high, effective_at,
       source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, 'final', @category, 'http://loinc.org', @code, @display, @value, @text, @unit, 'http://unitsofmeasure.org', @low, @high, @effective,
       @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

export function insertMedicationFromDocument(db: Db, row: { id: string; patientId: string; display: string; dosageText: string | null } & Provenance): void {
  db.prepare(
    `INSERT INTO medications (id, patient_id, status, intent, display, dosage_text, source_id, source_ref, recorded_at, recorded_by)
     VALUES (?, ?, 'active', 'order', ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.patientId, row.display, row.dosageText, row.source_id, row.source_ref, row.recorded_at, row.recorded_by);
}

/** A coded diagnosis read from a page: a condition, provisional until a clinician confirms it in the chart. */
export function insertConditionFromDocument(db: Db, row: { id: string; patientId: string; code: string; display: string } & Provenance): void {
  db.prepare(
    `INSERT INTO conditions (id, patient_id, clinical_status, verification_status, code_system, code, display, source_id, source_ref, recorded_at, recorded_by)
     VALUES (?, ?, 'active', 'provisional', 'http://hl7.org/fhir/sid/icd-10-cm', ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.patientId, row.code, row.display, row.source_id, row.source_ref, row.recorded_at, row.recorded_by);
}

// --- what the document viewer shows ---------------------------------------

export function documentHeader(db: ReadDb, documentId: string): { id: string; patient_id: string; title: string; page_count: number } | undefined {
  return db.prepare('SELECT id, patient_id, title, page_count FROM documents WHERE id = ?').get(documentId) as
    | { id: string; patient_id: string; title: string; page_count: number }
    | undefined;
}

export type DocumentPageRow = PageWordsRow & { image: Buffer | null };

/** One page with its image and recognized words (JSON), or undefined. */
export function documentPageRow(db: ReadDb, documentId: string, page: number): DocumentPageRow | undefined {
  return db
    .prepare('SELECT page, width, height, source, rotation, confidence, image, words FROM document_pages WHERE document_id = ? AND page = ?')
    .get(documentId, page) as DocumentPageRow | undefined;
}

/** A proposal as it was first proposed (JSON), or undefined when there is none. */
export function proposedJson(db: ReadDb, proposalId: string): string | undefined {
  return db.prepare('SELECT proposed FROM document_proposals WHERE id = ?').pluck().get(proposalId) as string | undefined;
}
