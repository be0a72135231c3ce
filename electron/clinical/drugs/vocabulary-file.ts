import type { Strength } from './rxnorm-name';

/** The shape of drug-vocabulary.json, written by scripts/clinical/build-drug-vocabulary.ts. */
export interface VocabularySource {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  /** Upstream version (repository and commit, or release). */
  readonly version: string;
  readonly licence: string;
  /** First 16 hex digits of the SHA-256 of the input file(s) the build read. */
  readonly digest: string;
}

export interface VocabularyIngredient {
  /** RxNorm ingredient name, lower case ("furosemide"). */
  name: string;
  /** RxNorm ingredient (IN) RxCUI, where the tables give one. */
  rxcui: string | null;
  /** WHO ATC code of the substance, where known (class for duplicate and allergy checks). */
  atc: string | null;
  brands: string[];
  /** Other names for the same ingredient (paracetamol, salbutamol). */
  synonyms: string[];
  /** CDC drug sets (classes) the ingredient belongs to. */
  sets: string[];
  /** Sources that name it. */
  from: string[];
}

export interface VocabularyProduct {
  readonly rxcui: string;
  /** The RxNorm name as the source gives it. */
  readonly name: string;
  readonly ingredients: ReadonlyArray<{ name: string; strength: Strength | null }>;
  readonly doseForm: string | null;
  readonly brand: string | null;
  readonly releaseHours: number | null;
  readonly sets: readonly string[];
  readonly from: string;
}

export interface VocabularyFile {
  readonly format: 1;
  readonly sources: readonly VocabularySource[];
  readonly sets: ReadonlyArray<{ id: string; title: string; source: string }>;
  readonly ingredients: readonly VocabularyIngredient[];
  readonly products: readonly VocabularyProduct[];
}
