import { measureOutline, photoSpacing, type Lesion, type LesionPoint, type PhotoCalibration, type PhotoSummary } from '../../api/photo-schemas';
import type { Point } from '../../api/imaging-schemas';
import type { Db, ReadDb } from '../../store/sqlite';
import { ImagingError } from '../imaging-error';

interface PhotoRow {
  id: string;
  patient_id: string;
  lesion_id: string | null;
  body_site: string;
  taken_at: string;
  taken_from: 'exif' | 'given';
  media_type: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  byte_length: number;
  calibration: string | null;
}

const PHOTO_COLUMNS = `id, patient_id, lesion_id, body_site, taken_at, taken_from, media_type, width, height, byte_length, calibration`;

/** A patient's photos, oldest first, each with its calibration and lesion outlines measured. */
export function listPhotos(db: ReadDb, patientId: string): PhotoSummary[] {
  const rows = db.prepare(`SELECT ${PHOTO_COLUMNS} FROM photos WHERE patient_id = ? ORDER BY taken_at, recorded_at`).all(patientId) as PhotoRow[];
  return rows.map((row) => toSummary(db, row));
}

export function getPhoto(db: ReadDb, photoId: string): PhotoSummary {
  const row = db.prepare(`SELECT ${PHOTO_COLUMNS} FROM photos WHERE id = ?`).get(photoId) as PhotoRow | undefined;
  if (!row) throw new ImagingError('not-found', `photo ${photoId} is not in the vault`);
  return toSummary(db, row);
}

/** The photo's own file bytes (JPEG or PNG as imported), for the viewer and the DICOM export. */
export function photoBytes(db: ReadDb, photoId: string): { patientId: string; mediaType: string; bytes: Buffer } {
  const row = db
    .prepare(`SELECT p.patient_id AS patientId, p.media_type AS mediaType, i.content AS content FROM photos p JOIN images i ON i.id = p.image_id WHERE p.id = ?`)
    .get(photoId) as { patientId: string; mediaType: string; content: Buffer | null } | undefined;
  if (!row || !row.content) throw new ImagingError('not-found', `photo ${photoId} is not in the vault`);
  return { patientId: row.patientId, mediaType: row.mediaType, bytes: row.content };
}

export function listLesions(db: ReadDb, patientId: string): Lesion[] {
  return db
    .prepare(`SELECT id, patient_id AS patientId, name, body_site AS bodySite, created_at AS createdAt FROM lesions WHERE patient_id = ? ORDER BY body_site, name`)
    .all(patientId) as Lesion[];
}

export function getLesion(db: ReadDb, lesionId: string): Lesion {
  const lesion = db.prepare(`SELECT id, patient_id AS patientId, name, body_site AS bodySite, created_at AS createdAt FROM lesions WHERE id = ?`).get(lesionId) as
    | Lesion
    | undefined;
  if (!lesion) throw new ImagingError('not-found', `lesion ${lesionId} is not in the vault`);
  return lesion;
}

/** One lesion's measurements over time: every photo with an outline of it, oldest first. */
export function lesionHistory(db: ReadDb, lesionId: string): { lesion: Lesion; points: LesionPoint[] } {
  const lesion = getLesion(db, lesionId);
  const rows = db
    .prepare(
      `SELECT o.photo_id, o.points, p.taken_at, p.calibration FROM lesion_outlines o JOIN photos p ON p.id = o.photo_id
       WHERE o.lesion_id = ? ORDER BY p.taken_at, p.recorded_at`,
    )
    .all(lesionId) as Array<{ photo_id: string; points: string; taken_at: string; calibration: string | null }>;
  const points = rows.map((r) => {
    const spacing = photoSpacing(parseCalibration(r.calibration));
    return { photoId: r.photo_id, takenAt: r.taken_at, spacingStatus: spacing.status, ...measureOutline(parsePoints(r.points), spacing) };
  });
  return { lesion, points };
}

export function parsePoints(json: string): Point[] {
  return (JSON.parse(json) as Array<[number, number]>).map(([x, y]) => ({ x, y }));
}

export function pointsJson(points: readonly Point[]): string {
  return JSON.stringify(points.map((p) => [round2(p.x), round2(p.y)]));
}

/** Sub-pixel precision beyond a hundredth of a pixel is noise from the pointer. */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export function parseCalibration(json: string | null): PhotoCalibration | null {
  return json ? (JSON.parse(json) as PhotoCalibration) : null;
}

