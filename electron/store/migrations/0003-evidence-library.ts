import type { Migration } from './migration';

// The clinic's evidence library: guideline and reference documents, kept
// in the vault beside the records (one file to back up), split into
// sections that the evidence agent cites. Not patient data: no patient_id.
export const evidenceLibrary: Migration = {
  version: 3,
  name: '0003-evidence-library',
  up: `
CREATE TABLE evidence_sources (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  issuer TEXT NOT NULL,
  published TEXT NOT NULL,
  licence TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN ('guideline', 'reference', 'other')),
  url TEXT,
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  imported_at TEXT NOT NULL,
  imported_by TEXT REFERENCES clinicians(id)
);

CREATE TABLE evidence_chunks (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES evidence_sources(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  -- "Hypertension > Treatment > First line": the headings above the text.
  section TEXT NOT NULL,
  -- Where the text sits in the original: a page number for PDFs, else null.
  page INTEGER,
  text TEXT NOT NULL,
  UNIQUE (source_id, ord)
);

-- BM25 over section headings and text; kept in step by triggers.
CREATE VIRTUAL TABLE evidence_fts USING fts5(
  section,
  text,
  content = 'evidence_chunks',
  content_rowid = 'id',
  tokenize = 'porter unicode61'
);
CREATE TRIGGER evidence_chunks_fts_insert AFTER INSERT ON evidence_chunks BEGIN
  INSERT INTO evidence_fts (rowid, section, text) VALUES (new.id, new.section, new.text);
END;
CREATE TRIGGER evidence_chunks_fts_delete AFTER DELETE ON evidence_chunks BEGIN
  INSERT INTO evidence_fts (evidence_fts, rowid, section, text) VALUES ('delete', old.id, old.section, old.text);
END;
`,
};
