import type { OutlineMeasure, PhotoSummary } from '../../electron/api/photo-schemas';

/** Longest diameter and area in the units the photo allows: mm when calibrated, pixels otherwise (said so). */
export function sizeText(m: OutlineMeasure): string {
  if (m.diameterMm !== null) return `Longest diameter ${m.diameterMm.toFixed(1)} mm · area ${m.areaMm2 === null ? '—' : `${m.areaMm2.toFixed(1)} mm²`}`;
  return `Longest diameter ${Math.round(m.diameterPx)} px · area ${m.areaPx === null ? '—' : `${Math.round(m.areaPx)} px²`} (pixels only)`;
}

export function calibrationText(photo: PhotoSummary): string {
  const c = photo.calibration;
  if (!c) return '';
  const px = Math.hypot(c.to.x - c.from.x, c.to.y - c.from.y);
  return `Calibrated by ${c.by}: ${c.knownMm} mm = ${px.toFixed(0)} px (${(1 / c.mmPerPixel).toFixed(1)} px per mm)`;
}

export const UNCALIBRATED_WARNING = 'Not calibrated: sizes are in pixels only. Mark a ruler or a known length to measure in millimetres.';

export function day(iso: string): string {
  return iso.slice(0, 10);
}
