import type { Db } from '../../store/sqlite';
import { clinicDateOrder } from '../../store/queries/grounding';
import { chartIndex } from './chart-index';
import type { Citation, Claim } from './citation';
import type { DateOrder } from './claim-dates';
import { parseClaim } from './claim-parse';
import { problem, verdictOf, type Problem, type Verdict } from './problems';
import { readSource, type SourceRecord } from './source-records';
import type { VerifyContext } from './verify-context';
import { checkEntity } from './verify-entity';
import { checkMeasure, text } from './verify-measure';
import { checkRest } from './verify-words';

export type { Problem, ProblemKind, Verdict } from './problems';

export interface VerifiedClaim extends Claim {
  verdict: Verdict;
  problems: Problem[];
}

export interface VerifyOptions {
  /** How numeric dates with both parts up to 12 are read; the clinic's setting when absent. */
  readonly dateOrder?: DateOrder;
  /** The moment "latest" is judged at (ISO); the whole record when absent. */
  readonly asOf?: string;
}

/**
 * The grounding verifier: a claim passes only when every fact in it is
 * found in what it cites, of this patient. The claim is parsed into
 * assertions (claim-parse.ts): each value bound to what it measures, its
 * unit and date; each condition, drug, allergy or smoking status with its
 * polarity and status; "latest", a change, an interpretation. Each is
 * checked against the cited records' own fields (verify-measure.ts,
 * verify-entity.ts); a negation against the whole chart. What the parser
 * does not bind is checked word by word (verify-words.ts) or, where it
 * cannot be, flagged "not checked" with its span: never passed silently.
 *
 * It does not judge whether a claim is wise, only whether its sources say it.
 */
export function verifyClaim(db: Db, patientId: string, claim: Claim, options: VerifyOptions = {}): VerifiedClaim {
  if (claim.citations.length === 0) {
    return { ...claim, verdict: 'uncited', problems: [problem({ start: 0, end: claim.text.length }, 'citation', 'cites no source')] };
  }
  const problems: Problem[] = [];
  const sources: SourceRecord[] = [];
  const whole = { start: 0, end: claim.text.length };
  for (const citation of claim.citations) {
    const source = readSource(db, patientId, citation);
    if (source?.instructions) {
      problems.push(problem(whole, 'citation', `cites ${describe(citation)}, whose text gives instructions to the assistant: it is shown as data and supports no claim`));
    } else if (source) sources.push(source);
    else problems.push(problem(whole, 'citation', `cites ${describe(citation)}, which is not in this patient's record or the library`));
  }
  if (sources.length === 0) return { ...claim, verdict: 'unsupported', problems };

  const chart = chartIndex(db, patientId);
  const ctx: VerifyContext = { db, patientId, text: claim.text, chart, sources, citesChart: sources.some((s) => s.kind === 'patient'), sex: chart.patient.sex, names: chart.patient.names, asOf: options.asOf ?? '\uffff' };
  const parsed = parseClaim(claim.text, chart, options.dateOrder ?? clinicDateOrder(db));
  for (const a of parsed.assertions) {
    if (a.type === 'measure') problems.push(...checkMeasure(a, ctx));
    else if (a.type === 'entity') problems.push(...checkEntity(a, ctx));
    else if (a.value !== sources.length) problems.push(problem(a, 'value', `${text(ctx, a)}: it cites ${sources.length}`));
  }
  problems.push(...checkRest(parsed, ctx));
  problems.sort((a, b) => a.start - b.start);
  return { ...claim, verdict: verdictOf(problems), problems };
}

function describe(citation: Citation): string {
  return citation.kind === 'record' ? `${citation.record} ${citation.id}` : `evidence passage ${citation.chunkId}`;
}
