import { analyteById, type Analyte } from '../../clinical/analytes';
import { categoryNames } from '../../clinical/interpretation-ranges';
import { convert, toUcum } from '../../clinical/units';
import type { MeasureAssertion, Mention, TriggerHit } from './claim-parse';
import type { ClaimNumber, UnitReading } from './claim-quantities';
import { foldPhrase, foldWord, type Span, type Token } from './claim-text';

/** What each number of a claim measures: its owner, its unit, and numbers that are thresholds or units, not values. */

export const THRESHOLD_WORDS = new Set(['cut', 'cutoff', 'cut-off', 'threshold', 'criteria', 'criterion', 'range', 'category', 'definition', 'target', 'goal']);

// Units that name what a number measures when nothing else does ("Febrile at 39.2 °C", "the reading of 114/87 mm Hg").
export const UNIT_ANALYTES: Record<string, string> = { 'mm[Hg]': 'blood-pressure', Cel: 'temperature', '[degF]': 'temperature', 'kg/m2': 'bmi', 'mL/min/{1.73_m2}': 'egfr' };

/** A measurement the number's unit implies, created on the fly, or null. */

export function impliedByUnit(n: ClaimNumber, all: readonly ClaimNumber[], measures: Map<Mention, MeasureAssertion>, sentenceOf: readonly number[], mentions: Mention[], triggers: readonly TriggerHit[], text: string): Mention | null {
  const first = all.find((x) => x.pairedWith !== null && all[x.pairedWith] === n);
  if (first) return [...measures.keys()].find((m) => m.first === first.token) ?? null;
  // "136/79 on 3/3/2021: stage 1 hypertension range": a pair said of a pressure category is a pressure.
  const pressureWords = n.pairedWith !== null && triggers.some((t) => sentenceOf[t.first] === sentenceOf[n.token] && t.kinds.has('category') && /hypertens|\bhtn\b|blood pressure|\bbp\b|normotens|elevated/i.test(text.slice(t.start, t.end)));
  // "Lost about 9.5 kg": a person who loses or gains kilograms loses or gains body weight.
  const weightChange = n.marker === 'by' && n.units.some((u) => u.ucum === 'kg' || u.ucum === '[lb_av]') ? 'weight' : undefined;
  const id = pressureWords ? 'blood-pressure' : (weightChange ?? n.units.map((u) => UNIT_ANALYTES[u.ucum]).find((x) => x !== undefined));
  if (!id || (id === 'blood-pressure' && n.pairedWith === null)) return null;
  const existing = [...measures.values()].find((m) => m.analyte.id === id && sentenceOf[m.mention.first] === sentenceOf[n.token]);
  if (existing) return existing.mention;
  const analyte = analyteById(id);
  const mention: Mention = { start: n.start, end: n.end, first: n.token, last: n.token, concepts: [{ type: 'analyte', analyte }] };
  measures.set(mention, { type: 'measure', analyte, mention, points: [], latest: null, first: null, trend: null, interpretation: null, period: null });
  mentions.push(mention);
  mentions.sort((a, b) => a.first - b.first);
  return mention;
}

/** "(120-129/<80)", "(>= 140)": a parenthesis that states bounds, not values of the patient. */

export function thresholdSpan(n: ClaimNumber, text: string): Span | null {
  const open = text.lastIndexOf('(', n.start);
  const close = text.indexOf(')', n.end);
  if (open < 0 || close < 0 || text.slice(open, n.start).includes(')')) return null;
  const inside = text.slice(open + 1, close);
  return /[<>≤≥]|\d\s*[-–]\s*\d/.test(inside) && !/\d{4}-\d{2}/.test(inside) ? { start: open, end: close + 1 } : null;
}

/** "the 130/80 target", "the 6.5 % cut-off": a bound the claim compares with, not a value of the patient. */

