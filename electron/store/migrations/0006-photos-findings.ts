import type { Migration } from './migration';

// Clinical photographs (dermatology), the lesions they follow, and findings
// drawn on any image (photo or DICOM frame) that a clinician confirms into a
// fact. The photo's bytes live in images (0001) like every other image, so
// they are encrypted with the vault; photos adds what the viewer measures
// with. Findings are proposals until confirmed: a confirmed finding points at
// the memory_facts row it became (fact_id), and that fact's source_ref points
// back at the image, frame and coordinates. SQLite 3.15 syntax only.
export const photosFindings: Migration = {
  version: 6,
  name: '0006-photos-findings',
  up: `
-- A named lesion at a body site, followed across photos over time.
CREATE TABLE lesions (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  name TEXT NOT NULL,
  body_site TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES clinicians(id)
);
CREATE INDEX lesions_patient ON lesions(patient_id, body_site);

CREATE TABLE photos (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  image_id TEXT NOT NULL REFERENCES images(id),
  -- The lesion the photo was taken to follow, if any (outlines may name others).
  lesion_id TEXT REFERENCES lesions(id),
  body_site TEXT NOT NULL,
  -- YYYY-MM-DD, or a date-time when EXIF gives one.
  taken_at TEXT NOT NULL,
  taken_from TEXT NOT NULL CHECK (taken_from IN ('exif', 'given')),
  media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  byte_length INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  -- Made at import so that every export of this photo carries the same UID.
  sop_instance_uid TEXT NOT NULL UNIQUE,
  -- JSON: from {x, y}, to {x, y}, knownMm, mmPerPixel, by, at; NULL: uncalibrated (pixels only).
  calibration TEXT,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES clinicians(id)
);
CREATE INDEX photos_patient ON photos(patient_id, taken_at);
CREATE INDEX photos_lesion ON photos(lesion_id, taken_at);
CREATE UNIQUE INDEX photos_patient_sha ON photos(patient_id, sha256);

-- The clinician's outline of one lesion on one photo (image pixels, JSON [[x, y], ...]).
CREATE TABLE lesion_outlines (
  photo_id TEXT NOT NULL REFERENCES photos(id),
  lesion_id TEXT NOT NULL REFERENCES lesions(id),
  points TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES clinicians(id),
  PRIMARY KEY (photo_id, lesion_id)
);
CREATE INDEX lesion_outlines_lesion ON lesion_outlines(lesion_id);

CREATE TABLE imaging_findings (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  photo_id TEXT REFERENCES photos(id),
  instance_id TEXT REFERENCES imaging_instances(id),
  frame INTEGER NOT NULL DEFAULT 0,
  lesion_id TEXT REFERENCES lesions(id),
  kind TEXT NOT NULL CHECK (kind IN ('length', 'angle', 'text', 'lesion')),
  -- JSON [[x, y], ...] in image pixels of that frame.
  points TEXT NOT NULL,
  -- JSON: the numbers as the core measured them, with the spacing status they rest on.
  measures TEXT NOT NULL,
  statement TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  decided_by TEXT REFERENCES clinicians(id),
  decided_at TEXT,
  fact_id TEXT REFERENCES memory_facts(id),
  CHECK ((photo_id IS NULL) <> (instance_id IS NULL))
);
CREATE INDEX imaging_findings_patient ON imaging_findings(patient_id, status);
CREATE INDEX imaging_findings_fact ON imaging_findings(fact_id) WHERE fact_id IS NOT NULL;
`,
};
