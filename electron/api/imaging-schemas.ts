import { z } from 'zod';

/**
 * Imaging shapes shared by the renderer and the core, and the pure geometry
 * both sides measure with (no imports but zod: this file is bundled into the
 * renderer as it is).
 */

/** How far the millimetres can be trusted; see electron/imaging/spacing.ts. */
export const spacingStatus = z.enum(['known', 'estimated-from-imager', 'calibrated', 'missing', 'invalid-zero']);
export type SpacingStatus = z.infer<typeof spacingStatus>;

export const pixelSpacing = z.object({
  status: spacingStatus,
  /** Distance between rows (vertical), mm; null unless usable. */
  rowMm: z.number().positive().nullable(),
  /** Distance between columns (horizontal), mm; null unless usable. */
  columnMm: z.number().positive().nullable(),
  source: z.enum(['PixelSpacing', 'ImagerPixelSpacing', 'calibration']).nullable(),
});
export type PixelSpacing = z.infer<typeof pixelSpacing>;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Length in mm between two image points (x along columns, y along rows); null without a usable spacing. */
export function lengthMm(a: Point, b: Point, spacing: PixelSpacing): number | null {
  if (spacing.rowMm === null || spacing.columnMm === null) return null;
  if (spacing.status === 'missing' || spacing.status === 'invalid-zero') return null;
  return Math.hypot((b.x - a.x) * spacing.columnMm, (b.y - a.y) * spacing.rowMm);
}

/**
 * The angle at `vertex` between the rays to `a` and `b`, in degrees (0-180),
 * measured in millimetre space so that non-square pixels do not skew it
 * (with no usable spacing, pixels are taken as square). Null for a zero-length ray.
 */
export function angleDegrees(a: Point, vertex: Point, b: Point, spacing?: PixelSpacing): number | null {
  const sx = spacing?.columnMm ?? 1;
  const sy = spacing?.rowMm ?? 1;
  const ux = (a.x - vertex.x) * sx;
  const uy = (a.y - vertex.y) * sy;
  const vx = (b.x - vertex.x) * sx;
  const vy = (b.y - vertex.y) * sy;
  const nu = Math.hypot(ux, uy);
  const nv = Math.hypot(vx, vy);
  if (nu === 0 || nv === 0) return null;
  const cos = Math.min(1, Math.max(-1, (ux * vx + uy * vy) / (nu * nv)));
  return (Math.acos(cos) * 180) / Math.PI;
}

/** The words the viewer shows beside a measurement, by spacing status. */
export function spacingWarning(spacing: PixelSpacing): string | null {
  switch (spacing.status) {
    case 'known':
      return null;
    case 'calibrated':
      return 'calibrated by the clinician from a known length';
    case 'estimated-from-imager':
      return 'estimated: Imager Pixel Spacing at the detector, magnification not corrected';
    case 'invalid-zero':
      return 'pixel spacing in the file is zero or invalid: lengths in pixels only';
    case 'missing':
      return 'no pixel spacing in the file: lengths in pixels only';
  }
}

export const imagingInstance = z.object({
  id: z.string(),
  sopInstanceUid: z.string(),
  number: z.number().nullable(),
  rows: z.number().int(),
  columns: z.number().int(),
  frames: z.number().int(),
  transferSyntaxUid: z.string(),
  transferSyntaxName: z.string(),
  photometric: z.string().nullable(),
  bitsAllocated: z.number().int(),
  windowCenter: z.number().nullable(),
  windowWidth: z.number().nullable(),
  spacing: pixelSpacing,
  byteLength: z.number().int(),
});
export type ImagingInstance = z.infer<typeof imagingInstance>;

export const imagingSeries = z.object({
  id: z.string(),
  seriesUid: z.string(),
  number: z.number().nullable(),
  modality: z.string().nullable(),
  bodyPart: z.string().nullable(),
  viewPosition: z.string().nullable(),
  laterality: z.string().nullable(),
  description: z.string().nullable(),
  instances: z.array(imagingInstance),
});
export type ImagingSeries = z.infer<typeof imagingSeries>;

export const imagingStudy = z.object({
  id: z.string(),
  studyUid: z.string(),
  date: z.string().nullable(),
  description: z.string().nullable(),
  accessionNumber: z.string().nullable(),
  modality: z.string().nullable(),
  /** The name and identifier as written in the DICOM files, to show beside the chart's. */
  dicomPatientName: z.string().nullable(),
  dicomPatientId: z.string().nullable(),
  series: z.array(imagingSeries),
});
export type ImagingStudy = z.infer<typeof imagingStudy>;

export const dicomImportOutcome = z.object({
  file: z.string(),
  /**
   * imported / already-imported: stored (or there already) for patientId.
   * ambiguous: more than one chart fits; candidates lists them, nothing stored.
   * no-match: no chart fits; nothing stored.
   * rejected: the file is not an image we can store; message says why.
   */
  status: z.enum(['imported', 'already-imported', 'ambiguous', 'no-match', 'rejected']),
  message: z.string(),
  patientId: z.string().nullable(),
  studyId: z.string().nullable(),
  instanceId: z.string().nullable(),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), birthDate: z.string().nullable(), matchedOn: z.array(z.string()) })),
});
export type DicomImportOutcome = z.infer<typeof dicomImportOutcome>;

export const imagingPatientId = z.string().min(1).max(256);
