import { drugVocabulary, type Ingredient } from '../../clinical/drugs';
import type { RuleSource } from './check-types';

/**
 * The ingredients of a medication name, from the shared drug vocabulary
 * (RxNorm ingredients, brands and synonyms; WHO ATC codes for classes).
 * The ATC chemical subgroup (5 characters, e.g. C10AA, HMG CoA reductase
 * inhibitors) is what duplicate-therapy and class-allergy checks compare.
 */
export interface DrugEntry {
  /** RxNorm ingredient name, lower case. */
  readonly ingredient: string;
  readonly atc: string | null;
  readonly vocabulary: Ingredient;
}

/** The vocabulary as a rule source: RxNorm for ingredients, WHO ATC for classes, with the tables' versions. */
export function vocabularySource(): RuleSource {
  const vocabulary = drugVocabulary();
  return {
    title: 'Continuum drug vocabulary: RxNorm ingredients and brand names, WHO ATC classes',
    issuer: 'U.S. National Library of Medicine (RxNorm); WHO Collaborating Centre for Drug Statistics Methodology (ATC)',
    url: 'https://atcddd.fhi.no/atc_ddd_index/',
    version: vocabulary.sources.map((s) => `${s.id} ${s.digest}`).join(', '),
  };
}

/** The ingredients a medication name contains ("Acetaminophen 325 MG / oxyCODONE ..." -> acetaminophen, oxycodone; "Lasix" -> furosemide). */
export function ingredientsOf(name: string): DrugEntry[] {
  return drugVocabulary()
    .ingredientsOf(name)
    .map((i) => ({ ingredient: i.name, atc: i.atc, vocabulary: i }));
}
