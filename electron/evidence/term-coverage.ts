import type { Db } from '../store/sqlite';
import { countEvidenceChunks, passageCounter } from './queries';
import { expandQuery, layTerms } from './query-expansion';

/** One word of the question, with the words that stand for it (an abbreviation spelled out, a drug's class), and how telling it is. */
export interface AskedTerm {
  readonly forms: readonly string[];
  /** Inverse document frequency over the library: "sickle" tells more than "pain". */
  readonly weight: number;
}

/**
 * The question's words as terms to look for in a passage, each weighed by
 * how rare it is in the library (BM25's idf, from the FTS index), its
 * spelled-out abbreviations and drug classes counting as the word itself.
 */
export function askedTerms(db: Db, asked: readonly string[], withClasses: boolean, query = ''): AskedTerm[] {
  const lay = layTerms(query);
  // Counted by the same five-letter stem the passages are searched with (a word-start prefix in the index).
  const passages = countEvidenceChunks(db);
  const holding = passageCounter(db);
  const idf = (word: string) => Math.log(1 + passages / (1 + holding(`"${word.slice(0, 5).replace(/"/g, '')}"*`)));
  return asked.flatMap((word) => {
    const phrases = lay.filter((l) => l.phrase.split(' ').includes(word)).flatMap((l) => l.words);
    const forms = [...new Set([word, ...expandQuery([word], word, withClasses), ...phrases])].filter((f) => f.length > 1);
    // A one-character word ("3" of "stage 3") has no form to look for: without this its weight was -Infinity, which made every passage's coverage and title weight alike.
    return forms.length === 0 ? [] : [{ forms, weight: Math.max(...forms.map(idf)) }];
  });
}

/** A crude stem, as a word-start pattern: the first five letters ("hypertension" finds "hypertensive"). */
function stemPattern(form: string): RegExp {
  return new RegExp(`\\b${form.slice(0, 5).replace(/[^\p{L}\p{N}]/gu, '')}`, 'u');
}

/**
 * A passage's sentences, clauses after a semicolon (a recommendation's list
 * items) and lines, lower-cased. A plain split: a stray cut after "e.g."
 * only narrows one sentence, and this runs over every candidate passage.
 */
function sentences(text: string): string[] {
  return text.toLowerCase().split(/(?<=[.!?;])\s+|\n+/).filter((x) => x.trim());
}

/**
 * Each sentence, and each with the one after it: an answer often runs over
 * two (a run-in heading's line and its recommendation; "In patients with
 * X ..." and the clause after a semicolon). eval:evidence, two against one:
 * dev set top-1 0.763 -> 0.800, dev set 2 0.575 -> 0.600; three scored
 * alike (0.787, 0.600).
 */
function windows(units: readonly string[]): string[] {
  return [...units, ...units.slice(1).map((next, i) => `${units[i]} ${next}`)];
}

/**
 * How much of the question one sentence of the passage (or two in a row,
 * windows()) holds, as a weight
 * from 0.4 to 1: the share of the question's terms, weighed by their idf,
 * found in the passage's best sentence. BM25 counts words anywhere in a
 * passage, so a long recommendations section ranks the passage that
 * repeats a common word above the one whose single sentence answers the
 * question; an answer tends to hold the question's rare words together.
 */
export function sentenceCoverage(terms: readonly AskedTerm[], text: string): number {
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return 1;
  const patterns = terms.map((t) => t.forms.map(stemPattern));
  let best = 0;
  for (const sentence of windows(sentences(text))) {
    let found = 0;
    patterns.forEach((forms, i) => {
      if (forms.some((p) => p.test(sentence))) found += terms[i]!.weight;
    });
    if (found > best) best = found;
  }
  return 0.4 + (0.6 * best) / total;
}

/**
 * How much of the question a passage's document title names, as a weight
 * from 1 to TITLE_LIFT: the idf-weighed share of the question's terms in the
 * title. A document's title says what the whole document is about; a
 * passage on "depression screening" from the depression guideline outranks
 * one that mentions depression in a guideline on suicide risk. (FTS5 ranks
 * the section column, which begins with the title, but a long heading path
 * dilutes it, and it weighs every passage of the document alike.)
 */
export function titleWeight(terms: readonly AskedTerm[], title: string): number {
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return 1;
  const lower = title.toLowerCase();
  let found = 0;
  for (const t of terms) if (t.forms.some((f) => stemPattern(f).test(lower))) found += t.weight;
  return 1 + ((TITLE_LIFT - 1) * found) / total;
}

/** The most a title naming every word of the question lifts a passage (eval:evidence: 1.5; see README, The evidence library). */
export const TITLE_LIFT = 1.5;

