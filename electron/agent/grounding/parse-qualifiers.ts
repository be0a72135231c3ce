import { categoryNamed } from '../../clinical/interpretation-ranges';
import type { EntityAssertion, EntityStatus, InterpretationKind, MeasureAssertion, Mention, TriggerHit } from './claim-parse';
import { foldPhrase, type Token } from './claim-text';

/** What negation, status, "latest", change and interpretation words qualify, and how. */

export const NEGATION_WINDOW = 8;

/**
 * "Q: Is he on statin therapy? A: No.": the answer "No" denies what the
 * question asks of the conditions and drugs it names (their status, or that
 * they are there at all).
 */
export function answeredNo(tokens: readonly Token[], entities: ReadonlyMap<Mention, EntityAssertion>, cover: (a: number, b: number) => void): void {
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
export const INVERTIBLE = new Set(['resolved', 'active', 'stopped', 'discontinued', 'current', 'currently', 'ongoing', 'on', 'off', 'taking', 'healed', 'cured']);

// "started on clopidogrel", "put on metformin": the start of a prescription, not that it goes on now.
export const STARTING_VERBS = new Set(['started', 'start', 'starting', 'put', 'placed', 'switched', 'begun', 'began', 'initiated', 'commenced', 'restarted']);

/** Whether a status word speaks of this condition or drug ("on" only right before a drug: "on metformin", "on a statin"). */

export function statusApplies(hit: TriggerHit, entity: EntityAssertion, tokens: readonly Token[]): boolean {
  const word = tokens[hit.first]!.norm;
  if ((word !== 'on' && word !== 'off') || hit.last !== hit.first) return true;
  // "put him on", "started her on": the start of a prescription.
  if (STARTING_VERBS.has(tokens[hit.first - 1]?.norm ?? '') || STARTING_VERBS.has(tokens[hit.first - 2]?.norm ?? '')) return false;
  let next = hit.last + 1;
  while (['a', 'an', 'any', 'the', 'his', 'her', 'their'].includes(tokens[next]?.norm ?? '')) next += 1;
  return entity.mention.first === next && (entity.concept.type === 'drug' || entity.concept.type === 'drug-class');
}

// A later, more specific status word wins over "now" or "past": "now marked stopped".
export function outranks(next: EntityStatus, current: EntityStatus): boolean {
  const rank: Record<EntityStatus, number> = { started: 0, historical: 1, current: 2, stopped: 3, resolved: 3 };
  return rank[next] > rank[current];
}

export function opposite(status: 'stopped' | 'resolved' | 'current' | 'historical'): EntityStatus {
  return status === 'current' ? 'stopped' : status === 'historical' ? 'current' : 'current';
}

export function interpretationOf(hit: TriggerHit): InterpretationKind | undefined {
  return (['category', 'normal', 'high', 'low', 'abnormal'] as const).find((k) => hit.kinds.has(k));
}

/**
 * "BMI 31, obese", "Hb 11.2, anemic": a condition's name used as the
 * category of a value in the same sentence is an interpretation of that
 * value, not a diagnosis the claim asserts.
 */
export function categoriesNamedAsConditions(
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

export function negationScope(hit: TriggerHit, inSentence: readonly Mention[], triggers: readonly TriggerHit[], tokens: readonly Token[]): Mention[] {
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
export function isListComma(i: number, inSentence: readonly Mention[]): boolean {
  return inSentence.some((m) => m.last === i - 1) && inSentence.some((m) => m.first === i + 1);
}

export function nearestMeasure(hit: TriggerHit, inSentence: readonly Mention[], measures: ReadonlyMap<Mention, MeasureAssertion>): MeasureAssertion | null {
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

export const COPULAS = new Set(['is', 'was', 'are', 'were', 'remains', 'remained', 'stays', 'stayed', 'been', 'listed', 'marked', 'now', 'still', 'became']);

// "an active medication", "an active problem": the word after a status says what kind of thing it is said of.
export const DRUG_NOUNS = new Set(['medication', 'medicine', 'prescription', 'drug', 'rx', 'order', 'med', 'therapy']);
export const PROBLEM_NOUNS = new Set(['problem', 'diagnosis', 'condition', 'issue', 'disorder']);

export function nearestEntity(hit: TriggerHit, inSentence: readonly Mention[], entities: ReadonlyMap<Mention, EntityAssertion>, tokens: readonly Token[]): EntityAssertion | null {
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

export function closer(hit: TriggerHit, a: Mention | undefined, b: Mention | undefined): Mention | undefined {
  if (!a) return b;
  if (!b) return a;
  const distance = (m: Mention) => (m.first > hit.last ? m.first - hit.last : hit.first - m.last);
  return distance(a) <= distance(b) ? a : b;
}
