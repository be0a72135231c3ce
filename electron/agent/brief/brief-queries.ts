import type { ReadDb } from '../../store/sqlite';
import { isNoKnownAllergy } from '../../store/queries/allergies';

export { isNoKnownAllergy, NO_KNOWN_ALLERGY_CODES } from '../../store/queries/allergies';
export { openGoals } from '../../store/queries/goals';

/**
 * The reads a pre-visit brief needs, each a plain function of the vault
 * (the memory agent's read tools will share them). Times are ISO strings;
 * "now" is passed in so a brief is reproducible.
 */

export interface Visit {
  readonly id: string;
  readonly display: string;
  readonly start: string;
}

export interface CodedRecord {
  readonly id: string;
  readonly display: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly status: string | null;
}

export interface ResultPoint {
  readonly id: string;
  readonly code: string;
  readonly display: string;
  readonly at: string;
  readonly value: number;
  readonly unit: string | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** The two most recent visits up to `now`, latest first. */
export function recentVisits(db: ReadDb, patientId: string, now: string): Visit[] {
  return db
    .prepare(
      `SELECT id, coalesce(display, class_code, 'Encounter') AS display, start_at AS start FROM encounters
       WHERE patient_id = ? AND start_at <= ? ORDER BY start_at DESC LIMIT 2`,
    )
    .all(patientId, now) as Visit[];
}

export interface Encounter extends Visit {
  readonly end: string | null;
  /** The FHIR class code: AMB (ambulatory), IMP (inpatient), EMER, ... */
  readonly classCode: string | null;
  readonly reason: string | null;
}

/** Classes of encounter that are a visit to the clinic, as opposed to a stay, an emergency or a home visit. */
export const OUTPATIENT_CLASSES = ['AMB', 'ambulatory', 'outpatient', 'wellness', 'VR', 'virtual'];

/** The most recent encounter up to `now`. */
export function lastEncounter(db: ReadDb, patientId: string, now: string): Encounter | null {
  return (
    (db
      .prepare(
        `SELECT id, coalesce(display, class_code, 'Encounter') AS display, start_at AS start, end_at AS "end", class_code AS classCode, reason
         FROM encounters WHERE patient_id = ? AND start_at <= ? ORDER BY start_at DESC LIMIT 1`,
      )
      .get(patientId, now) as Encounter | undefined) ?? null
  );
}

/** The most recent visit to the clinic (an outpatient encounter) that began before `before`. */
export function previousOutpatientVisit(db: ReadDb, patientId: string, before: string): Encounter | null {
  const classes = OUTPATIENT_CLASSES.map(() => '?').join(', ');
  return (
    (db
      .prepare(
        `SELECT id, coalesce(display, class_code, 'Encounter') AS display, start_at AS start, end_at AS "end", class_code AS classCode, reason
         FROM encounters WHERE patient_id = ? AND start_at < ? AND class_code IN (${classes}) ORDER BY start_at DESC LIMIT 1`,
      )
      .get(patientId, before, ...OUTPATIENT_CLASSES) as Encounter | undefined) ?? null
  );
}

/** Every encounter after `since` up to `now`, oldest first. */
export function encountersSince(db: ReadDb, patientId: string, since: string, now: string): Encounter[] {
  return db
    .prepare(
      `SELECT id, coalesce(display, class_code, 'Encounter') AS display, start_at AS start, end_at AS "end", class_code AS classCode, reason
       FROM encounters WHERE patient_id = ? AND start_at > ? AND start_at <= ? ORDER BY start_at`,
    )
    .all(patientId, since, now) as Encounter[];
}

/** Medications that ended (stopped, completed) after `since` up to `now`. */
export function medicationsStoppedSince(db: ReadDb, patientId: string, since: string, now: string): CodedRecord[] {
  return db
    .prepare(
      `SELECT id, coalesce(display, code) AS display, start_at AS start, end_at AS "end", status
       FROM medications WHERE patient_id = ? AND end_at > ? AND end_at <= ? ORDER BY end_at`,
    )
    .all(patientId, since, now) as CodedRecord[];
}

/** Clinical notes written after `since` up to `now` (visit notes signed in Continuum among them). */
export function notesSince(db: ReadDb, patientId: string, since: string, now: string): Array<{ id: string; title: string; at: string }> {
  return db
    .prepare(`SELECT id, title, written_at AS at FROM notes WHERE patient_id = ? AND written_at > ? AND written_at <= ? ORDER BY written_at`)
    .all(patientId, since, now) as Array<{ id: string; title: string; at: string }>;
}

/** The cause of death the record gives (death certificate, LOINC 69453-9), whenever it was certified. */
export function causeOfDeath(db: ReadDb, patientId: string): { id: string; display: string; cause: string; at: string | null } | null {
  return (
    (db
      .prepare(
        `SELECT id, coalesce(display, code) AS display, value_text AS cause, effective_at AS at FROM observations
         WHERE patient_id = ? AND code = '69453-9' AND value_text IS NOT NULL ORDER BY effective_at DESC LIMIT 1`,
      )
      .get(patientId) as { id: string; display: string; cause: string; at: string | null } | undefined) ?? null
  );
}


export function conditionsSince(db: ReadDb, patientId: string, since: string, now: string): CodedRecord[] {
  return db
    .prepare(
      `SELECT id, coalesce(display, code) AS display, onset_at AS start, abated_at AS "end", clinical_status AS status
       FROM conditions WHERE patient_id = ? AND onset_at > ? AND onset_at <= ? ORDER BY onset_at`,
    )
    .all(patientId, since, now) as CodedRecord[];
}

export function medicationsStartedSince(db: ReadDb, patientId: string, since: string, now: string): CodedRecord[] {
  return db
    .prepare(
      `SELECT id, coalesce(display, code) AS display, start_at AS start, end_at AS "end", status
       FROM medications WHERE patient_id = ? AND start_at > ? AND start_at <= ? ORDER BY start_at`,
    )
    .all(patientId, since, now) as CodedRecord[];
}

export function activeConditions(db: ReadDb, patientId: string, now: string): CodedRecord[] {
  return db
    .prepare(
      `SELECT id, coalesce(display, code) AS display, onset_at AS start, abated_at AS "end", clinical_status AS status
       FROM conditions WHERE patient_id = ? AND coalesce(onset_at, '') <= ?
         AND (clinical_status IN ('active', 'recurrence', 'relapse') OR (clinical_status IS NULL AND abated_at IS NULL))
       ORDER BY onset_at DESC`,
    )
    .all(patientId, now) as CodedRecord[];
}

export function activeMedications(db: ReadDb, patientId: string, now: string): CodedRecord[] {
  return db
    .prepare(
      `SELECT id, coalesce(display, code) AS display, start_at AS start, end_at AS "end", status
       FROM medications WHERE patient_id = ? AND status IN ('active', 'on-hold') AND coalesce(start_at, '') <= ?
         AND (end_at IS NULL OR end_at >= ?)
       ORDER BY start_at DESC`,
    )
    .all(patientId, now, now) as CodedRecord[];
}

/**
 * Allergies still current, most serious first. A record that says there is
 * no known allergy (NKDA) is not an allergy: it is left out here, and read
 * by noKnownAllergyRecords().
 */
export function currentAllergies(db: ReadDb, patientId: string): Array<CodedRecord & { criticality: string | null; reactions: string[] }> {
  return allergyRows(db, patientId)
    .filter((row) => !isNoKnownAllergy(row))
    .map(({ code: _code, ...row }) => ({ ...row, reactions: JSON.parse(row.reactions) as string[] }));
}

/** Records stating that the patient has no known allergy (NKA, NKDA), still current. */
export function noKnownAllergyRecords(db: ReadDb, patientId: string): Array<{ id: string; display: string; start: string | null }> {
  return allergyRows(db, patientId)
    .filter(isNoKnownAllergy)
    .map((row) => ({ id: row.id, display: row.display, start: row.start }));
}

function allergyRows(db: ReadDb, patientId: string) {
  return db
    .prepare(
      `SELECT id, code, coalesce(display, code) AS display, coalesce(onset_at, recorded_date) AS start, NULL AS "end", clinical_status AS status, criticality, reactions
       FROM allergies WHERE patient_id = ? AND coalesce(clinical_status, 'active') <> 'resolved'
       ORDER BY criticality = 'high' DESC, display`,
    )
    .all(patientId) as Array<CodedRecord & { code: string | null; criticality: string | null; reactions: string }>;
}

/** Care plans still active, and care items whose due date has passed without completion. */
export function openCarePlans(db: ReadDb, patientId: string, now: string): Array<CodedRecord & { due: string | null }> {
  return db
    .prepare(
      `SELECT id, coalesce(display, code, 'Care plan') AS display, start_at AS start, end_at AS "end", status, due_at AS due
       FROM care_plan_items WHERE patient_id = @p AND kind <> 'activity' AND (
         (kind = 'plan' AND status = 'active' AND coalesce(start_at, '') <= @now)
         OR (due_at IS NOT NULL AND due_at < @now AND coalesce(status, '') NOT IN ('completed', 'cancelled', 'achieved', 'entered-in-error')))
       ORDER BY coalesce(due_at, start_at)`,
    )
    .all({ p: patientId, now }) as Array<CodedRecord & { due: string | null }>;
}

/** Every numeric result up to `now`, per analyte code, oldest first. */
export function numericResults(db: ReadDb, patientId: string, now: string): Map<string, ResultPoint[]> {
  const rows = db
    .prepare(
      `SELECT id, code, coalesce(display, code) AS display, effective_at AS at, value_num AS value, unit, ref_low AS low, ref_high AS high
       FROM observations WHERE patient_id = ? AND value_num IS NOT NULL AND code IS NOT NULL
         AND effective_at IS NOT NULL AND effective_at <= ?
       ORDER BY code, effective_at`,
    )
    .all(patientId, now) as ResultPoint[];
  const byCode = new Map<string, ResultPoint[]>();
  for (const row of rows) {
    let list = byCode.get(row.code);
    if (!list) byCode.set(row.code, (list = []));
    list.push(row);
  }
  return byCode;
}

// --- years of record (period summaries) -----------------------------------

/** The calendar years (YYYY) before `before` in which a visit took place, a problem began or a medication started. */
export function yearsOfRecord(db: ReadDb, patientId: string, before: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT substr(t, 1, 4) AS year FROM (
         SELECT start_at AS t FROM encounters WHERE patient_id = @p UNION ALL
         SELECT onset_at FROM conditions WHERE patient_id = @p UNION ALL
         SELECT start_at FROM medications WHERE patient_id = @p)
       WHERE t IS NOT NULL AND t < @before ORDER BY year`,
    )
    .pluck()
    .all({ p: patientId, before }) as string[];
}

/** [from, to] inclusive, ISO strings. */
export interface Period {
  from: string;
  to: string;
}

export function visitsIn(db: ReadDb, patientId: string, period: Period): Array<{ id: string; at: string }> {
  return db
    .prepare(`SELECT id, start_at AS at FROM encounters WHERE patient_id = @p AND start_at BETWEEN @from AND @to ORDER BY start_at`)
    .all({ p: patientId, ...period }) as Array<{ id: string; at: string }>;
}

export function conditionsBeganIn(db: ReadDb, patientId: string, period: Period): Array<{ id: string; display: string }> {
  return db
    .prepare(`SELECT id, coalesce(display, code) AS display FROM conditions WHERE patient_id = @p AND onset_at BETWEEN @from AND @to ORDER BY onset_at`)
    .all({ p: patientId, ...period }) as Array<{ id: string; display: string }>;
}

export function medicationsStartedIn(db: ReadDb, patientId: string, period: Period): Array<{ id: string; display: string }> {
  return db
    .prepare(`SELECT id, coalesce(display, code) AS display FROM medications WHERE patient_id = @p AND start_at BETWEEN @from AND @to ORDER BY start_at`)
    .all({ p: patientId, ...period }) as Array<{ id: string; display: string }>;
}
