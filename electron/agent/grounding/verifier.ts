import type { Db } from '../../store/sqlite';
import type { Citation, Claim } from './citation';
import { ASSERTION_WORDS, CONNECTIVE_WORDS } from './connective-words';
import { checkAssertions } from './assertions';
import { readSourceFacts, type SourceFacts } from './source-facts';
import { daysIn, numbersIn, sameNumber, wordSpans, type Span } from './text-facts';

export type ProblemKind = 'citation' | 'value' | 'unit' | 'date' | 'term' | 'assertion';

/** Something in a claim that its cited sources do not support, with where it is (for highlighting). */
export interface Problem {
  start: number;
  end: number;
  kind: ProblemKind;
  message: string;
}

export type Verdict = 'supported' | 'unsupported' | 'uncited';

export interface VerifiedClaim extends Claim {
  verdict: Verdict;
  problems: Problem[];
}

/**
 * The grounding verifier: a claim passes only when every fact in it (each
 * number with its unit, each date, each clinical word, each "above the
 * range" or "rising") is found in a record it cites, of this patient. It
 * does not judge whether the claim is wise, only whether its sources say
 * it. Anything else is flagged with the span that failed; a flagged claim
 * may still be shown, but never as fact.
 */
export function verifyClaim(db: Db, patientId: string, claim: Claim): VerifiedClaim {
  if (claim.citations.length === 0) {
    return { ...claim, verdict: 'uncited', problems: [{ start: 0, end: claim.text.length, kind: 'citation', message: 'cites no source' }] };
  }
  const problems: Problem[] = [];
  const sources: SourceFacts[] = [];
  for (const citation of claim.citations) {
    const facts = readSourceFacts(db, patientId, citation);
    if (facts?.instructions) {
      problems.push({
        start: 0,
        end: claim.text.length,
        kind: 'citation',
        message: `cites ${describe(citation)}, whose text gives instructions to the assistant: it is shown as data and supports no claim`,
      });
    } else if (facts) sources.push(facts);
    else problems.push({ start: 0, end: claim.text.length, kind: 'citation', message: `cites ${describe(citation)}, which is not in this patient's record or the library` });
  }
  if (sources.length === 0) return { ...claim, verdict: 'unsupported', problems };

  const text = claim.text;
  const days = daysIn(text);
  for (const day of days) {
    const supported = sources.some((s) => [...s.days].some((d) => d === day.day || d.startsWith(`${day.day}-`)));
    if (!supported) problems.push({ ...span(day), kind: 'date', message: `date ${day.day}: not in the cited source` });
  }

  // "3 visits", "2 results": a count of what the claim cites, checked as such.
  const counts = countsIn(text);
  for (const count of counts) {
    if (count.value !== sources.length) {
      problems.push({ start: count.start, end: count.end, kind: 'value', message: `${text.slice(count.start, count.end)}: it cites ${sources.length}` });
    }
  }
  const units = new Set(sources.flatMap((s) => s.numbers.map((n) => n.unit).filter((u): u is string => u !== null)));
  const numbers = numbersIn(text, [...days, ...counts], units);
  for (const number of numbers) {
    const matches = sources.flatMap((s) => s.numbers.filter((n) => sameNumber(number, n.value)));
    const written = text.slice(number.start, number.end);
    if (matches.length === 0) {
      problems.push({ ...span(number), kind: 'value', message: `${written}: no such value in the cited source` });
    } else if (number.unit !== null && !matches.some((n) => n.unit === null || n.unit === number.unit)) {
      problems.push({ ...span(number), kind: 'unit', message: `${written}: the cited source gives ${String(number.value)} in ${matches[0]!.unit}` });
    }
  }

  const masked = [...days, ...numbers, ...counts];
  for (const word of wordSpans(text)) {
    if (masked.some((m) => word.start < m.end && word.end > m.start)) continue;
    if (CONNECTIVE_WORDS.has(word.word) || ASSERTION_WORDS.has(word.word)) continue;
    if (!sources.some((s) => s.words.has(word.word))) {
      problems.push({ ...span(word), kind: 'term', message: `"${text.slice(word.start, word.end)}": not in the cited source` });
    }
  }

  problems.push(...checkAssertions(text, sources));
  return { ...claim, verdict: problems.length === 0 ? 'supported' : 'unsupported', problems };
}

const COUNT = /\b(\d+) (visits?|results?|records?|encounters?|measurements?)\b/g;

function countsIn(text: string): Array<Span & { value: number }> {
  COUNT.lastIndex = 0;
  const found: Array<Span & { value: number }> = [];
  for (let m = COUNT.exec(text); m; m = COUNT.exec(text)) found.push({ start: m.index, end: m.index + m[0].length, value: Number(m[1]) });
  return found;
}

function span(s: Span): Span {
  return { start: s.start, end: s.end };
}

function describe(citation: Citation): string {
  return citation.kind === 'record' ? `${citation.record} ${citation.id}` : `evidence passage ${citation.chunkId}`;
}
