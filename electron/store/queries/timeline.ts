import type { EventKind, TimelineEvent } from '../../api/schemas';
import type { ReadDb } from '../sqlite';

/**
 * The longitudinal timeline: every dated item of a chart as a point or a
 * span, from one UNION ALL over the per-kind tables. Each part filters on
 * (patient_id, time) so it walks that table's patient-time index, and rows
 * come back as arrays (raw mode) to keep a 10,000-event chart cheap.
 */

// Each part yields: kind, id, start, end, ongoing (0/1), label, status.
const PARTS: Record<EventKind, string> = {
  encounter: `SELECT 'encounter', id, start_at, end_at, 0, coalesce(display, class_code, 'Encounter'), status
    FROM encounters WHERE patient_id = @p AND start_at <= @to AND coalesce(end_at, start_at) >= @from`,
  condition: `SELECT 'condition', id, onset_at, abated_at,
      abated_at IS NULL AND coalesce(clinical_status, 'active') IN ('active', 'recurrence', 'relapse'),
      coalesce(display, code, 'Condition'), clinical_status
    FROM conditions WHERE patient_id = @p AND onset_at <= @to AND coalesce(abated_at, @to) >= @from`,
  medication: `SELECT 'medication', id, start_at, end_at, end_at IS NULL AND status IN ('active', 'on-hold'),
      coalesce(display, code, 'Medication'), status
    FROM medications WHERE patient_id = @p AND start_at <= @to AND coalesce(end_at, @to) >= @from`,
  procedure: `SELECT 'procedure', id, start_at, end_at, 0, coalesce(display, code, 'Procedure'), status
    FROM procedures WHERE patient_id = @p AND start_at <= @to AND coalesce(end_at, start_at) >= @from`,
  immunization: `SELECT 'immunization', id, occurred_at, NULL, 0, coalesce(display, code, 'Immunization'), status
    FROM immunizations WHERE patient_id = @p AND occurred_at BETWEEN @from AND @to`,
  // Single observations, each with its value (read apart, see observationEvents). The app's timeline
  // draws a day's results of one category as one event instead ('results'), from the observations_day index.
  observation: `SELECT 'observation', id, effective_at, NULL, 0, coalesce(display, code, 'Observation'), status
    FROM observations WHERE 0`,
  results: `SELECT 'results', substr(effective_at, 1, 10) || '|' || coalesce(category, ''), substr(effective_at, 1, 10), NULL, 0,
      CASE category WHEN 'laboratory' THEN 'Laboratory' WHEN 'vital-signs' THEN 'Vital signs' WHEN 'survey' THEN 'Survey'
        WHEN 'social-history' THEN 'Social history' WHEN 'exam' THEN 'Examination' WHEN 'imaging' THEN 'Imaging'
        ELSE coalesce(category, 'Other') END || ': ' || count(*) || CASE count(*) WHEN 1 THEN ' result' ELSE ' results' END,
      NULL
    FROM observations WHERE patient_id = @p AND parent_id IS NULL
      AND substr(effective_at, 1, 10) BETWEEN substr(@from, 1, 10) AND substr(@to, 1, 10)
    GROUP BY substr(effective_at, 1, 10), category`,
  'diagnostic-report': `SELECT 'diagnostic-report', id, effective_at, NULL, 0, coalesce(display, code, 'Report'), status
    FROM diagnostic_reports WHERE patient_id = @p AND effective_at BETWEEN @from AND @to`,
  'imaging-study': `SELECT 'imaging-study', id, started_at, NULL, 0, coalesce(description, modality, 'Imaging study'), status
    FROM imaging_studies WHERE patient_id = @p AND started_at BETWEEN @from AND @to`,
  'care-plan': `SELECT 'care-plan', id, coalesce(start_at, due_at), end_at, end_at IS NULL AND status = 'active',
      coalesce(display, code, 'Care plan'), status
    FROM care_plan_items WHERE patient_id = @p AND kind <> 'activity' AND coalesce(start_at, due_at) <= @to
      AND coalesce(end_at, @to) >= @from`,
  allergy: `SELECT 'allergy', id, coalesce(onset_at, recorded_date), NULL, 0, coalesce(display, code, 'Allergy'), clinical_status
    FROM allergies WHERE patient_id = @p AND coalesce(onset_at, recorded_date) BETWEEN @from AND @to`,
  note: `SELECT 'note', id, written_at, NULL, 0, title, NULL
    FROM notes WHERE patient_id = @p AND written_at BETWEEN @from AND @to`,
  fact: `SELECT 'fact', id, valid_from, valid_to, 0, statement, status
    FROM memory_facts WHERE patient_id = @p AND valid_from BETWEEN @from AND @to`,
  document: `SELECT 'document', id, created_at, NULL, 0, title, NULL
    FROM documents WHERE patient_id = @p AND created_at BETWEEN @from AND @to
      AND EXISTS (SELECT 1 FROM document_pages g WHERE g.document_id = documents.id)`,
};

