import type { Migration } from './migration';

// Extraction from scanned paperwork proposes two more kinds: a person the
// page names (patient, provider, insured), shown beside the chart's patient
// and written nowhere, and a coded diagnosis (ICD-10-CM), which becomes a
// provisional condition when accepted. SQLite cannot widen a CHECK in place:
// the table is rebuilt with its rows and indexes. SQLite 3.15 syntax only.
export const proposalKinds: Migration = {
  version: 7,
  name: '0007-proposal-kinds',
  up: `
CREATE TABLE document_proposals_new (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind TEXT NOT NULL CHECK (kind IN ('lab', 'medication', 'vital', 'date', 'name', 'diagnosis')),
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
INSERT INTO document_proposals_new (id, document_id, patient_id, kind, page, proposed, final, status, decided_by, decided_at, record_table, record_id)
  SELECT id, document_id, patient_id, kind, page, proposed, final, status, decided_by, decided_at, record_table, record_id FROM document_proposals;
DROP TABLE document_proposals;
ALTER TABLE document_proposals_new RENAME TO document_proposals;
CREATE INDEX document_proposals_document ON document_proposals(document_id, status);
CREATE INDEX document_proposals_patient ON document_proposals(patient_id, status);
`,
};
