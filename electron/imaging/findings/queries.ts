import type { FindingKind, FindingMeasures, ImagingFindingDto } from '../../api/photo-schemas';
import type { Db } from '../../store/sqlite';
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
export function listFindings(db: Db, patientId: string): ImagingFindingDto[] {
  const rows = db
    .prepare(`SELECT * FROM imaging_findings WHERE patient_id = ? ORDER BY status <> 'pending', proposed_at DESC, rowid DESC`)
    .all(patientId) as FindingRow[];
  return rows.map(toDto);
}

export function getFinding(db: Db, findingId: string): ImagingFindingDto {
  const row = db.prepare(`SELECT * FROM imaging_findings WHERE id = ?`).get(findingId) as FindingRow | undefined;
  if (!row) throw new ImagingError('not-found', `finding ${findingId} is not in the vault`);
  return toDto(row);
}

/** The image finding a memory fact was confirmed from, or null for any other fact: what a citation opens. */
export function findingForFact(db: Db, factId: string): ImagingFindingDto | null {
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
export function confirmedFindingFacts(db: Db, patientId: string, since: string | null, limit = 5): Array<{ factId: string; statement: string }> {
  return db
    .prepare(
      `SELECT f.id AS factId, f.statement FROM imaging_findings g JOIN memory_facts f ON f.id = g.fact_id
       WHERE g.patient_id = ? AND g.status = 'confirmed' AND f.status = 'active' AND (? IS NULL OR f.recorded_at > ?)
       ORDER BY f.recorded_at DESC LIMIT ?`,
    )
    .all(patientId, since, since, limit) as Array<{ factId: string; statement: string }>;
}
