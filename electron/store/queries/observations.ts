import type { Analyte, ResultValue, Series } from '../../api/schemas';
import type { ReadDb } from '../sqlite';

/** The numeric analytes a patient has, for the trend picker, most measured first. */
export function listAnalytes(db: ReadDb, patientId: string): Analyte[] {
  const rows = db
    .prepare(
      `SELECT code, code_system AS codeSystem, display, unit, category, count(*) AS count, max(effective_at) AS last
       FROM observations
       WHERE patient_id = ? AND value_num IS NOT NULL AND code IS NOT NULL
       GROUP BY code ORDER BY count DESC, display`,
    )
    .all(patientId) as Array<Analyte & { display: string | null }>;
  return rows.map((row) => ({ ...row, display: row.display ?? row.code }));
}

/** One analyte's values over time, with the latest reference range the sources gave. */
export function getSeries(db: ReadDb, patientId: string, code: string): Series | null {
  const rows = db
    .prepare(
      `SELECT id, effective_at AS at, value_num AS value, unit, display, ref_low, ref_high
       FROM observations
       WHERE patient_id = ? AND code = ? AND value_num IS NOT NULL AND effective_at IS NOT NULL
       ORDER BY effective_at`,
    )
    .all(patientId, code) as Array<{
    id: string;
    at: string;
    value: number;
    unit: string | null;
    display: string | null;
    ref_low: number | null;
    ref_high: number | null;
  }>;
  if (rows.length === 0) return null;
  const last = rows[rows.length - 1]!;
  const withRange = [...rows].reverse().find((r) => r.ref_low !== null || r.ref_high !== null);
  return {
    code,
    display: last.display ?? code,
    unit: last.unit,
    refLow: withRange?.ref_low ?? null,
    refHigh: withRange?.ref_high ?? null,
    points: rows.map((r) => ({ id: r.id, at: r.at, value: r.value })),
  };
}

/** A timeline 'results' group ("2019-03-12|laboratory"): that day's observations of that category. */
export function getResultsGroup(
  db: ReadDb,
  patientId: string,
  groupId: string,
): { day: string; category: string | null; results: ResultValue[] } | null {
  const [day, category = ''] = groupId.split('|');
  if (!day || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(day)) return null;
  const rows = db
    .prepare(
      `SELECT o.id, o.effective_at AS at, o.code, coalesce(o.display, o.code, 'Observation') AS display,
              o.value_num, o.value_text, o.unit, o.ref_low, o.ref_high, o.parent_id
       FROM observations o
       WHERE o.patient_id = @patientId AND substr(o.effective_at, 1, 10) = @day AND coalesce(o.category, '') = @category
         AND (o.value_num IS NOT NULL OR o.value_text IS NOT NULL)
       ORDER BY o.effective_at, o.display`,
    )
    .all({ patientId, day, category }) as Array<{
    id: string;
    at: string;
    code: string | null;
    display: string;
    value_num: number | null;
    value_text: string | null;
    unit: string | null;
    ref_low: number | null;
    ref_high: number | null;
  }>;
  if (rows.length === 0) return null;
  return {
    day,
    category: category || null,
    results: rows.map((r) => ({
      id: r.id,
      at: r.at,
      code: r.code,
      display: r.display,
      value: r.value_num !== null ? formatNumber(r.value_num) : (r.value_text ?? ''),
      unit: r.unit,
      refLow: r.ref_low,
      refHigh: r.ref_high,
      abnormal: r.value_num !== null && ((r.ref_low !== null && r.value_num < r.ref_low) || (r.ref_high !== null && r.value_num > r.ref_high)),
    })),
  };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
