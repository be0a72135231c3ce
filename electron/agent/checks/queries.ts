import type { ReadDb } from '../../store/sqlite';

/** The reads of the clinical checks: a medication's dosing text and RxCUI, a patient's latest kidney function. */

/** Dosage text and RxNorm code (when coded in RxNorm) of these medications, by id. */
export function medicationDosing(db: ReadDb, ids: readonly string[]): Array<{ id: string; dosage: string | null; rxcui: string | null }> {
  return db
    .prepare(`SELECT id, dosage_text AS dosage, CASE WHEN code_system LIKE '%rxnorm%' THEN code END AS rxcui FROM medications WHERE id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as Array<{ id: string; dosage: string | null; rxcui: string | null }>;
}

const marks = (codes: readonly string[]) => codes.map(() => '?').join(', ');

/** The patient's latest numeric result under any of these LOINC codes. */
export function latestNumericResult(db: ReadDb, patientId: string, codes: readonly string[]): { id: string; value: number; unit: string | null; at: string } | undefined {
  return db
    .prepare(`SELECT id, value_num AS value, unit, effective_at AS at FROM observations WHERE patient_id = ? AND code IN (${marks(codes)}) AND value_num IS NOT NULL ORDER BY effective_at DESC LIMIT 1`)
    .get(patientId, ...codes) as { id: string; value: number; unit: string | null; at: string } | undefined;
}

/** Birth date and sex, which an eGFR estimate needs. */
export function patientAgeAndSex(db: ReadDb, patientId: string): { birth_date: string | null; sex: string | null } | undefined {
  return db.prepare(`SELECT birth_date, sex FROM patients WHERE id = ?`).get(patientId) as { birth_date: string | null; sex: string | null } | undefined;
}
