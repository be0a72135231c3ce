import { z } from 'zod';
import { identityCheck } from './identity-schemas';

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
   * mismatch: the chart the clinician chose does not match the file's patient (checks says how); nothing stored
   * unless the clinician files it anyway (override, audited).
   */
  status: z.enum(['imported', 'already-imported', 'ambiguous', 'no-match', 'mismatch', 'rejected']),
  message: z.string(),
  patientId: z.string().nullable(),
  studyId: z.string().nullable(),
  instanceId: z.string().nullable(),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), birthDate: z.string().nullable(), matchedOn: z.array(z.string()) })),
  /**
   * For a prompt (ambiguous, no-match, mismatch): the file's patient beside each chart it could be
   * filed under (the candidates, and the chart the clinician has open), field by field.
   */
  checks: z.array(identityCheck).default([]),
});
export type DicomImportOutcome = z.infer<typeof dicomImportOutcome>;

export const imagingPatientId = z.string().min(1).max(256);

/**
 * The parameters of 'imaging.framePixels': which frame of which stored
 * instance, and optionally the canvas it will be shown in (device pixels),
 * for a reduced first pass to draw while the full resolution arrives.
 */
export const frameParams = z
  .object({
    instanceId: z.string().min(1).max(256),
    frame: z.number().int().min(0).max(100_000).optional(),
    preview: z.object({ width: z.number().int().min(1).max(16_384), height: z.number().int().min(1).max(16_384) }).strict().optional(),
  })
  .strict();

/** What the viewer needs to know about one decoded frame's pixels (see electron/imaging/decode.ts). */
export const frameHeader = z.object({
  instanceId: z.string(),
  patientId: z.string(),
  frame: z.number().int(),
  frames: z.number().int(),
  rows: z.number().int(),
  columns: z.number().int(),
  samplesPerPixel: z.union([z.literal(1), z.literal(3)]),
  bitsAllocated: z.union([z.literal(8), z.literal(16)]),
  signed: z.boolean(),
  photometric: z.enum(['MONOCHROME1', 'MONOCHROME2', 'RGB']),
  minPixelValue: z.number(),
  maxPixelValue: z.number(),
  slope: z.number(),
  intercept: z.number(),
  windowCenter: z.number().nullable(),
  windowWidth: z.number().nullable(),
  decoder: z.string(),
  decodeMs: z.number(),
});
export type FrameHeader = z.infer<typeof frameHeader>;

/** One decoded frame with its pixels as base64 inside JSON ('imaging.frame'). */
export const decodedFrame = frameHeader.extend({
  /** The pixels, little endian, interleaved RGB when samplesPerPixel is 3. */
  base64: z.string(),
});
export type DecodedFrameResult = z.infer<typeof decodedFrame>;

/**
 * The header of 'imaging.framePixels', a binary method: the pixels follow as
 * raw bytes (little endian; interleaved RGB when samplesPerPixel is 3), never
 * base64. When a preview was asked for and is smaller, its pixels come first
 * (greyscale, same sample type, each the mean of a factor x factor block) and
 * the full frame's start at pixelsOffset (a multiple of 8), so that a
 * streaming reader can draw the preview before the rest has arrived.
 * byteLength is what the full frame's bytes measure; readMs what reading the
 * instance from the vault took, for the bench's breakdown.
 */
export const framePixelsHeader = frameHeader.extend({
  byteLength: z.number().int().nonnegative(),
  pixelsOffset: z.number().int().nonnegative(),
  preview: z
    .object({ factor: z.number().int().min(2), rows: z.number().int().positive(), columns: z.number().int().positive(), byteLength: z.number().int().nonnegative() })
    .nullable(),
  readMs: z.number(),
});
export type FramePixelsHeader = z.infer<typeof framePixelsHeader>;

/** The number of bytes a frame's pixels take, from its header; the receiver checks the bytes against it. */
export function framePixelBytes(header: Pick<FrameHeader, 'rows' | 'columns' | 'samplesPerPixel' | 'bitsAllocated'>): number {
  return header.rows * header.columns * header.samplesPerPixel * (header.bitsAllocated / 8);
}

/**
 * Lesion geometry for the dermatology viewer (photos calibrated by marking a
 * known length: calibratedSpacing in electron/imaging/spacing.ts). Points are
 * image pixels (x along columns, y along rows) of the clinician's outline.
 */

/** The longest distance between two outline points, in mm (null without a usable spacing), and the pair. */
export function longestDiameter(outline: readonly Point[], spacing: PixelSpacing): { mm: number | null; from: Point; to: Point } | null {
  if (outline.length < 2) return null;
  const sx = spacing.columnMm ?? 1;
  const sy = spacing.rowMm ?? 1;
  let best = -1;
  let pair: [Point, Point] = [outline[0]!, outline[1]!];
  for (let i = 0; i < outline.length; i++) {
    for (let j = i + 1; j < outline.length; j++) {
      const a = outline[i]!;
      const b = outline[j]!;
      const d = Math.hypot((b.x - a.x) * sx, (b.y - a.y) * sy);
      if (d > best) {
        best = d;
        pair = [a, b];
      }
    }
  }
  return { mm: lengthMm(pair[0], pair[1], spacing), from: pair[0], to: pair[1] };
}

/** The area inside a closed outline (shoelace formula), in mm²; null without a usable spacing or with under 3 points. */
export function outlineAreaMm2(outline: readonly Point[], spacing: PixelSpacing): number | null {
  if (outline.length < 3 || spacing.rowMm === null || spacing.columnMm === null) return null;
  if (spacing.status === 'missing' || spacing.status === 'invalid-zero') return null;
  let twice = 0;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return (Math.abs(twice) / 2) * spacing.rowMm * spacing.columnMm;
}

export interface LesionMeasure {
  readonly date: string;
  readonly diameterMm: number;
  readonly areaMm2: number | null;
}

/** The change between two measurements of the same lesion, as the sentence the viewer shows and numbers. */
export function lesionChange(earlier: LesionMeasure, later: LesionMeasure): { diameterMm: number; diameterPct: number; areaPct: number | null; text: string } {
  const diameterMm = later.diameterMm - earlier.diameterMm;
  const diameterPct = earlier.diameterMm > 0 ? (diameterMm / earlier.diameterMm) * 100 : 0;
  const areaPct = earlier.areaMm2 && later.areaMm2 !== null ? ((later.areaMm2 - earlier.areaMm2) / earlier.areaMm2) * 100 : null;
  const sign = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '±');
  const dir = Math.abs(diameterMm) < 0.05 ? 'unchanged' : diameterMm > 0 ? 'larger' : 'smaller';
  const area = areaPct === null ? '' : `; area ${earlier.areaMm2!.toFixed(1)} → ${later.areaMm2!.toFixed(1)} mm² (${sign(areaPct)}${Math.abs(areaPct).toFixed(0)} %)`;
  const text = `Longest diameter ${earlier.diameterMm.toFixed(1)} mm on ${earlier.date} → ${later.diameterMm.toFixed(1)} mm on ${later.date} (${sign(diameterMm)}${Math.abs(diameterMm).toFixed(1)} mm, ${sign(diameterPct)}${Math.abs(diameterPct).toFixed(0)} %, ${dir})${area}`;
  return { diameterMm, diameterPct, areaPct, text };
}
