import type { EntityAssertion, MeasureAssertion, Mention, Point, TriggerHit } from './claim-parse';
import type { ClaimDate } from './claim-dates';
import type { UnitReading } from './claim-quantities';
import { overlaps, type Span, type Token } from './claim-text';

/** Which value, condition or drug each date of a claim dates. */

// Words that may stand between a number and the date it was taken on.
export const DATE_GLUE = new Set(['on', 'in', 'at', 'of', 'dated', 'during', '(', ',', 'as', 'recorded', 'measured', 'taken', 'checked', 'obtained', 'drawn', 'when', 'it', 'was', 'the', 'visit', '-', '–', ':', 'by', 'around']);

/**
 * Dates to what they date: right after a value, that value ("131 mmHg in
 * 2020"); before the values of a sentence ("On 2020-08-21, BP 120/80"), or
 * after them ("Hb 15.5, Plt 297 (12 Feb 1979)"), each undated value; after
 * "since", "from", "between" or "until", the period of a change or the start
 * or end of the nearest condition or drug; otherwise the nearest condition,
 * drug or visit of the sentence. Returns the dates nothing took.
 */
export function assignDates(
  dates: readonly ClaimDate[],
  tokens: readonly Token[],
  sentenceOf: readonly number[],
  triggers: readonly TriggerHit[],
  points: readonly Point[],
  measures: ReadonlyMap<Mention, MeasureAssertion>,
  entities: ReadonlyMap<Mention, EntityAssertion>,
): ClaimDate[] {
  const loose: ClaimDate[] = [];
  const firstTokenOf = (d: ClaimDate) => tokens.findIndex((t) => overlaps(t, d));
  const sorted = [...points].sort((a, b) => a.number.start - b.number.start);
  const consumed = new Set<ClaimDate>();
  const roles = new Map<ClaimDate, 'start' | 'end' | null>();
  let betweenOpen = false;
  for (const date of dates) {
    const first = firstTokenOf(date);
    const role = periodRole(tokens, first, triggers, betweenOpen);
    betweenOpen = role === 'start' && /between/i.test(tokens[first - 1]?.norm ?? '');
    roles.set(date, role);
  }
  // First the dates written right after a value ("89 on 8/23/82"), so that a date earlier in the sentence
  // ("in late 1982: eGFR 89 on 8/23/82") does not take values that have their own.
  for (const [index, date] of dates.entries()) {
    const first = firstTokenOf(date);
    const inSentence = sorted.filter((p) => sentenceOf[p.number.token] === sentenceOf[first]);
    const undated = inSentence.filter((p) => p.number.end <= date.start && p.date === null);
    const next = dates[index + 1];
    // "15.2 -> 13.7 g/dL, 3/2015 to 3/2021": a range of dates after the values is theirs in order, below.
    if (undated.length > 1 && next && (roles.get(next) === 'end' || dashJoined(tokens, date, next)) && sentenceOf[firstTokenOf(next)] === sentenceOf[first]) continue;
    const before = undated.pop();
    // "TC: 2014 164, 2020 184": a date followed by its value is that value's, not the one before it.
    const last = tokens.findIndex((t) => t.start >= date.end);
    const valueFollows = last >= 0 && tokens[last]!.kind === 'number' && inSentence.some((p) => p.number.token === last);
    // "1978 TG 138, 1971 TG 106.6": a date before an analyte and its value is that value's, not the one before it.
    const headed = last >= 0 ? [...measures.keys()].find((m) => m.first === last) : undefined;
    const headsValue = headed !== undefined && inSentence.some((p) => p.number.token > headed.last && p.number.token <= headed.last + 2 && tokens.slice(headed.last + 1, p.number.token).every((t) => [':', '='].includes(t.text)));
    if (!valueFollows && !headsValue && roles.get(date) === null && before && before === inSentence.filter((p) => p.number.end <= date.start).pop() && onlyGlue(tokens, before.number.token + 1, first, before.unit)) {
      before.date = date;
      // "179/111 on 8/14/2013": the date is the whole pressure's.
      const firstOfPair = inSentence.find((p) => p.number.pairedWith !== null && p.date === null && p.number.end <= before.number.start && before.number.start - p.number.end <= 2);
      if (firstOfPair) firstOfPair.date = date;
      consumed.add(date);
    }
  }
  for (const [index, date] of dates.entries()) {
    if (consumed.has(date)) continue;
    const first = firstTokenOf(date);
    const sentence = sentenceOf[first];
    const inSentence = sorted.filter((p) => sentenceOf[p.number.token] === sentence);
    const role = roles.get(date) ?? null;
    const undatedFirst = inSentence.filter((p) => p.number.end <= date.start && p.date === null);
    // "(2020-04-01 -> 30/12/2020): 62 vs 74 cm": two dates joined by an arrow, then their two values in order.
    const nextDate = dates[index + 1];
    if (nextDate && arrowJoined(tokens, date, nextDate) && !inSentence.some((p) => p.number.end <= date.start && p.date === null)) {
      const after = inSentence.filter((p) => p.number.start >= nextDate.end && p.date === null);
      if (after.length === 2) {
        after[0]!.date = date;
        after[1]!.date = nextDate;
        consumed.add(nextDate);
        continue;
      }
    }
    const rangeAfter = dates[index + 1] && (roles.get(dates[index + 1]!) === 'end' || dashJoined(tokens, date, dates[index + 1]!)) && undatedFirst.length === 2;
    if (rangeAfter) {
      undatedFirst[0]!.date = date;
      undatedFirst[1]!.date = dates[index + 1]!;
      consumed.add(dates[index + 1]!);
      continue;
    }
    if (role === null) {
      const nextDate = dates.slice(index + 1).find((d) => sentenceOf[firstTokenOf(d)] === sentence);
      const following = inSentence.filter((p) => p.number.start > date.end && p.date === null && (!nextDate || p.number.end < nextDate.start));
      const leading = following.length > 0 && !inSentence.some((p) => p.number.end <= date.start && p.date === null);
      if (leading) {
        for (const p of following) p.date = date;
        continue;
      }
      const undatedBefore = inSentence.filter((p) => p.number.end <= date.start && p.date === null);
      // "14.7 -> 38.4 kg (July 2011 to August 2020)": as many dates as values, in order.
      const laterDates = dates.slice(index + 1).filter((d) => sentenceOf[firstTokenOf(d)] === sentence && !inSentence.some((p) => p.number.start > date.end && p.number.end <= d.start));
      if (undatedBefore.length > 1 && laterDates.length === undatedBefore.length - 1) {
        undatedBefore.forEach((p, k) => (p.date = k === 0 ? date : laterDates[k - 1]!));
        for (const d of laterDates) consumed.add(d);
        continue;
      }
      if (undatedBefore.length > 0) {
        for (const p of undatedBefore) p.date = date;
        continue;
      }
    }
    const target = nearestMention(tokens, first, sentence, sentenceOf, measures, entities, date.anchor);
    const entity = target ? entities.get(target) : undefined;
    const measure = target ? measures.get(target) : undefined;
    if (entity && entity.concept.type !== 'no-allergy') {
      entity.dates.push({ date, role: role ?? 'any' });
      continue;
    }
    if (measure) {
      const period = measure.period ?? { from: '0000-01-01', to: '9999-12-31', spans: [] };
      // "since May 2015 (as of Feb '21)": a second start after the first one closes the period.
      const closes = role === 'start' && period.from !== '0000-01-01' && period.to === '9999-12-31' && date.from > period.from;
      if (role === 'end' || closes) measure.period = { ...period, to: date.to, spans: [...period.spans, date], explicit: true };
      else if (role === 'start') measure.period = { ...period, from: date.from, spans: [...period.spans, date], explicit: true };
      // A second date widens the period ("since 2012 (checked again 5 Dec 2020)"); a first one is the period.
      else if (measure.period) measure.period = { from: period.from < date.from ? period.from : date.from, to: period.to > date.to && period.to !== '9999-12-31' ? period.to : date.to, spans: [...period.spans, date] };
      else measure.period = { from: date.from, to: date.to, spans: [date] };
      continue;
    }
    loose.push(date);
  }
  return loose;
}

