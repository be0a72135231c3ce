import type { Analyte } from '../../clinical/analytes';
import type { ChartIndex } from './chart-index';
import { datesIn, type ClaimDate, type DateOrder } from './claim-dates';
import { numbersIn, type ClaimNumber, type UnitReading } from './claim-quantities';
import { overlaps, tokenize, type Span, type Token } from './claim-text';
import type { TriggerKind } from './context-triggers';
import { FRAMING_WORDS } from './framing-words';
import { frequenciesIn, type Frequency } from './dose-frequency';
import type { Concept } from './lexicon';
import { assignDates } from './parse-dates';
import { findMentions, findTriggers, sentences } from './parse-mentions';
import { beforeThresholdWord, componentOf, coverNumber, impliedByUnit, inThreshold, ownerOf, pickUnit, slashPairOwner, spanUnitOf, THRESHOLD_WORDS, thresholdSpan, unitSpans } from './parse-numbers';
import { answeredNo, categoriesNamedAsConditions, closer, INVERTIBLE, interpretationOf, negationScope, nearestEntity, nearestMeasure, opposite, outranks, statusApplies } from './parse-qualifiers';

/**
 * A claim parsed into assertions: each number bound to what it measures,
 * its unit and its date; each condition, drug, allergy or smoking status with
 * its polarity (negated, possible) and status (current, historical, stopped,
 * resolved); the direction, "latest" and interpretation words bound to the
 * measurement they qualify. What the parser binds is checked by meaning
 * (verify-*.ts); what it cannot bind is left for the word-level check or
 * flagged as not checked, never dropped.
 */
export interface Mention extends Span {
  readonly first: number;
  readonly last: number;
  readonly concepts: readonly Concept[];
  /** Also a category of the analyte it names ("reduced ejection fraction", "normal blood pressure"). */
  readonly categoryToo?: boolean;
}

export interface TriggerHit extends Span {
  readonly first: number;
  readonly last: number;
  readonly kinds: ReadonlySet<TriggerKind>;
}

export interface Point {
  readonly number: ClaimNumber;
  readonly unit: UnitReading | null;
  date: ClaimDate | null;
  /** What the number measures; for "BP 120/80" the systolic and diastolic components. */
  readonly analyte: Analyte;
}

export interface Strength {
  readonly number: ClaimNumber;
  readonly unit: UnitReading | null;
}

export type TrendKind = 'up' | 'down' | 'stable' | 'improved' | 'worsened';
export type InterpretationKind = 'normal' | 'high' | 'low' | 'abnormal' | 'category';

export interface MeasureAssertion {
  readonly type: 'measure';
  readonly analyte: Analyte;
  readonly mention: Mention;
  readonly points: Point[];
  latest: TriggerHit | null;
  first: TriggerHit | null;
  /** "peaked at", "lowest": the value is the patient's highest or lowest of the analyte (in the period, else ever). */
  extreme?: { kind: 'max' | 'min'; hit: TriggerHit };
  /** "rose at every visit": each result beyond the one before, not only the last beyond the first. */
  monotonic?: TriggerHit;
  trend: { kind: TrendKind; hit: TriggerHit } | null;
  /** "normal", "elevated", "stage 2 hypertension range"; negated: "not anemic". */
  interpretation: { kind: InterpretationKind; hit: TriggerHit; negated: boolean } | null;
  /** explicit: bounded by "from", "since", "between", "until"; else only the dates the claim names. */
  period: { from: string; to: string; spans: ClaimDate[]; explicit?: boolean } | null;
  /** "No HbA1c on record", "lipids never checked": the analyte was never measured. */
  negated?: TriggerHit;
  /** "reference range 4-5.6 %": the range the claim says the record gives. */
  range?: { low: ClaimNumber; high: ClaimNumber };
}

export type EntityConcept = Exclude<Concept, { type: 'analyte' }>;
export type EntityStatus = 'current' | 'historical' | 'stopped' | 'resolved' | 'started';