export function beforeThresholdWord(n: ClaimNumber, tokens: readonly Token[], numbers: readonly ClaimNumber[]): boolean {
  const last = n.pairedWith !== null ? numbers[n.pairedWith]! : n;
  const after = tokens.findIndex((t) => t.start >= Math.max(last.end, last.units[0]?.end ?? last.end));
  const words = tokens.slice(after, after + 3).filter((t) => t.kind === 'word').map((t) => t.norm);
  const isThreshold = (w: string | undefined) => w !== undefined && THRESHOLD_WORDS.has(w) && w !== 'range' && w !== 'category';
  if (isThreshold(words[0]) || (words[0] !== undefined && ['diabetes', 'diagnostic', 'treatment', 'bp', 'blood'].includes(words[0]) && isThreshold(words[1]))) return true;
  const second = numbers.find((x) => x.pairedWith !== null && numbers[x.pairedWith] === n);
  return second ? beforeThresholdWord(second, tokens, numbers) : false;
}

export function inThreshold(n: ClaimNumber, text: string): boolean {
  return thresholdSpan(n, text) !== null;
}

export function coverNumber(n: ClaimNumber, unit: UnitReading | null, tokens: readonly Token[], cover: (a: number, b: number) => void): void {
  const start = Math.min(n.start, n.qualifierStart ?? n.start);
  const end = Math.max(n.end, unit?.end ?? n.end);
  tokens.forEach((t, i) => t.start >= start && t.end <= end && cover(i, i));
}

/**
 * "(x10^3/uL)", "(mL/min/1.73m2)", ", mmHg.": a unit written apart from its
 * numbers. Its span is masked from the numbers and covered as a unit.
 */
export function unitSpans(text: string): UnitReading[] {
  const spans: UnitReading[] = [];
  // Also "8.5 (2013) -> 6.6 (Mar 2019) K/uL.": a unit closing the sentence after a date in brackets.
  const re = /\(([^()]{1,24})\)|,\s*([^\s,;()][^,;()]{0,20}?)\s*(?=[.;]?\s*$)|(?<=\)\s+)([^\s,;()][^,;()\s]{0,20}?)\s*(?=[.;]?\s*$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = (m[1] ?? m[2] ?? m[3])!.trim();
    const ucum = /^\d/.test(inner) ? null : toUcum(inner);
    if (ucum) spans.push({ start: m.index, end: m.index + m[0].length, ucum });
  }
  return spans;
}

/** The unit written apart after a number without one ("6.6 (Mar 2019) K/uL"): it is that number's unit, and checked as such. */
export function spanUnitOf(n: ClaimNumber, spans: readonly UnitReading[], text: string): UnitReading | null {
  if (n.units.length > 0) return null;
  const span = spans.find((u) => u.start >= n.end);
  return span && !/[;!?]|\.\s/.test(text.slice(n.end, span.start)) ? span : null;
}

export function ownerOf(n: ClaimNumber, mentions: readonly Mention[], sentenceOf: readonly number[], tokens: readonly Token[]): Mention | null {
  const sentence = sentenceOf[n.token];
  // "above 180 systolic": a value whose analyte follows it directly.
  const endToken = tokens.findIndex((t) => t.start >= Math.max(n.end, n.units[0]?.end ?? n.end));
  const right = mentions.find((m) => m.first === endToken && m.concepts[0]!.type === 'analyte' && n.pairedWith === null);
  if (right && n.bound) return right;
  let owner: Mention | null = null;
  for (const m of mentions) {
    if (m.last >= n.token || sentenceOf[m.first] !== sentence) continue;
    const c = m.concepts[0]!;
    // "HbA1c 6.4 %, prediabetic, just below the 6.5 %": a category named between a value and its bound does not take it.
    if ((c.type === 'condition' || c.type === 'record') && owner?.concepts[0]!.type === 'analyte' && isCategoryName(tokens, m)) continue;
    if (c.type === 'analyte' || c.type === 'drug' || c.type === 'drug-class' || c.type === 'condition' || c.type === 'record') owner = m;
  }
  const type = owner?.concepts[0]!.type;
  if (owner && (type === 'analyte' || type === 'drug' || type === 'drug-class')) return owner;
  if (owner) return null;
  // "7.2 % HbA1c", "a little over 200 K/uL for the platelet count": a number before its analyte, with nothing but its
  // unit and a few small words between.
  const start = endToken >= 0 ? endToken : n.token + 1;
  const after = mentions.find((m) => m.first >= start && m.first <= start + 3 && sentenceOf[m.first] === sentence && m.concepts[0]!.type === 'analyte');
  if (after && tokens.slice(start, after.first).every((t) => t.kind === 'word' && ['for', 'the', 'of', 'a', 'an', 'was', 'is', 'as'].includes(t.norm))) return after;
  // "a 22 percent drop in TG", "a 10 % rise in LDL": a change in percent, then the analyte it changed.
  const changeOf = mentions.find((m) => m.first >= start + 2 && m.first <= start + 4 && sentenceOf[m.first] === sentence && m.concepts[0]!.type === 'analyte');
  const between = changeOf ? tokens.slice(start, changeOf.first).map((t) => t.norm) : [];
  if (changeOf && n.units[0]?.ucum === '%' && CHANGE_NOUNS.has(between[0]!) && ['in', 'of'].includes(between[1]!) && between.slice(2).every((w) => ['the', 'his', 'her', 'their'].includes(w))) return changeOf;
  return null;
}

