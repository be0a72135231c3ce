import type { ReadDb } from '../sqlite';

/** Goals not yet achieved or given up (imported Goals, follow-ups signed in Continuum): with their due date, if any. */
export function openGoals(db: ReadDb, patientId: string, now: string): Array<{ id: string; display: string; start: string | null; end: string | null; status: string | null; due: string | null }> {
  return db
    .prepare(
      `SELECT id, coalesce(display, code, 'Goal') AS display, start_at AS start, end_at AS "end", status, due_at AS due
       FROM care_plan_items WHERE patient_id = @p AND kind = 'goal' AND (due_at IS NULL OR due_at >= @now)
         AND coalesce(status, 'active') IN ('proposed', 'planned', 'accepted', 'active', 'on-hold')
         AND coalesce(start_at, '') <= @now
       ORDER BY due_at IS NULL, due_at, display`,
    )
    .all({ p: patientId, now }) as Array<{ id: string; display: string; start: string | null; end: string | null; status: string | null; due: string | null }>;
}
