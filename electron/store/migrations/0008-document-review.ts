import type { Migration } from './migration';

// A scanned page is "reviewed" once a clinician has looked at every word
// OCR was unsure of, or has explicitly accepted the page as read (an
// override, audited). Until then its document shows as unreviewed in the
// chart and in the brief. review keeps which low-confidence words were
// looked at (JSON: {"seen": [word indices]}); reviewed_how says how the page
// was closed: 'words' (each looked at), 'accepted' (accepted as read) or
// 'text-layer' (a PDF's own text, nothing recognized).
// SQLite 3.15 syntax only.
export const documentReview: Migration = {
  version: 8,
  name: '0008-document-review',
  up: `
ALTER TABLE document_pages ADD COLUMN review TEXT NOT NULL DEFAULT '{"seen":[]}';
ALTER TABLE document_pages ADD COLUMN reviewed_at TEXT;
ALTER TABLE document_pages ADD COLUMN reviewed_by TEXT REFERENCES clinicians(id);
ALTER TABLE document_pages ADD COLUMN reviewed_how TEXT CHECK (reviewed_how IS NULL OR reviewed_how IN ('words', 'accepted', 'text-layer'));
-- A PDF's text-layer pages have no recognition to doubt.
UPDATE document_pages SET reviewed_how = 'text-layer' WHERE source = 'text-layer';
`,
};