function toSummary(db: ReadDb, row: PhotoRow): PhotoSummary {
  const calibration = parseCalibration(row.calibration);
  const spacing = photoSpacing(calibration);
  const outlines = (db.prepare(`SELECT lesion_id, points FROM lesion_outlines WHERE photo_id = ? ORDER BY lesion_id`).all(row.id) as Array<{ lesion_id: string; points: string }>).map(
    (o) => {
      const points = parsePoints(o.points);
      return { lesionId: o.lesion_id, points, ...measureOutline(points, spacing) };
    },
  );
  return {
    id: row.id,
    patientId: row.patient_id,
    lesionId: row.lesion_id,
    bodySite: row.body_site,
    takenAt: row.taken_at,
    takenFrom: row.taken_from,
    mediaType: row.media_type,
    width: row.width,
    height: row.height,
    byteLength: row.byte_length,
    calibration,
    spacing,
    outlines,
  };
}

// --- writes ---------------------------------------------------------------

export function insertLesion(db: Db, row: { id: string; patientId: string; name: string; bodySite: string; at: string; by: string }): void {
  db.prepare('INSERT INTO lesions (id, patient_id, name, body_site, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(row.id, row.patientId, row.name, row.bodySite, row.at, row.by);
}

/** Sets (JSON) or clears (null) a photo's calibration. */
export function setPhotoCalibration(db: Db, photoId: string, calibration: string | null): void {
  db.prepare('UPDATE photos SET calibration = ? WHERE id = ?').run(calibration, photoId);
}

/** A lesion's outline on a photo; replaces an earlier one. */
export function upsertLesionOutline(db: Db, row: { photoId: string; lesionId: string; points: string; at: string; by: string }): void {
  db.prepare(
    `INSERT INTO lesion_outlines (photo_id, lesion_id, points, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (photo_id, lesion_id) DO UPDATE SET points = excluded.points, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
  ).run(row.photoId, row.lesionId, row.points, row.at, row.by);
}

/** The photo of this patient with these bytes (by SHA-256), if it was imported before. */
export function photoIdBySha256(db: ReadDb, patientId: string, sha256: string): string | undefined {
  return db.prepare('SELECT id FROM photos WHERE patient_id = ? AND sha256 = ?').pluck().get(patientId, sha256) as string | undefined;
}

export function insertPhotoImage(
  db: Db,
  row: { id: string; patientId: string; mediaType: string; takenAt: string; content: Buffer; metadata: string; sourceId: number; sourceRef: string; at: string; by: string },
): void {
  db.prepare(
    `INSERT INTO images (id, patient_id, kind, media_type, taken_at, content, metadata, source_id, source_ref, recorded_at, recorded_by)
     VALUES (?, ?, 'photo', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.patientId, row.mediaType, row.takenAt, row.content, row.metadata, row.sourceId, row.sourceRef, row.at, row.by);
}

export function insertPhoto(
  db: Db,
  row: {
    id: string;
    patientId: string;
    imageId: string;
    lesionId: string | null;
    bodySite: string;
    takenAt: string;
    takenFrom: 'exif' | 'given';
    mediaType: string;
    width: number;
    height: number;
    byteLength: number;
    sha256: string;
    sopInstanceUid: string;
    sourceId: number;
    at: string;
    by: string;
  },
): void {
  db.prepare(
    `INSERT INTO photos (id, patient_id, image_id, lesion_id, body_site, taken_at, taken_from, media_type, width, height, byte_length, sha256,
       sop_instance_uid, calibration, source_id, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  ).run(
    row.id,
    row.patientId,
    row.imageId,
    row.lesionId,
    row.bodySite,
    row.takenAt,
    row.takenFrom,
    row.mediaType,
    row.width,
    row.height,
    row.byteLength,
    row.sha256,
    row.sopInstanceUid,
    row.sourceId,
    row.at,
    row.by,
  );
}

/** The photos of a lesion (filed under it, or outlining it), oldest first, with their DICOM SOP instance UIDs. */
export function lesionPhotoUids(db: ReadDb, lesionId: string): Array<{ id: string; sop_instance_uid: string }> {
  return db
    .prepare(
      `SELECT p.id, p.sop_instance_uid FROM photos p
       WHERE p.lesion_id = @lesion OR EXISTS (SELECT 1 FROM lesion_outlines o WHERE o.photo_id = p.id AND o.lesion_id = @lesion)
       ORDER BY p.taken_at, p.recorded_at`,
    )
    .all({ lesion: lesionId }) as Array<{ id: string; sop_instance_uid: string }>;
}

/** The patient a lesion belongs to, or undefined when there is no such lesion. */
export function lesionPatientId(db: ReadDb, lesionId: string): string | undefined {
  return db.prepare('SELECT patient_id FROM lesions WHERE id = ?').pluck().get(lesionId) as string | undefined;
}
