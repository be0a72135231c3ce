import type { ImagingInstance, ImagingStudy, PixelSpacing } from '../api/imaging-schemas';
import type { Db, ReadDb } from '../store/sqlite';
import { SUPPORTED_TRANSFER_SYNTAXES as SYNTAX_NAMES, type DicomHeader } from './dicom-header';
import { ImagingError } from './imaging-error';

/** A patient's DICOM studies, newest first, with series and instances (no pixel data). */
export function listStudies(db: ReadDb, patientId: string): ImagingStudy[] {
  const studies = db
    .prepare(
      `SELECT id, study_uid, started_at, description, accession_number, modality, dicom_patient FROM imaging_studies
       WHERE patient_id = ? AND study_uid IS NOT NULL ORDER BY started_at DESC, recorded_at DESC`,
    )
    .all(patientId) as Array<{
    id: string;
    study_uid: string;
    started_at: string | null;
    description: string | null;
    accession_number: string | null;
    modality: string | null;
    dicom_patient: string | null;
  }>;
  const seriesOf = db.prepare(
    `SELECT id, series_uid, number, modality, body_part, view_position, laterality, description FROM imaging_series
     WHERE study_id = ? ORDER BY number, id`,
  );
  const instancesOf = db.prepare(
    `SELECT id, sop_instance_uid, number, rows, columns, frames, transfer_syntax_uid, photometric, bits_allocated,
       window_center, window_width, spacing, byte_length FROM imaging_instances WHERE series_id = ? ORDER BY number, id`,
  );
  return studies.map((s) => {
    const dicomPatient = s.dicom_patient ? (JSON.parse(s.dicom_patient) as { id?: string | null; name?: string | null }) : {};
    return {
      id: s.id,
      studyUid: s.study_uid,
      date: s.started_at,
      description: s.description,
      accessionNumber: s.accession_number,
      modality: s.modality,
      dicomPatientName: dicomPatient.name ?? null,
      dicomPatientId: dicomPatient.id ?? null,
      series: (seriesOf.all(s.id) as SeriesRow[]).map((r) => ({
        id: r.id,
        seriesUid: r.series_uid,
        number: r.number,
        modality: r.modality,
        bodyPart: r.body_part,
        viewPosition: r.view_position,
        laterality: r.laterality,
        description: r.description,
        instances: (instancesOf.all(r.id) as InstanceRow[]).map(toInstance),
      })),
    };
  });
}

/** One instance's Part 10 bytes, for the viewer; throws not-found for another patient's or an unknown id. */
export function instanceBytes(db: ReadDb, instanceId: string): { patientId: string; bytes: Buffer } {
  const row = db
    .prepare(`SELECT i.patient_id AS patientId, m.content AS content FROM imaging_instances i JOIN images m ON m.id = i.image_id WHERE i.id = ?`)
    .get(instanceId) as { patientId: string; content: Buffer | null } | undefined;
  if (!row || !row.content) throw new ImagingError('not-found', `image ${instanceId} is not in the vault`);
  return { patientId: row.patientId, bytes: row.content };
}

interface SeriesRow {
  id: string;
  series_uid: string;
  number: number | null;
  modality: string | null;
  body_part: string | null;
  view_position: string | null;
  laterality: string | null;
  description: string | null;
}

interface InstanceRow {
  id: string;
  sop_instance_uid: string;
  number: number | null;
  rows: number;
  columns: number;
  frames: number;
  transfer_syntax_uid: string;
  photometric: string | null;
  bits_allocated: number;
  window_center: number | null;
  window_width: number | null;
  spacing: string;
  byte_length: number;
}

