import type { Span } from './claim-text';

/**
 * How often a drug is taken, as a claim writes it ("twice daily", "BID",
 * "q6h", "PRN") and as the record's dosage says it ("1 dose every 6 hours,
 * as needed"): doses a day, and whether as needed. Abbreviations as the
 * ISMP list gives their meanings (qd, bid, tid, qid, qhs, qNh).
 */
export interface Frequency extends Span {
  /** Doses a day; null where the text gives none. */
  readonly perDay: number | null;
  readonly asNeeded: boolean;
}

const TIMES: Record<string, number> = { once: 1, one: 1, twice: 2, two: 2, thrice: 3, three: 3, four: 4, five: 5, six: 6 };

const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Partial<Frequency>]> = [
  // "twice daily", "3 times a day", "2x/day"; a bare number before "day" is something else ("28 Day Pack").
  [/\b(?:(once|twice|thrice)|(one|two|three|four|five|six|\d+)\s*(?:x|times?))\s*(?:a|per|\/|every)?\s*(?:day|daily|d)\b/gi, (m) => ({ perDay: TIMES[(m[1] ?? m[2])!.toLowerCase()] ?? Number(m[2]) })],
  [/\b(once|one|twice|two|\d+)(?:\s*(?:x|times?))?\s*(?:a|per|\/|every)\s*week\b|\bweekly\b/gi, (m) => ({ perDay: (m[1] ? (TIMES[m[1].toLowerCase()] ?? Number(m[1])) : 1) / 7 })],
  [/\b(?:every|q)\s*(\d+)\s*(?:h|hrs?|hours?)\b/gi, (m) => ({ perDay: 24 / Number(m[1]) })],
  [/\bq\.?i\.?d\.?(?![a-z])/gi, () => ({ perDay: 4 })],
  [/\bt\.?i\.?d\.?(?![a-z])/gi, () => ({ perDay: 3 })],
  [/\bb\.?i\.?d\.?(?![a-z])/gi, () => ({ perDay: 2 })],
  [/\b(?:q\.?d\.?|o\.?d\.?|qam|qpm|qhs|nightly|at bedtime|every day|daily)(?![a-z])/gi, () => ({ perDay: 1 })],
  [/\b(?:p\.?r\.?n\.?|as needed|as required|when needed|if needed|on demand)(?![a-z])/gi, () => ({ asNeeded: true })],
];

/** The frequencies written in a text, leftmost-longest. */
export function frequenciesIn(text: string): Frequency[] {
  const found: Frequency[] = [];
  for (const [re, read] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const r = read(m);
      found.push({ start, end, perDay: r.perDay ?? null, asNeeded: r.asNeeded ?? false });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** What a record's dosage text says: doses a day (null if none) and whether as needed. */
export function dosageFrequency(dosage: string | null): { perDay: number | null; asNeeded: boolean } {
  const found = frequenciesIn(dosage ?? '');
  return { perDay: found.find((f) => f.perDay !== null)?.perDay ?? null, asNeeded: found.some((f) => f.asNeeded) };
}
