import { EGFR_LOINC, KDIGO_CKD_2012, sameUcum } from './critical-values';
import type { TableSource } from './table-source';

/**
 * Rapid changes worth an alert, each defined by a publication rather than
 * by a percentage of our own: a fall in eGFR that KDIGO 2012 calls CKD
 * progression, and a rise in creatinine that KDIGO 2012 calls acute kidney
 * injury. A rule looks at one analyte's results (oldest first) and answers
 * the two results that make the change, so that an alert cites both.
 */
export interface ResultPoint {
  readonly id: string;
  readonly at: string;
  readonly value: number;
}

export interface ChangeRule {
  readonly id: string;
  readonly analyte: string;
  readonly loinc: readonly string[];
  readonly ucum: string;
  /** What the change means, in the source's words. */
  readonly meaning: string;
  readonly source: TableSource;
  /** The baseline and the latest result when the latest makes the change; null otherwise. */
  find(points: readonly ResultPoint[]): { readonly from: ResultPoint; readonly to: ResultPoint } | null;
}

export const KDIGO_AKI_2012: TableSource = {
  title: 'KDIGO Clinical Practice Guideline for Acute Kidney Injury',
  issuer: 'Kidney Disease: Improving Global Outcomes (KDIGO)',
  version: 'Kidney Int Suppl 2012;2(1):1-138',
};

/** KDIGO 2012 GFR categories: G1 90+, G2 60-89, G3a 45-59, G3b 30-44, G4 15-29, G5 below 15. */
export function gfrCategory(egfr: number): 'G1' | 'G2' | 'G3a' | 'G3b' | 'G4' | 'G5' {
  if (egfr >= 90) return 'G1';
  if (egfr >= 60) return 'G2';
  if (egfr >= 45) return 'G3a';
  if (egfr >= 30) return 'G3b';
  if (egfr >= 15) return 'G4';
  return 'G5';
}

const DAY = 24 * 3600 * 1000;
const ms = (iso: string) => Date.parse(iso);

export const CHANGE_RULES: readonly ChangeRule[] = [
  {
    id: 'egfr-progression',
    analyte: 'eGFR',
    loinc: EGFR_LOINC,
    ucum: 'mL/min/{1.73_m2}',
    meaning: 'a fall of 25 % or more with a drop in GFR category: progression of CKD (recommendation 2.1.3)',
    source: KDIGO_CKD_2012,
    find(points) {
      const to = points[points.length - 1];
      const from = points[points.length - 2];
      if (!to || !from || from.value <= 0) return null;
      const fell = to.value <= from.value * 0.75;
      return fell && gfrCategory(to.value) !== gfrCategory(from.value) ? { from, to } : null;
    },
  },
  {
    id: 'creatinine-aki',
    analyte: 'Creatinine',
    loinc: ['2160-0', '38483-4'],
    ucum: 'mg/dL',
    meaning: 'a rise to 1.5 times the baseline within 7 days, or by 0.3 mg/dL or more within 48 hours: acute kidney injury (definition 2.1.1)',
    source: KDIGO_AKI_2012,
    find(points) {
      const to = points[points.length - 1];
      if (!to) return null;
      const before = points.slice(0, -1).filter((p) => ms(to.at) - ms(p.at) <= 7 * DAY && ms(to.at) >= ms(p.at));
      if (before.length === 0) return null;
      const lowest = before.reduce((a, b) => (b.value < a.value ? b : a));
      if (lowest.value > 0 && to.value >= lowest.value * 1.5) return { from: lowest, to };
      const recent = before.filter((p) => ms(to.at) - ms(p.at) <= 2 * DAY);
      const low48 = recent.length ? recent.reduce((a, b) => (b.value < a.value ? b : a)) : null;
      return low48 && to.value - low48.value >= 0.3 - 1e-9 ? { from: low48, to } : null;
    },
  },
];

/** The rules that apply to a result of this code in this unit. */
export function changeRulesFor(code: string | null, ucum: string | null): ChangeRule[] {
  if (!code || !ucum) return [];
  return CHANGE_RULES.filter((r) => r.loinc.includes(code) && sameUcum(r.ucum, ucum));
}
