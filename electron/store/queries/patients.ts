import type { PatientSummary } from '../../api/schemas';
import { VaultError } from '../errors';
import type { ReadDb } from '../sqlite';

interface PatientRow {
  id: string;
  name_text: string;
  birth_date: string | null;
  sex: string | null;
  deceased_at: string | null;
  identifiers: string;
}

const COLUMNS = `id, name_text, birth_date, sex, deceased_at, identifiers`;

/**
 * Patients whose name, identifier or birth date contains every word of the
 * query (case-insensitive), ordered by name. search_text is written by the
 * importer, lower-cased, so the match needs no functions on the column.
 */
export function listPatients(db: ReadDb, query = '', limit = 1000): { patients: PatientSummary[]; total: number } {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const where = words.map((_, i) => `search_text LIKE @w${i} ESCAPE '\\'`).join(' AND ') || '1';
  const params: Record<string, string | number> = { limit };
  words.forEach((word, i) => {
    params[`w${i}`] = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  });
  const rows = db.prepare(`SELECT ${COLUMNS} FROM patients WHERE ${where} ORDER BY name_text COLLATE NOCASE LIMIT @limit`).all(params) as PatientRow[];
  const { limit: _omit, ...countParams } = params;
  const total = db.prepare(`SELECT count(*) FROM patients WHERE ${where}`).pluck().get(countParams) as number;
  return { patients: rows.map(toSummary), total };
}

export function getPatient(db: ReadDb, id: string): PatientSummary | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM patients WHERE id = ?`).get(id) as PatientRow | undefined;
  return row ? toSummary(row) : null;
}

/** Whether the vault holds this patient: the check every use case that files something for a patient makes first. */
export function patientExists(db: ReadDb, id: string): boolean {
  return db.prepare(`SELECT 1 FROM patients WHERE id = ?`).get(id) !== undefined;
}

/** The rule every use case that files something for a patient starts with (API and CLI alike): the patient is in this vault. */
export function requirePatient(db: ReadDb, id: string): void {
  if (!patientExists(db, id)) throw new VaultError('not-found', `no patient ${id}`);
}

function toSummary(row: PatientRow): PatientSummary {
  return {
    id: row.id,
    name: row.name_text,
    birthDate: row.birth_date,
    sex: row.sex,
    deceasedAt: row.deceased_at,
    identifiers: JSON.parse(row.identifiers) as PatientSummary['identifiers'],
  };
}
