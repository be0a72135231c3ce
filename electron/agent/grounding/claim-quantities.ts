import { toUcum } from '../../clinical/units';
import type { Span, Token } from './claim-text';
import { overlaps } from './claim-text';

/**
 * The numbers of a claim, each with how precisely it was written and the
 * units that could follow it. Which unit is meant is decided when the
 * number is bound to what it measures ("137 in 2019": "in" is not inches
 * for an eGFR), so every reading is kept, longest first.
 */
export interface UnitReading extends Span {
  readonly ucum: string;
}

export interface ClaimNumber extends Span {
  readonly value: number;
  /** Decimals written: "7.9" stands for 7.85..7.95. */
  readonly decimals: number;
  /** Zeros at the end of an integer ("130"): with "about", it stands for 125..135. */
  readonly trailingZeros: number;
  /** "about", "~", "approximately" before it. */
  readonly approximate: boolean;
  /** "<", "over", "under": the claim bounds the value rather than stating it. */
  readonly bound: 'above' | 'below' | null;
  readonly units: readonly UnitReading[];
  /** The second number of "120/80": `pairedWith` of the first is its index. */
  readonly pairedWith: number | null;
  /** "3/10": a score out of the second number. */
  readonly outOf: number | null;
  /** "in the high 170s", "mid-180s": the values it stands for. */
  readonly within?: readonly [number, number];
  /** Written after "from" (the start of a change) or "to" (its end). */
  /** "from 137", "to 87"; "by 20", "lost 9.5 kg": the size of a change, not a value. */
  readonly marker?: 'from' | 'to' | 'by';
  /** Where the words that qualify the number begin ("about", "just under", "in the high"): checked with it. */
  readonly qualifierStart?: number;
  /** "just over 30", "slightly below 1.0": on that side of the number, and close to it. */
  readonly near?: boolean;
  /** Index of the token. */
  readonly token: number;
}

const APPROXIMATE = new Set(['about', 'approximately', 'approx', 'around', 'roughly', 'nearly', 'almost', 'circa', 'ca', 'c', 'some', 'approximate', 'estimated']);
const APPROXIMATE_SYMBOLS = new Set(['~', '≈', '∼']);
const ABOVE = new Set(['over', 'above', '>', '≥', 'exceeding', 'exceeds']);
const BELOW = new Set(['under', 'below', '<', '≤']);

/**
 * Numbers in `tokens` outside `masked` spans (the dates). Digits inside a
 * unit ("x10^3/uL", "mL/min/1.73 m2") are part of the unit, not numbers.
 */
