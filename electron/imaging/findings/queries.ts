import type { FindingKind, FindingMeasures, ImagingFindingDto } from '../../api/photo-schemas';
import type { Db, ReadDb } from '../../store/sqlite';
import { ImagingError } from '../imaging-error';
import { parsePoints } from '../photos/queries';

interface FindingRow {
  id: string;
  patient_id: string;
  photo_id: string | null;
  instance_id: string | null;
  frame: number;
  lesion_id: string | null;
  kind: FindingKind;
  points: string;
  measures: string;
  statement: string;
  status: ImagingFindingDto['status'];
  proposed_by: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  fact_id: string | null;
}

/** A patient's findings, pending first, then newest first. */
export function listFindings(db: ReadDb, patientId: string): ImagingFindingDto[] {
  const rows = db
    .prepare(`SELECT * FROM imaging_findings WHERE patient_id = ? ORDER BY status <> 'pending', proposed_at DESC, rowid DESC`)
    .all(patientId) as FindingRow[];
  return rows.map(toDto);
}

export function getFinding(db: ReadDb, findingId: string): ImagingFindingDto {
  const row = db.prepare(`SELECT * FROM imaging_findings WHERE id = ?`).get(findingId) as FindingRow | undefined;
  if (!row) throw new ImagingError('not-found', `finding ${findingId} is not in the vault`);
  return toDto(row);
}

/** The image finding a memory fact was confirmed from, or null for any other fact: what a citation opens. */
export function findingForFact(db: ReadDb, factId: string): ImagingFindingDto | null {
  const row = db.prepare(`SELECT * FROM imaging_findings WHERE fact_id = ?`).get(factId) as FindingRow | undefined;
  return row ? toDto(row) : null;
}

function toDto(r: FindingRow): ImagingFindingDto {
  return {
    id: r.id,
    patientId: r.patient_id,
    target: r.photo_id ? 'photo' : 'dicom',
    photoId: r.photo_id,
    instanceId: r.instance_id,
    frame: r.frame,
    lesionId: r.lesion_id,
    kind: r.kind,
    points: parsePoints(r.points),
    measures: JSON.parse(r.measures) as FindingMeasures,
    statement: r.statement,
    status: r.status,
    proposedBy: r.proposed_by,
    proposedAt: r.proposed_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    factId: r.fact_id,
  };
}

/**
 * Facts confirmed from image findings and recorded after `since` (all when
 * null), newest first: the brief's "since the previous visit" lines, each
 * citing its fact.
 */
export function confirmedFindingFacts(db: ReadDb, patientId: string, since: string | null, limit = 5): Array<{ factId: string; statement: string }> {
  return db
    .prepare(
      `SELECT f.id AS factId, f.statement FROM imaging_findings g JOIN memory_facts f ON f.id = g.fact_id
       WHERE g.patient_id = ? AND g.status = 'confirmed' AND f.status = 'active' AND (? IS NULL OR f.recorded_at > ?)
       ORDER BY f.recorded_at DESC LIMIT ?`,
    )
    .all(patientId, since, since, limit) as Array<{ factId: string; statement: string }>;
}

// --- writes and what they need --------------------------------------------

export function insertFinding(
  db: Db,
  row: { id: string; patientId: string; photoId: string | null; instanceId: string | null; frame: number; lesionId: string | null; kind: FindingKind; points: string; measures: string; statement: string; by: string; at: string },
): void {
  db.prepare(
    `INSERT INTO imaging_findings (id, patient_id, photo_id, instance_id, frame, lesion_id, kind, points, measures, statement, status, proposed_by, proposed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(row.id, row.patientId, row.photoId, row.instanceId, row.frame, row.lesionId, row.kind, row.points, row.measures, row.statement, row.by, row.at);
}

/** The source row and date of the image a finding is on: a photo, or a DICOM instance (its study's date). */
export function findingImageSource(db: ReadDb, image: { photoId: string } | { instanceId: string | null }): { source_id: number; taken_at: string | null } {
  return 'photoId' in image
    ? (db.prepare('SELECT source_id, taken_at FROM photos WHERE id = ?').get(image.photoId) as { source_id: number; taken_at: string })
    : (db
        .prepare('SELECT i.source_id, s.started_at AS taken_at FROM imaging_instances i JOIN imaging_series r ON r.id = i.series_id JOIN imaging_studies s ON s.id = r.study_id WHERE i.id = ?')
        .get(image.instanceId) as { source_id: number; taken_at: string | null });
}

/** A confirmed finding becomes a memory fact with the image as its source. */
export function insertFindingFact(db: Db, row: { id: string; patientId: string; statement: string; validFrom: string; sourceId: number; sourceRef: string; at: string; by: string }): void {
  db.prepare(
    `INSERT INTO memory_facts (id, patient_id, kind, statement, status, valid_from, source_id, source_ref, recorded_at, recorded_by)
     VALUES (?, ?, 'imaging-finding', ?, 'active', ?, ?, ?, ?, ?)`,
  ).run(row.id, row.patientId, row.statement, row.validFrom, row.sourceId, row.sourceRef, row.at, row.by);
}

export function recordFindingDecision(db: Db, findingId: string, decision: { status: 'confirmed' | 'rejected'; by: string; at: string; factId: string | null }): void {
  db.prepare('UPDATE imaging_findings SET status = ?, decided_by = ?, decided_at = ?, fact_id = ? WHERE id = ?').run(decision.status, decision.by, decision.at, decision.factId, findingId);
}

export interface InstanceForFinding {
  patient_id: string;
  rows: number;
  columns: number;
  frames: number;
  spacing: string;
  modality: string | null;
  body_part: string | null;
  view_position: string | null;
  started_at: string | null;
  description: string | null;
}

/** A DICOM instance with what a finding on it is measured and described by, or undefined. */
export function instanceForFinding(db: ReadDb, instanceId: string): InstanceForFinding | undefined {
  return db
    .prepare(
      `SELECT i.patient_id, i.rows, i.columns, i.frames, i.spacing, r.modality, r.body_part, r.view_position, s.started_at, s.description
       FROM imaging_instances i JOIN imaging_series r ON r.id = i.series_id JOIN imaging_studies s ON s.id = r.study_id WHERE i.id = ?`,
    )
    .get(instanceId) as InstanceForFinding | undefined;
}

/** Whether a memory fact is in the vault (a citation to one that is not a finding). */
export function memoryFactExists(db: ReadDb, factId: string): boolean {
  return db.prepare('SELECT 1 FROM memory_facts WHERE id = ?').get(factId) !== undefined;
}
