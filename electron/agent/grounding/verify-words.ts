import { dateCovers } from './claim-dates';
import type { ParsedClaim, TriggerHit } from './claim-parse';
import { foldPhrase, foldedWords, overlaps } from './claim-text';
import { PhraseTrie } from './lexicon';
import { ABBREVIATIONS } from '../../clinical/abbreviations';
import { cleanDisplay } from './chart-index';
import { FRAMING_WORDS } from './framing-words';
import { plainWordTest } from './plain-words';
import { problem, type Problem } from './problems';
import type { VerifyContext } from './verify-context';
import { text, tolerance } from './verify-measure';
import { convert, toUcum } from '../../clinical/units';

/**
 * What the parser did not bind, checked the plain way: each remaining word
 * must be in a cited source, each loose number among the cited numbers (in
 * a unit that converts), each loose date among the cited records' dates.
 * Qualifying words that qualify nothing the parser found ("rising" with no
 * analyte, "recently") are flagged as not checked. A negation whose object
 * the parser does not know is checked against every record of the chart:
 * contradicted if a record names all its words.
 */
export function checkRest(parsed: ParsedClaim, ctx: VerifyContext): Problem[] {
  const problems: Problem[] = [];
  const covered = new Set(parsed.covered);
  // With the whole chart cited, a word of any record of the chart supports the claim.
  const chartWords = ctx.citesChart ? ctx.chart.words : null;
  // The conditions a cited prescription or visit was for speak for themselves ("Rx ... (a viral sinus infection)").
  const reasons = new Set(ctx.sources.flatMap((s) => s.reasons));
  const reasonWords = new Set(ctx.chart.entries.condition.filter((e) => reasons.has(e.id)).flatMap((e) => foldedWords(e.display ?? '')));
  const exact = (w: string) => ctx.sources.some((s) => s.words.has(w)) || (chartWords?.has(w) ?? false) || reasonWords.has(w);
  // A word of another form of a cited word ("sutured" / "suture", "extracted" / "extraction").
  const sourceWords = (w: string) => exact(w) || (w.length >= 5 && ctx.sources.some((s) => [...s.words].some((x) => sharesStem(w, x))));

  for (const hit of parsed.unattached) {
    if (hit.kinds.has('negate-before') && !hit.kinds.has('pseudo')) problems.push(...negatedUnknown(hit, parsed, ctx, covered));
  }

  for (const point of parsed.loose) {
    const n = point.number;
    covered.add(n.token);
    const ok = ctx.sources.some((s) =>
      s.numbers.some((x) => {
        const value = point.unit && x.ucum ? convert(x.value, x.ucum, point.unit.ucum) : x.value;
        return value !== null && Math.abs(value - n.value) <= tolerance(n);
      }),
    );
    if (point.unit) parsed.tokens.forEach((t, i) => overlaps(t, point.unit!) && t.start >= n.end && covered.add(i));
    if (!ok) problems.push(problem({ start: n.start, end: point.unit?.end ?? n.end }, 'value', `${text(ctx, { start: n.start, end: point.unit?.end ?? n.end })}: no such value in the cited source`));
  }

  for (const date of parsed.looseDates) {
    const inSource = ctx.sources.some((s) => s.days.some((d) => dateCovers(date, d)) || dateCovers(date, s.start) || dateCovers(date, s.end));
    if (!inSource && !ctx.citesChart) problems.push(problem(date, 'date', `${text(ctx, date)}: no cited record is of that date`));
  }

  const synonyms = synonymLexicon();
  for (let i = 0; i < parsed.tokens.length; i += 1) {
    const t = parsed.tokens[i]!;
    if (t.kind !== 'word' || covered.has(i)) continue;
    // "CBC" for "complete blood count", "flu" for "influenza": the abbreviation, where its expansion is cited.
    const match = synonyms.longest(parsed.tokens, i);
    const inSource = (w: string) => (/^\d+$/.test(w) ? ctx.sources.some((s) => s.numbers.some((n) => n.value === Number(w))) : sourceWords(w));
    if (match && match.concepts.some((words) => words.every(inSource))) for (let k = i; k < i + match.length; k += 1) covered.add(k);
  }

  // "a year before", "recently": a time no record states, whatever words it is made of.
  for (const hit of parsed.unattached) {
    if (!hit.kinds.has('relative-time')) continue;
    problems.push(problem(hit, 'unchecked', `"${text(ctx, hit)}": not checked, a time relative to another event is not a date the records give`));
    for (let i = hit.first; i <= hit.last; i += 1) covered.add(i);
  }

  const triggerAt = new Map<number, TriggerHit>();
  for (const hit of parsed.unattached) for (let i = hit.first; i <= hit.last; i += 1) triggerAt.set(i, hit);
  const reported = new Set<TriggerHit>();
  const isPlainWord = plainWordTest(ctx.db);
  parsed.tokens.forEach((t, i) => {
    if (t.kind !== 'word' || covered.has(i) || FRAMING_WORDS.has(t.norm) || ctx.names.has(t.norm)) return;
    // "Acute" of a condition a record does not call chronic (Synthea's "Viral sinusitis" is acute by nature).
    if (t.norm === 'acute' && !ctx.sources.some((s) => s.words.has('chronic'))) return;
    if (parsed.numbers.some((n) => n.units.some((u) => overlaps(u, t)))) return;
    const hit = triggerAt.get(i);
    if (hit) {
      if (reported.has(hit)) return;
      const words = parsed.tokens.slice(hit.first, hit.last + 1).filter((x) => x.kind === 'word');
      const numbers = parsed.tokens.slice(hit.first, hit.last + 1).filter((x) => x.kind === 'number');
      const numbersInSource = numbers.every((n) => ctx.sources.some((s) => s.numbers.some((x) => x.value === Number(n.norm)) || s.words.has(n.norm)) || (chartWords?.has(n.norm) ?? false));
      if (!hit.kinds.has('relative-time') && numbersInSource && words.every((w) => FRAMING_WORDS.has(w.norm) || sourceWords(w.norm))) return;
      const qualifying = ['up', 'down', 'stable', 'improved', 'worsened', 'normal', 'high', 'low', 'abnormal', 'category', 'evaluative', 'relative-time', 'possible', 'latest', 'max', 'min', 'monotonic'].some((k) => hit.kinds.has(k as never));
      if (!qualifying) return;
      reported.add(hit);
      problems.push(problem(hit, 'unchecked', `"${text(ctx, hit)}": not checked, it qualifies nothing the verifier can check here`));
      return;
    }
    if (sourceWords(t.norm) || isPlainWord(t.norm)) return;
    // "120 (3 Feb 2012) -> 132 (Oct 19, 2018) mmHg": a unit written after the dates, of a value the claim checks.
    const ucum = toUcum(t.text);
    if (ucum && parsed.assertions.some((a) => a.type === 'measure' && a.analyte.ucum !== null && convert(1, ucum, a.analyte.ucum, a.analyte.molarMass) !== null)) return;
    problems.push(problem(t, 'term', `"${t.text}": not in the cited source`));
  });
  return problems;
}

