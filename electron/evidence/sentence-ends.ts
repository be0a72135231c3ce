/**
 * Where a passage may be cut without breaking what a clinician reads as
 * one thing: never inside a number ("2.5 mg", "1.73 m2"), never between a
 * number and its unit or a dose and its drug, never after an abbreviation
 * ("U.S.", "e.g.", "Dr."). Sentence ends come from ICU's sentence rules
 * (Intl.Segmenter, built into Node), which already keep "2.5" whole; the
 * checks here refuse the ends ICU allows that a clinical text does not.
 */

/** Abbreviations whose full stop does not end a sentence in clinical text. */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'no', 'nos', 'fig', 'figs', 'approx', 'al', 'inc', 'co', 'ltd', 'jr', 'sr', 'vol', 'ed', 'eds',
  'e.g', 'i.e', 'u.s', 'u.k', 'e.u', 'etc', 'cf', 'ca', 'min', 'max', 'hr', 'hrs', 'wk', 'wks', 'mo', 'yr', 'yrs', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'p', 'pp', 'ref', 'refs', 'tab', 'tabs', 'cap', 'caps', 'inj', 'soln', 'susp', 'sol',
  'b.i.d', 't.i.d', 'q.i.d', 'q.d', 'p.o', 'p.r.n', 'h.s', 'a.m', 'p.m', 'dept', 'univ', 'assoc', 'natl', 'med', 'j', 'am', 'n', 'engl',
]);

/** Units that follow a number: a cut between them splits a dose or a measurement. */
const UNIT = /^(?:mg|mcg|µg|ug|g|kg|ml|l|dl|mmol|µmol|umol|mol|meq|iu|units?|mm|cm|m|m2|mmhg|%|percent|hours?|h|days?|weeks?|months?|years?|times|tablets?|capsules?|doses?|mme|bpm|min|°[cf]?|x)\b/i;

/** True when text ending at `left` and starting at `right` may be cut between them. */
export function safeCut(left: string, right: string): boolean {
  const l = left.trimEnd();
  const r = right.trimStart();
  if (!l || !r) return true;
  // A number cut in two: "2." | "5 mg", "1," | "063", "2" | ".5".
  if (/\d[.,]?$/.test(l) && /^[.,]?\d/.test(r)) return false;
  // A number from its unit, or a unit-less dose from the rest of it: "40" | "mg", "30 mL/minute/1" | ".73".
  if (/\d$/.test(l) && (UNIT.test(r) || /^[/\-–:×x]/.test(r))) return false;
  // After an abbreviation: the last word with its dots, without the final one.
  const word = /([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.$/.exec(l)?.[1]?.toLowerCase();
  if (word && (ABBREVIATIONS.has(word) || /^(?:[a-z]\.)+[a-z]$/.test(word))) return false;
  // A sentence does not go on in lower case or with a closing mark.
  if (/^[a-z,;:)\]]/.test(r)) return false;
  return true;
}

let segmenter: Intl.Segmenter | null = null;

/** Offsets in `text` after which a sentence ends and the text may be cut. */
export function sentenceEnds(text: string): number[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const ends: number[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const end = index + segment.length;
    if (end < text.length && safeCut(text.slice(Math.max(0, end - 40), end), text.slice(end, end + 40))) ends.push(end);
  }
  return ends;
}
