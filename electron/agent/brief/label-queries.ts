import type { ReadDb } from '../../store/sqlite';

/**
 * What a citation's chip and a check's line say of a cited record: one row
 * of the record's table, always of the patient's own chart (id and
 * patient_id both match, so a citation to another chart reads as missing).
 */

export interface CitedObservation {
  code: string | null;
  display: string | null;
  value: number | null;
  text: string | null;
  unit: string | null;
  at: string | null;
}

export function citedObservation(db: ReadDb, patientId: string, id: string): CitedObservation | undefined {
  return db
    .prepare(`SELECT code, display, value_num AS value, value_text AS text, unit, effective_at AS at FROM observations WHERE id = ? AND patient_id = ?`)
    .get(id, patientId) as CitedObservation | undefined;
}

/** A record's name and date (a visit's class when it has no display; a study's modality when it has no description). */
export type CitedEvent = { display: string | null; at: string | null };

const EVENT_SQL = {
  encounter: `SELECT coalesce(display, class_code) AS display, start_at AS at FROM encounters WHERE id = ? AND patient_id = ?`,
  'diagnostic-report': `SELECT coalesce(display, code) AS display, effective_at AS at FROM diagnostic_reports WHERE id = ? AND patient_id = ?`,
  'imaging-study': `SELECT coalesce(description, modality) AS display, started_at AS at FROM imaging_studies WHERE id = ? AND patient_id = ?`,
} as const;

export function citedEvent(db: ReadDb, patientId: string, record: keyof typeof EVENT_SQL, id: string): CitedEvent | undefined {
  return db.prepare(EVENT_SQL[record]).get(id, patientId) as CitedEvent | undefined;
}

const NAME_SQL = {
  medication: `SELECT coalesce(display, code) FROM medications WHERE id = ? AND patient_id = ?`,
  condition: `SELECT coalesce(display, code) FROM conditions WHERE id = ? AND patient_id = ?`,
  procedure: `SELECT coalesce(display, code) FROM procedures WHERE id = ? AND patient_id = ?`,
  immunization: `SELECT coalesce(display, code) FROM immunizations WHERE id = ? AND patient_id = ?`,
  allergy: `SELECT coalesce(display, code) FROM allergies WHERE id = ? AND patient_id = ?`,
  'care-plan': `SELECT coalesce(display, code, kind) FROM care_plan_items WHERE id = ? AND patient_id = ?`,
} as const;

/** A coded record's name (its display, else its code). */
export function citedRecordName(db: ReadDb, patientId: string, record: keyof typeof NAME_SQL, id: string): string | undefined {
  return db.prepare(NAME_SQL[record]).pluck().get(id, patientId) as string | undefined;
}

export function citedNote(db: ReadDb, patientId: string, id: string): { title: string; at: string } | undefined {
  return db.prepare(`SELECT title, written_at AS at FROM notes WHERE id = ? AND patient_id = ?`).get(id, patientId) as { title: string; at: string } | undefined;
}

/** The guideline section a cited evidence passage is from. */
export function evidenceSection(db: ReadDb, chunkId: number): string | undefined {
  return db.prepare(`SELECT section FROM evidence_chunks WHERE id = ?`).pluck().get(chunkId) as string | undefined;
}