function sharesStem(a: string, b: string): boolean {
  const need = Math.max(5, Math.min(a.length, b.length) - 3);
  if (Math.min(a.length, b.length) < need) return false;
  for (let i = 0; i < need; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

// Nouns that say what kind of thing is negated, not which ("no sinus problems", "no heart trouble").
const GENERIC = new Set(['problem', 'issue', 'trouble', 'complaint', 'history', 'diagnosis', 'condition', 'disease', 'disorder', 'illness', 'record', 'documented', 'known', 'prior', 'previous', 'kind', 'any', 'type', 'sort', 'episode', 'event', 'use', 'medication', 'drug', 'therapy', 'treatment', 'regimen', 'prescribed', 'being', 'ever', 'found', 'listed', 'on', 'file', 'chart']);

/**
 * "denies chest pain", "no sinus problems": the words after a negation that
 * the parser does not know, searched in every record of the chart (each
 * word, or a longer word it begins: "sinus" finds "sinusitis"). A record
 * that names them all contradicts the claim.
 */
function negatedUnknown(hit: TriggerHit, parsed: ParsedClaim, ctx: VerifyContext, covered: Set<number>): Problem[] {
  const scope: number[] = [];
  for (let i = hit.last + 1; i < parsed.tokens.length && scope.length < 6; i += 1) {
    const t = parsed.tokens[i]!;
    if (t.kind === 'punct' && t.text !== '-') break;
    if (parsed.triggers.some((x) => x.first === i && (x.kinds.has('terminate') || x.kinds.has('negate-before')))) break;
    // "not taking an inhaler": the status word says when, the rest what.
    if (parsed.triggers.some((x) => x.first <= i && i <= x.last)) continue;
    if (t.kind === 'word' && !covered.has(i)) scope.push(i);
  }
  const words = scope.map((i) => parsed.tokens[i]!.norm).filter((w) => !FRAMING_WORDS.has(w) && !GENERIC.has(w));
  for (const i of scope) covered.add(i);
  for (let i = hit.first; i <= hit.last; i += 1) covered.add(i);
  if (words.length === 0) return [];
  const entries = [...ctx.chart.entries.condition, ...ctx.chart.entries.medication, ...ctx.chart.entries.allergy, ...ctx.chart.entries.procedure, ...ctx.chart.entries.immunization, ...ctx.chart.reasons];
  const found = entries.find((e) => {
    const have = foldedWords(cleanDisplay(e.display));
    return words.every((w) => have.some((h) => h === w || (w.length >= 4 && h.startsWith(w))));
  });
  if (!found) return [];
  const span = { start: hit.start, end: parsed.tokens[scope[scope.length - 1]!]!.end };
  return [problem(span, 'negation', `${text(ctx, span)}: the record lists ${found.display}`)];
}

let synonymTrie: PhraseTrie<string[]> | null = null;

/** Abbreviations and synonyms (clinical/abbreviations.ts), each expansion as folded words. */
function synonymLexicon(): PhraseTrie<string[]> {
  if (synonymTrie) return synonymTrie;
  synonymTrie = new PhraseTrie<string[]>();
  for (const [phrase, expansions] of Object.entries(ABBREVIATIONS)) for (const e of expansions) synonymTrie.add(phrase, foldPhrase(e));
  return synonymTrie;
}