function toInstance(r: InstanceRow): ImagingInstance {
  return {
    id: r.id,
    sopInstanceUid: r.sop_instance_uid,
    number: r.number,
    rows: r.rows,
    columns: r.columns,
    frames: r.frames,
    transferSyntaxUid: r.transfer_syntax_uid,
    transferSyntaxName: SYNTAX_NAMES[r.transfer_syntax_uid] ?? r.transfer_syntax_uid,
    photometric: r.photometric,
    bitsAllocated: r.bits_allocated,
    windowCenter: r.window_center,
    windowWidth: r.window_width,
    spacing: JSON.parse(r.spacing) as PixelSpacing,
    byteLength: r.byte_length,
  };
}

// --- what the image models, the patient matcher and PACS pulls read -------

/** A DICOM instance's patient, modality and body part, or undefined. */
export function instanceSubject(db: ReadDb, instanceId: string): { patientId: string; modality: string | null; bodyPart: string | null } | undefined {
  return db
    .prepare(
      `SELECT i.patient_id AS patientId, s.modality AS modality, s.body_part AS bodyPart
         FROM imaging_instances i JOIN imaging_series s ON s.id = i.series_id WHERE i.id = ?`,
    )
    .get(instanceId) as { patientId: string; modality: string | null; bodyPart: string | null } | undefined;
}

/** An image's patient and media type (images: photos and DICOM alike), or undefined. */
export function imageSubject(db: ReadDb, imageId: string): { patientId: string; mediaType: string } | undefined {
  return db.prepare(`SELECT patient_id AS patientId, media_type AS mediaType FROM images WHERE id = ?`).get(imageId) as { patientId: string; mediaType: string } | undefined;
}

/** An image's bytes: null when the row has none, undefined when there is no such image. */
export function imageContent(db: ReadDb, imageId: string): Buffer | null | undefined {
  const row = db.prepare(`SELECT content FROM images WHERE id = ?`).get(imageId) as { content: Buffer | null } | undefined;
  return row ? row.content : undefined;
}

export interface PatientMatchRow {
  id: string;
  name_text: string;
  family: string | null;
  given: string | null;
  birth_date: string | null;
  identifiers: string;
}

/** Every chart, with what a DICOM file's patient is matched by. */
export function patientMatchRows(db: ReadDb): PatientMatchRow[] {
  return db.prepare(`SELECT id, name_text, family, given, birth_date, identifiers FROM patients`).all() as PatientMatchRow[];
}

/** A chart's id and identifiers (JSON), or undefined. */
export function patientIdentifiers(db: ReadDb, patientId: string): { id: string; identifiers: string } | undefined {
  return db.prepare(`SELECT id, identifiers FROM patients WHERE id = ?`).get(patientId) as { id: string; identifiers: string } | undefined;
}

/** The instance with this SOP instance UID, if the vault holds it already. */
export function instanceBySopUid(db: ReadDb, sopInstanceUid: string): { patientId: string; studyId: string; instanceId: string } | undefined {
  return db
    .prepare(
      `SELECT i.id AS instanceId, i.patient_id AS patientId, s.study_id AS studyId FROM imaging_instances i
       JOIN imaging_series s ON s.id = i.series_id WHERE i.sop_instance_uid = ?`,
    )
    .get(sopInstanceUid) as { patientId: string; studyId: string; instanceId: string } | undefined;
}

/** How many instances of a study (by Study Instance UID) the vault holds, by chart. */
export function studyInstancesByPatient(db: ReadDb, studyUid: string): Array<{ patientId: string; n: number }> {
  return db
    .prepare(
      `SELECT i.patient_id AS patientId, count(*) AS n FROM imaging_instances i
       JOIN imaging_series s ON s.id = i.series_id JOIN imaging_studies st ON st.id = s.study_id
       WHERE st.study_uid = ? GROUP BY i.patient_id`,
    )
    .all(studyUid) as Array<{ patientId: string; n: number }>;
}

// --- what a DICOM import writes -------------------------------------------

interface DicomProvenance {
  source_id: number;
  source_ref: string;
  recorded_at: string;
  recorded_by: string;
}

