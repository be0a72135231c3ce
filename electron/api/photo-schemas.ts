import { z } from 'zod';
import { angleDegrees, lengthMm, longestDiameter, outlineAreaMm2, pixelSpacing, type PixelSpacing, type Point } from './imaging-schemas';
import { fileBytes, UPLOAD_MAX_BYTES } from './upload';

/**
 * Clinical photographs (dermatology), lesions followed over time, and image
 * findings (photo or DICOM frame) as the renderer and the core exchange them.
 * zod and pure geometry only: bundled into the renderer as it is.
 */

export const bodySite = z.string().trim().min(1, 'name the body site').max(120);
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');

/** An image point in pixels (x along columns, y along rows), inside any sane image. */
export const imagePoint = z.object({ x: z.number().finite().min(-100_000).max(100_000), y: z.number().finite().min(-100_000).max(100_000) }).strict();

export const photoCalibration = z.object({
  from: imagePoint,
  to: imagePoint,
  knownMm: z.number().positive(),
  mmPerPixel: z.number().positive(),
  by: z.string(),
  at: z.string(),
});
export type PhotoCalibration = z.infer<typeof photoCalibration>;

/** What an outline measures: pixels always, millimetres only on a calibrated photo. */
export const outlineMeasure = z.object({
  diameterPx: z.number(),
  diameterMm: z.number().nullable(),
  /** The two outline points the longest diameter runs between. */
  diameterFrom: imagePoint.nullable(),
  diameterTo: imagePoint.nullable(),
  areaPx: z.number().nullable(),
  areaMm2: z.number().nullable(),
});
export type OutlineMeasure = z.infer<typeof outlineMeasure>;

export const lesionOutline = outlineMeasure.extend({ lesionId: z.string(), points: z.array(imagePoint) });
export type LesionOutline = z.infer<typeof lesionOutline>;

export const photoSummary = z.object({
  id: z.string(),
  patientId: z.string(),
  lesionId: z.string().nullable(),
  bodySite: z.string(),
  takenAt: z.string(),
  /** Whether the date came from the camera (EXIF) or was given at import. */
  takenFrom: z.enum(['exif', 'given']),
  mediaType: z.enum(['image/jpeg', 'image/png']),
  width: z.number().int(),
  height: z.number().int(),
  byteLength: z.number().int(),
  calibration: photoCalibration.nullable(),
  spacing: pixelSpacing,
  outlines: z.array(lesionOutline),
});
export type PhotoSummary = z.infer<typeof photoSummary>;

export const lesion = z.object({ id: z.string(), patientId: z.string(), name: z.string(), bodySite: z.string(), createdAt: z.string() });
export type Lesion = z.infer<typeof lesion>;

export const photoImportOutcome = z.object({
  file: z.string(),
  status: z.enum(['imported', 'already-imported', 'rejected']),
  message: z.string(),
  photo: photoSummary.nullable(),
});
export type PhotoImportOutcome = z.infer<typeof photoImportOutcome>;

/** One measurement of a lesion on one photo, oldest first in a history. */
export const lesionPoint = outlineMeasure.extend({ photoId: z.string(), takenAt: z.string(), spacingStatus: z.string() });
export type LesionPoint = z.infer<typeof lesionPoint>;

export const findingKind = z.enum(['length', 'angle', 'text', 'lesion']);
export type FindingKind = z.infer<typeof findingKind>;

/** What the clinician drew: 2 points for a length, 3 (vertex in the middle) for an angle, 1 for a text note, 3+ for a lesion outline. */
export const findingAnnotation = z
  .object({
    kind: findingKind,
    points: z.array(imagePoint).min(1).max(2000),
    text: z.string().trim().max(1000).optional(),
  })
  .strict();
export type FindingAnnotation = z.infer<typeof findingAnnotation>;

export const findingTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('photo'), photoId: z.string().min(1).max(256), lesionId: z.string().min(1).max(256).optional() }).strict(),
  z.object({ kind: z.literal('dicom'), instanceId: z.string().min(1).max(256), frame: z.number().int().min(0).max(100_000).optional() }).strict(),
]);
export type FindingTarget = z.infer<typeof findingTarget>;

export const findingMeasures = z.object({
  spacingStatus: z.string(),
  lengthPx: z.number().nullable(),
  lengthMm: z.number().nullable(),
  angleDeg: z.number().nullable(),
  diameterPx: z.number().nullable(),
  diameterMm: z.number().nullable(),
  areaMm2: z.number().nullable(),
  text: z.string().nullable(),
});
export type FindingMeasures = z.infer<typeof findingMeasures>;

export const imagingFinding = z.object({
  id: z.string(),
  patientId: z.string(),
  target: z.enum(['photo', 'dicom']),
  photoId: z.string().nullable(),
  instanceId: z.string().nullable(),
  frame: z.number().int(),
  lesionId: z.string().nullable(),
  kind: findingKind,
  points: z.array(imagePoint),
  measures: findingMeasures,
  statement: z.string(),
  status: z.enum(['pending', 'confirmed', 'rejected']),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The memory fact a confirmed finding became: what the agent cites. */
  factId: z.string().nullable(),
});
export type ImagingFindingDto = z.infer<typeof imagingFinding>;

