import type { Migration } from './migration';

// Scanned documents read by OCR (issue 5). The document itself stays in
// documents (0001); here its pages as recognized (the deskewed image shown by
// the review pane, and the words with boxes and confidences) and the
// extraction proposals the clinician accepts, edits or rejects. An accepted
// proposal points at the record row it became (record_id); that row's
// source_ref points back at the page and boxes. SQLite 3.15 syntax only.
export const documentsOcr: Migration = {
  version: 4,
  name: '0004-documents-ocr',
  up: `
CREATE TABLE document_pages (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('ocr', 'text-layer')),
  rotation REAL NOT NULL DEFAULT 0,
  confidence REAL,
  image BLOB,
  -- JSON array of {text, confidence, box: {x, y, w, h}, line}.
  words TEXT NOT NULL,
  PRIMARY KEY (document_id, page)
);

CREATE TABLE document_proposals (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind TEXT NOT NULL CHECK (kind IN ('lab', 'medication', 'vital', 'date')),
  page INTEGER NOT NULL,
  -- JSON: the proposal as extracted, and as the clinician left it.
  proposed TEXT NOT NULL,
  final TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'edited', 'rejected')),
  decided_by TEXT REFERENCES clinicians(id),
  decided_at TEXT,
  record_table TEXT,
  record_id TEXT
);
CREATE INDEX document_proposals_document ON document_proposals(document_id, status);
CREATE INDEX document_proposals_patient ON document_proposals(patient_id, status);
`,
};