export function numbersIn(text: string, tokens: readonly Token[], masked: readonly Span[]): ClaimNumber[] {
  const found: ClaimNumber[] = [];
  let skipUntil = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== 'number' || t.start < skipUntil || masked.some((m) => overlaps(m, t))) continue;
    // "x10^3/uL" standing alone (a unit for the numbers before it): its digits are the unit's.
    const lead = tokens[i - 1];
    if (lead && lead.end === t.start && (lead.text === '×' || lead.norm === 'x') && t.norm === '10') {
      skipUntil = unitsAfter(text, tokens, i - 1)[0]?.end ?? t.end;
      continue;
    }
    // A code or a word with digits: "4548-4" and "COVID-19" are not values.
    const before = tokens[i - 1];
    if (before && before.end === t.start && (before.kind === 'word' || (before.text === '-' && tokens[i - 2]?.kind === 'number' && tokens[i - 2]!.end === before.start && !looksLikeRange(tokens, i - 2)))) continue;
    const after = tokens[i + 1];
    if (after && after.text === '-' && after.start === t.end && tokens[i + 2]?.kind === 'number' && tokens[i + 2]!.start === after.end && !looksLikeRange(tokens, i)) continue;

    const negative = isNegative(text, tokens, i);
    const at = negative ? i - 1 : i;
    const approximate = isApproximate(tokens, at);
    const bound = boundBefore(tokens, at);
    const qualifier = qualifierOf(tokens, at);
    const start = negative ? tokens[i - 1]!.start : t.start;
    // "120/80" (a pressure) and "3/10" (a score): two numbers joined by a slash with no spaces.
    const slash = tokens[i + 1];
    const second = tokens[i + 2];
    if (slash?.text === '/' && second?.kind === 'number' && slash.start === t.end && second.start === slash.end && !masked.some((m) => overlaps(m, second))) {
      const a = Number(t.norm);
      const b = Number(second.norm);
      if (b === 10 && a <= 10) {
        found.push(number(t, i, { approximate, bound, units: [], pairedWith: null, outOf: 10, end: second.end }));
        skipUntil = second.end;
        continue;
      }
      const first = found.length;
      const units = unitsAfter(text, tokens, i + 2);
      found.push(number(t, i, { approximate, bound, units, pairedWith: first + 1, outOf: null }));
      found.push(number(second, i + 2, { approximate, bound, units, pairedWith: null, outOf: null }));
      skipUntil = Math.max(second.end, units[0]?.end ?? -1);
      continue;
    }
    const units = unitsAfter(text, tokens, i);
    const feetInches = feetAndInches(text, tokens, i, units);
    if (feetInches) {
      found.push({ ...number(t, i, { approximate, bound, units: [feetInches.unit], pairedWith: null, outOf: null, end: feetInches.end }), value: feetInches.inches, decimals: 0, trailingZeros: 0 });
      skipUntil = feetInches.end;
      continue;
    }
    // "126 over 88": a pressure said in words.
    const over = tokens[i + 1];
    const diastolic = tokens[i + 2];
    if (over?.norm === 'over' && diastolic?.kind === 'number' && /^\d{2,3}$/.test(t.norm) && /^\d{2,3}$/.test(diastolic.norm) && Number(t.norm) > Number(diastolic.norm)) {
      const pairUnits = unitsAfter(text, tokens, i + 2);
      const first = found.length;
      found.push(number(t, i, { approximate, bound, units: pairUnits, pairedWith: first + 1, outOf: null }));
      found.push(number(diastolic, i + 2, { approximate, bound, units: pairUnits, pairedWith: null, outOf: null }));
      skipUntil = Math.max(diastolic.end, pairUnits[0]?.end ?? -1);
      continue;
    }
    const n = { ...number(t, i, { approximate, bound, units, pairedWith: null, outOf: null }), ...decade(text, t), ...markerOf(tokens, at), ...qualifier };
    found.push(negative ? { ...n, start, value: -n.value } : n);
    skipUntil = units[0]?.end ?? -1;
  }
  return found;
}

// Words before a number that say how it relates to the value: they are part of what is checked.
const QUALIFIER_WORDS = new Set(['about', 'approximately', 'approx', 'around', 'roughly', 'nearly', 'almost', 'circa', 'ca', 'some', 'approximate', 'estimated', 'just', 'slightly', 'a', 'hair', 'little', 'bit', 'over', 'under', 'above', 'below', 'more', 'less', 'greater', 'lower', 'higher', 'than', 'close', 'to', 'in', 'the', 'high', 'mid', 'low', 'upper', 'middle', 'of', 'region', 'order', 'barely', 'marginally', '~', '≈', '∼', '<', '>', '≤', '≥', '.', '-']);
const NEAR_WORDS = new Set(['just', 'slightly', 'hair', 'little', 'bit', 'barely', 'marginally']);

/** Where the qualifying words before token i begin, and whether they say "just" over or under. */
function qualifierOf(tokens: readonly Token[], i: number): { qualifierStart: number; near: boolean } | Record<string, never> {
  let j = i;
  let near = false;
  // "a high of 124", "a low of 3.1": the highest or lowest value, said of the number (a claim of its own, not a qualifier).
  if (tokens[i - 1]?.norm === 'of' && ['high', 'low'].includes(tokens[i - 2]?.norm ?? '') && tokens[i - 3]?.norm === 'a') return {};
  // "Ca 9.5" is a calcium; "ca. 9.5" and "c. 36" are circa.
  const circaOnly = (k: number) => (tokens[k]!.norm === 'ca' || tokens[k]!.norm === 'c') && tokens[k + 1]?.text !== '.';
  while (j > 0 && QUALIFIER_WORDS.has(tokens[j - 1]!.norm) && !circaOnly(j - 1) && i - j < 5) {
    j -= 1;
    if (NEAR_WORDS.has(tokens[j]!.norm)) near = true;
  }
  // "to" and "the" alone are not qualifiers ("rose to 87", "the 87").
  while (j < i && ['to', 'the', 'of', 'in', 'a', '.', '-'].includes(tokens[j]!.norm)) j += 1;
  return j < i ? { qualifierStart: tokens[j]!.start, near } : {};
}

