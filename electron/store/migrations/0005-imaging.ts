import type { Migration } from './migration';

// DICOM studies, series and instances per patient. imaging_studies and images
// exist since 0001: a study gains its DICOM identity here, and each instance's
// Part 10 bytes are kept whole in images.content (the vault is encrypted as a
// whole, so pixel data is encrypted at rest like every other row).
// SQLite 3.15-parseable (Debian's sqlcipher is the recovery path): no STRICT,
// no generated columns; partial indexes are 3.8.
export const imaging: Migration = {
  version: 5,
  name: '0005-imaging',
  up: `
ALTER TABLE imaging_studies ADD COLUMN study_uid TEXT;
ALTER TABLE imaging_studies ADD COLUMN accession_number TEXT;
-- The patient as the DICOM files name them (JSON: id, issuer, name, birthDate), shown beside the chart's.
ALTER TABLE imaging_studies ADD COLUMN dicom_patient TEXT;
CREATE UNIQUE INDEX imaging_studies_uid ON imaging_studies(study_uid) WHERE study_uid IS NOT NULL;

CREATE TABLE imaging_series (
  id TEXT PRIMARY KEY,
  study_id TEXT NOT NULL REFERENCES imaging_studies(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  series_uid TEXT NOT NULL UNIQUE,
  number INTEGER,
  modality TEXT,
  body_part TEXT,
  view_position TEXT,
  laterality TEXT,
  description TEXT
);
CREATE INDEX imaging_series_study ON imaging_series(study_id);

CREATE TABLE imaging_instances (
  id TEXT PRIMARY KEY,
  series_id TEXT NOT NULL REFERENCES imaging_series(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  image_id TEXT NOT NULL REFERENCES images(id),
  sop_instance_uid TEXT NOT NULL UNIQUE,
  sop_class_uid TEXT,
  number INTEGER,
  transfer_syntax_uid TEXT NOT NULL,
  rows INTEGER NOT NULL,
  columns INTEGER NOT NULL,
  frames INTEGER NOT NULL,
  bits_allocated INTEGER NOT NULL,
  photometric TEXT,
  window_center REAL,
  window_width REAL,
  -- JSON: status (known / estimated-from-imager / missing / invalid-zero), rowMm, columnMm, source.
  spacing TEXT NOT NULL,
  byte_length INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES clinicians(id)
);
CREATE INDEX imaging_instances_series ON imaging_instances(series_id, number);
CREATE INDEX imaging_instances_patient ON imaging_instances(patient_id);
`,
};
