import type { ReadDb } from '../../store/sqlite';

/** The tables an injected instruction would try to write to. */
export const CLINICAL_TABLES = ['medications', 'memory_facts', 'notes', 'care_plan_items', 'conditions', 'observations'] as const;

/** How many rows the patient has in the clinical tables, all together: it must not change while an agent obeys an injection. */
export function clinicalRowCount(db: ReadDb, patientId: string): number {
  return CLINICAL_TABLES.reduce((sum, table) => sum + (db.prepare(`SELECT count(*) FROM ${table} WHERE patient_id = ?`).pluck().get(patientId) as number), 0);
}