/** The spacing a photo measures with: its calibration, or none (pixels only). */
export function photoSpacing(calibration: Pick<PhotoCalibration, 'mmPerPixel'> | null): PixelSpacing {
  if (!calibration) return { status: 'missing', rowMm: null, columnMm: null, source: null };
  return { status: 'calibrated', rowMm: calibration.mmPerPixel, columnMm: calibration.mmPerPixel, source: 'calibration' };
}

/** Longest diameter and area of a closed outline, in pixels and (when calibrated) millimetres. */
export function measureOutline(points: readonly Point[], spacing: PixelSpacing): OutlineMeasure {
  const square: PixelSpacing = { status: 'known', rowMm: 1, columnMm: 1, source: null };
  const px = longestDiameter(points, square);
  const mm = longestDiameter(points, spacing);
  return {
    diameterPx: px?.mm ?? 0,
    diameterMm: mm?.mm ?? null,
    diameterFrom: mm?.from ? { x: mm.from.x, y: mm.from.y } : null,
    diameterTo: mm?.to ? { x: mm.to.x, y: mm.to.y } : null,
    areaPx: outlineAreaMm2(points, square),
    areaMm2: outlineAreaMm2(points, spacing),
  };
}

/** Length and angle in pixels and millimetres, as the core records a finding and the viewer shows it. */
export function measureLine(points: readonly Point[], spacing: PixelSpacing): { lengthPx: number | null; lengthMm: number | null; angleDeg: number | null } {
  if (points.length === 2) {
    const [a, b] = points as [Point, Point];
    return { lengthPx: Math.hypot(b.x - a.x, b.y - a.y), lengthMm: lengthMm(a, b, spacing), angleDeg: null };
  }
  if (points.length === 3) {
    const [a, vertex, b] = points as [Point, Point, Point];
    return { lengthPx: null, lengthMm: null, angleDeg: angleDegrees(a, vertex, b, spacing) };
  }
  return { lengthPx: null, lengthMm: null, angleDeg: null };
}

// --- the methods, spread into the contract (electron/api/contract.ts) ---
const id = z.string().min(1).max(256);
const photoImage = z.object({ photoId: z.string(), patientId: z.string(), mediaType: z.string(), base64: z.string() });

/**
 * Dermatology photos, lesions and image findings over the API (issue 6).
 * Every write is audited; reading a photo's pixels is audited as a record view.
 */
export const photoContract = {
  /** A patient's photos (oldest first, with calibration and measured outlines) and lesions. */
  'photos.list': { params: z.object({ patientId: id }).strict(), result: z.object({ photos: z.array(photoSummary), lesions: z.array(lesion) }) },
  /** A JPEG or PNG chosen in the renderer, as bytes, filed under the patient; date from EXIF, else takenAt. */
  'photos.import': {
    params: z
      .object({ patientId: id, fileName: z.string().min(1).max(260), bytes: fileBytes(UPLOAD_MAX_BYTES['photos.import'], 'photo'), bodySite, takenAt: isoDay.optional(), lesionId: id.optional() })
      .strict(),
    result: photoImportOutcome,
  },
  /** The photo's own file, base64, for the viewer. Audited as a record view. */
  'photos.image': { params: z.object({ photoId: id }).strict(), result: photoImage },
  /** Two points of a ruler or known length and that length in mm; replaces an earlier calibration. */
  'photos.calibrate': { params: z.object({ photoId: id, from: imagePoint, to: imagePoint, knownMm: z.number().positive().max(1000) }).strict(), result: photoSummary },
  'lesions.create': { params: z.object({ patientId: id, name: z.string().trim().min(1).max(200), bodySite }).strict(), result: lesion },
  /** The lesion's outline on one photo (closed polygon, image pixels); replaces an earlier one. */
  'lesions.outline': { params: z.object({ photoId: id, lesionId: id, points: z.array(imagePoint).min(3).max(2000) }).strict(), result: photoSummary },
  /** The lesion measured on every photo that outlines it, oldest first. */
  'lesions.history': { params: z.object({ lesionId: id }).strict(), result: z.object({ lesion, points: z.array(lesionPoint) }) },
  /** A finding drawn on a photo or a DICOM frame, measured in the core and kept pending. */
  'findings.propose': { params: z.object({ target: findingTarget, annotation: findingAnnotation }).strict(), result: imagingFinding },
  'findings.list': { params: z.object({ patientId: id }).strict(), result: z.object({ findings: z.array(imagingFinding) }) },
  /** The clinician confirms (the finding becomes a memory fact with the image as provenance) or rejects. */
  'findings.decide': { params: z.object({ findingId: id, decision: z.enum(['confirm', 'reject']) }).strict(), result: imagingFinding },
  /** The image finding behind a memory fact (null for any other fact): what a citation of it opens. */
  'findings.forFact': { params: z.object({ factId: id }).strict(), result: z.object({ finding: imagingFinding.nullable() }) },
} as const;
