import type { Migration } from './migration';

// Provenance columns shared by every clinical table: where the row came from
// (a source row plus the resource id, page box or proposal inside it), who
// recorded it and when. "When it was true" lives in each table's own time
// columns (onset/abatement, start/end, effective_at).
const PROVENANCE = `
  source_id INTEGER NOT NULL REFERENCES sources(id),
  source_ref TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES clinicians(id)`;

// The original FHIR resource is kept (resource) so an export is lossless, and
// its hash (content_hash) makes re-imports idempotent.
const ORIGINAL = `
  resource TEXT,
  content_hash TEXT`;

// No STRICT tables and nothing newer than SQLite 3.15 in the schema: Debian's
// sqlcipher 3.4 (SQLite 3.15) is the recovery path and must parse it. Types
// are enforced at the boundary (zod) and by the importers instead.
export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up: `
CREATE TABLE vault_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE clinicians (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'clinician',
  created_at TEXT NOT NULL,
  disabled_at TEXT
);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('fhir-import', 'document', 'clinician', 'agent-proposal', 'system')),
  label TEXT NOT NULL,
  sha256 TEXT,
  clinician_id TEXT REFERENCES clinicians(id),
  created_at TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX sources_sha256 ON sources(sha256);

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  name_text TEXT NOT NULL,
  family TEXT,
  given TEXT,
  birth_date TEXT,
  sex TEXT,
  deceased_at TEXT,
  identifiers TEXT NOT NULL DEFAULT '[]',
  search_text TEXT NOT NULL,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX patients_name ON patients(name_text COLLATE NOCASE);

CREATE TABLE encounters (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  status TEXT,
  class_code TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  reason TEXT,
  start_at TEXT,
  end_at TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX encounters_patient_time ON encounters(patient_id, start_at);

CREATE TABLE conditions (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  encounter_id TEXT,
  clinical_status TEXT,
  verification_status TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  onset_at TEXT,
  abated_at TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX conditions_patient_time ON conditions(patient_id, onset_at);

CREATE TABLE medications (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  encounter_id TEXT,
  status TEXT,
  intent TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  dosage_text TEXT,
  start_at TEXT,
  end_at TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX medications_patient_time ON medications(patient_id, start_at);

CREATE TABLE allergies (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  clinical_status TEXT,
  verification_status TEXT,
  category TEXT,
  criticality TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  reactions TEXT NOT NULL DEFAULT '[]',
  onset_at TEXT,
  recorded_date TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX allergies_patient ON allergies(patient_id);

-- One row per measured value. A FHIR Observation with components (blood
-- pressure) gives a parent row and one row per component (parent_id set), so
-- that trends query a single code. Only the parent keeps the resource.
CREATE TABLE observations (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES observations(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  encounter_id TEXT,
  status TEXT,
  category TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  value_num REAL,
  value_text TEXT,
  unit TEXT,
  unit_system TEXT,
  ref_low REAL,
  ref_high REAL,
  interpretation TEXT,
  effective_at TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX observations_patient_time ON observations(patient_id, effective_at);
CREATE INDEX observations_patient_code ON observations(patient_id, code, effective_at);
CREATE INDEX observations_parent ON observations(parent_id);
-- The timeline shows a day's results as one event per category ("Laboratory:
-- 14 results"); this index hands them over already grouped (0002 makes it
-- covering), so a chart with 10,000 observations stays fast.
CREATE INDEX observations_day ON observations(patient_id, substr(effective_at, 1, 10), category) WHERE parent_id IS NULL;

CREATE TABLE procedures (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  encounter_id TEXT,
  status TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  start_at TEXT,
  end_at TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX procedures_patient_time ON procedures(patient_id, start_at);

CREATE TABLE immunizations (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  encounter_id TEXT,
  status TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  occurred_at TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX immunizations_patient_time ON immunizations(patient_id, occurred_at);

CREATE TABLE diagnostic_reports (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  encounter_id TEXT,
  status TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  effective_at TEXT,
  issued_at TEXT,
  result_ids TEXT NOT NULL DEFAULT '[]',
  conclusion TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX diagnostic_reports_patient_time ON diagnostic_reports(patient_id, effective_at);

CREATE TABLE imaging_studies (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  encounter_id TEXT,
  status TEXT,
  modality TEXT,
  description TEXT,
  started_at TEXT,
  series_count INTEGER,
  instance_count INTEGER,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX imaging_studies_patient_time ON imaging_studies(patient_id, started_at);

-- Care plans flatten to items: the plan itself (kind 'plan') and each of its
-- activities (kind 'activity'), each with its own status and due date. Goals
-- are items of kind 'goal'. Only the row that stands for a FHIR resource
-- keeps that resource.
CREATE TABLE care_plan_items (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  plan_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('plan', 'activity', 'goal')),
  status TEXT,
  code_system TEXT,
  code TEXT,
  display TEXT,
  start_at TEXT,
  end_at TEXT,
  due_at TEXT,
  ${PROVENANCE},
  ${ORIGINAL}
);
CREATE INDEX care_plan_items_patient ON care_plan_items(patient_id, due_at);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  encounter_id TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  written_at TEXT NOT NULL,
  ${PROVENANCE}
);
CREATE INDEX notes_patient_time ON notes(patient_id, written_at);

CREATE TABLE memory_facts (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind TEXT NOT NULL,
  statement TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  valid_from TEXT,
  valid_to TEXT,
  ${PROVENANCE}
);
CREATE INDEX memory_facts_patient ON memory_facts(patient_id, valid_from);

-- Scanned documents and images land with their own issues; the tables exist
-- now so that provenance can already point at a page or a frame.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  title TEXT NOT NULL,
  media_type TEXT NOT NULL,
  page_count INTEGER,
  content BLOB,
  text TEXT,
  created_at TEXT NOT NULL,
  ${PROVENANCE}
);
CREATE INDEX documents_patient ON documents(patient_id, created_at);

CREATE TABLE images (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind TEXT NOT NULL,
  media_type TEXT NOT NULL,
  taken_at TEXT,
  content BLOB,
  metadata TEXT NOT NULL DEFAULT '{}',
  ${PROVENANCE}
);
CREATE INDEX images_patient ON images(patient_id, taken_at);

-- Full-text search over notes, facts and (later) document text. The rows are
-- kept in step by triggers so that no write path can forget them.
CREATE VIRTUAL TABLE search_index USING fts5(
  body,
  patient_id UNINDEXED,
  kind UNINDEXED,
  ref_id UNINDEXED,
  tokenize = 'porter unicode61'
);
CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
  INSERT INTO search_index (body, patient_id, kind, ref_id) VALUES (new.title || ' ' || new.body, new.patient_id, 'note', new.id);
END;
CREATE TRIGGER notes_search_update AFTER UPDATE ON notes BEGIN
  DELETE FROM search_index WHERE kind = 'note' AND ref_id = old.id;
  INSERT INTO search_index (body, patient_id, kind, ref_id) VALUES (new.title || ' ' || new.body, new.patient_id, 'note', new.id);
END;
CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
  DELETE FROM search_index WHERE kind = 'note' AND ref_id = old.id;
END;
CREATE TRIGGER facts_search_insert AFTER INSERT ON memory_facts BEGIN
  INSERT INTO search_index (body, patient_id, kind, ref_id) VALUES (new.statement, new.patient_id, 'fact', new.id);
END;
CREATE TRIGGER facts_search_update AFTER UPDATE ON memory_facts BEGIN
  DELETE FROM search_index WHERE kind = 'fact' AND ref_id = old.id;
  INSERT INTO search_index (body, patient_id, kind, ref_id) VALUES (new.statement, new.patient_id, 'fact', new.id);
END;
CREATE TRIGGER facts_search_delete AFTER DELETE ON memory_facts BEGIN
  DELETE FROM search_index WHERE kind = 'fact' AND ref_id = old.id;
END;
CREATE TRIGGER documents_search_insert AFTER INSERT ON documents WHEN new.text IS NOT NULL BEGIN
  INSERT INTO search_index (body, patient_id, kind, ref_id) VALUES (new.title || ' ' || new.text, new.patient_id, 'document', new.id);
END;

-- Append-only, hash-chained audit log (ONC 170.315(d)(2)). Each entry's hash
-- covers its content and the previous hash, so an edited or deleted entry
-- breaks the chain; the triggers refuse edits through SQL outright, and
-- vault_meta keeps the head so that a truncated tail is detected too.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  clinician_id TEXT NOT NULL,
  action TEXT NOT NULL,
  patient_id TEXT,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log(patient_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
`,
};
