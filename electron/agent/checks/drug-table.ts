/**
 * Ingredients Continuum recognises in medication names, with their WHO ATC
 * codes. Source: WHO Collaborating Centre for Drug Statistics Methodology,
 * ATC/DDD Index (https://atcddd.fhi.no/atc_ddd_index/), public. The
 * 5-character prefix (e.g. C10AA, HMG CoA reductase inhibitors) is the
 * chemical subgroup used for duplicate-therapy checks. Names are matched
 * as whole words, lower case; aliases cover US names and spellings met in
 * real data (Synthea writes "Simvistatin").
 */
export interface DrugEntry {
  readonly ingredient: string;
  readonly atc: string;
  readonly aliases?: readonly string[];
}

export const ATC_SOURCE = { title: 'ATC/DDD Index', issuer: 'WHO Collaborating Centre for Drug Statistics Methodology', url: 'https://atcddd.fhi.no/atc_ddd_index/' } as const;

export const DRUGS: readonly DrugEntry[] = [
  { ingredient: 'paracetamol', atc: 'N02BE01', aliases: ['acetaminophen'] },
  { ingredient: 'ibuprofen', atc: 'M01AE01' },
  { ingredient: 'naproxen', atc: 'M01AE02' },
  { ingredient: 'diclofenac', atc: 'M01AB05' },
  { ingredient: 'acetylsalicylic acid', atc: 'B01AC06', aliases: ['aspirin'] },
  { ingredient: 'amoxicillin', atc: 'J01CA04' },
  { ingredient: 'ampicillin', atc: 'J01CA01' },
  { ingredient: 'phenoxymethylpenicillin', atc: 'J01CE02', aliases: ['penicillin v'] },
  { ingredient: 'benzylpenicillin', atc: 'J01CE01', aliases: ['penicillin g'] },
  { ingredient: 'cefuroxime', atc: 'J01DC02' },
  { ingredient: 'cefalexin', atc: 'J01DB01', aliases: ['cephalexin'] },
  { ingredient: 'sulfamethoxazole', atc: 'J01EC01' },
  { ingredient: 'simvastatin', atc: 'C10AA01', aliases: ['simvistatin'] },
  { ingredient: 'atorvastatin', atc: 'C10AA05' },
  { ingredient: 'rosuvastatin', atc: 'C10AA07' },
  { ingredient: 'hydrochlorothiazide', atc: 'C03AA03' },
  { ingredient: 'furosemide', atc: 'C03CA01', aliases: ['lasix'] },
  { ingredient: 'amlodipine', atc: 'C08CA01' },
  { ingredient: 'lisinopril', atc: 'C09AA03' },
  { ingredient: 'enalapril', atc: 'C09AA02' },
  { ingredient: 'ramipril', atc: 'C09AA05' },
  { ingredient: 'losartan', atc: 'C09CA01' },
  { ingredient: 'metoprolol', atc: 'C07AB02' },
  { ingredient: 'metformin', atc: 'A10BA02' },
  { ingredient: 'clopidogrel', atc: 'B01AC04' },
  { ingredient: 'warfarin', atc: 'B01AA03' },
  { ingredient: 'oxycodone', atc: 'N02AA05' },
  { ingredient: 'salbutamol', atc: 'R03AC02', aliases: ['albuterol'] },
  { ingredient: 'fluticasone', atc: 'R03BA05' },
  { ingredient: 'glyceryl trinitrate', atc: 'C01DA02', aliases: ['nitroglycerin'] },
  { ingredient: 'fexofenadine', atc: 'R06AX26' },
  { ingredient: 'diphenhydramine', atc: 'R06AA02' },
  { ingredient: 'doxylamine', atc: 'R06AA09' },
  { ingredient: 'dextromethorphan', atc: 'R05DA09' },
  { ingredient: 'alendronic acid', atc: 'M05BA04' },
  { ingredient: 'galantamine', atc: 'N06DA04' },
  { ingredient: 'memantine', atc: 'N06DX01' },
  { ingredient: 'levothyroxine', atc: 'H03AA01' },
  { ingredient: 'omeprazole', atc: 'A02BC01' },
];

/** The ingredients a medication name contains ("Acetaminophen 325 MG / oxyCODONE ..." -> paracetamol, oxycodone). */
export function ingredientsOf(name: string): DrugEntry[] {
  const text = ` ${name.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  return DRUGS.filter((d) => [d.ingredient, ...(d.aliases ?? [])].some((n) => text.includes(` ${n} `)));
}
