/**
 * Reads RxNorm clinical-drug names (the SCD and SBD term types, e.g.
 * "Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet",
 * "12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet [Oxycontin]")
 * into their parts. RxNorm writes these names to a fixed pattern
 * ([quantity] [release period] ingredient strength unit / ... dose form
 * [brand]); this reads that pattern, and the looser names records carry
 * ("Lasix 40mg", "Hydrochlorothiazide 25 MG") as far as they go.
 */

export interface Strength {
  readonly value: number;
  /** As RxNorm writes it: MG, MCG, MG/ML, MG/HR, UNT/ML, MG/ACTUAT... */
  readonly unit: string;
}

export interface NamePart {
  /** The ingredient as named, lower case, salt removed ("oxycodone"). */
  readonly ingredient: string;
  /** The ingredient as printed, salt and case kept ("oxyCODONE Hydrochloride"). */
  readonly printed: string;
  readonly strength: Strength | null;
}

export interface ClinicalDrugName {
  readonly parts: readonly NamePart[];
  /** "Oral Tablet", "Transdermal System"... or null where the name gives none. */
  readonly doseForm: string | null;
  /** The brand in brackets ("Oxycontin"), or null for a generic name. */
  readonly brand: string | null;
  /** Hours a dose is released over ("12 HR"), or null. */
  readonly releaseHours: number | null;
}

/**
 * Salt and ester words RxNorm adds after a base ingredient: the base is what
 * interacts and what classes name, so they are dropped when they end a name
 * ("naproxen sodium" -> naproxen; "potassium chloride" keeps its name).
 */
export const SALTS: ReadonlySet<string> = new Set([
  'hydrochloride', 'hcl', 'dihydrochloride', 'bitartrate', 'tartrate', 'sulfate', 'sodium', 'dipotassium', 'potassium', 'calcium', 'magnesium',
  'succinate', 'citrate', 'phosphate', 'acetate', 'besylate', 'mesylate', 'maleate', 'fumarate', 'hydrobromide', 'napsylate', 'monohydrate',
  'dihydrate', 'trihydrate', 'anhydrous', 'hyclate', 'propionate', 'dipropionate', 'furoate', 'valerate', 'bromide', 'pamoate', 'lactate',
  'terephthalate',
]);

const UNIT = String.raw`(?:MG|MCG|G|ML|UNT|MEQ|MMOL|%)(?:\/(?:ML|HR|ACTUAT|MG|G|L|24HR))?`;
const STRENGTH = new RegExp(String.raw`^(.*?)\s+(\d+(?:\.\d+)?)\s*(${UNIT})\b\s*(.*)$`, 'i');

/** The base ingredient of a printed name: lower case, trailing salt words dropped, at least one word kept. */
export function baseIngredient(printed: string): string {
  const words = printed.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  while (words.length > 1 && SALTS.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** Parses one RxNorm-style clinical drug name; null when it holds no ingredient with a strength or form. */
export function parseClinicalDrugName(name: string): ClinicalDrugName | null {
  let rest = name.trim();
  // Packs of several drugs ("{7 (...) / 14 (...)} Pack") name their parts in parentheses: not one drug.
  if (rest.startsWith('{')) return null;
  let brand: string | null = null;
  const bracket = /\s*\[([^\]]+)\]\s*$/.exec(rest);
  if (bracket) {
    brand = bracket[1]!.trim();
    rest = rest.slice(0, bracket.index);
  }
  // Leading quantity ("1 ML", "200 ACTUAT"), approval prefix ("NDA020800") and delivery words.
  rest = rest.replace(/^NDA\d+\s+/i, '').replace(/^\d+(?:\.\d+)?\s+(?:ML|ACTUAT)\s+/i, '');
  rest = rest.replace(/^(?:Abuse-Deterrent|Matrix Delivery)\s+/i, '');
  let releaseHours: number | null = null;
  const release = /^(\d+)\s+HR\s+/i.exec(rest);
  if (release) {
    releaseHours = Number(release[1]);
    rest = rest.slice(release[0].length);
  }
  const pieces = rest.split(/\s+\/\s+/);
  const parts: NamePart[] = [];
  let doseForm: string | null = null;
  for (const [index, piece] of pieces.entries()) {
    const m = STRENGTH.exec(piece);
    if (!m) {
      if (index === pieces.length - 1 && parts.length === 0) return null;
      parts.push({ ingredient: baseIngredient(piece), printed: piece.trim(), strength: null });
      continue;
    }
    const printed = m[1]!.trim();
    if (!printed) return null;
    parts.push({ ingredient: baseIngredient(printed), printed, strength: { value: Number(m[2]), unit: m[3]!.toUpperCase() } });
    if (index === pieces.length - 1 && m[4]!.trim()) doseForm = m[4]!.trim();
  }
  return parts.length > 0 ? { parts, doseForm, brand, releaseHours } : null;
}