/** What the app's timeline shows: single observations are drawn as each day's results. */
export const ALL_KINDS = (Object.keys(PARTS) as EventKind[]).filter((kind) => kind !== 'observation');

/** What `continuum timeline` lists by default: every observation with its value, instead of each day's results. */
export const LISTED_KINDS = (Object.keys(PARTS) as EventKind[]).filter((kind) => kind !== 'results');

/** Far enough to cover any real record; ISO strings compare in time order. */
const MIN_TIME = '0000';
const MAX_TIME = '9999';

export const TIMELINE_LIMIT = 100_000;

type Row = [EventKind, string, string, string | null, number, string, string | null];

export function timelineEvents(
  db: ReadDb,
  query: { patientId: string; from?: string; to?: string; kinds?: readonly EventKind[] },
): { events: TimelineEvent[]; truncated: boolean } {
  const kinds = query.kinds && query.kinds.length > 0 ? [...new Set(query.kinds)].sort() : ALL_KINDS;
  const bounds = {
    p: query.patientId,
    from: query.from ?? MIN_TIME,
    // A date-only bound ("2020-05-01") must include that whole day.
    to: query.to ? `${query.to}\uffff` : MAX_TIME,
    limit: TIMELINE_LIMIT + 1,
  };
  const others = kinds.filter((k) => k !== 'observation');
  const rows = others.length > 0 ? (statementFor(db, others).all(bounds) as Row[]) : [];
  let events: TimelineEvent[] = new Array(Math.min(rows.length, TIMELINE_LIMIT + 1));
  for (let i = 0; i < events.length; i += 1) {
    const row = rows[i] as Row;
    events[i] = { kind: row[0], id: row[1], start: row[2], end: row[3], ongoing: row[4] === 1, label: row[5], status: row[6] };
  }
  if (kinds.includes('observation')) events = mergeByStart(events, observationEvents(db, bounds));
  const truncated = events.length > TIMELINE_LIMIT;
  if (truncated) events.length = TIMELINE_LIMIT;
  return { events, truncated };
}

/**
 * Each observation with a result (a number or a text; a blood pressure's
 * systolic and diastolic are its components), with its unit and
 * reference range as recorded.
 */
function observationEvents(db: ReadDb, bounds: { p: string; from: string; to: string; limit: number }): TimelineEvent[] {
  const rows = db
    .prepare(
      `SELECT id, effective_at, coalesce(display, code, 'Observation'), status, value_num, value_text, unit, ref_low, ref_high
       FROM observations WHERE patient_id = @p AND effective_at BETWEEN @from AND @to AND (value_num IS NOT NULL OR value_text IS NOT NULL)
       ORDER BY effective_at LIMIT @limit`,
    )
    .raw(true)
    .all(bounds) as Array<[string, string, string, string | null, number | null, string | null, string | null, number | null, number | null]>;
  return rows.map(([id, at, label, status, value, valueText, unit, refLow, refHigh]) => ({
    kind: 'observation',
    id,
    start: at,
    end: null,
    ongoing: false,
    label,
    status,
    value,
    valueText,
    unit,
    refLow,
    refHigh,
  }));
}

/** Two lists sorted by start, as one (stable: the first list's event first on a tie). */
function mergeByStart(a: TimelineEvent[], b: TimelineEvent[]): TimelineEvent[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: TimelineEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

const cache = new WeakMap<ReadDb, Map<string, ReturnType<ReadDb['prepare']>>>();

function statementFor(db: ReadDb, kinds: readonly EventKind[]) {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const key = kinds.join(',');
  let statement = perDb.get(key);
  if (!statement) {
    const sql = `${kinds.map((k) => PARTS[k]).join('\nUNION ALL\n')}\nORDER BY 3 LIMIT @limit`;
    statement = db.prepare(sql).raw(true);
    perDb.set(key, statement);
  }
  return statement;
}
