import type { ImagingInstance, ImagingStudy, PixelSpacing } from '../api/imaging-schemas';
import type { Db } from '../store/sqlite';
import { SUPPORTED_TRANSFER_SYNTAXES as SYNTAX_NAMES } from './dicom-header';
import { ImagingError } from './imaging-error';

/** A patient's DICOM studies, newest first, with series and instances (no pixel data). */
export function listStudies(db: Db, patientId: string): ImagingStudy[] {
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
export function instanceBytes(db: Db, instanceId: string): { patientId: string; bytes: Buffer } {
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
