import type { FindingKind, FindingMeasures } from '../../api/photo-schemas';

export interface StatementContext {
  /** "photo of left forearm" or "DX chest PA". */
  readonly image: string;
  /** The day the image was taken, YYYY-MM-DD, or null when unknown. */
  readonly date: string | null;
  readonly lesionName: string | null;
  /** How far the millimetres can be trusted, in words; null when they are plainly known. */
  readonly spacingNote: string | null;
}

/**
 * The sentence a finding becomes as a fact: every number with its unit and
 * what it rests on, so that the grounding verifier can check a claim that
 * cites it, and a reader knows whether the millimetres are calibrated,
 * estimated or absent (pixels only).
 */
export function findingStatement(kind: FindingKind, m: FindingMeasures, ctx: StatementContext, note: string | null): string {
  const on = `on ${ctx.image}${ctx.date ? ` of ${ctx.date}` : ''}`;
  const rests = ctx.spacingNote ? ` (${ctx.spacingNote})` : '';
  let core: string;
  switch (kind) {
    case 'lesion': {
      const name = ctx.lesionName ? `Lesion "${ctx.lesionName}"` : 'Lesion';
      const size =
        m.diameterMm !== null
          ? `longest diameter ${m.diameterMm.toFixed(1)} mm${m.areaMm2 !== null ? `, area ${m.areaMm2.toFixed(1)} mm²` : ''}`
          : `longest diameter ${Math.round(m.diameterPx ?? 0)} pixels`;
      core = `${name}: ${size} ${on}${rests}`;
      break;
    }
    case 'length':
      core = m.lengthMm !== null ? `Length ${m.lengthMm.toFixed(1)} mm ${on}${rests}` : `Length ${Math.round(m.lengthPx ?? 0)} pixels ${on}${rests}`;
      break;
    case 'angle':
      core = `Angle ${m.angleDeg === null ? 'not measurable' : `${m.angleDeg.toFixed(1)}°`} ${on}`;
      break;
    case 'text':
      core = `Finding ${on}`;
      break;
  }
  return note ? `${core}: ${note}` : `${core}.`;
}

/** The spacing status in the words a finding carries. */
export function spacingNote(status: string, target: 'photo' | 'dicom'): string | null {
  switch (status) {
    case 'known':
      return null;
    case 'calibrated':
      return target === 'photo' ? 'calibrated by the clinician from a known length' : 'calibrated by the clinician';
    case 'estimated-from-imager':
      return 'estimated from the detector spacing, magnification not corrected';
    case 'invalid-zero':
      return 'pixel spacing in the file is invalid: pixels only';
    default:
      return target === 'photo' ? 'uncalibrated photo: pixels only' : 'no pixel spacing: pixels only';
  }
}
