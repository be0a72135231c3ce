import { randomUUID } from 'node:crypto';
import type { PixelSpacing, Point } from '../../api/imaging-schemas';
import { measureLine, measureOutline, photoSpacing, type FindingAnnotation, type FindingMeasures, type FindingTarget, type ImagingFindingDto } from '../../api/photo-schemas';
import type { Vault } from '../../store/vault';
import { ImagingError } from '../imaging-error';
import { getLesion, getPhoto, pointsJson } from '../photos/queries';
import { findingSourceRef } from './source-ref';
import { findingStatement, spacingNote } from './statement';
import { getFinding } from './queries';

const POINTS: Record<FindingAnnotation['kind'], { min: number; max: number; what: string }> = {
  length: { min: 2, max: 2, what: 'a length has its 2 end points' },
  angle: { min: 3, max: 3, what: 'an angle has 3 points, the vertex in the middle' },
  text: { min: 1, max: 1, what: 'a text finding is pinned at 1 point' },
  lesion: { min: 3, max: 2000, what: 'a lesion outline has at least 3 points' },
};

interface ResolvedTarget {
  readonly patientId: string;
  readonly photoId: string | null;
  readonly instanceId: string | null;
  readonly frame: number;
  readonly lesionId: string | null;
  readonly lesionName: string | null;
  readonly width: number;
  readonly height: number;
  readonly spacing: PixelSpacing;
  readonly image: string;
  readonly date: string | null;
}

/**
 * A finding drawn on an image, proposed: measured here from the stored
 * spacing (the renderer's numbers are never trusted), written as a sentence,
 * and kept pending. It becomes a fact only through decideFinding().
 */
