import { COMMON_UNITS, normalizeUnit } from './units';

/** A piece of a claim the verifier checks, with where it sits in the text (for highlighting). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ClaimNumber extends Span {
  readonly value: number;
  /** The number's written precision: "7.9" has 1 decimal, so 7.94 in the source supports it. */
  readonly decimals: number;
  /** Normalized unit written after it, if that word is a unit; its span follows the number's. */
  readonly unit: string | null;
}

export interface ClaimDay extends Span {
  /** ISO day, or "YYYY-MM" when the claim names only a month. */
  readonly day: string;
}

export interface ClaimWord extends Span {
  readonly word: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const DATE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?\b/g, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'gi'), (m) => iso(m[3]!, m[2]!, m[1]!)],
  [new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'gi'), (m) => iso(m[3]!, m[1]!, m[2]!)],
  [new RegExp(`\\b${MONTH} (\\d{4})\\b`, 'gi'), (m) => iso(m[2]!, m[1]!, null)],
  [/\b(\d{4})-(\d{2})\b(?!-)/g, (m) => `${m[1]}-${m[2]}`],
  // A year on its own only where it reads as one ("2019: ...", "in 2019"), so that a value like 2000 stays a value.
  [/^(\d{4})(?=:)|(?<=\b(?:in|since|during|of) )(\d{4})\b(?![-./]\d)/gi, (m) => m[1] ?? m[2]!],
];

function iso(year: string, month: string, day: string | null): string {
  const mm = String(MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1).padStart(2, '0');
  return day === null ? `${year}-${mm}` : `${year}-${mm}-${day.padStart(2, '0')}`;
}

/** Dates in a claim, in the forms a brief or a model writes them. */
export function daysIn(text: string): ClaimDay[] {
  const found: ClaimDay[] = [];
  for (const [pattern, toDay] of DATE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((d) => start < d.end && end > d.start)) continue;
      found.push({ start, end, day: toDay(m) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// A number that is not part of a word ("HbA1c", "COVID-19") or a code ("4548-4").
const NUMBER = /(?<![\p{L}\p{N}.-])-?\d+(?:\.\d+)?(?![\p{L}\p{N}]|\.\d|-\d)/gu;
const UNIT_AFTER = /^ ?([^\s,;:()]+)/;

/**
 * Numbers with the unit written after each. `masked` spans (dates) are
 * skipped. `knownUnits` adds the cited sources' own units to the common ones.
 */
export function numbersIn(text: string, masked: readonly Span[] = [], knownUnits: ReadonlySet<string> = new Set()): ClaimNumber[] {
  const found: ClaimNumber[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (masked.some((s) => start < s.end && end > s.start)) continue;
    const after = UNIT_AFTER.exec(text.slice(end));
    let unit: string | null = null;
    let unitEnd = end;
    if (after) {
      const candidate = normalizeUnit(after[1]!.replace(/[.,]$/, ''));
      if (COMMON_UNITS.has(candidate) || knownUnits.has(candidate)) {
        unit = candidate;
        unitEnd = end + after[0].replace(/[.,]$/, '').length;
      }
    }
    const decimals = m[0].includes('.') ? m[0].split('.')[1]!.length : 0;
    found.push({ start, end: unitEnd, value: Number(m[0]), decimals, unit });
  }
  return found;
}

const WORD = /\p{L}[\p{L}'-]*/gu;

/** Content words, lowercased and singular-ish, for lookup: both claims and sources go through this. */
export function wordsOf(text: string): string[] {
  return wordSpans(text).map((w) => w.word);
}

export function wordSpans(text: string): ClaimWord[] {
  const found: ClaimWord[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    for (const part of splitHyphens(m[0], m.index)) {
      if (part.text.length < 3) continue;
      found.push({ start: part.start, end: part.start + part.text.length, word: stem(part.text.toLowerCase()) });
    }
  }
  return found;
}

function splitHyphens(token: string, at: number): Array<{ text: string; start: number }> {
  const parts: Array<{ text: string; start: number }> = [];
  let offset = 0;
  for (const piece of token.split(/[-']/)) {
    parts.push({ text: piece, start: at + offset });
    offset += piece.length + 1;
  }
  return parts;
}

/** Enough stemming that "tablets" finds "tablet" and "allergies" finds "allergy"; no more. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/**
 * Whether a claim's number is what the source says, to the claim's own
 * precision: "7.9" stands for 7.94. The slack is a little over half a unit
 * of the last digit because a value may be rounded twice on its way into a
 * sentence (7.9468 shown as 7.95, then written 8.0 by a model).
 */
export function sameNumber(claim: { value: number; decimals: number }, source: number): boolean {
  return Math.abs(source - claim.value) <= 0.55 * 10 ** -claim.decimals + 1e-9;
}

/** Numbers in a source's own text, e.g. "500 MG" in a drug name, with their units. */
export function sourceNumbers(text: string): Array<{ value: number; unit: string | null }> {
  return numbersIn(text).map((n) => ({ value: n.value, unit: n.unit }));
}