/** "in the high 170s", "mid-180s", "the 140s": a decade and which part of it. */
function decade(text: string, t: Token): { within: [number, number]; end: number } | Record<string, never> {
  if (!/^\d{1,2}0$/.test(t.norm) || text[t.end] !== 's') return {};
  const base = Number(t.norm);
  const before = text.slice(Math.max(0, t.start - 7), t.start).toLowerCase();
  const part = /(low|lower)[-\s]*$/.test(before) ? [0, 3] : /(mid|middle)[-\s]*$/.test(before) ? [3, 7] : /(high|upper)[-\s]*$/.test(before) ? [7, 9.99] : [0, 9.99];
  return { within: [base + part[0]!, base + part[1]!], end: t.end + 1 };
}

const CHANGE_VERBS = new Set(['lost', 'gained', 'decreased', 'increased', 'rose', 'fell', 'dropped', 'declined', 'climbed', 'jumped']);

/** "from 137" starts a change and "to 87" ends it, whatever the order they are written in; "by 20" is its size. */
function markerOf(tokens: readonly Token[], i: number): { marker: 'from' | 'to' | 'by' } | Record<string, never> {
  let j = i - 1;
  while (j >= 0 && (APPROXIMATE.has(tokens[j]!.norm) || tokens[j]!.text === '~')) j -= 1;
  const word = tokens[j]?.norm;
  if (word === 'from') return { marker: 'from' };
  if (word === 'to' || word === 'reaching' || word === 'reached' || word === 'now') return { marker: 'to' };
  // "decreased 35 mg/dL (from 189.6 to 155)": a number right after a verb of change is its size ("fell to 155" is not).
  if (word === 'by' || (word !== undefined && CHANGE_VERBS.has(word))) return { marker: 'by' };
  return {};
}

/** "-0.4" after a space, a colon or a bracket (a T-score), not "120-130" or "LDL-3". */
function isNegative(text: string, tokens: readonly Token[], i: number): boolean {
  const minus = tokens[i - 1];
  if (!minus || (minus.text !== '-' && minus.text !== '−') || minus.end !== tokens[i]!.start) return false;
  const before = text[minus.start - 1];
  return before === undefined || before === ' ' || before === '(' || before === ':' || before === '=';
}

/** "5 ft 11 in", "6 feet 0 inches": one height, in inches. */
function feetAndInches(text: string, tokens: readonly Token[], i: number, units: readonly UnitReading[]): { inches: number; end: number; unit: UnitReading } | null {
  const feet = units.find((u) => u.ucum === '[ft_i]');
  if (!feet) return null;
  const j = tokens.findIndex((x) => x.start >= feet.end);
  const inches = j >= 0 ? tokens[j] : undefined;
  if (!inches || inches.kind !== 'number' || text.slice(feet.end, inches.start).trim() !== '') return null;
  const inchUnit = unitsAfter(text, tokens, j).find((u) => u.ucum === '[in_i]');
  if (!inchUnit) return null;
  return { inches: Number(tokens[i]!.norm) * 12 + Number(inches.norm), end: inchUnit.end, unit: { start: feet.start, end: inchUnit.end, ucum: '[in_i]' } };
}

function number(t: Token, index: number, rest: Pick<ClaimNumber, 'approximate' | 'bound' | 'units' | 'pairedWith' | 'outOf'> & { end?: number }): ClaimNumber {
  const digits = t.norm;
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  const trailingZeros = decimals === 0 ? (/0+$/.exec(digits)?.[0].length ?? 0) : 0;
  return {
    start: t.start,
    end: rest.end ?? t.end,
    value: Number(digits),
    decimals,
    trailingZeros: Math.min(trailingZeros, digits.length - 1),
    approximate: rest.approximate,
    bound: rest.bound,
    units: rest.units,
    pairedWith: rest.pairedWith,
    outOf: rest.outOf,
    token: index,
  };
}