export function proposeFinding(vault: Vault, target: FindingTarget, annotation: FindingAnnotation): ImagingFindingDto {
  const resolved = resolveTarget(vault, target);
  const rule = POINTS[annotation.kind];
  const points = annotation.points;
  if (points.length < rule.min || points.length > rule.max) throw new ImagingError('invalid-input', `finding on ${resolved.image}: ${rule.what} (got ${points.length})`);
  const outside = points.find((p) => p.x < 0 || p.y < 0 || p.x > resolved.width || p.y > resolved.height);
  if (outside) throw new ImagingError('invalid-input', `finding on ${resolved.image}: point (${outside.x}, ${outside.y}) is outside the ${resolved.width} x ${resolved.height} image`);
  const note = annotation.text?.trim() || null;
  if (annotation.kind === 'text' && !note) throw new ImagingError('invalid-input', `finding on ${resolved.image}: a text finding needs its text`);
  if (annotation.kind === 'lesion' && !resolved.lesionId) throw new ImagingError('invalid-input', `finding on ${resolved.image}: a lesion finding names its lesion`);
  const measures = measure(annotation.kind, points, resolved.spacing, note);
  const statement = findingStatement(
    annotation.kind,
    measures,
    { image: resolved.image, date: resolved.date, lesionName: resolved.lesionName, spacingNote: annotation.kind === 'angle' || annotation.kind === 'text' ? null : spacingNote(resolved.spacing.status, resolved.photoId ? 'photo' : 'dicom') },
    note,
  );
  const id = `finding-${randomUUID()}`;
  const at = vault.now().toISOString();
  vault.atomically(() => {
    vault.db
      .prepare(
        `INSERT INTO imaging_findings (id, patient_id, photo_id, instance_id, frame, lesion_id, kind, points, measures, statement, status, proposed_by, proposed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(id, resolved.patientId, resolved.photoId, resolved.instanceId, resolved.frame, resolved.lesionId, annotation.kind, pointsJson(points), JSON.stringify(measures), statement, vault.clinician.id, at);
    vault.audit('record.write', resolved.patientId, { kind: 'finding.propose', findingId: id });
  });
  return getFinding(vault.db, id);
}

/**
 * The clinician's decision. Confirming writes the finding's sentence as a
 * memory fact (kind 'imaging-finding') whose provenance is the image itself:
 * the image's source row, and a source_ref naming image, frame and
 * coordinates (findingSourceRef). The fact is what the agent cites.
 */
export function decideFinding(vault: Vault, findingId: string, decision: 'confirm' | 'reject'): ImagingFindingDto {
  const db = vault.db;
  const finding = getFinding(db, findingId);
  if (finding.status !== 'pending') throw new ImagingError('invalid-input', `finding ${findingId} is already ${finding.status}`);
  const image = finding.photoId
    ? (db.prepare('SELECT source_id, taken_at FROM photos WHERE id = ?').get(finding.photoId) as { source_id: number; taken_at: string })
    : (db
        .prepare('SELECT i.source_id, s.started_at AS taken_at FROM imaging_instances i JOIN imaging_series r ON r.id = i.series_id JOIN imaging_studies s ON s.id = r.study_id WHERE i.id = ?')
        .get(finding.instanceId) as { source_id: number; taken_at: string | null });
  const at = vault.now().toISOString();
  vault.atomically(() => {
    let factId: string | null = null;
    if (decision === 'confirm') {
      factId = `fact-${randomUUID()}`;
      db.prepare(
        `INSERT INTO memory_facts (id, patient_id, kind, statement, status, valid_from, source_id, source_ref, recorded_at, recorded_by)
         VALUES (?, ?, 'imaging-finding', ?, 'active', ?, ?, ?, ?, ?)`,
      ).run(factId, finding.patientId, finding.statement, image.taken_at ?? at, image.source_id, findingSourceRef(finding, finding.kind, finding.points), at, vault.clinician.id);
    }
    db.prepare('UPDATE imaging_findings SET status = ?, decided_by = ?, decided_at = ?, fact_id = ? WHERE id = ?').run(
      decision === 'confirm' ? 'confirmed' : 'rejected',
      vault.clinician.id,
      at,
      factId,
      findingId,
    );
    vault.audit('record.write', finding.patientId, { kind: 'finding.decide', findingId, decision, factId });
  });
  return getFinding(db, findingId);
}

function measure(kind: FindingAnnotation['kind'], points: readonly Point[], spacing: PixelSpacing, note: string | null): FindingMeasures {
  const base: FindingMeasures = { spacingStatus: spacing.status, lengthPx: null, lengthMm: null, angleDeg: null, diameterPx: null, diameterMm: null, areaMm2: null, text: note };
  if (kind === 'length' || kind === 'angle') return { ...base, ...measureLine(points, spacing) };
  if (kind === 'lesion') {
    const m = measureOutline(points, spacing);
    return { ...base, diameterPx: m.diameterPx, diameterMm: m.diameterMm, areaMm2: m.areaMm2 };
  }
  return base;
}

function resolveTarget(vault: Vault, target: FindingTarget): ResolvedTarget {
  const db = vault.db;
  if (target.kind === 'photo') {
    const photo = getPhoto(db, target.photoId);
    const lesion = target.lesionId ? getLesion(db, target.lesionId) : null;
    if (lesion && lesion.patientId !== photo.patientId) throw new ImagingError('not-found', `lesion ${lesion.id} is not in this photo's chart`);
    return {
      patientId: photo.patientId,
      photoId: photo.id,
      instanceId: null,
      frame: 0,
      lesionId: lesion?.id ?? null,
      lesionName: lesion?.name ?? null,
      width: photo.width,
      height: photo.height,
      spacing: photoSpacing(photo.calibration),
      image: `photo of ${photo.bodySite}`,
      date: photo.takenAt.slice(0, 10),
    };
  }
  const row = db
    .prepare(
      `SELECT i.patient_id, i.rows, i.columns, i.frames, i.spacing, r.modality, r.body_part, r.view_position, s.started_at, s.description
       FROM imaging_instances i JOIN imaging_series r ON r.id = i.series_id JOIN imaging_studies s ON s.id = r.study_id WHERE i.id = ?`,
    )
    .get(target.instanceId) as
    | { patient_id: string; rows: number; columns: number; frames: number; spacing: string; modality: string | null; body_part: string | null; view_position: string | null; started_at: string | null; description: string | null }
    | undefined;
  if (!row) throw new ImagingError('not-found', `image ${target.instanceId} is not in the vault`);
  const frame = target.frame ?? 0;
  if (frame >= row.frames) throw new ImagingError('invalid-input', `image ${target.instanceId} has ${row.frames} frame(s); there is no frame ${frame}`);
  const words = [row.modality, row.body_part?.toLowerCase(), row.view_position].filter(Boolean).join(' ');
  return {
    patientId: row.patient_id,
    photoId: null,
    instanceId: target.instanceId,
    frame,
    lesionId: null,
    lesionName: null,
    width: row.columns,
    height: row.rows,
    spacing: JSON.parse(row.spacing) as PixelSpacing,
    image: words ? `${words} image${row.description ? ` (${row.description})` : ''}` : row.description ?? 'the image',
    date: row.started_at ? row.started_at.slice(0, 10) : null,
  };
}
