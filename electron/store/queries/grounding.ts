import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ReadDb } from '../sqlite';

/**
 * What the grounding verifier reads: the cited rows, and the chart-wide
 * lists a claim about absence, status or "the latest" is checked against.
 * Plain reads; statements are prepared once per connection.
 */
export type RecordTable =
  | 'encounters'
  | 'conditions'
  | 'medications'
  | 'procedures'
  | 'immunizations'
  | 'observations'
  | 'diagnostic_reports'
  | 'imaging_studies'
  | 'care_plan_items'
  | 'allergies'
  | 'notes'
  | 'memory_facts';

export type Row = Record<string, unknown>;

const statements = new WeakMap<ReadDb, Map<string, Statement<unknown[]>>>();

function prepared(db: ReadDb, sql: string): Statement<unknown[]> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare<unknown[]>(sql)));
  return statement;
}

/** One row of a clinical table, only if it belongs to the patient. */
/**
 * The clinic's order of day and month in numeric dates ("08/03/2019"), the
 * vault's one setting (`continuum ocr date-order`): month first unless set.
 */
export function clinicDateOrder(db: ReadDb): 'mdy' | 'dmy' {
  return prepared(db, `SELECT value FROM vault_meta WHERE key = 'ocr.dateOrder'`).pluck().get() === 'day-first' ? 'dmy' : 'mdy';
}

/** The class of the visit a record belongs to (AMB, EMER, IMP...), or null. */
export function encounterClassOf(db: ReadDb, encounterId: string): string | null {
  return (prepared(db, `SELECT class_code FROM encounters WHERE id = ?`).pluck().get(encounterId) as string | undefined) ?? null;
}

export function recordRow(db: ReadDb, table: RecordTable, id: string, patientId: string): Row | null {
  return (prepared(db, `SELECT * FROM ${table} WHERE id = ? AND patient_id = ?`).get(id, patientId) as Row | undefined) ?? null;
}

export function patientRow(db: ReadDb, patientId: string): Row | null {
  return (prepared(db, `SELECT id, name_text, birth_date, sex, deceased_at FROM patients WHERE id = ?`).get(patientId) as Row | undefined) ?? null;
}

/** The component rows of an observation (systolic and diastolic of a pressure). */
export function observationComponents(db: ReadDb, parentId: string, patientId: string): Row[] {
  return prepared(db, `SELECT * FROM observations WHERE parent_id = ? AND patient_id = ? ORDER BY id`).all(parentId, patientId) as Row[];
}

export function evidenceChunkRow(db: ReadDb, chunkId: number): { section: string; text: string } | null {
  return (prepared(db, `SELECT section, text FROM evidence_chunks WHERE id = ?`).get(chunkId) as { section: string; text: string } | undefined) ?? null;
}

export interface ChartEntry {
  readonly id: string;
  readonly code: string | null;
  readonly display: string | null;
  readonly status: string | null;
  readonly start: string | null;
  readonly end: string | null;
  /** Allergies only: food, medication, environment, biologic. */
  readonly category?: string | null;
}

/** Every condition, prescription, allergy, procedure, immunization and visit of the patient, whatever its status. */
export function chartEntries(db: ReadDb, patientId: string): Record<'condition' | 'medication' | 'allergy' | 'procedure' | 'immunization' | 'encounter' | 'care-plan', ChartEntry[]> {
  const all = (sql: string) => prepared(db, sql).all(patientId) as ChartEntry[];
  return {
    condition: all(`SELECT id, code, display, clinical_status AS status, onset_at AS start, abated_at AS "end" FROM conditions WHERE patient_id = ? ORDER BY onset_at`),
    medication: all(`SELECT id, code, display, status, start_at AS start, end_at AS "end" FROM medications WHERE patient_id = ? ORDER BY start_at`),
    allergy: all(`SELECT id, code, display, clinical_status AS status, onset_at AS start, NULL AS "end", category FROM allergies WHERE patient_id = ?`),
    procedure: all(`SELECT id, code, display, status, start_at AS start, end_at AS "end" FROM procedures WHERE patient_id = ? ORDER BY start_at`),
    immunization: all(`SELECT id, code, display, status, occurred_at AS start, NULL AS "end" FROM immunizations WHERE patient_id = ? ORDER BY occurred_at`),
    'care-plan': all(`SELECT id, code, display, status, start_at AS start, end_at AS "end", kind AS category FROM care_plan_items WHERE patient_id = ? AND display IS NOT NULL ORDER BY start_at`),
    encounter: all(`SELECT id, code, display, status, start_at AS start, end_at AS "end", class_code AS category FROM encounters WHERE patient_id = ? ORDER BY start_at`),
  };
}

