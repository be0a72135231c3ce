import type { EventKind } from '../../electron/api/schemas';

/** One calm, distinguishable colour per kind; allergies keep the alarm red. */
export const KIND_COLOR: Record<EventKind, string> = {
  allergy: '#b3261e',
  encounter: '#3b6ea8',
  condition: '#b86a12',
  medication: '#2a7d50',
  procedure: '#7454a6',
  immunization: '#1b7f86',
  observation: '#5b6675',
  results: '#4f5d6e',
  'diagnostic-report': '#365f8c',
  'imaging-study': '#8a5a44',
  'care-plan': '#5d7f2c',
  note: '#6b6b6b',
  fact: '#7a4f8c',
  document: '#80612a',
};

/** The colour at a given opacity, as an rgba() string. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
