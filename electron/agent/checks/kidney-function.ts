import type { ReadDb } from '../../store/sqlite';
import { latestNumericResult, patientAgeAndSex } from './queries';
import { ckdEpi2021 } from './egfr';

/** LOINC codes of eGFR results (MDRD and CKD-EPI variants, with and without race). */
const EGFR_CODES = ['33914-3', '48642-3', '48643-1', '62238-1', '77147-7', '98979-8', '69405-9'];
/** LOINC codes of serum or plasma creatinine in mass concentration. */
const CREATININE_CODES = ['2160-0', '38483-4'];

export interface KidneyFunction {
  readonly egfr: number;
  readonly at: string;
  readonly observationId: string;
  /** true when computed here from creatinine (CKD-EPI 2021), not reported by a lab. */
  readonly estimatedHere: boolean;
}

/** The latest kidney function the record gives: a reported eGFR, else one computed from the latest creatinine. */
export function latestKidneyFunction(db: ReadDb, patientId: string): KidneyFunction | null {
  const egfr = latestNumericResult(db, patientId, EGFR_CODES);
  const creatinine = latestNumericResult(db, patientId, CREATININE_CODES);
  if (egfr && (!creatinine || egfr.at >= creatinine.at)) return { egfr: egfr.value, at: egfr.at, observationId: egfr.id, estimatedHere: false };
  if (!creatinine || !/^mg\/dl$/i.test(creatinine.unit ?? '')) return egfr ? { egfr: egfr.value, at: egfr.at, observationId: egfr.id, estimatedHere: false } : null;
  const patient = patientAgeAndSex(db, patientId);
  if (!patient?.birth_date || (patient.sex !== 'female' && patient.sex !== 'male')) return null;
  const age = (Date.parse(creatinine.at) - Date.parse(patient.birth_date)) / (365.25 * 24 * 3600 * 1000);
  const value = ckdEpi2021(creatinine.value, Math.floor(age), patient.sex);
  return value === null ? null : { egfr: value, at: creatinine.at, observationId: creatinine.id, estimatedHere: true };
}
