import { SALT_WORDS } from '../../clinical/drug-names';
import type { ChartIndex } from './chart-index';
import type { Mention, TriggerHit } from './claim-parse';
import type { Token } from './claim-text';
import { triggerLexicon, type TriggerKind } from './context-triggers';
import { globalLexicon, type Concept } from './lexicon';

/** Finding what a claim names (mentions) and the words that qualify them (triggers), and where its sentences end. */

export const SENTENCE_END = new Set(['.', ';', '?', '!', '\n']);

// A full stop after these does not end a sentence.
export const ABBREVIATED = new Set(['i', 'e', 'g', 'approx', 'ca', 'vs', 'dr', 'mr', 'mrs', 'ms', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'st', 'etc', 'incl', 'est', 'hx', 'pt', 'yr', 'yrs', 'wk', 'wks', 'mo', 'mos']);
export const ARROWS: Record<string, TriggerKind> = { '↑': 'up', '⬆': 'up', '↗': 'up', '⇧': 'up', '↓': 'down', '⬇': 'down', '↘': 'down', '⇩': 'down' };

// "Metformin ER", "Toprol XL": release forms written after a drug's name are part of it.
export const RELEASE_FORMS = new Set(['er', 'xr', 'xl', 'sr', 'cr', 'la', 'dr', 'ec', 'ir', 'odt', 'hfa', 'ib', 'pm']);

export function findMentions(tokens: readonly Token[], chart: ChartIndex, skip: (t: Token, i: number) => boolean): Mention[] {
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
export function preferred(concepts: readonly Concept[]): Concept[] {
  const order: Concept['type'][] = ['analyte', 'smoking', 'no-allergy', 'vaccine', 'record', 'condition', 'drug', 'drug-class', 'group', 'allergy-word', 'encounter'];
  const sorted = [...concepts].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  const conditions = sorted.filter((c): c is Extract<Concept, { type: 'condition' }> => c.type === 'condition');
  // A condition the table knows is that condition, whatever care plan or procedure display also holds its words.
  if (conditions.length > 0 && sorted[0]!.type === 'record' && sorted[0]!.kind !== 'condition') return [...conditions, ...sorted.filter((c) => c.type !== 'condition')];
  const records = sorted.filter((c): c is Extract<Concept, { type: 'record' }> => c.type === 'record' && c.kind === 'condition');
  if (records.length > 0 && conditions.length > 0) {
    const merged: Concept = { type: 'condition', codes: new Set(conditions.flatMap((c) => [...c.codes])), own: new Set(conditions.flatMap((c) => [...(c.own ?? c.codes)])), aliases: conditions.flatMap((c) => c.aliases ?? []), name: conditions[0]!.name };
    return [merged, ...sorted.filter((c) => c.type !== 'condition' && !(c.type === 'record' && c.kind === 'condition'))];
  }
  return sorted;
}

export function findTriggers(tokens: readonly Token[], mentions: readonly Mention[], skip: (t: Token, i: number) => boolean): TriggerHit[] {
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
    if (kinds.length === 0) {
      // "at the last visit" cut short by the mention "visit": "the last" or "last" may still be a trigger.
      i += 1;
      continue;
    }
    found.push({ start: t.start, end: tokens[last]!.end, first: i, last, kinds: new Set(kinds) });
    i = last + 1;
  }
  return found;
}

export function sentences(tokens: readonly Token[]): number[] {
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