// Nouns of a change that a percentage before them measures ("a 22 % drop in").
const CHANGE_NOUNS = new Set(['drop', 'fall', 'decline', 'decrease', 'reduction', 'rise', 'increase', 'gain', 'loss', 'jump', 'improvement', 'change'].map(foldWord));

const PRESSURES = new Set(['blood-pressure', 'systolic', 'diastolic']);

/** "Hgb/Hct 14.6/37.2", "TC/TG 170/144": two analytes joined by a slash, then their two values in that order. */
export function slashPairOwner(n: ClaimNumber, numbers: readonly ClaimNumber[], mentions: readonly Mention[], tokens: readonly Token[]): Mention | null {
  const first = n.pairedWith !== null ? n : numbers.find((x) => x.pairedWith !== null && numbers[x.pairedWith] === n);
  if (!first) return null;
  let j = first.token - 1;
  while (j >= 0 && [':', '='].includes(tokens[j]!.text)) j -= 1;
  const second = mentions.find((m) => m.last === j);
  const one = second && tokens[second.first - 1]?.text === '/' ? mentions.find((m) => m.last === second.first - 2) : undefined;
  const analyteOf = (m: Mention | undefined) => (m?.concepts[0]?.type === 'analyte' ? m.concepts[0].analyte : null);
  const [a, b] = [analyteOf(one), analyteOf(second)];
  if (!a || !b || a.id === b.id || PRESSURES.has(a.id) || PRESSURES.has(b.id)) return null;
  return first === n ? one! : second!;
}

export function isCategoryName(tokens: readonly Token[], m: Mention): boolean {
  const phrase = tokens.slice(m.first, m.last + 1).map((t) => t.norm).join(' ');
  return categoryNames().some((name) => foldPhrase(name).join(' ') === phrase);
}

/** Systolic and diastolic of "BP 120/80", each its own component. */

export function componentOf(analyte: Analyte, n: ClaimNumber, all: readonly ClaimNumber[]): Analyte {
  if (analyte.id !== 'blood-pressure') return analyte;
  if (n.pairedWith !== null) return analyteById('systolic');
  const firstOfPair = all.find((x) => x.pairedWith !== null && all[x.pairedWith] === n);
  return firstOfPair ? analyteById('diastolic') : analyte;
}

// Unit words that are also ordinary words or other units: kept only when they fit the analyte.
export const AMBIGUOUS_UNITS = new Set(['[in_i]', '[ft_i]']);

/** The unit reading that fits the analyte: the longest that converts to its recorded unit. */

export function pickUnit(n: ClaimNumber, analyte: Analyte): UnitReading | null {
  for (const reading of n.units) {
    if (!analyte.ucum) return reading;
    if (convert(1, analyte.ucum, reading.ucum, analyte.molarMass) !== null) return reading;
  }
  const first = n.units[0];
  return first && !AMBIGUOUS_UNITS.has(first.ucum) ? first : null;
}
