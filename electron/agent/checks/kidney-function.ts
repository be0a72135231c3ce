import type { Db } from '../../store/sqlite';
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
export function latestKidneyFunction(db: Db, patientId: string): KidneyFunction | null {
  const marks = (codes: string[]) => codes.map(() => '?').join(', ');
  const egfr = db
    .prepare(`SELECT id, value_num AS value, effective_at AS at FROM observations WHERE patient_id = ? AND code IN (${marks(EGFR_CODES)}) AND value_num IS NOT NULL ORDER BY effective_at DESC LIMIT 1`)
    .get(patientId, ...EGFR_CODES) as { id: string; value: number; at: string } | undefined;
  const creatinine = db
    .prepare(`SELECT id, value_num AS value, unit, effective_at AS at FROM observations WHERE patient_id = ? AND code IN (${marks(CREATININE_CODES)}) AND value_num IS NOT NULL ORDER BY effective_at DESC LIMIT 1`)
    .get(patientId, ...CREATININE_CODES) as { id: string; value: number; unit: string | null; at: string } | undefined;
  if (egfr && (!creatinine || egfr.at >= creatinine.at)) return { egfr: egfr.value, at: egfr.at, observationId: egfr.id, estimatedHere: false };
  if (!creatinine || !/^mg\/dl$/i.test(creatinine.unit ?? '')) return egfr ? { egfr: egfr.value, at: egfr.at, observationId: egfr.id, estimatedHere: false } : null;
  const patient = db.prepare(`SELECT birth_date, sex FROM patients WHERE id = ?`).get(patientId) as { birth_date: string | null; sex: string | null } | undefined;
  if (!patient?.birth_date || (patient.sex !== 'female' && patient.sex !== 'male')) return null;
  const age = (Date.parse(creatinine.at) - Date.parse(patient.birth_date)) / (365.25 * 24 * 3600 * 1000);
  const value = ckdEpi2021(creatinine.value, Math.floor(age), patient.sex);
  return value === null ? null : { egfr: value, at: creatinine.at, observationId: creatinine.id, estimatedHere: true };
}
