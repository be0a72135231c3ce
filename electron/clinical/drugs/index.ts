/**
 * The drug vocabulary shared by the checks, the grounding verifier and OCR
 * extraction: RxNorm ingredients, brand names and synonyms, ATC codes, CDC
 * drug sets and RxNorm clinical drugs, from tables the project ships with
 * their sources and versions. See vocabulary.ts.
 */
export { drugVocabulary, DrugVocabulary, type DrugMention, type DrugProduct, type Ingredient, type MentionVia } from './vocabulary';
export { parseClinicalDrugName, baseIngredient, type ClinicalDrugName, type NamePart, type Strength } from './rxnorm-name';
export type { VocabularySource } from './vocabulary-file';
