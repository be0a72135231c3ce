import { type PixelSpacing, type Point } from '../api/imaging-schemas';

export { angleDegrees, lengthMm, type PixelSpacing, type Point } from '../api/imaging-schemas';

/**
 * The pixel spacing of an image, and how far it can be trusted (DICOM PS3.3
 * C.7.6.2.1.1 and C.8.11.4):
 * - Pixel Spacing (0028,0030) is calibrated in the patient: 'known'.
 * - Imager Pixel Spacing (0018,1164) is at the detector face; for projection
 *   radiographs it overstates anatomy by the geometric magnification
 *   (typically 5-20 %): 'estimated-from-imager', and the viewer says so.
 * - A present value of zero, negative or not a number is 'invalid-zero'
 *   (RG1_J2KI.dcm carries 0.000\0.000) and is never used for millimetres.
 * - Neither present: 'missing'.
 * Values are "row spacing\column spacing": the first is the distance between
 * rows (vertical), the second between columns (horizontal), in mm.
 */
export function pixelSpacingOf(tags: { pixelSpacing: string | null; imagerPixelSpacing: string | null }): PixelSpacing {
  const calibrated = parsePair(tags.pixelSpacing);
  if (calibrated && calibrated !== 'invalid') return { status: 'known', rowMm: calibrated[0], columnMm: calibrated[1], source: 'PixelSpacing' };
  const imager = parsePair(tags.imagerPixelSpacing);
  if (imager && imager !== 'invalid') {
    return { status: 'estimated-from-imager', rowMm: imager[0], columnMm: imager[1], source: 'ImagerPixelSpacing' };
  }
  if (calibrated === 'invalid' || imager === 'invalid') {
    return { status: 'invalid-zero', rowMm: null, columnMm: null, source: calibrated === 'invalid' ? 'PixelSpacing' : 'ImagerPixelSpacing' };
  }
  return { status: 'missing', rowMm: null, columnMm: null, source: null };
}

/** A user calibration (a ruler or a known length drawn in the image): mm per pixel, square pixels. */
export function calibratedSpacing(from: Point, to: Point, knownMm: number): PixelSpacing {
  const pixels = Math.hypot(to.x - from.x, to.y - from.y);
  if (!(knownMm > 0) || !(pixels > 0) || !Number.isFinite(knownMm)) {
    return { status: 'invalid-zero', rowMm: null, columnMm: null, source: 'calibration' };
  }
  const mm = knownMm / pixels;
  return { status: 'calibrated', rowMm: mm, columnMm: mm, source: 'calibration' };
}

// null: absent; 'invalid': present but unusable; a pair of positive numbers otherwise.
function parsePair(value: string | null): readonly [number, number] | 'invalid' | null {
  if (value === null || value.trim() === '') return null;
  const parts = value.split('\\').map((p) => p.trim());
  if (parts.length === 0 || parts.length > 2) return 'invalid';
  const numbers = parts.map((p) => (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(p) ? Number(p) : Number.NaN));
  const row = numbers[0]!;
  const column = numbers[1] ?? row;
  if (!(row > 0) || !(column > 0) || !Number.isFinite(row) || !Number.isFinite(column)) return 'invalid';
  return [row, column];
}
