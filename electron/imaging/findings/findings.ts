import { randomUUID } from 'node:crypto';
import type { PixelSpacing, Point } from '../../api/imaging-schemas';
import { measureLine, measureOutline, photoSpacing, type FindingAnnotation, type FindingMeasures, type FindingTarget, type ImagingFindingDto } from '../../api/photo-schemas';
import type { Vault } from '../../store/vault';
import { ImagingError } from '../imaging-error';
import { getLesion, getPhoto, pointsJson } from '../photos/queries';
import { findingSourceRef } from './source-ref';
import { findingStatement, spacingNote } from './statement';
import { findingImageSource, getFinding, insertFinding, insertFindingFact, instanceForFinding, recordFindingDecision } from './queries';

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
    insertFinding(vault.db, {
      id,
      patientId: resolved.patientId,
      photoId: resolved.photoId,
      instanceId: resolved.instanceId,
      frame: resolved.frame,
      lesionId: resolved.lesionId,
      kind: annotation.kind,
      points: pointsJson(points),
      measures: JSON.stringify(measures),
      statement,
      by: vault.clinician.id,
      at,
    });
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
  const image = findingImageSource(db, finding.photoId ? { photoId: finding.photoId } : { instanceId: finding.instanceId });
  const at = vault.now().toISOString();
  vault.atomically(() => {
    let factId: string | null = null;
    if (decision === 'confirm') {
      factId = `fact-${randomUUID()}`;
      insertFindingFact(db, {
        id: factId,
        patientId: finding.patientId,
        statement: finding.statement,
        validFrom: image.taken_at ?? at,
        sourceId: image.source_id,
        sourceRef: findingSourceRef(finding, finding.kind, finding.points),
        at,
        by: vault.clinician.id,
      });
    }
    recordFindingDecision(db, findingId, { status: decision === 'confirm' ? 'confirmed' : 'rejected', by: vault.clinician.id, at, factId });
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
  const row = instanceForFinding(db, target.instanceId);
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
