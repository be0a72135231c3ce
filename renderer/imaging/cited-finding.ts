import type { ImagingStudy, Point } from '../../electron/api/imaging-schemas';
import type { ImagingFindingDto } from '../../electron/api/photo-schemas';

/**
 * Pure: what the X-ray viewer needs to show a cited finding (a confirmed
 * length, angle or text note on a DICOM frame): where its image is among the
 * chart's studies, and its measurement in the same words as the viewer's own
 * readouts, taken from the numbers the core stored (never re-measured here,
 * so the drawing says what the record says).
 */

/** The study and series holding an instance, or null when it is not among them. */
export function locateInstance(studies: readonly ImagingStudy[], instanceId: string): { studyId: string; seriesId: string } | null {
  for (const study of studies) {
    for (const series of study.series) {
      if (series.instances.some((i) => i.id === instanceId)) return { studyId: study.id, seriesId: series.id };
    }
  }
  return null;
}

/** "52.3 mm (estimated)", "412 px (pixels only: no pixel spacing)", "31.0°" or the note's text. */
export function citedMeasureText(f: ImagingFindingDto): string {
  const m = f.measures;
  switch (f.kind) {
    case 'length': {
      if (m.lengthMm !== null) return `${m.lengthMm.toFixed(1)} mm${spacingQualifier(m.spacingStatus)}`;
      const why = m.spacingStatus === 'invalid-zero' ? 'pixel spacing invalid' : 'no pixel spacing';
      return `${Math.round(m.lengthPx ?? 0)} px (pixels only: ${why})`;
    }
    case 'angle':
      return m.angleDeg === null ? 'angle not measurable' : `${m.angleDeg.toFixed(1)}°`;
    case 'text':
      return m.text ?? '';
    case 'lesion':
      return m.diameterMm !== null ? `${m.diameterMm.toFixed(1)} mm` : `${Math.round(m.diameterPx ?? 0)} px (pixels only)`;
  }
}

function spacingQualifier(status: string): string {
  if (status === 'estimated-from-imager') return ' (estimated)';
  if (status === 'calibrated') return ' (calibrated)';
  return '';
}

/** The finding's kind in words, for the "Cited finding" bar. */
export function citedKindText(f: ImagingFindingDto): string {
  return f.kind === 'length' ? 'Length' : f.kind === 'angle' ? 'Angle' : f.kind === 'text' ? 'Note' : 'Outline';
}

/** Whether a finding was drawn on this instance's frame. */
export function isOnFrame(f: ImagingFindingDto | null | undefined, instanceId: string, frame: number): f is ImagingFindingDto {
  return Boolean(f && f.target === 'dicom' && f.instanceId === instanceId && f.frame === frame);
}

export type CanvasPoints = readonly Point[];
