import type { Db, ReadDb } from '../../store/sqlite';

/**
 * The records an approved proposal writes, and the state of the records a
 * proposal changes (a medication to stop, a problem to resolve), which the
 * proposal's checks read first. Writers run inside the approval's
 * vault.atomically().
 */

export interface RecordProvenance {
  source_id: number;
  source_ref: string;
  recorded_at: string;
  recorded_by: string;
}

interface Written extends RecordProvenance {
  id: string;
  patient: string;
  at: string;
}

export function insertApprovedFact(db: Db, row: Written & { kind: string; statement: string }): void {
  db.prepare(
    `INSERT INTO memory_facts (id, patient_id, kind, statement, status, valid_from, source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, @kind, @statement, 'active', @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

export function insertApprovedNote(db: Db, row: Written & { encounter: string | null; title: string; body: string }): void {
  db.prepare(
    `INSERT INTO notes (id, patient_id, encounter_id, title, body, written_at, source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, @encounter, @title, @body, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

/** The visit itself: an ambulatory encounter, finished when it is signed. */
export function insertApprovedVisit(db: Db, row: Written & { display: string; reason: string | null }): void {
  db.prepare(
    `INSERT INTO encounters (id, patient_id, status, class_code, display, reason, start_at, end_at, source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, 'finished', 'AMB', @display, @reason, @at, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

export function insertStartedMedication(db: Db, row: Written & { display: string; dosage: string | null }): void {
  db.prepare(
    `INSERT INTO medications (id, patient_id, status, intent, display, dosage_text, start_at, source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, 'active', 'order', @display, @dosage, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

export function insertAddedProblem(db: Db, row: Written & { display: string }): void {
  db.prepare(
    `INSERT INTO conditions (id, patient_id, clinical_status, verification_status, display, onset_at, source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, 'active', 'confirmed', @display, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

/** A care item or a follow-up: an active goal, due on a date. */
export function insertCareGoal(db: Db, row: Written & { display: string; due: string | null }): void {
  db.prepare(
    `INSERT INTO care_plan_items (id, patient_id, kind, status, display, start_at, due_at, source_id, source_ref, recorded_at, recorded_by)
     VALUES (@id, @patient, 'goal', 'active', @display, @at, @due, @source_id, @source_ref, @recorded_at, @recorded_by)`,
  ).run(row);
}

/** A medication of this patient's chart: its status and imported resource (JSON), or undefined. */
export function medicationState(db: ReadDb, patientId: string, medicationId: string): { status: string | null; resource: string | null } | undefined {
  return db.prepare(`SELECT status, resource FROM medications WHERE id = ? AND patient_id = ?`).get(medicationId, patientId) as
    | { status: string | null; resource: string | null }
    | undefined;
}

export function markMedicationStopped(db: Db, medicationId: string, at: string, resource: string | null): void {
  db.prepare(`UPDATE medications SET status = 'stopped', end_at = ?, resource = ? WHERE id = ?`).run(at, resource, medicationId);
}

/** A problem of this patient's chart: its clinical status, abatement and imported resource (JSON), or undefined. */
export function conditionState(
  db: ReadDb,
  patientId: string,
  conditionId: string,
): { clinical_status: string | null; abated_at: string | null; resource: string | null } | undefined {
  return db.prepare(`SELECT clinical_status, abated_at, resource FROM conditions WHERE id = ? AND patient_id = ?`).get(conditionId, patientId) as
    | { clinical_status: string | null; abated_at: string | null; resource: string | null }
    | undefined;
}

export function markConditionResolved(db: Db, conditionId: string, at: string, resource: string | null): void {
  db.prepare(`UPDATE conditions SET clinical_status = 'resolved', abated_at = ?, resource = ? WHERE id = ?`).run(at, resource, conditionId);
}

/** Signed visit summaries of the patient, latest first. */
export function visitSummaryNotes(db: ReadDb, patientId: string, limit: number): Array<{ id: string; title: string; body: string; writtenAt: string }> {
  return db
    .prepare(
      `SELECT id, title, body, written_at AS writtenAt FROM notes WHERE patient_id = ? AND title LIKE 'Visit summary%'
       ORDER BY written_at DESC LIMIT ?`,
    )
    .all(patientId, limit) as Array<{ id: string; title: string; body: string; writtenAt: string }>;
}