export interface EntityAssertion {
  readonly type: 'entity';
  readonly mention: Mention;
  readonly concept: EntityConcept;
  negated: TriggerHit | null;
  possible: TriggerHit | null;
  status: { kind: EntityStatus; hit: TriggerHit } | null;
  latest: TriggerHit | null;
  readonly strengths: Strength[];
  readonly dates: Array<{ date: ClaimDate; role: 'start' | 'end' | 'any' }>;
  /** Words of a negation that narrow what it denies ("no knee surgery"): a record must hold them to contradict it. */
  modifiers?: string[];
  /** How often a drug is said to be taken ("twice daily", "PRN"). */
  readonly frequencies: Frequency[];
}

export interface CountAssertion extends Span {
  readonly type: 'count';
  readonly value: number;
}

export type Assertion = MeasureAssertion | EntityAssertion | CountAssertion;

export interface ParsedClaim {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly dates: readonly ClaimDate[];
  readonly numbers: readonly ClaimNumber[];
  readonly mentions: readonly Mention[];
  readonly triggers: readonly TriggerHit[];
  readonly assertions: readonly Assertion[];
  /** Numbers no assertion took, with the unit read for each. */
  readonly loose: readonly Strength[];
  /** Dates no assertion took. */
  readonly looseDates: readonly ClaimDate[];
  /** Tokens covered by something checked or by a trigger that was used. */
  readonly covered: ReadonlySet<number>;
  /** Triggers that qualify nothing the parser found. */
  readonly unattached: readonly TriggerHit[];
}

const COUNT_NOUNS = new Set(['visit', 'result', 'record', 'encounter', 'measurement', 'reading', 'admission', 'prescription', 'value', 'time']);

// "a year before", "two weeks after", "3 months later": a time relative to another event, which no record date states.
const RELATIVE_TIME = /\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\d+)\s+(?:day|week|month|year)s?\s+(?:before|after|earlier|later|prior|previously|beforehand|afterwards)\b/gi;
const HEDGES = new Set(['ballpark', 'roughly', 'approximately', 'approx', 'around', 'about', 'circa', 'ish']);
const TREND_MODIFIERS = new Set(['steadily', 'gradually', 'progressively', 'consistently', 'sharply', 'slowly', 'rapidly', 'markedly', 'slightly', 'modestly', 'significantly', 'substantially', 'dramatically', 'further', 'continued', 'continues', 'continuing', 'overall', 'again']);

// The last word of a note's heading ("Clinic note:", "Pre-visit summary:", "Med rec:").
const HEADING_NOUNS = new Set(['note', 'notes', 'summary', 'letter', 'review', 'handover', 'rec', 'reconciliation', 'update', 'entry', 'plan', 'assessment', 'wr', 'consult', 'results', 'round', 'message']);

/** The last token of a heading of at most four words before a colon at the start of a claim, or -1: it names the note, not a fact. */
function headingEnd(tokens: readonly Token[]): number {
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > 5 || !HEADING_NOUNS.has(tokens[colon - 1]!.norm)) return -1;
  return colon;
}

