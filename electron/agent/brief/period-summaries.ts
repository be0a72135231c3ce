import type { Db } from '../../store/sqlite';
import { citeRecord, type Claim } from '../grounding/citation';
import { verifyClaim, type VerifiedClaim } from '../grounding/verifier';

export interface PeriodSummary {
  readonly year: string;
  readonly lines: VerifiedClaim[];
}

const MAX_NAMED = 4;

/**
 * Years of record in a few cited lines each, so that a long history fits
 * the model's context: per calendar year, the visits (how many, and the
 * first and last), the problems that began, and the medications started.
 * Each line cites the records it names and passes the verifier like any
 * other claim; the full records stay one tool call away.
 */
export function periodSummaries(db: Db, patientId: string, before: string): PeriodSummary[] {
  const years = db
    .prepare(
      `SELECT DISTINCT substr(t, 1, 4) AS year FROM (
         SELECT start_at AS t FROM encounters WHERE patient_id = @p UNION ALL
         SELECT onset_at FROM conditions WHERE patient_id = @p UNION ALL
         SELECT start_at FROM medications WHERE patient_id = @p)
       WHERE t IS NOT NULL AND t < @before ORDER BY year`,
    )
    .pluck()
    .all({ p: patientId, before }) as string[];
  return years.map((year) => ({ year, lines: linesFor(db, patientId, year).map((claim) => verifyClaim(db, patientId, claim)) }));
}

function linesFor(db: Db, patientId: string, year: string): Claim[] {
  const inYear = { p: patientId, from: `${year}-01-01`, to: `${year}-12-31\uffff` };
  const lines: Claim[] = [];
  const visits = db
    .prepare(`SELECT id, start_at AS at FROM encounters WHERE patient_id = @p AND start_at BETWEEN @from AND @to ORDER BY start_at`)
    .all(inYear) as Array<{ id: string; at: string }>;
  if (visits.length > 0) {
    const first = visits[0]!;
    const last = visits[visits.length - 1]!;
    lines.push(
      visits.length === 1
        ? { text: `${year}: 1 visit, on ${first.at.slice(0, 10)}`, citations: [citeRecord('encounter', first.id)] }
        : {
            text: `${year}: ${visits.length} visits, from ${first.at.slice(0, 10)} to ${last.at.slice(0, 10)}`,
            citations: visits.map((v) => citeRecord('encounter', v.id)),
          },
    );
  }
  const named = (sql: string, kind: 'condition' | 'medication', lead: string) => {
    const rows = db.prepare(sql).all(inYear) as Array<{ id: string; display: string }>;
    if (rows.length === 0) return;
    // A few names a line, every one cited: a line never stands for records it does not cite.
    for (let at = 0; at < rows.length; at += MAX_NAMED) {
      const shown = rows.slice(at, at + MAX_NAMED);
      lines.push({ text: `${year}: ${lead} ${shown.map((r) => r.display).join('; ')}`, citations: shown.map((r) => citeRecord(kind, r.id)) });
    }
  };
  named(`SELECT id, coalesce(display, code) AS display FROM conditions WHERE patient_id = @p AND onset_at BETWEEN @from AND @to ORDER BY onset_at`, 'condition', 'new problems:');
  named(`SELECT id, coalesce(display, code) AS display FROM medications WHERE patient_id = @p AND start_at BETWEEN @from AND @to ORDER BY start_at`, 'medication', 'medications started:');
  return lines;
}
