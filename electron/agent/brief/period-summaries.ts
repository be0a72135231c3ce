import { readerAsDb, type ReadDb } from '../../store/sqlite';
import { citeRecord, type Claim } from '../grounding/citation';
import { verifyClaim, type VerifiedClaim } from '../grounding/verifier';
import { conditionsBeganIn, medicationsStartedIn, visitsIn, yearsOfRecord } from './brief-queries';

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
export function periodSummaries(db: ReadDb, patientId: string, before: string): PeriodSummary[] {
  const years = yearsOfRecord(db, patientId, before);
  return years.map((year) => ({ year, lines: linesFor(db, patientId, year).map((claim) => verifyClaim(readerAsDb(db), patientId, claim)) }));
}

function linesFor(db: ReadDb, patientId: string, year: string): Claim[] {
  const inYear = { from: `${year}-01-01`, to: `${year}-12-31\uffff` };
  const lines: Claim[] = [];
  const visits = visitsIn(db, patientId, inYear);
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
  const named = (rows: Array<{ id: string; display: string }>, kind: 'condition' | 'medication', lead: string) => {
    if (rows.length === 0) return;
    // A few names a line, every one cited: a line never stands for records it does not cite.
    for (let at = 0; at < rows.length; at += MAX_NAMED) {
      const shown = rows.slice(at, at + MAX_NAMED);
      lines.push({ text: `${year}: ${lead} ${shown.map((r) => r.display).join('; ')}`, citations: shown.map((r) => citeRecord(kind, r.id)) });
    }
  };
  named(conditionsBeganIn(db, patientId, inYear), 'condition', 'new problems:');
  named(medicationsStartedIn(db, patientId, inYear), 'medication', 'medications started:');
  return lines;
}
