/**
 * Builds electron/clinical/drugs/drug-vocabulary.json, the drug vocabulary
 * the app ships, from:
 *  - the CDC opioid-CDS RxNorm drug sets in ../shared/data/clinical-tables
 *    (RxNorm SCD/SBD names, CC0; their set membership gives drug classes),
 *  - the RxNorm codings in the Synthea bundles in ../shared/data/synthea,
 *  - the project's own table of ingredients (tables/ingredients.csv: RxNorm
 *    ingredient names and RxCUIs, WHO ATC codes, US brand names),
 *  - the CDC MME table's ingredient RxCUIs, against which the ingredient
 *    table's RxCUIs are checked.
 * Deterministic: the same inputs give the same bytes. Run it again when an
 * input changes (`npm run clinical:drugs`); a test fails while the shipped
 * file is out of date.
 * Usage: tsx scripts/clinical/build-drug-vocabulary.ts [SHARED_DATA_DIR]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseClinicalDrugName } from '../../electron/clinical/drugs/rxnorm-name';
import type { VocabularyFile, VocabularyIngredient, VocabularyProduct } from '../../electron/clinical/drugs/vocabulary-file';
import { parseCsv } from '../../electron/clinical/drugs/csv';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const VOCABULARY_PATH = join(root, 'electron/clinical/drugs/drug-vocabulary.json');
const INGREDIENTS_CSV = join(root, 'electron/clinical/drugs/tables/ingredients.csv');

const SET_TITLES: Record<string, string> = {
  'opioid-analgesics-with-ambulatory-misuse-potential': 'Opioid analgesics with ambulatory misuse potential',
  'extended-release-opioid-with-ambulatory-misuse-potential': 'Extended-release opioids with ambulatory misuse potential',
  'benzodiazepine-medications': 'Benzodiazepines',
  'cns-depressant-medications': 'Central nervous system depressants',
  'buprenorphine-and-methadone-medications': 'Buprenorphine and methadone',
  'naloxone-medications': 'Naloxone',
};

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}

export function buildDrugVocabulary(sharedData: string): VocabularyFile {
  const valuesetFile = join(sharedData, 'clinical-tables/opioids/opioid-cds-rxnorm-valuesets.csv');
  const mmeFile = join(sharedData, 'clinical-tables/opioids/cdc-mme-conversion-factors.csv');
  const syntheaDir = join(sharedData, 'synthea');

  const ingredients = new Map<string, VocabularyIngredient & { brands: string[]; synonyms: string[]; sets: string[]; from: string[] }>();
  const ingredient = (name: string, from: string) => {
    let entry = ingredients.get(name);
    if (!entry) {
      entry = { name, rxcui: null, atc: null, brands: [], synonyms: [], sets: [], from: [] };
      ingredients.set(name, entry);
    }
    if (!entry.from.includes(from)) entry.from.push(from);
    return entry;
  };
  const addUnique = (list: string[], value: string) => {
    if (value && !list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
  };

  // 1. The project's ingredient table: names, RxCUIs, ATC codes, brands, synonyms.
  for (const row of parseCsv(readFileSync(INGREDIENTS_CSV, 'utf8'))) {
    const entry = ingredient(row.ingredient!, 'continuum-ingredients');
    entry.rxcui = row.rxcui || null;
    entry.atc = row.atc || null;
    for (const b of (row.brands ?? '').split('|')) addUnique(entry.brands, b.trim());
    for (const s of (row.synonyms ?? '').split('|')) addUnique(entry.synonyms, s.trim().toLowerCase());
  }
  const brandOwners = new Map<string, string[]>();
  for (const e of ingredients.values()) for (const b of e.brands) brandOwners.set(b.toLowerCase(), [...(brandOwners.get(b.toLowerCase()) ?? []), e.name]);
  const synonymOwner = new Map<string, string>();
  for (const e of ingredients.values()) for (const s of e.synonyms) synonymOwner.set(s, e.name);
  const canonical = (name: string) => synonymOwner.get(name) ?? name;

  // 2. The MME table's RxCUIs must agree with the ingredient table.
  for (const row of parseCsv(readFileSync(mmeFile, 'utf8'))) {
    const name = row.ingredient!.toLowerCase();
    const entry = ingredients.get(name);
    if (entry?.rxcui && entry.rxcui !== row.rxnorm_ingredient_rxcui) throw new Error(`ingredients.csv: ${name} has RxCUI ${entry.rxcui}; the CDC MME table says ${row.rxnorm_ingredient_rxcui}`);
    ingredient(name, 'cdc-mme-factors').rxcui = row.rxnorm_ingredient_rxcui!;
  }

  // 3. Products: the CDC drug sets, then Synthea's RxNorm codings.
  const products = new Map<string, VocabularyProduct & { sets: string[] }>();
  const addProduct = (rxcui: string, name: string, from: string, set: string | null) => {
    const parsed = parseClinicalDrugName(name);
    if (!parsed) return;
    // A name that is only a brand ("Lasix 40mg") stands for the brand's ingredients.
    const owners = parsed.parts.length === 1 ? brandOwners.get(parsed.parts[0]!.ingredient) : undefined;
    const brand = parsed.brand ?? (owners ? parsed.parts[0]!.printed : null);
    const parts = owners ? owners.map((o) => ({ ingredient: o, strength: owners.length === 1 ? parsed.parts[0]!.strength : null })) : parsed.parts.map((p) => ({ ingredient: canonical(p.ingredient), strength: p.strength }));
    let product = products.get(rxcui);
    if (!product) {
      product = { rxcui, name, ingredients: parts.map((p) => ({ name: p.ingredient, strength: p.strength })), doseForm: parsed.doseForm, brand, releaseHours: parsed.releaseHours, sets: [], from };
      products.set(rxcui, product);
    }
    if (set && !product.sets.includes(set)) product.sets.push(set);
    for (const p of parts) {
      const entry = ingredient(p.ingredient, from);
      if (brand) addUnique(entry.brands, brand);
    }
  };
  for (const row of parseCsv(readFileSync(valuesetFile, 'utf8'))) addProduct(row.rxnorm_rxcui!, row.display!, 'cdc-opioid-cds-valuesets', row.valueset!);
  const syntheaFiles = readdirSync(syntheaDir).filter((f) => f.endsWith('.json')).sort();
  const syntheaDigest = createHash('sha256');
  for (const file of syntheaFiles) {
    const text = readFileSync(join(syntheaDir, file), 'utf8');
    syntheaDigest.update(text);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (typeof o.system === 'string' && /rxnorm/i.test(o.system) && typeof o.code === 'string' && typeof o.display === 'string') addProduct(o.code, o.display, 'synthea-rxnorm-codings', null);
        Object.values(o).forEach(walk);
      }
    };
    walk(JSON.parse(text));
  }

  // 4. Set membership of ingredients: an ingredient belongs to a set when a
  //    single-ingredient product of it is in the set. A combination with no
  //    such member (benzhydrocodone with acetaminophen) adds its ingredients
  //    that are neither seen beside a member of any set (acetaminophen, with
  //    oxycodone) nor classed by ATC outside the opioids and sedatives.
  const all = [...products.values()];
  const solo = new Set(all.filter((p) => p.ingredients.length === 1 && p.sets.length > 0).map((p) => p.ingredients[0]!.name));
  const companions = new Set(all.filter((p) => p.ingredients.some((i) => solo.has(i.name))).flatMap((p) => p.ingredients.map((i) => i.name)).filter((n) => !solo.has(n)));
  const sedativeOrOpioidAtc = /^(N02A|R05DA|N07BC|N05B|N05C|N03AE|N01AH)/;
  for (const set of Object.keys(SET_TITLES)) {
    const inSet = all.filter((p) => p.sets.includes(set));
    const members = new Set(inSet.filter((p) => p.ingredients.length === 1).map((p) => p.ingredients[0]!.name));
    for (const p of inSet) {
      if (p.ingredients.some((i) => members.has(i.name))) continue;
      for (const i of p.ingredients) {
        const atc = ingredients.get(i.name)?.atc;
        if (!companions.has(i.name) && (!atc || sedativeOrOpioidAtc.test(atc))) members.add(i.name);
      }
    }
    for (const m of members) addUnique(ingredient(m, 'cdc-opioid-cds-valuesets').sets, set);
  }

  const sorted = [...ingredients.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const e of sorted) {
    e.brands.sort((a, b) => a.localeCompare(b));
    e.sets.sort();
    e.from.sort();
  }
  return {
    format: 1,
    sources: [
      {
        id: 'cdc-opioid-cds-valuesets',
        title: 'CDC Opioid Prescribing Support Implementation Guide: RxNorm drug sets (ValueSet expansions dated 2023-05 to 2025-02)',
        publisher: 'Centers for Disease Control and Prevention; RxNorm content from the U.S. National Library of Medicine',
        version: 'cqframework/opioid-cds-r4 b29bdcbf6db6f3de26486dbc3820572ee9a78b89',
        licence: 'CC0 1.0; RxNorm (SAB=RXNORM) free of licence restrictions',
        digest: sha256(valuesetFile),
      },
      {
        id: 'cdc-mme-factors',
        title: 'CDC MME conversion factors by RxNorm ingredient (CDCMMEClinicalConversionFactors)',
        publisher: 'Centers for Disease Control and Prevention',
        version: 'cqframework/opioid-cds-r4 b29bdcbf6db6f3de26486dbc3820572ee9a78b89',
        licence: 'CC0 1.0; CDC values public domain',
        digest: sha256(mmeFile),
      },
      {
        id: 'synthea-rxnorm-codings',
        title: 'RxNorm codings in the Synthea sample patients (medication names as records carry them)',
        publisher: 'Synthea (MITRE); RxNorm content from the U.S. National Library of Medicine',
        version: 'smart-on-fhir/generated-sample-data 25ac8089f0464b8673c7669509dc0bb8f4883773',
        licence: 'Apache-2.0',
        digest: syntheaDigest.digest('hex').slice(0, 16),
      },
      {
        id: 'continuum-ingredients',
        title: 'Continuum ingredient table: RxNorm ingredient names and RxCUIs, WHO ATC codes, US brand names (written by the project; RxCUIs of opioids checked against the CDC MME table)',
        publisher: 'Continuum project',
        version: `ingredients.csv ${sha256(INGREDIENTS_CSV)}`,
        licence: 'project file; names and codes are facts from RxNorm (NLM) and the WHO ATC index',
        digest: sha256(INGREDIENTS_CSV),
      },
    ],
    sets: Object.entries(SET_TITLES).map(([id, title]) => ({ id, title, source: 'cdc-opioid-cds-valuesets' })),
    ingredients: sorted,
    products: [...products.values()].sort((a, b) => Number(a.rxcui) - Number(b.rxcui)),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const shared = resolve(process.argv[2] ?? join(root, '../shared/data'));
  const vocabulary = buildDrugVocabulary(shared);
  writeFileSync(VOCABULARY_PATH, `${JSON.stringify(vocabulary, null, 1)}\n`);
  process.stdout.write(`${VOCABULARY_PATH}: ${vocabulary.ingredients.length} ingredients, ${vocabulary.products.length} products\n`);
}
