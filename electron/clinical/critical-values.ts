import type { TableSource } from './table-source';

/**
 * Critical values: results beyond which a clinician is told at once, each
 * row with its publication. A limit is crossed when the value is below
 * `low` or above `high` (the limits themselves are not critical). Rows are
 * keyed by LOINC codes and hold values in the UCUM unit they name; a result
 * in another unit is not compared (conversion is not guessed here).
 *
 * Laboratory limits: the mean low and high critical limits of a national
 * survey of US medical centres (Kost 1990), as its abstract states them.
 * Kidney function: KDIGO 2012's GFR category G5 ("kidney failure"). Blood
 * pressure: the 2017 ACC/AHA guideline's severe elevation (hypertensive
 * crisis, above 180/120 mm Hg).
 */
export interface CriticalLimit {
  /** What the row is about, in a clinician's words. */
  readonly analyte: string;
  readonly loinc: readonly string[];
  /** The UCUM code the limits are in. */
  readonly ucum: string;
  readonly low: number | null;
  readonly high: number | null;
  /** What crossing the limit means, in the source's words. */
  readonly meaning: string;
  readonly source: TableSource;
}

export const KOST_1990: TableSource = {
  title: 'Critical limits for urgent clinician notification at US medical centers (mean low and high critical limits)',
  issuer: 'Kost GJ',
  version: 'JAMA 1990;263(5):704-707',
  url: 'https://doi.org/10.1001/jama.263.5.704',
};

export const KDIGO_CKD_2012: TableSource = {
  title: 'KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease',
  issuer: 'Kidney Disease: Improving Global Outcomes (KDIGO)',
  version: 'Kidney Int Suppl 2013;3(1):1-150',
};

export const ACC_AHA_BP_2017: TableSource = {
  title: '2017 ACC/AHA Guideline for the Prevention, Detection, Evaluation, and Management of High Blood Pressure in Adults',
  issuer: 'American College of Cardiology / American Heart Association',
  version: 'Hypertension 2018;71:e13-e115',
};

const survey = 'a critical limit of US medical centres';

/** LOINC codes of eGFR results (MDRD, CKD-EPI 2009 and 2021). */
export const EGFR_LOINC = ['33914-3', '48642-3', '48643-1', '62238-1', '69405-9', '77147-7', '98979-8', '50044-7', '88293-6', '88294-4'] as const;

export const CRITICAL_LIMITS: readonly CriticalLimit[] = [
  { analyte: 'Glucose', loinc: ['2339-0', '2345-7', '41653-7'], ucum: 'mg/dL', low: 46, high: 484, meaning: survey, source: KOST_1990 },
  { analyte: 'Glucose', loinc: ['15074-8', '14749-6'], ucum: 'mmol/L', low: 2.6, high: 26.9, meaning: survey, source: KOST_1990 },
  { analyte: 'Potassium', loinc: ['6298-4', '2823-3'], ucum: 'mmol/L', low: 2.8, high: 6.2, meaning: survey, source: KOST_1990 },
  { analyte: 'Sodium', loinc: ['2947-0', '2951-2'], ucum: 'mmol/L', low: 120, high: 158, meaning: survey, source: KOST_1990 },
  { analyte: 'Calcium', loinc: ['49765-1', '17861-6'], ucum: 'mg/dL', low: 6.6, high: 12.9, meaning: survey, source: KOST_1990 },
  { analyte: 'Calcium', loinc: ['2000-8'], ucum: 'mmol/L', low: 1.65, high: 3.22, meaning: survey, source: KOST_1990 },
  { analyte: 'Hemoglobin', loinc: ['718-7', '20509-6'], ucum: 'g/dL', low: 6.6, high: 19.9, meaning: survey, source: KOST_1990 },
  { analyte: 'Platelets', loinc: ['777-3', '26515-7'], ucum: '10*3/uL', low: 37, high: 910, meaning: survey, source: KOST_1990 },
  { analyte: 'White blood cells', loinc: ['6690-2', '26464-8'], ucum: '10*3/uL', low: 2, high: 37, meaning: survey, source: KOST_1990 },
  { analyte: 'eGFR', loinc: EGFR_LOINC, ucum: 'mL/min/{1.73_m2}', low: 15, high: null, meaning: 'GFR category G5, kidney failure', source: KDIGO_CKD_2012 },
  { analyte: 'Systolic blood pressure', loinc: ['8480-6'], ucum: 'mm[Hg]', low: null, high: 180, meaning: 'a severe elevation of blood pressure (hypertensive crisis)', source: ACC_AHA_BP_2017 },
  { analyte: 'Diastolic blood pressure', loinc: ['8462-4'], ucum: 'mm[Hg]', low: null, high: 120, meaning: 'a severe elevation of blood pressure (hypertensive crisis)', source: ACC_AHA_BP_2017 },
];

/** Units as the table and a record may write the same UCUM code ("mg/dL", "mg/dl"; "10*3/uL", "10^3/uL"; "mL/min/{1.73_m2}", "mL/min/1.73m2"). */
export function sameUcum(a: string, b: string): boolean {
  const norm = (u: string) => u.replace(/[{}_\s]/g, '').replace(/\^/g, '*').replace(/µ/g, 'u').toLowerCase();
  return norm(a) === norm(b);
}

export interface CriticalFinding {
  readonly limit: CriticalLimit;
  readonly direction: 'low' | 'high';
  readonly threshold: number;
}

/** Whether a result crosses a critical limit of the table; null when it does not, or when no row covers its code and unit. */
export function criticalFinding(code: string | null, ucum: string | null, value: number): CriticalFinding | null {
  if (!code || !ucum || !Number.isFinite(value)) return null;
  for (const limit of CRITICAL_LIMITS) {
    if (!limit.loinc.includes(code) || !sameUcum(limit.ucum, ucum)) continue;
    if (limit.low !== null && value < limit.low) return { limit, direction: 'low', threshold: limit.low };
    if (limit.high !== null && value > limit.high) return { limit, direction: 'high', threshold: limit.high };
    return null;
  }
  return null;
}