// Words that join a date to what it dates ("the visit on 2019-03-01") add no distance.
export const DATE_PREPOSITIONS = new Set(['on', 'in', 'at', 'of', 'dated', 'from', 'since']);

export function wordsBetween(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) if (tokens[i]!.kind === 'word' && !DATE_PREPOSITIONS.has(tokens[i]!.norm)) n += 1;
  return n;
}

export function nearestMention(tokens: readonly Token[], first: number, sentence: number | undefined, sentenceOf: readonly number[], measures: ReadonlyMap<Mention, MeasureAssertion>, entities: ReadonlyMap<Mention, EntityAssertion>, anchor?: Span): Mention | null {
  let best: Mention | null = null;
  let bestDistance = Infinity;
  // "7 days before the 6th December 2018 visit, paracetamol ...": the visit is the anchor's event, not what the offset dates.
  const anchorEnd = anchor ? tokens.findIndex((t) => t.start >= anchor.end) : -1;
  for (const m of [...measures.keys(), ...entities.keys()]) {
    if (sentenceOf[m.first] !== sentence) continue;
    if (anchor && m.first > first && (m.start < anchor.start || (anchorEnd >= 0 && m.first <= anchorEnd))) continue;
    const c = m.concepts[0]!;
    if (c.type === 'allergy-word' || c.type === 'no-allergy') continue;
    // A date dates what it follows more often than what it precedes ("HCTZ started in 2014" vs "In 2014, HCTZ"),
    // and not what a "for" clause after it names ("started on 2019-05-02 for diabetes").
    if (m.first > first && tokens.slice(first, m.first).some((t) => t.norm === 'for' || t.norm === 'because')) continue;
    const distance = m.last < first ? wordsBetween(tokens, m.last + 1, first) : wordsBetween(tokens, first, m.first) * 1.5 + 0.5;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}

export function onlyGlue(tokens: readonly Token[], from: number, to: number, unit: UnitReading | null): boolean {
  for (let i = from; i < to; i += 1) {
    const t = tokens[i]!;
    if (unit && t.start >= unit.start && t.end <= unit.end) continue;
    if (!DATE_GLUE.has(t.norm)) return false;
  }
  return to - from <= 6;
}

// Nouns of a record or a visit: "from" after them dates it ("the note from 2019") rather than opening a period.
const RECORD_NOUNS = new Set(['labs', 'lab', 'bloods', 'results', 'result', 'panel', 'reading', 'readings', 'values', 'value', 'vitals', 'visit', 'note', 'notes', 'encounter', 'tests', 'test', 'report', 'measurement', 'measurements', 'chemistry', 'cbc', 'bmp', 'cmp', 'lipids', 'check', 'draw']);

export function periodRole(tokens: readonly Token[], firstToken: number, triggers: readonly TriggerHit[], betweenOpen: boolean): 'start' | 'end' | null {
  const previous = tokens[firstToken - 1]?.norm;
  if (previous === 'between') return 'start';
  if (previous === 'and' && betweenOpen) return 'end';
  const hit = triggers.find((t) => t.last === firstToken - 1 || (t.last === firstToken - 2 && ['the', 'on', 'in'].includes(tokens[firstToken - 1]?.norm ?? '')));
  if (!hit) return null;
  // "Labs from 07/01/2020", "BP reading from 2019": the date of a record, not the start of a period.
  if (hit.first === hit.last && tokens[hit.first]?.norm === 'from' && RECORD_NOUNS.has(tokens[hit.first - 1]?.norm ?? '')) return null;
  if (hit.kinds.has('period-start') || hit.kinds.has('started') || hit.kinds.has('diagnosed')) return 'start';
  if (hit.kinds.has('period-end') || hit.kinds.has('stopped') || hit.kinds.has('resolved')) return 'end';
  return null;
}

/** "2020–2015": two dates joined by a dash, a range written in the order of the values before it. */
function dashJoined(tokens: readonly Token[], a: ClaimDate, b: ClaimDate): boolean {
  const between = tokensBetween(tokens, a, b);
  return between.length === 1 && (between[0] === '-' || between[0] === '–');
}

/** "2015-03-12 -> 2018-03-15", "March 2015 to March 2018": two dates joined as a from-to. */
function arrowJoined(tokens: readonly Token[], a: ClaimDate, b: ClaimDate): boolean {
  const between = tokensBetween(tokens, a, b);
  return between.length > 0 && between.length <= 2 && between.every((w) => ['-', '>', '→', '–', '—', 'to', '=>'].includes(w));
}

function tokensBetween(tokens: readonly Token[], a: ClaimDate, b: ClaimDate): string[] {
  return tokens.filter((t) => t.start >= a.end && t.end <= b.start).map((t) => t.norm);
}