/** The reasons of the patient's visits and their care plans, as entries with a display. */
export function chartReasons(db: ReadDb, patientId: string): ChartEntry[] {
  return prepared(
    db,
    `SELECT id, NULL AS code, reason AS display, status, start_at AS start, end_at AS "end" FROM encounters WHERE patient_id = ? AND reason IS NOT NULL
     UNION ALL
     SELECT id, code, display, status, start_at, end_at FROM care_plan_items WHERE patient_id = ? AND display IS NOT NULL`,
  ).all(patientId, patientId) as ChartEntry[];
}

/** The distinct codes and names of the patient's results. */
export function chartObservationNames(db: ReadDb, patientId: string): Array<{ code: string; display: string | null }> {
  return prepared(db, `SELECT DISTINCT code, display FROM observations WHERE patient_id = ? AND code IS NOT NULL`).all(patientId) as Array<{ code: string; display: string | null }>;
}

export interface ObservationPoint {
  readonly id: string;
  readonly code: string;
  readonly at: string | null;
  readonly value: number | null;
  readonly text: string | null;
  readonly unit: string | null;
}

/** The patient's latest observation with one of these codes (a value or a coded answer), up to asOf (ISO). */
export function latestObservation(db: ReadDb, patientId: string, codes: readonly string[], asOf = '\uffff'): ObservationPoint | null {
  if (codes.length === 0) return null;
  const marks = codes.map(() => '?').join(', ');
  return (
    (prepared(
      db,
      `SELECT id, code, effective_at AS at, value_num AS value, value_text AS text, unit FROM observations
       WHERE patient_id = ? AND code IN (${marks}) AND (value_num IS NOT NULL OR value_text IS NOT NULL) AND effective_at IS NOT NULL AND effective_at <= ?
       ORDER BY effective_at DESC LIMIT 1`,
    ).get(patientId, ...codes, asOf) as ObservationPoint | undefined) ?? null
  );
}

/** The observations with these codes in a date range (inclusive ISO days), oldest first. */
export function observationsBetween(db: ReadDb, patientId: string, codes: readonly string[], from: string, to: string): ObservationPoint[] {
  if (codes.length === 0) return [];
  const marks = codes.map(() => '?').join(', ');
  return prepared(
    db,
    `SELECT id, code, effective_at AS at, value_num AS value, value_text AS text, unit FROM observations
     WHERE patient_id = ? AND code IN (${marks}) AND value_num IS NOT NULL AND effective_at >= ? AND effective_at < ?
     ORDER BY effective_at`,
  ).all(patientId, ...codes, from, `${to}\uffff`) as ObservationPoint[];
}

export interface EncounterPoint {
  readonly id: string;
  readonly at: string;
  readonly display: string | null;
  readonly classCode: string | null;
}

/** The patient's most recent encounter up to asOf (ISO). */
export function latestEncounter(db: ReadDb, patientId: string, asOf = '\uffff'): EncounterPoint | null {
  return (
    (prepared(
      db,
      `SELECT id, start_at AS at, display, class_code AS classCode FROM encounters WHERE patient_id = ? AND start_at IS NOT NULL AND start_at <= ? ORDER BY start_at DESC LIMIT 1`,
    ).get(patientId, asOf) as EncounterPoint | undefined) ?? null
  );
}

/**
 * Every record display of the vault, all patients: the clinical words this
 * clinic's records use, which the verifier never passes over as plain English.
 */
export function vaultDisplays(db: ReadDb): string[] {
  return prepared(
    db,
    `SELECT display FROM conditions UNION SELECT display FROM medications UNION SELECT display FROM allergies
     UNION SELECT display FROM procedures UNION SELECT display FROM immunizations UNION SELECT display FROM observations
     UNION SELECT display FROM encounters UNION SELECT reason FROM encounters UNION SELECT display FROM care_plan_items`,
  )
    .pluck()
    .all()
    .filter((d): d is string => typeof d === 'string');
}

/**
 * A number that changes whenever the vault's content may have: SQLite's
 * data_version (changed by other connections' commits) and this
 * connection's total_changes(). Caches keyed by it never serve stale facts.
 */
export function changeStamp(db: ReadDb): string {
  const version = prepared(db, `PRAGMA data_version`).pluck().get() as number;
  const changes = prepared(db, `SELECT total_changes()`).pluck().get() as number;
  return `${version}:${changes}`;
}