function looksLikeRange(tokens: readonly Token[], i: number): boolean {
  // "120-130" is a range of values; "4548-4" is a code. A range's second number is not shorter by 2+ digits.
  const a = tokens[i]!.norm;
  const b = tokens[i + 2]!.norm;
  return b.replace('.', '').length >= a.replace('.', '').length - 1 && Number(b) > Number(a);
}

function isApproximate(tokens: readonly Token[], i: number): boolean {
  let prev = tokens[i - 1];
  let at = i - 1;
  if (prev?.text === '.' && (tokens[i - 2]?.norm === 'approx' || tokens[i - 2]?.norm === 'ca')) return true;
  if (prev?.text === '=' || prev?.text === ':') prev = tokens[(at -= 1)];
  if (!prev) return false;
  if (APPROXIMATE_SYMBOLS.has(prev.text)) return true;
  if (prev.kind === 'word' && APPROXIMATE.has(prev.norm)) return true;
  const two = `${tokens[at - 1]?.norm ?? ''} ${prev.norm}`;
  return two === 'just over' || two === 'just under' || two === 'close to' || two === 'region of' || two === 'order of';
}

function boundBefore(tokens: readonly Token[], i: number): 'above' | 'below' | null {
  // "below the 6.5 %", "above the 4.0 cut-off"
  if (tokens[i - 1]?.norm === 'the' && tokens[i - 2] && (ABOVE.has(tokens[i - 2]!.norm) || BELOW.has(tokens[i - 2]!.norm))) return boundBefore(tokens, i - 1);
  const prev = tokens[i - 1];
  if (!prev) return null;
  // "->" and "=>" are arrows from one value to the next, not bounds.
  if ((prev.text === '>' || prev.text === '<') && ['-', '=', '<', '>'].includes(tokens[i - 2]?.text ?? '') && tokens[i - 2]!.end === prev.start) return null;
  if (ABOVE.has(prev.norm)) return 'above';
  if (BELOW.has(prev.norm)) return 'below';
  const two = `${tokens[i - 2]?.norm ?? ''} ${prev.norm}`;
  if (two === 'more than' || two === 'greater than' || two === 'higher than' || two === 'hair over' || two === 'bit over' || two === 'little over') return 'above';
  if (two === 'hair under' || two === 'bit under' || two === 'little under') return 'below';
  if (two === 'less than' || two === 'lower than' || two === 'fewer than') return 'below';
  return null;
}

const IN_BEFORE_TIME = /^\s+(?:(?:19|20)\d\d\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the\b|early|mid|late|spring|summer|autumn|fall|winter)/i;

/**
 * The units that could follow token i: every prefix of the next few tokens
 * (without crossing a comma, a semicolon or a second space) that reads as a unit; ten tokens hold
 * "mL/min/{1.73_m2}".
 */
export function unitsAfter(text: string, tokens: readonly Token[], i: number): UnitReading[] {
  const readings: UnitReading[] = [];
  const from = tokens[i]!.end;
  let spaces = 0;
  for (let j = i + 1; j < Math.min(tokens.length, i + 11); j += 1) {
    const t = tokens[j]!;
    const gap = text.slice(tokens[j - 1]!.end, t.start);
    if (gap.length > 1 || (gap.length === 1 && gap !== ' ')) break;
    if (gap === ' ') spaces += 1;
    if (spaces > 2) break;
    if (t.text === ',' || t.text === ';' || t.text === '(' || t.text === ')') break;
    if (t.kind === 'punct' && t.text === '.' && j === i + 1) break;
    const written = text.slice(from, t.end).trim();
    // "127 in February 2012", "88 in 2019": "in" before a time is the preposition, not inches.
    if (written.toLowerCase() === 'in' && IN_BEFORE_TIME.test(text.slice(t.end, t.end + 12))) continue;
    const ucum = toUcum(written);
    if (ucum) readings.push({ start: text.indexOf(written, from), end: t.end, ucum });
  }
  return readings.sort((a, b) => b.end - a.end);
}
