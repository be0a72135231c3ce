import { analyteById, type Analyte } from '../../clinical/analytes';
import { SALT_WORDS } from '../../clinical/drug-names';
import { categoryNamed, categoryNames } from '../../clinical/interpretation-ranges';
import { convert, toUcum } from '../../clinical/units';
import type { ChartIndex } from './chart-index';
import { datesIn, type ClaimDate, type DateOrder } from './claim-dates';
import { numbersIn, type ClaimNumber, type UnitReading } from './claim-quantities';
import { foldPhrase, overlaps, tokenize, type Span, type Token } from './claim-text';
import { triggerLexicon, type TriggerKind } from './context-triggers';
import { FRAMING_WORDS } from './framing-words';
import { globalLexicon, type Concept } from './lexicon';

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

const SENTENCE_END = new Set(['.', ';', '?', '!', '\n']);
// A full stop after these does not end a sentence.
const ABBREVIATED = new Set(['i', 'e', 'g', 'approx', 'ca', 'vs', 'dr', 'mr', 'mrs', 'ms', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'st', 'etc', 'incl', 'est', 'hx', 'pt', 'yr', 'yrs', 'wk', 'wks', 'mo', 'mos']);
const COUNT_NOUNS = new Set(['visit', 'result', 'record', 'encounter', 'measurement', 'reading', 'admission', 'prescription', 'value', 'time']);
// Words that may stand between a number and the date it was taken on.
const DATE_GLUE = new Set(['on', 'in', 'at', 'of', 'dated', 'during', '(', ',', 'as', 'recorded', 'measured', 'taken', 'checked', 'obtained', 'drawn', 'when', 'it', 'was', 'the', 'visit', '-', '–', ':', 'by', 'around']);
const NEGATION_WINDOW = 8;
const ARROWS: Record<string, TriggerKind> = { '↑': 'up', '⬆': 'up', '↗': 'up', '⇧': 'up', '↓': 'down', '⬇': 'down', '↘': 'down', '⇩': 'down' };
// "a year before", "two weeks after", "3 months later": a time relative to another event, which no record date states.
const RELATIVE_TIME = /\b(?:a|an|one|two|three|four|five|six|several|few|\d+)\s+(?:day|week|month|year)s?\s+(?:before|after|earlier|later|prior|previously|beforehand|afterwards)\b/gi;
// "Metformin ER", "Toprol XL": release forms written after a drug's name are part of it.
const RELEASE_FORMS = new Set(['er', 'xr', 'xl', 'sr', 'cr', 'la', 'dr', 'ec', 'ir', 'odt', 'hfa']);
const THRESHOLD_WORDS = new Set(['cut', 'cutoff', 'cut-off', 'threshold', 'criteria', 'criterion', 'range', 'category', 'definition', 'target', 'goal']);
const TREND_MODIFIERS = new Set(['steadily', 'gradually', 'progressively', 'consistently', 'sharply', 'slowly', 'rapidly', 'markedly', 'slightly', 'modestly', 'significantly', 'substantially', 'dramatically', 'further', 'continued', 'continues', 'continuing', 'overall', 'again']);

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
  const inUnit = (t: Token, i: number) => unitTokens.has(i) || units.some((u) => overlaps(u, t));
  const mentions = findMentions(tokens, chart, (t, i) => inDate(t) || inUnit(t, i));
  const triggers = findTriggers(tokens, mentions, (t, i) => inDate(t) || inUnit(t, i));
  for (const m of text.matchAll(RELATIVE_TIME)) {
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
  tokens.forEach((t, i) => (inDate(t) || units.some((u) => overlaps(u, t))) && covered.add(i));

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
    else entities.set(m, { type: 'entity', mention: m, concept: concept as EntityConcept, negated: null, possible: null, status: null, latest: null, strengths: [], dates: [] });
  }

  // Numbers to their owners: the nearest analyte or drug before them in the sentence.
  const loose: Strength[] = [];
  const points: Point[] = [];
  for (const n of numbers) {
    if (taken.has(n)) continue;
    const owner = ownerOf(n, mentions, sentenceOf, tokens) ?? impliedByUnit(n, numbers, measures, sentenceOf, mentions, triggers, text);
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
      const point: Point = { number: n, unit: pickUnit(n, analyte), date: null, analyte };
      measure.points.push(point);
      points.push(point);
      coverNumber(n, point.unit, tokens, cover);
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
    const categoryNext = triggers.some((t) => t.first === next && t.kinds.has('category'));
    if ((entity.concept.type === 'condition' || entity.concept.type === 'record') && (THRESHOLD_WORDS.has(tokens[next]?.norm ?? '') || categoryNext)) entities.delete(mention);
  }
  const looseDates = assignDates(dates, tokens, sentenceOf, triggers, points, measures, entities);

  // Qualifiers.
  const used = new Set<TriggerHit>();
  for (const hit of triggers) {
    const sentence = sentenceOf[hit.first];
    const inSentence = mentions.filter((m) => sentenceOf[m.first] === sentence);
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
      if (interpretation && measure && !measure.interpretation) {
        measure.interpretation = { kind: interpretationOf(interpretation)!, hit: interpretation, negated: true };
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
    if ((hit.kinds.has('latest') || hit.kinds.has('first')) && (measure || entity)) {
      const target = closer(hit, measure?.mention, entity?.mention);
      const m = target ? measures.get(target) : undefined;
      const e = target ? entities.get(target) : undefined;
      if (m && hit.kinds.has('latest')) m.latest = hit;
      else if (m) m.first = hit;
      else if (e && hit.kinds.has('latest')) e.latest = hit;
      // "first noted in 1999": when it began, which the entity's dates already say.
      else if (e) for (const d of e.dates) if (d.role === 'any') d.role = 'start';
      used.add(hit);
      if (!hit.kinds.has('current')) continue;
    }
    const trend = (['up', 'down', 'stable', 'improved', 'worsened'] as const).find((k) => hit.kinds.has(k));
    const interpretation = interpretationOf(hit);
    if (measure && (trend || interpretation)) {
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

// Units that name what a number measures when nothing else does ("Febrile at 39.2 °C", "the reading of 114/87 mm Hg").
const UNIT_ANALYTES: Record<string, string> = { 'mm[Hg]': 'blood-pressure', Cel: 'temperature', '[degF]': 'temperature', 'kg/m2': 'bmi', 'mL/min/{1.73_m2}': 'egfr' };

/** A measurement the number's unit implies, created on the fly, or null. */
function impliedByUnit(n: ClaimNumber, all: readonly ClaimNumber[], measures: Map<Mention, MeasureAssertion>, sentenceOf: readonly number[], mentions: Mention[], triggers: readonly TriggerHit[], text: string): Mention | null {
  const first = all.find((x) => x.pairedWith !== null && all[x.pairedWith] === n);
  if (first) return [...measures.keys()].find((m) => m.first === first.token) ?? null;
  // "136/79 on 3/3/2021: stage 1 hypertension range": a pair said of a pressure category is a pressure.
  const pressureWords = n.pairedWith !== null && triggers.some((t) => sentenceOf[t.first] === sentenceOf[n.token] && t.kinds.has('category') && /hypertens|blood pressure|\bbp\b|normotens|elevated/i.test(text.slice(t.start, t.end)));
  const id = pressureWords ? 'blood-pressure' : n.units.map((u) => UNIT_ANALYTES[u.ucum]).find((x) => x !== undefined);
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

/**
 * "Q: Is he on statin therapy? A: No.": the answer "No" denies what the
 * question asks of the conditions and drugs it names (their status, or that
 * they are there at all).
 */
function answeredNo(tokens: readonly Token[], entities: ReadonlyMap<Mention, EntityAssertion>, cover: (a: number, b: number) => void): void {
  const q = tokens.findIndex((t, i) => t.text === '?' && tokens[i + 1]?.norm === 'a' && tokens[i + 2]?.text === ':' && tokens[i + 3]?.norm === 'no');
  if (q < 0) return;
  const no = tokens[q + 3]!;
  const hit: TriggerHit = { start: no.start, end: no.end, first: q + 3, last: q + 3, kinds: new Set(['negate-before']) };
  for (const e of entities.values()) {
    if (e.mention.first > q) continue;
    const drug = e.concept.type === 'drug' || e.concept.type === 'drug-class';
    // "Is he on a statin? No": not on one now. "Is it still active? No, it was stopped": the answer's own words stand.
    if (e.status && e.status.hit.first > q) continue;
    if (e.status && !(drug && e.status.kind === 'current')) e.status = { kind: opposite(e.status.kind === 'started' ? 'current' : e.status.kind), hit: { ...e.status.hit, end: no.end } };
    else e.negated ??= hit;
  }
  cover(q + 3, q + 3);
}

// Status words a negation turns round ("not active", "never resolved"); "no chronic X" denies X instead.
const INVERTIBLE = new Set(['resolved', 'active', 'stopped', 'discontinued', 'current', 'currently', 'ongoing', 'on', 'taking', 'healed', 'cured']);

// "started on clopidogrel", "put on metformin": the start of a prescription, not that it goes on now.
const STARTING_VERBS = new Set(['started', 'start', 'starting', 'put', 'placed', 'switched', 'begun', 'began', 'initiated', 'commenced', 'restarted']);

/** Whether a status word speaks of this condition or drug ("on" only right before a drug: "on metformin", "on a statin"). */
function statusApplies(hit: TriggerHit, entity: EntityAssertion, tokens: readonly Token[]): boolean {
  if (tokens[hit.first]!.norm !== 'on' || hit.last !== hit.first) return true;
  if (STARTING_VERBS.has(tokens[hit.first - 1]?.norm ?? '')) return false;
  let next = hit.last + 1;
  while (['a', 'an', 'any', 'the', 'his', 'her', 'their'].includes(tokens[next]?.norm ?? '')) next += 1;
  return entity.mention.first === next && (entity.concept.type === 'drug' || entity.concept.type === 'drug-class');
}

// A later, more specific status word wins over "now" or "past": "now marked stopped".
function outranks(next: EntityStatus, current: EntityStatus): boolean {
  const rank: Record<EntityStatus, number> = { started: 0, historical: 1, current: 2, stopped: 3, resolved: 3 };
  return rank[next] > rank[current];
}

function opposite(status: 'stopped' | 'resolved' | 'current' | 'historical'): EntityStatus {
  return status === 'current' ? 'stopped' : status === 'historical' ? 'current' : 'current';
}

function interpretationOf(hit: TriggerHit): InterpretationKind | undefined {
  return (['category', 'normal', 'high', 'low', 'abnormal'] as const).find((k) => hit.kinds.has(k));
}

/**
 * "BMI 31, obese", "Hb 11.2, anemic": a condition's name used as the
 * category of a value in the same sentence is an interpretation of that
 * value, not a diagnosis the claim asserts.
 */
function categoriesNamedAsConditions(
  tokens: readonly Token[],
  sentenceOf: readonly number[],
  measures: ReadonlyMap<Mention, MeasureAssertion>,
  entities: Map<Mention, EntityAssertion>,
): void {
  for (const [mention, entity] of entities) {
    if (entity.concept.type !== 'condition' && entity.concept.type !== 'record') continue;
    const phrase = foldPhrase(tokens.slice(mention.first, mention.last + 1).map((t) => t.text).join(' ')).join(' ');
    const measure = [...measures.values()].find((m) => sentenceOf[m.mention.first] === sentenceOf[mention.first] && m.points.length > 0 && categoryNamed(m.points[0]!.analyte.id, phrase));
    if (!measure || measure.interpretation) continue;
    entities.delete(mention);
    measure.interpretation = { kind: 'category', hit: { start: mention.start, end: mention.end, first: mention.first, last: mention.last, kinds: new Set(['category']) }, negated: entity.negated !== null };
  }
}

/** "(120-129/<80)", "(>= 140)": a parenthesis that states bounds, not values of the patient. */
function thresholdSpan(n: ClaimNumber, text: string): Span | null {
  const open = text.lastIndexOf('(', n.start);
  const close = text.indexOf(')', n.end);
  if (open < 0 || close < 0 || text.slice(open, n.start).includes(')')) return null;
  const inside = text.slice(open + 1, close);
  return /[<>≤≥]|\d\s*[-–]\s*\d/.test(inside) && !/\d{4}-\d{2}/.test(inside) ? { start: open, end: close + 1 } : null;
}

/** "the 130/80 target", "the 6.5 % cut-off": a bound the claim compares with, not a value of the patient. */
function beforeThresholdWord(n: ClaimNumber, tokens: readonly Token[], numbers: readonly ClaimNumber[]): boolean {
  const last = n.pairedWith !== null ? numbers[n.pairedWith]! : n;
  const after = tokens.findIndex((t) => t.start >= Math.max(last.end, last.units[0]?.end ?? last.end));
  const words = tokens.slice(after, after + 3).filter((t) => t.kind === 'word').map((t) => t.norm);
  const isThreshold = (w: string | undefined) => w !== undefined && THRESHOLD_WORDS.has(w) && w !== 'range' && w !== 'category';
  if (isThreshold(words[0]) || (words[0] !== undefined && ['diabetes', 'diagnostic', 'treatment', 'bp', 'blood'].includes(words[0]) && isThreshold(words[1]))) return true;
  const second = numbers.find((x) => x.pairedWith !== null && numbers[x.pairedWith] === n);
  return second ? beforeThresholdWord(second, tokens, numbers) : false;
}

function inThreshold(n: ClaimNumber, text: string): boolean {
  return thresholdSpan(n, text) !== null;
}

function coverNumber(n: ClaimNumber, unit: UnitReading | null, tokens: readonly Token[], cover: (a: number, b: number) => void): void {
  const start = Math.min(n.start, n.qualifierStart ?? n.start);
  const end = Math.max(n.end, unit?.end ?? n.end);
  tokens.forEach((t, i) => t.start >= start && t.end <= end && cover(i, i));
}

/**
 * "(x10^3/uL)", "(mL/min/1.73m2)", ", mmHg.": a unit written apart from its
 * numbers. Its span is masked from the numbers and covered as a unit.
 */
function unitSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\(([^()]{1,24})\)|,\s*([^\s,;()][^,;()]{0,20}?)\s*(?=[.;]?\s*$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = (m[1] ?? m[2])!.trim();
    if (toUcum(inner) && !/^\d/.test(inner)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function findMentions(tokens: readonly Token[], chart: ChartIndex, skip: (t: Token, i: number) => boolean): Mention[] {
  const lexicon = globalLexicon();
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    // A record's own name, as the chart writes it ("24 HR Metformin hydrochloride 500 MG ..."), digits and units included.
    const exact = t.kind !== 'punct' ? chart.displays.longest(tokens, i) : null;
    const after = exact ? tokens[i + exact.length] : undefined;
    // Not when the text goes on with the same word or unit ("25 MG" of "25 mg/dL").
    const whole = !after || after.start > tokens[i + exact!.length - 1]!.end || [',', '.', ';', ':', ')'].includes(after.text);
    if (exact && exact.length > 1 && whole) {
      const last = i + exact.length - 1;
      found.push({ start: t.start, end: tokens[last]!.end, first: i, last, concepts: preferred(exact.concepts) });
      i = last + 1;
      continue;
    }
    if (t.kind !== 'word' || skip(t, i)) {
      i += 1;
      continue;
    }
    const a = lexicon.longest(tokens, i);
    const b = exact ?? chart.displayBag(tokens, i);
    const best = a && b ? (b.length > a.length ? b : a.length > b.length ? a : { length: a.length, concepts: [...a.concepts, ...b.concepts] }) : (a ?? b);
    // "stage 2 hypertension range" names a category of a value, not the condition inside it.
    const category = triggerLexicon().longest(tokens, i);
    if (category?.concepts.some((c) => c.kind === 'category') && category.length > (best?.length ?? 0)) {
      // "reduced ejection fraction", "normal blood pressure": the category, and the analyte it names.
      const inner = Array.from({ length: category.length }, (_, k) => lexicon.longest(tokens, i + k)).find((m) => m?.concepts.some((c) => c.type === 'analyte'));
      const analyte = inner?.concepts.find((c) => c.type === 'analyte');
      if (analyte) found.push({ start: t.start, end: tokens[i + category.length - 1]!.end, first: i, last: i + category.length - 1, concepts: [analyte], categoryToo: true });
      i += category.length;
      continue;
    }
    if (!best || Array.from({ length: best.length }, (_, k) => k + i).some((k) => skip(tokens[k]!, k))) {
      i += 1;
      continue;
    }
    let last = i + best.length - 1;
    const concepts = preferred(best.concepts);
    // "Naproxen sodium", "penicillin V potassium": a salt belongs to its drug, it is not an analyte.
    if (concepts[0]!.type === 'drug') while (tokens[last + 1]?.kind === 'word' && (SALT_WORDS.has(tokens[last + 1]!.norm) || RELEASE_FORMS.has(tokens[last + 1]!.norm))) last += 1;
    found.push({ start: t.start, end: tokens[last]!.end, first: i, last, concepts });
    i = last + 1;
  }
  return found;
}

// One name may be several things ("insulin" a drug and a class; "obesity" two condition rows): keep the
// most specific kind first, and merge a condition named both by the table and by the chart.
function preferred(concepts: readonly Concept[]): Concept[] {
  const order: Concept['type'][] = ['analyte', 'smoking', 'no-allergy', 'vaccine', 'record', 'condition', 'drug', 'drug-class', 'group', 'allergy-word', 'encounter'];
  const sorted = [...concepts].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  const conditions = sorted.filter((c): c is Extract<Concept, { type: 'condition' }> => c.type === 'condition');
  const records = sorted.filter((c): c is Extract<Concept, { type: 'record' }> => c.type === 'record' && c.kind === 'condition');
  if (records.length > 0 && conditions.length > 0) {
    const merged: Concept = { type: 'condition', codes: new Set(conditions.flatMap((c) => [...c.codes])), own: new Set(conditions.flatMap((c) => [...(c.own ?? c.codes)])), aliases: conditions.flatMap((c) => c.aliases ?? []), name: conditions[0]!.name };
    return [merged, ...sorted.filter((c) => c.type !== 'condition' && !(c.type === 'record' && c.kind === 'condition'))];
  }
  return sorted;
}

function findTriggers(tokens: readonly Token[], mentions: readonly Mention[], skip: (t: Token, i: number) => boolean): TriggerHit[] {
  const lexicon = triggerLexicon();
  const inMention = new Set(mentions.filter((m) => !m.categoryToo).flatMap((m) => Array.from({ length: m.last - m.first + 1 }, (_, k) => m.first + k)));
  const found: TriggerHit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (inMention.has(i) || skip(t, i) || t.kind === 'number') {
      i += 1;
      continue;
    }
    // "Hgb ↑ from 3/2015", "A1c 7.2 ↓": arrows as clinicians write a change.
    const arrow = ARROWS[t.text];
    if (arrow) {
      found.push({ start: t.start, end: t.end, first: i, last: i, kinds: new Set([arrow]) });
      i += 1;
      continue;
    }
    const match = lexicon.longest(tokens, i);
    if (!match) {
      i += 1;
      continue;
    }
    let length = match.length;
    // A trigger does not reach into a mention ("no known" must not swallow "no known drug allergies").
    while (length > 1 && (inMention.has(i + length - 1) || skip(tokens[i + length - 1]!, i + length - 1))) length -= 1;
    const last = i + length - 1;
    const kinds = length === match.length ? match.concepts.map((c) => c.kind) : (lexicon.longest(tokens.slice(i, last + 1), 0)?.concepts.map((c) => c.kind) ?? []);
    if (kinds.length > 0) found.push({ start: t.start, end: tokens[last]!.end, first: i, last, kinds: new Set(kinds) });
    i = last + 1;
  }
  return found;
}

function sentences(tokens: readonly Token[]): number[] {
  const ids: number[] = [];
  let id = 0;
  let depth = 0;
  tokens.forEach((t, i) => {
    ids.push(id);
    if (t.text === '(') depth += 1;
    if (t.text === ')') depth = Math.max(0, depth - 1);
    if (t.kind !== 'punct' || !SENTENCE_END.has(t.text) || depth > 0) return;
    const before = tokens[i - 1];
    if (t.text === '.' && before && before.end === t.start && before.kind === 'word' && ABBREVIATED.has(before.norm)) return;
    // "Hemoglobin.total", "U.S.": a full stop inside a word is not the end of a sentence.
    if (t.text === '.' && tokens[i + 1] && tokens[i + 1]!.start === t.end && tokens[i + 1]!.kind === 'word') return;
    // "Q: What was the last weight? A: 10.8 kg": a question and its answer are one claim.
    if (t.text === '?' && tokens[i + 1]?.norm === 'a' && tokens[i + 2]?.text === ':') return;
    id += 1;
  });
  return ids;
}

function ownerOf(n: ClaimNumber, mentions: readonly Mention[], sentenceOf: readonly number[], tokens: readonly Token[]): Mention | null {
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
  // "7.2 % HbA1c": a number just before its analyte.
  const after = mentions.find((m) => m.first > n.token && m.first <= n.token + 3 && sentenceOf[m.first] === sentence && m.concepts[0]!.type === 'analyte');
  if (after && tokens.slice(n.token + 1, after.first).every((t) => t.kind !== 'number')) return after;
  return null;
}

function isCategoryName(tokens: readonly Token[], m: Mention): boolean {
  const phrase = tokens.slice(m.first, m.last + 1).map((t) => t.norm).join(' ');
  return categoryNames().some((name) => foldPhrase(name).join(' ') === phrase);
}

/** Systolic and diastolic of "BP 120/80", each its own component. */
function componentOf(analyte: Analyte, n: ClaimNumber, all: readonly ClaimNumber[]): Analyte {
  if (analyte.id !== 'blood-pressure') return analyte;
  if (n.pairedWith !== null) return analyteById('systolic');
  const firstOfPair = all.find((x) => x.pairedWith !== null && all[x.pairedWith] === n);
  return firstOfPair ? analyteById('diastolic') : analyte;
}

// Unit words that are also ordinary words or other units: kept only when they fit the analyte.
const AMBIGUOUS_UNITS = new Set(['[in_i]', '[ft_i]']);

/** The unit reading that fits the analyte: the longest that converts to its recorded unit. */
function pickUnit(n: ClaimNumber, analyte: Analyte): UnitReading | null {
  for (const reading of n.units) {
    if (!analyte.ucum) return reading;
    if (convert(1, analyte.ucum, reading.ucum, analyte.molarMass) !== null) return reading;
  }
  const first = n.units[0];
  return first && !AMBIGUOUS_UNITS.has(first.ucum) ? first : null;
}

/**
 * Dates to what they date: right after a value, that value ("131 mmHg in
 * 2020"); before the values of a sentence ("On 2020-08-21, BP 120/80"), or
 * after them ("Hb 15.5, Plt 297 (12 Feb 1979)"), each undated value; after
 * "since", "from", "between" or "until", the period of a change or the start
 * or end of the nearest condition or drug; otherwise the nearest condition,
 * drug or visit of the sentence. Returns the dates nothing took.
 */
function assignDates(
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
    if (undated.length > 1 && next && roles.get(next) === 'end' && sentenceOf[firstTokenOf(next)] === sentenceOf[first]) continue;
    const before = undated.pop();
    if (roles.get(date) === null && before && before === inSentence.filter((p) => p.number.end <= date.start).pop() && onlyGlue(tokens, before.number.token + 1, first, before.unit)) {
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
    const rangeAfter = dates[index + 1] && roles.get(dates[index + 1]!) === 'end' && undatedFirst.length === 2;
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
    const target = nearestMention(tokens, first, sentence, sentenceOf, measures, entities);
    const entity = target ? entities.get(target) : undefined;
    const measure = target ? measures.get(target) : undefined;
    if (entity && entity.concept.type !== 'no-allergy') {
      entity.dates.push({ date, role: role ?? 'any' });
      continue;
    }
    if (measure) {
      const period = measure.period ?? { from: '0000-01-01', to: '9999-12-31', spans: [] };
      if (role === 'end') measure.period = { ...period, to: date.to, spans: [...period.spans, date], explicit: true };
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
const DATE_PREPOSITIONS = new Set(['on', 'in', 'at', 'of', 'dated', 'from', 'since']);

function wordsBetween(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) if (tokens[i]!.kind === 'word' && !DATE_PREPOSITIONS.has(tokens[i]!.norm)) n += 1;
  return n;
}

function nearestMention(tokens: readonly Token[], first: number, sentence: number | undefined, sentenceOf: readonly number[], measures: ReadonlyMap<Mention, MeasureAssertion>, entities: ReadonlyMap<Mention, EntityAssertion>): Mention | null {
  let best: Mention | null = null;
  let bestDistance = Infinity;
  for (const m of [...measures.keys(), ...entities.keys()]) {
    if (sentenceOf[m.first] !== sentence) continue;
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

function onlyGlue(tokens: readonly Token[], from: number, to: number, unit: UnitReading | null): boolean {
  for (let i = from; i < to; i += 1) {
    const t = tokens[i]!;
    if (unit && t.start >= unit.start && t.end <= unit.end) continue;
    if (!DATE_GLUE.has(t.norm)) return false;
  }
  return to - from <= 6;
}

function periodRole(tokens: readonly Token[], firstToken: number, triggers: readonly TriggerHit[], betweenOpen: boolean): 'start' | 'end' | null {
  const previous = tokens[firstToken - 1]?.norm;
  if (previous === 'between') return 'start';
  if (previous === 'and' && betweenOpen) return 'end';
  const hit = triggers.find((t) => t.last === firstToken - 1 || (t.last === firstToken - 2 && ['the', 'on', 'in'].includes(tokens[firstToken - 1]?.norm ?? '')));
  if (!hit) return null;
  if (hit.kinds.has('period-start') || hit.kinds.has('started') || hit.kinds.has('diagnosed')) return 'start';
  if (hit.kinds.has('period-end') || hit.kinds.has('stopped') || hit.kinds.has('resolved')) return 'end';
  return null;
}

function negationScope(hit: TriggerHit, inSentence: readonly Mention[], triggers: readonly TriggerHit[], tokens: readonly Token[]): Mention[] {
  if (hit.kinds.has('negate-before')) {
    const stop = triggers.find((t) => t.first > hit.last && t.kinds.has('terminate') && !t.kinds.has('negate-before'))?.first ?? Infinity;
    const comma = tokens.findIndex((t, i) => i > hit.last && t.text === ',' && !['or', 'and', 'nor'].includes(tokens[i + 1]?.norm ?? '') && !isListComma(i, inSentence));
    const end = Math.min(stop, comma < 0 ? Infinity : comma, hit.last + NEGATION_WINDOW + 1);
    const scoped = inSentence.filter((m) => m.first > hit.last && m.first < end);
    if (scoped.length > 0) return scoped;
  }
  if (hit.kinds.has('negate-after')) {
    const before = inSentence.filter((m) => m.last < hit.first && hit.first - m.last <= 4);
    return before.slice(-1);
  }
  return [];
}

// "no hypertension, diabetes or stroke": a comma between two names of a list does not end the negation.
function isListComma(i: number, inSentence: readonly Mention[]): boolean {
  return inSentence.some((m) => m.last === i - 1) && inSentence.some((m) => m.first === i + 1);
}

function nearestMeasure(hit: TriggerHit, inSentence: readonly Mention[], measures: ReadonlyMap<Mention, MeasureAssertion>): MeasureAssertion | null {
  const candidates = inSentence.filter((m) => measures.has(m));
  if (candidates.length === 0) return null;
  const same = candidates.find((m) => m.first <= hit.first && m.last >= hit.last);
  if (same) return measures.get(same)!;
  // The analyte the word follows (its own clause), else the one it precedes.
  const before = candidates.filter((m) => m.last < hit.first).pop();
  const after = candidates.find((m) => m.first > hit.last);
  if (before && after && after.first - hit.last <= 2 && hit.first - before.last > 2) return measures.get(after)!;
  return measures.get(before ?? after!)!;
}

const COPULAS = new Set(['is', 'was', 'are', 'were', 'remains', 'remained', 'stays', 'stayed', 'been', 'listed', 'marked', 'now', 'still', 'became']);

// "an active medication", "an active problem": the word after a status says what kind of thing it is said of.
const DRUG_NOUNS = new Set(['medication', 'medicine', 'prescription', 'drug', 'rx', 'order', 'med', 'therapy']);
const PROBLEM_NOUNS = new Set(['problem', 'diagnosis', 'condition', 'issue', 'disorder']);

function nearestEntity(hit: TriggerHit, inSentence: readonly Mention[], entities: ReadonlyMap<Mention, EntityAssertion>, tokens: readonly Token[]): EntityAssertion | null {
  const noun = tokens[hit.last + 1]?.norm ?? '';
  const kind = (m: Mention) => m.concepts[0]!.type;
  const wanted = (m: Mention) => (DRUG_NOUNS.has(noun) ? kind(m) === 'drug' || kind(m) === 'drug-class' : PROBLEM_NOUNS.has(noun) ? kind(m) === 'condition' || kind(m) === 'record' : true);
  const candidates = inSentence.filter((m) => entities.has(m) && kind(m) !== 'encounter' && wanted(m));
  if (candidates.length === 0) return inSentence.map((m) => entities.get(m)).find((e) => e !== undefined) ?? null;
  const words = (a: number, b: number) => tokens.slice(a, b).filter((t) => t.kind === 'word').length;
  let best: Mention | null = null;
  let bestDistance = Infinity;
  // "X remained active alongside Y": after a copula the status is said of the subject before it.
  const copula = [1, 2].some((k) => COPULAS.has(tokens[hit.first - k]?.norm ?? ''));
  for (const m of candidates) {
    // Status words come before a drug ("currently taking X") or after a condition ("X ... is resolved").
    const distance = m.first > hit.last ? words(hit.last + 1, m.first) + (copula ? 2 : 0) : words(m.last + 1, hit.first) + 0.5;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best ? entities.get(best)! : null;
}

function closer(hit: TriggerHit, a: Mention | undefined, b: Mention | undefined): Mention | undefined {
  if (!a) return b;
  if (!b) return a;
  const distance = (m: Mention) => (m.first > hit.last ? m.first - hit.last : hit.first - m.last);
  return distance(a) <= distance(b) ? a : b;
}