export function parseClaim(text: string, chart: ChartIndex, order: DateOrder = 'mdy'): ParsedClaim {
  const tokens = tokenize(text);
  const dates = datesIn(text, order);
  const units = unitSpans(text);
  const numbers = numbersIn(text, tokens, [...dates, ...units]);
  const inDate = (t: Token) => dates.some((d) => overlaps(d, t));
  const unitTokens = new Set<number>();
  const numberTokens = new Set(numbers.map((n) => n.token));
  for (const n of numbers) {
    const end = Math.max(n.end, n.units[0]?.end ?? n.end);
    tokens.forEach((t, i) => t.start >= n.start && t.end <= end && !numberTokens.has(i) && unitTokens.add(i));
  }
  // The words that qualify a number ("in the low 60s", "just under") belong to it, not to the claim's qualifiers.
  for (const n of numbers) if (n.qualifierStart !== undefined) tokens.forEach((t, i) => t.start >= n.qualifierStart! && t.end <= n.start && unitTokens.add(i));
  const inUnit = (t: Token, i: number) => unitTokens.has(i) || units.some((u) => overlaps(u, t));
  const heading = headingEnd(tokens);
  const mentions = findMentions(tokens, chart, (t, i) => i <= heading || inDate(t) || inUnit(t, i));
  const triggers = findTriggers(tokens, mentions, (t, i) => inDate(t) || inUnit(t, i));
  for (const m of text.matchAll(RELATIVE_TIME)) {
    // "Nine days before the March 9, 2021 check-up": counted from a date it names, a date (claim-dates.ts).
    if (dates.some((d) => d.start <= m.index! && d.end >= m.index! + m[0].length)) continue;
    const first = tokens.findIndex((t) => t.start >= m.index!);
    const last = tokens.findIndex((t) => t.end >= m.index! + m[0].length);
    triggers.push({ start: m.index!, end: m.index! + m[0].length, first, last, kinds: new Set(['relative-time']) });
  }
  triggers.sort((a, b) => a.first - b.first);
  const sentenceOf = sentences(tokens);
  const covered = new Set<number>();
  const cover = (first: number, last: number) => {
    for (let i = first; i <= last; i += 1) covered.add(i);
  };
  for (const m of mentions) cover(m.first, m.last);
  tokens.forEach((t, i) => (i <= heading || inDate(t) || units.some((u) => overlaps(u, t))) && covered.add(i));

  const counts: CountAssertion[] = [];
  const taken = new Set<ClaimNumber>();
  // Digits inside a name ("Pain severity - 0-10 verbal numeric rating", "24 HR Metformin ... 500 MG") are the name's.
  for (const n of numbers) if (mentions.some((m) => m.first <= n.token && n.token <= m.last)) taken.add(n);
  // Numbers that belong to a qualifier ("stage 2", "G3b") or restate a threshold ("(120-129/<80)").
  const inTrigger = (n: ClaimNumber) => triggers.some((t) => t.first <= n.token && n.token <= t.last);
  // A threshold the claim only names is context ("the 130/80 target"); one it compares with is checked ("below the 40 cut-off").
  const context = (n: ClaimNumber) => beforeThresholdWord(n, tokens, numbers) && n.bound === null && !(n.pairedWith === null && numbers.some((x) => x.pairedWith !== null && numbers[x.pairedWith] === n && x.bound !== null));
  for (const n of numbers) if (inTrigger(n) || inThreshold(n, text) || context(n)) taken.add(n);
  for (const n of numbers) if (context(n)) coverNumber(n, n.units[0] ?? null, tokens, cover);
  for (const n of numbers) if (inThreshold(n, text)) tokens.forEach((t, i) => overlaps(t, thresholdSpan(n, text)!) && covered.add(i));
  for (const n of numbers) {
    const next = tokens[n.token + 1];
    if (next && next.kind === 'word' && COUNT_NOUNS.has(next.norm) && n.decimals === 0 && n.units.length === 0 && n.value < 1000) {
      counts.push({ type: 'count', value: n.value, start: n.start, end: next.end });
      taken.add(n);
      cover(n.token, n.token + 1);
    }
  }

  const measures = new Map<Mention, MeasureAssertion>();
  const entities = new Map<Mention, EntityAssertion>();
  for (const m of mentions) {
    const concept = m.concepts[0]!;
    if (concept.type === 'analyte') measures.set(m, { type: 'measure', analyte: concept.analyte, mention: m, points: [], latest: null, first: null, trend: null, interpretation: null, period: null });
    else entities.set(m, { type: 'entity', mention: m, concept: concept as EntityConcept, negated: null, possible: null, status: null, latest: null, strengths: [], dates: [], frequencies: [] });
  }

  // "Ballpark height on 21 Feb 2020: 170 cm": a hedge earlier in the sentence hedges its values.
  const hedged = (n: ClaimNumber) => tokens.some((t, i) => i < n.token && sentenceOf[i] === sentenceOf[n.token] && (HEDGES.has(t.norm) || t.text === '~'));

  // Numbers to their owners: the nearest analyte or drug before them in the sentence.
  const loose: Strength[] = [];
  const points: Point[] = [];
  for (const n of numbers) {
    if (taken.has(n)) continue;
    const owner = slashPairOwner(n, numbers, mentions, tokens) ?? ownerOf(n, mentions, sentenceOf, tokens) ?? impliedByUnit(n, numbers, measures, sentenceOf, mentions, triggers, text);
    const measure = owner ? measures.get(owner) : undefined;
    const entity = owner ? entities.get(owner) : undefined;
    // "reference range 4–5.6 %": bounds of the record's range, not values of the patient.
    const rangeWord = [1, 2, 3].map((k) => tokens[n.token - k]).find((t) => t && ['range', 'interval', 'limits'].includes(t.norm));
    const upper = numbers.find((x) => x.token > n.token && x.token <= n.token + 2 && ['-', '–', 'to'].includes(tokens[n.token + 1]?.norm ?? ''));
    if (measure && rangeWord && upper) {
      measure.range = { low: n, high: upper };
      taken.add(upper);
      coverNumber(n, null, tokens, cover);
      coverNumber(upper, upper.units[0] ?? null, tokens, cover);
      cover(n.token, upper.token);
      continue;
    }
    if (measure && measure.analyte.kind === 'score' && n.pairedWith !== null) {
      // "MMSE 3/30": a score out of its scale's maximum.
      const point: Point = { number: { ...n, pairedWith: null, outOf: numbers[n.pairedWith]!.value, end: numbers[n.pairedWith]!.end }, unit: null, date: null, analyte: measure.analyte };
      measure.points.push(point);
      points.push(point);
      taken.add(numbers[n.pairedWith]!);
      coverNumber(point.number, null, tokens, cover);
    } else if (measure) {
      const analyte = componentOf(measure.analyte, n, numbers);
      const picked = pickUnit(n, analyte);
      const point: Point = { number: !n.approximate && hedged(n) ? { ...n, approximate: true } : n, unit: picked ?? spanUnitOf(n, units, text), date: null, analyte };
      measure.points.push(point);
      points.push(point);
      coverNumber(n, picked, tokens, cover);
    } else if (entity && (entity.concept.type === 'drug' || entity.concept.type === 'drug-class')) {
      const strength = { number: n, unit: n.units[0] ?? null };
      entity.strengths.push(strength);
      coverNumber(n, strength.unit, tokens, cover);
    } else loose.push({ number: n, unit: n.units[0] ?? null });
  }

  categoriesNamedAsConditions(tokens, sentenceOf, measures, entities);
  // "the 6.5 % diabetes cut-off", "WHO criteria for anaemia": a condition named as a threshold's, not asserted.
  for (const [mention, entity] of entities) {
    const next = mention.last + 1;
    const categoryNext = triggers.some((t) => t.first === next && t.kinds.has('category')) && [...measures.values()].some((m) => sentenceOf[m.mention.first] === sentenceOf[mention.first]);
    if ((entity.concept.type === 'condition' || entity.concept.type === 'record') && (THRESHOLD_WORDS.has(tokens[next]?.norm ?? '') || categoryNext)) entities.delete(mention);
  }
  // "at every visit", "at each check": a visit word that counts results, not a visit the claim asserts.
  for (const hit of triggers) {
    if (!hit.kinds.has('monotonic')) continue;
    for (const [m, e] of entities) if (m.first === hit.last + 1 && e.concept.type === 'encounter') {
      entities.delete(m);
      for (let i = m.first; i <= m.last; i += 1) covered.add(i);
    }
  }
  const looseDates = assignDates(dates, tokens, sentenceOf, triggers, points, measures, entities);
  // "Amoxil 250 mg three times daily", "Norco q6h": a frequency is the nearest drug's of its sentence.
  for (const f of frequenciesIn(text)) {
    const at = tokens.findIndex((t) => t.start >= f.start);
    const drugs = [...entities.values()].filter((e) => (e.concept.type === 'drug' || e.concept.type === 'drug-class') && sentenceOf[e.mention.first] === sentenceOf[at]);
    const drug = drugs.filter((e) => e.mention.last < at).pop() ?? drugs[0];
    if (!drug) continue;
    drug.frequencies.push(f);
    tokens.forEach((t, i) => t.start >= f.start && t.end <= f.end && covered.add(i));
  }

  // Qualifiers.
  const used = new Set<TriggerHit>();
  for (const hit of triggers) {
    const sentence = sentenceOf[hit.first];
    let inSentence = mentions.filter((m) => sentenceOf[m.first] === sentence);
    // "Never smoker; most recent status 2020", "TC 161; interpretation: desirable": a clause after a semicolon speaks of the one before.
    const opening = sentenceOf.indexOf(sentence!);
    if (inSentence.length === 0 && opening > 0 && tokens[opening - 1]!.text === ';') inSentence = mentions.filter((m) => sentenceOf[m.first] === sentence! - 1);
    const measure = nearestMeasure(hit, inSentence, measures);
    if (hit.kinds.has('pseudo')) {
      if (measure && hit.kinds.has('stable')) {
        measure.trend ??= { kind: 'stable', hit };
        used.add(hit);
      }
      continue;
    }
    // "never resolved", "not active": the negation belongs to the status word after it (handled there).
    const statusNext = triggers.find((t) => t.first > hit.last && t.first <= hit.last + 2 && (t.first === hit.last + 1 || ['yet', 'fully', 'completely', 'ever'].includes(tokens[hit.last + 1]!.norm)) && INVERTIBLE.has(tokens[t.first]!.norm));
    const statusEntity = statusNext ? nearestEntity(statusNext, inSentence, entities, tokens) : null;
    // "not on a statin" denies the drug now: a negation, with "on" saying "now".
    if (hit.kinds.has('negate-before') && statusNext && statusEntity && tokens[statusNext.first]!.norm === 'on' && statusApplies(statusNext, statusEntity, tokens)) {
      statusEntity.negated ??= hit;
      statusEntity.status = { kind: 'current', hit: statusNext };
      used.add(hit).add(statusNext);
      continue;
    }
    if (hit.kinds.has('negate-before') && statusNext && statusEntity && statusApplies(statusNext, statusEntity, tokens)) continue;
    if (hit.kinds.has('negate-before') || hit.kinds.has('negate-after')) {
      // "not anemic", "no longer elevated": the interpretation, negated.
      if (measure?.interpretation && measure.interpretation.hit.first > hit.last && measure.interpretation.hit.first - hit.last <= 3) {
        measure.interpretation.negated = true;
        used.add(hit);
        continue;
      }
      const interpretation = triggers.find((t) => t.first > hit.last && t.first - hit.last <= 2 && sentenceOf[t.first] === sentence && interpretationOf(t));
      // "elevated BP (not yet hypertensive)": a second, negated interpretation goes to the same analyte's other mention.
      const free = measure?.interpretation ? inSentence.map((m) => measures.get(m)).find((o) => o && o !== measure && !o.interpretation && o.analyte === measure.analyte) : measure;
      if (interpretation && free && !free.interpretation) {
        free.interpretation = { kind: interpretationOf(interpretation)!, hit: interpretation, negated: true };
        used.add(hit).add(interpretation);
        continue;
      }
      for (const m of negationScope(hit, inSentence, triggers, tokens)) {
        const measured = measures.get(m);
        if (measured && measured.points.length === 0) {
          measured.negated = hit;
          used.add(hit);
        }
        const e = entities.get(m);
        if (e && e.concept.type !== 'no-allergy' && !(e.concept.type === 'smoking' && hit.start >= m.start)) {
          e.negated ??= hit;
          used.add(hit);
          const inTrigger = (i: number) => triggers.some((x) => x.first <= i && i <= x.last);
          const between = tokens
            .slice(hit.last + 1, m.first)
            .map((t, k) => ({ t, i: hit.last + 1 + k }))
            .filter(({ t, i }) => t.kind === 'word' && !covered.has(i) && !inTrigger(i) && !FRAMING_WORDS.has(t.norm) && !mentions.some((x) => x.first <= i && i <= x.last));
          if (between.length > 0 && between.length <= 3) {
            e.modifiers = between.map(({ t }) => t.norm);
            for (const { i } of between) covered.add(i);
          }
        }
      }
      if (used.has(hit)) continue;
    }
    if (used.has(hit)) continue;
    if (hit.kinds.has('possible')) {
      const m = inSentence.find((x) => x.first > hit.last && x.first - hit.last <= 6);
      const e = m ? entities.get(m) : undefined;
      if (e) {
        e.possible = hit;
        used.add(hit);
        continue;
      }
    }
    const entity = nearestEntity(hit, inSentence, entities, tokens);
    // "A1c now 7.2", "currently 161/97": of a value, "now" means its latest.
    const nowOfValue = hit.kinds.has('current') && measure !== null && !entity && measure.points.length > 0 && ['now', 'currently', 'today', 'presently'].includes(tokens[hit.first]!.norm);
    if (nowOfValue && measure) {
      measure.latest ??= hit;
      used.add(hit);
      continue;
    }
    if ((hit.kinds.has('max') || hit.kinds.has('min')) && measure) {
      measure.extreme ??= { kind: hit.kinds.has('max') ? 'max' : 'min', hit };
      used.add(hit);
      continue;
    }
    if (hit.kinds.has('monotonic') && measure) {
      measure.monotonic ??= hit;
      used.add(hit);
      continue;
    }
    if ((hit.kinds.has('latest') || hit.kinds.has('first')) && (measure || entity)) {
      const target = closer(hit, measure?.mention, entity?.mention);
      const m = target ? measures.get(target) : undefined;
      const e = target ? entities.get(target) : undefined;
      if (m && hit.kinds.has('latest')) m.latest = hit;
      else if (m) m.first = hit;
      // "a current problem", "currently taking": of a condition or drug, a status (below), not "the latest".
      else if (e && hit.kinds.has('latest') && !hit.kinds.has('current')) e.latest = hit;
      // "first noted in 1999": when it began, which the entity's dates already say.
      else if (e && !hit.kinds.has('current')) for (const d of e.dates) if (d.role === 'any') d.role = 'start';
      if (!(e && hit.kinds.has('current'))) used.add(hit);
      if (!hit.kinds.has('current')) continue;
    }
    const trend = (['up', 'down', 'stable', 'improved', 'worsened'] as const).find((k) => hit.kinds.has(k));
    const interpretation = interpretationOf(hit);
    // "an abnormal prostate biopsy": an interpretation right before a record's name is said of that record.
    const ofRecord = interpretation && !trend && inSentence.some((m) => m.first === hit.last + 1 && entities.has(m) && ['record', 'condition'].includes(m.concepts[0]!.type));
    if (measure && (trend || interpretation) && !ofRecord) {
      // "decreased eGFR" before the analyte reads as an interpretation; "eGFR decreased from A to B" as a change.
      const before = hit.end <= measure.mention.start;
      const change = measure.points.length !== 1 || measure.period !== null;
      if (trend && (!interpretation || (!before && change))) measure.trend ??= { kind: trend, hit };
      else if (interpretation) measure.interpretation ??= { kind: interpretation, hit, negated: false };
      used.add(hit);
      continue;
    }
    if (entity && !used.has(hit)) {
      // "began", "started": said of every record, so they do not take the place of a status that can be wrong.
      const status = (['stopped', 'resolved', 'current', 'historical'] as const).find((k) => hit.kinds.has(k));
      if (status && statusApplies(hit, entity, tokens) && (!entity.status || outranks(status, entity.status.kind))) {
        // "never resolved", "no longer active", "not stopped": the status, the other way round.
        const negation = INVERTIBLE.has(tokens[hit.first]!.norm) ? triggers.find((t) => t.last >= hit.first - 2 && t.last < hit.first && t.kinds.has('negate-before') && !used.has(t)) : undefined;
        entity.status = { kind: negation ? opposite(status) : status, hit: negation ? { ...hit, start: negation.start, first: negation.first } : hit };
        if (negation) used.add(negation);
        used.add(hit);
        continue;
      }
    }
    if (hit.kinds.has('diagnosed') || hit.kinds.has('period-start') || hit.kinds.has('period-end') || hit.kinds.has('terminate') || hit.kinds.has('started')) used.add(hit);
  }
  // "rose steadily": a manner of change, said with a change.
  tokens.forEach((t, i) => {
    if (TREND_MODIFIERS.has(t.norm) && [...measures.values()].some((m) => m.trend && sentenceOf[m.mention.first] === sentenceOf[i])) covered.add(i);
  });
  answeredNo(tokens, entities, cover);
  // "Q: How severe was the reading? A: ...": the question's words ask; only the answer claims.
  const question = tokens.findIndex((t, i) => t.text === '?' && tokens[i + 1]?.norm === 'a' && tokens[i + 2]?.text === ':');
  if (question >= 0) for (const hit of triggers) if (hit.last < question && !used.has(hit) && ['evaluative', 'latest', 'possible'].some((k) => hit.kinds.has(k as TriggerKind))) used.add(hit);
  for (const hit of used) cover(hit.first, hit.last);

  const assertions: Assertion[] = [...measures.values(), ...entities.values(), ...counts];
  return { text, tokens, dates, numbers, mentions, triggers, assertions, loose, looseDates, covered, unattached: triggers.filter((t) => !used.has(t)) };
}
