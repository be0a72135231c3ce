import type { Proposal } from '../../electron/ocr/extract';
import { nameKey, type ScanFields } from './scan-fields';

export interface FieldCounts {
  tp: number;
  fp: number;
  fn: number;
}

export type FieldKind = 'dates' | 'names' | 'medications' | 'diagnoses';

/**
 * Extraction against a page's labelled fields, as sets per kind: a date,
 * name, medication or code proposed that the page holds is a true
 * positive (once, however often the page prints it), one it does not hold a
 * false positive, one it holds that nothing proposed a false negative.
 */
export function scoreExtraction(proposals: readonly Proposal[], fields: ScanFields): Record<FieldKind, FieldCounts> {
  const found: Record<FieldKind, Set<string>> = {
    dates: new Set(proposals.flatMap((p) => (p.kind === 'date' ? [p.date] : []))),
    names: new Set(proposals.flatMap((p) => (p.kind === 'name' ? [nameKey(p.name)] : []))),
    medications: new Set(proposals.flatMap((p) => (p.kind === 'medication' ? p.name.toLowerCase().split(' / ') : []))),
    diagnoses: new Set(proposals.flatMap((p) => (p.kind === 'diagnosis' ? [p.code] : []))),
  };
  const truth: Record<FieldKind, Set<string>> = {
    dates: new Set(fields.dates),
    names: new Set(fields.names.map(nameKey)),
    medications: new Set(fields.medications),
    diagnoses: new Set(fields.diagnoses),
  };
  const out = {} as Record<FieldKind, FieldCounts>;
  for (const kind of Object.keys(truth) as FieldKind[]) {
    const tp = [...found[kind]].filter((v) => truth[kind].has(v)).length;
    out[kind] = { tp, fp: found[kind].size - tp, fn: truth[kind].size - tp };
  }
  return out;
}
