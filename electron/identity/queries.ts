import type { ReadDb } from '../store/sqlite';

export interface ChartIdentityRow {
  id: string;
  name_text: string;
  family: string | null;
  given: string | null;
  birth_date: string | null;
  sex: string | null;
  identifiers: string;
}

/** What a chart says of who the patient is: names, birth date, sex and identifiers (JSON), or undefined. */
export function chartIdentityRow(db: ReadDb, patientId: string): ChartIdentityRow | undefined {
  return db.prepare(`SELECT id, name_text, family, given, birth_date, sex, identifiers FROM patients WHERE id = ?`).get(patientId) as ChartIdentityRow | undefined;
}
