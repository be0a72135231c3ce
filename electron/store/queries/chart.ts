import type { Allergy, Chart, CodedItem } from '../../api/schemas';
import type { ReadDb } from '../sqlite';
import { getPatient } from './patients';
import { isNoKnownAllergy } from './allergies';
import { openGoals } from './goals';

const ACTIVE_CONDITION = `clinical_status IN ('active', 'recurrence', 'relapse') OR (clinical_status IS NULL AND abated_at IS NULL)`;
const ACTIVE_MEDICATION = `status IN ('active', 'on-hold') AND (end_at IS NULL OR end_at >= @now)`;

const COUNTED_TABLES = [
  ['encounters', 'encounters'],
  ['conditions', 'conditions'],
  ['medications', 'medications'],
  ['allergies', 'allergies'],
  ['observations', 'observations'],
  ['procedures', 'procedures'],
  ['immunizations', 'immunizations'],
  ['diagnosticReports', 'diagnostic_reports'],
  ['imagingStudies', 'imaging_studies'],
  ['carePlanItems', 'care_plan_items'],
  ['notes', 'notes'],
] as const;

/** The chart's summary: the patient, allergy banner, active lists and counts. */
export function getChart(db: ReadDb, patientId: string, now: Date = new Date()): Chart | null {
  const patient = getPatient(db, patientId);
  if (!patient) return null;
  const allergies = (
    db
      .prepare(
        `SELECT id, display, code, code_system, clinical_status AS status, coalesce(onset_at, recorded_date) AS start, NULL AS "end",
                criticality, category, reactions
         FROM allergies WHERE patient_id = ? AND coalesce(clinical_status, 'active') <> 'resolved'
         ORDER BY criticality = 'high' DESC, display`,
      )
      .all(patientId) as Array<CodedRow & { criticality: string | null; category: string | null; reactions: string }>
  ).map(
    (row): Allergy => ({
      ...coded(row),
      criticality: row.criticality,
      category: row.category,
      reactions: JSON.parse(row.reactions) as string[],
    }),
  );
  // A record that says "no known allergy" is not an allergy: it goes apart, for the banner to say so.
  const noKnownAllergies = allergies.filter((a) => isNoKnownAllergy({ code: a.code, display: a.display }));
  const allergens = allergies.filter((a) => !noKnownAllergies.includes(a));
  const goals = openGoals(db, patientId, now.toISOString()).map((g) => ({ id: g.id, display: g.display, code: null, codeSystem: null, status: g.status, start: g.start, end: g.end, due: g.due }));
  const activeProblems = (
    db
      .prepare(
        `SELECT id, display, code, code_system, clinical_status AS status, onset_at AS start, abated_at AS "end"
         FROM conditions WHERE patient_id = ? AND (${ACTIVE_CONDITION}) ORDER BY onset_at DESC`,
      )
      .all(patientId) as CodedRow[]
  ).map(coded);
  const activeMedications = (
    db
      .prepare(
        `SELECT id, display, code, code_system, status, start_at AS start, end_at AS "end"
         FROM medications WHERE patient_id = @patientId AND ${ACTIVE_MEDICATION} ORDER BY start_at DESC`,
      )
      .all({ patientId, now: now.toISOString() }) as CodedRow[]
  ).map(coded);
  const counts: Record<string, number> = {};
  for (const [name, table] of COUNTED_TABLES) {
    counts[name] = db.prepare(`SELECT count(*) FROM ${table} WHERE patient_id = ?`).pluck().get(patientId) as number;
  }
  const span = db
    .prepare(
      `SELECT min(t) AS start, max(t) AS "end" FROM (
         SELECT min(start_at) AS t FROM encounters WHERE patient_id = @p UNION ALL
         SELECT max(coalesce(end_at, start_at)) FROM encounters WHERE patient_id = @p UNION ALL
         SELECT min(onset_at) FROM conditions WHERE patient_id = @p UNION ALL
         SELECT min(effective_at) FROM observations WHERE patient_id = @p UNION ALL
         SELECT max(effective_at) FROM observations WHERE patient_id = @p UNION ALL
         SELECT min(start_at) FROM medications WHERE patient_id = @p UNION ALL
         SELECT min(occurred_at) FROM immunizations WHERE patient_id = @p UNION ALL
         SELECT max(occurred_at) FROM immunizations WHERE patient_id = @p)`,
    )
    .get({ p: patientId }) as { start: string | null; end: string | null };
  return { patient, allergies: allergens, noKnownAllergies, goals, activeProblems, activeMedications, counts, span };
}

interface CodedRow {
  id: string;
  display: string | null;
  code: string | null;
  code_system: string | null;
  status: string | null;
  start: string | null;
  end: string | null;
}

function coded(row: CodedRow): CodedItem {
  return {
    id: row.id,
    display: row.display ?? row.code ?? 'Unnamed',
    code: row.code,
    codeSystem: row.code_system,
    status: row.status,
    start: row.start,
    end: row.end,
  };
}
