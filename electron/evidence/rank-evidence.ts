import { drugVocabulary } from '../clinical/drugs';
import type { EvidenceTier } from './evidence-meta';

/**
 * How a passage's BM25 relevance is weighed for a clinician's question:
 * - by what the passage is: a guideline's recommendations outrank its
 *   methodology, scope lists and bibliographic fields, which answer no
 *   clinical question; a label's dosing, warnings and interactions outrank
 *   its trial descriptions, patient leaflet and packaging;
 * - by what is asked: a dosing or safety question ("dose", "eGFR",
 *   "interaction", "contraindicated") prefers drug labels; any other ("what
 *   to do") prefers guidelines;
 * - by the drug asked about: a label for the drug named (by ingredient or
 *   brand) outranks other documents.
 */

/** Words a question is phrased with that name nothing to look for. */
export const QUESTION_WORDS = new Set(
  (
    'a an and are as at be been being by can could did do does doing for from had has have how i if in into is it its me my ' +
    'of on or our should so than that the their them then there these they this those to was we were what when where which who whom ' +
    'why will with would you your about any also more most other some such patient patients recommend recommended recommendation ' +
    'recommendations guideline guidelines suggest suggested use using used'
  ).split(' '),
);

const DOSING = /\b(dose|doses|dosing|dosage|dosages|mg|mcg|maximum|titrat\w*|renal|kidney|egfr|gfr|creatinine|hepatic|contraindicat\w*|interact\w*|overdos\w*|adverse|side|pregnan\w*|lactation|tablets?|label|labeling|inr|warning|boxed|missed|pharmacokinetic\w*|geriatric|pediatric)\b/i;

export function isDosingQuestion(query: string): boolean {
  return DOSING.test(query);
}

export function tierWeight(tier: EvidenceTier, dosing: boolean): number {
  // Either way a guideline or a reference text outranks other material of the same relevance.
  if (tier === 'other') return 1;
  if (dosing) return tier === 'reference' ? 1.5 : 1.1;
  return tier === 'guideline' ? 1.5 : 1.1;
}

/** Sections that answer clinical questions, and those that describe the document instead. */
const SECTION_WEIGHTS: ReadonlyArray<[RegExp, number]> = [
  [/contents\b|table of contents/i, 0.2],
  [/methodology|methods used|description of (the )?methods?|rating scheme|number of source documents|cost analysis|guideline validation|type of evidence/i, 0.45],
  [/identifying information|bibliographic source|date released|guideline developer|source\(s\) of funding|guideline committee|composition of group|financial disclosures|guideline status|guideline availability|companion documents|patient resources|ngc status|copyright|disclaimer|adaptation|iom care need|iom domain|national healthcare quality/i, 0.3],
  [/disease\/condition|guideline category|clinical specialty|intended users|guideline objective|target population|interventions and practices considered|major outcomes considered/i, 0.55],
  [/implementation|qualifying statements/i, 0.7],
  [/recent major changes|how supplied|storage and handling|package label|principal display panel|medication guide|patient counseling|instructions for use|\bdescription\b|nonclinical toxicology|references/i, 0.6],
  [/clinical studies|clinical pharmacology|pharmacokinetics|mechanism of action/i, 0.75],
  [/major recommendations|^recommendation|> recommendation|recommendations/i, 1.3],
  [/dosage and administration|contraindications|warnings|boxed|drug interactions|use in specific populations|renal impairment|hepatic impairment|overdosage|indications and usage|adverse reactions/i, 1.15],
];

/**
 * For a dosing question, a label's dosage sections answer it and its
 * adverse-reaction tables from trials do not (they name doses only as the
 * arms of a study); consulted before SECTION_WEIGHTS.
 */
const DOSING_SECTION_WEIGHTS: ReadonlyArray<[RegExp, number]> = [
  [/clinical trials experience|postmarketing experience/i, 0.75],
  [/dosage and administration|recommended dosage|dosing/i, 1.3],
];

export function sectionWeight(section: string, dosing = false): number {
  if (dosing) for (const [pattern, weight] of DOSING_SECTION_WEIGHTS) if (pattern.test(section)) return weight;
  for (const [pattern, weight] of SECTION_WEIGHTS) if (pattern.test(section)) return weight;
  return 1;
}

/** Ingredients the question names (by ingredient, synonym or brand): their names are added to the query, and a label for them is preferred. */
export function drugsAsked(query: string): string[] {
  return [...new Set(drugVocabulary().mentions(query).flatMap((m) => m.ingredients.map((i) => i.name)))];
}

export function drugWeight(title: string, tier: EvidenceTier, drugs: readonly string[]): number {
  if (drugs.length === 0 || tier !== 'reference') return 1;
  const lower = title.toLowerCase();
  return drugs.some((d) => lower.includes(d)) ? 1.6 : 1;
}
