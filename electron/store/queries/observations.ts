import type { Analyte, Series } from '../../api/schemas';
import type { Db } from '../sqlite';

/** The numeric analytes a patient has, for the trend picker, most measured first. */
export function listAnalytes(db: Db, patientId: string): Analyte[] {
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
export function getSeries(db: Db, patientId: string, code: string): Series | null {
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