/** The study with this Study Instance UID and its chart, if the vault holds it. */
export function studyByUid(db: ReadDb, studyUid: string): { id: string; patient_id: string } | undefined {
  return db.prepare(`SELECT id, patient_id FROM imaging_studies WHERE study_uid = ?`).get(studyUid) as { id: string; patient_id: string } | undefined;
}

export function insertImagingStudy(
  db: Db,
  row: {
    id: string;
    patient: string;
    modality: DicomHeader['modality'];
    description: DicomHeader['studyDescription'];
    started: DicomHeader['studyDate'];
    uid: string;
    accession: DicomHeader['accessionNumber'];
    dicomPatient: string;
  } & DicomProvenance,
): void {
  db.prepare(
    `INSERT INTO imaging_studies (id, patient_id, status, modality, description, started_at, series_count, instance_count,
       study_uid, accession_number, dicom_patient, source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, 'available', @modality, @description, @started, 0, 0, @uid, @accession, @dicomPatient,
       @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

/** The series with this Series Instance UID, if the vault holds it. */
export function seriesIdByUid(db: ReadDb, seriesUid: string): string | undefined {
  return db.prepare(`SELECT id FROM imaging_series WHERE series_uid = ?`).pluck().get(seriesUid) as string | undefined;
}

export function insertImagingSeries(db: Db, row: { id: string; studyId: string; patientId: string; header: DicomHeader }): void {
  const h = row.header;
  db.prepare(
    `INSERT INTO imaging_series (id, study_id, patient_id, series_uid, number, modality, body_part, view_position, laterality, description)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.studyId, row.patientId, h.seriesInstanceUid, h.seriesNumber, h.modality, h.bodyPart, h.viewPosition, h.laterality, h.seriesDescription);
}

export function insertDicomImage(db: Db, row: { id: string; patient: string; taken: DicomHeader['studyDate']; content: Buffer; metadata: string } & DicomProvenance): void {
  db.prepare(
    `INSERT INTO images (id, patient_id, kind, media_type, taken_at, content, metadata, source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, 'dicom', 'application/dicom', @taken, @content, @metadata, @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

export function insertImagingInstance(
  db: Db,
  row: { id: string; series: string; patient: string; image: string; header: DicomHeader; length: number; sha256: string } & Omit<DicomProvenance, 'source_ref'>,
): void {
  const h = row.header;
  db.prepare(
    `INSERT INTO imaging_instances (id, series_id, patient_id, image_id, sop_instance_uid, sop_class_uid, number, transfer_syntax_uid,
       rows, columns, frames, bits_allocated, photometric, window_center, window_width, spacing, byte_length, sha256,
       source_id, recorded_at, recorded_by)
     VALUES (@id, @series, @patient, @image, @sop, @sopClass, @number, @ts, @rows, @columns, @frames, @bits, @photometric,
       @wc, @ww, @spacing, @length, @sha256, @source_id, @recorded_at, @recorded_by)`,
  ).run({
    id: row.id,
    series: row.series,
    patient: row.patient,
    image: row.image,
    sop: h.sopInstanceUid,
    sopClass: h.sopClassUid,
    number: h.instanceNumber,
    ts: h.transferSyntaxUid,
    rows: h.rows,
    columns: h.columns,
    frames: h.frames,
    bits: h.bitsAllocated,
    photometric: h.photometric,
    wc: h.windowCenter,
    ww: h.windowWidth,
    spacing: JSON.stringify(h.spacing),
    length: row.length,
    sha256: row.sha256,
    source_id: row.source_id,
    recorded_at: row.recorded_at,
    recorded_by: row.recorded_by,
  });
}

/** Recounts a study's series and instances after an import. */
export function recountStudy(db: Db, studyId: string): void {
  db.prepare(
    `UPDATE imaging_studies SET
       series_count = (SELECT count(*) FROM imaging_series WHERE study_id = @study),
       instance_count = (SELECT count(*) FROM imaging_instances i JOIN imaging_series s ON s.id = i.series_id WHERE s.study_id = @study)
     WHERE id = @study`,
  ).run({ study: studyId });
}
