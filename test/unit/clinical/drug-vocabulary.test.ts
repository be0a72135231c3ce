import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseIngredient, drugVocabulary, parseClinicalDrugName } from '../../../electron/clinical/drugs';
import { buildDrugVocabulary, VOCABULARY_PATH } from '../../../scripts/clinical/build-drug-vocabulary';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const sharedData = resolve(repoRoot, '../shared/data');
const names = (list: ReadonlyArray<{ name: string }>) => list.map((i) => i.name);

describe('RxNorm clinical drug names', () => {
  it('reads ingredients, strengths, dose form, brand and release period', () => {
    expect(parseClinicalDrugName('Abuse-Deterrent 12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet [Oxycontin]')).toEqual({
      parts: [{ ingredient: 'oxycodone', printed: 'oxycodone hydrochloride', strength: { value: 10, unit: 'MG' } }],
      doseForm: 'Extended Release Oral Tablet',
      brand: 'Oxycontin',
      releaseHours: 12,
    });
    const combo = parseClinicalDrugName('Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet')!;
    expect(combo.parts.map((p) => [p.ingredient, p.strength?.value])).toEqual([
      ['acetaminophen', 325],
      ['oxycodone', 5],
    ]);
    expect(parseClinicalDrugName('72 HR fentanyl 0.025 MG/HR Transdermal System')!.parts[0]!.strength).toEqual({ value: 0.025, unit: 'MG/HR' });
    expect(parseClinicalDrugName('1 ML morphine sulfate 10 MG/ML Injection')!.parts[0]!.ingredient).toBe('morphine');
  });

  it('keeps a name whose last word is not a salt, and refuses multi-drug packs', () => {
    expect(baseIngredient('Naproxen sodium')).toBe('naproxen');
    expect(baseIngredient('potassium chloride')).toBe('potassium chloride');
    expect(baseIngredient('sodium oxybate')).toBe('sodium oxybate');
    expect(parseClinicalDrugName('{7 (sodium oxybate 4500 MG Granules for Oral Suspension) / 14 (sodium oxybate 6000 MG Granules for Oral Suspension) } Pack')).toBeNull();
  });
});

describe('the drug vocabulary', () => {
  const vocabulary = drugVocabulary();

  it('maps brands and synonyms to RxNorm ingredients', () => {
    expect(names(vocabulary.lookup('Lasix'))).toEqual(['furosemide']);
    expect(names(vocabulary.lookup('MOTRIN'))).toEqual(['ibuprofen']);
    expect(names(vocabulary.lookup('Percocet')).sort()).toEqual(['acetaminophen', 'oxycodone']);
    expect(vocabulary.ingredient('paracetamol')?.name).toBe('acetaminophen');
    expect(vocabulary.lookupVia('Xanax')).toBe('brand');
    expect(vocabulary.lookup('not a drug')).toEqual([]);
  });

  it('classes ingredients by the CDC drug sets, not by the combinations they come in', () => {
    const opioids = 'opioid-analgesics-with-ambulatory-misuse-potential';
    expect(vocabulary.inSet(vocabulary.ingredient('oxycodone')!, opioids)).toBe(true);
    expect(vocabulary.inSet(vocabulary.ingredient('benzhydrocodone')!, opioids)).toBe(true);
    // Acetaminophen comes with oxycodone in the set, but is no opioid; nor is naloxone's partner buprenorphine a naloxone.
    expect(vocabulary.inSet(vocabulary.ingredient('acetaminophen')!, opioids)).toBe(false);
    expect(vocabulary.inSet(vocabulary.ingredient('buprenorphine')!, 'naloxone-medications')).toBe(false);
    expect(vocabulary.inSet(vocabulary.ingredient('alprazolam')!, 'benzodiazepine-medications')).toBe(true);
  });

  it('finds drugs in free text with the strength written after them', () => {
    const found = vocabulary.mentions('Meds: Motrin once/week. Tums previously. Lasix 40mg; oxyCODONE Hydrochloride 5 MG Oral Tablet');
    expect(found.map((m) => [m.matched, m.via, names(m.ingredients).join('+'), m.strength ? `${m.strength.value} ${m.strength.unit}` : null])).toEqual([
      ['Motrin', 'brand', 'ibuprofen', null],
      ['Tums', 'brand', 'calcium carbonate', null],
      ['Lasix', 'brand', 'furosemide', '40 mg'],
      ['oxyCODONE', 'ingredient', 'oxycodone', '5 mg'],
    ]);
  });

  it('records the source and version of every table it was built from', () => {
    expect(vocabulary.sources.map((s) => s.id).sort()).toEqual(['cdc-mme-factors', 'cdc-opioid-cds-valuesets', 'continuum-ingredients', 'synthea-rxnorm-codings']);
    for (const s of vocabulary.sources) expect(s.version && s.licence && s.digest).toBeTruthy();
    expect(vocabulary.product('1049221')?.ingredients.map((i) => i.name)).toEqual(['acetaminophen', 'oxycodone']);
  });

  it.skipIf(!existsSync(sharedData))('is the file the build script makes from ../shared/data (rerun `npm run clinical:drugs` if not)', () => {
    const shipped = readFileSync(VOCABULARY_PATH, 'utf8');
    expect(JSON.parse(shipped)).toEqual(buildDrugVocabulary(sharedData));
    expect(existsSync(join(repoRoot, 'electron/clinical/drugs/tables/ingredients.csv'))).toBe(true);
  });
});

describe('the CDC opioid tables the checks ship', () => {
  it.skipIf(!existsSync(sharedData))('are the file the build script makes from ../shared/data (rerun `npm run clinical:tables` if not)', async () => {
    const { buildOpioidTables, OPIOID_TABLES_PATH } = await import('../../../scripts/clinical/build-opioid-tables');
    expect(JSON.parse(readFileSync(OPIOID_TABLES_PATH, 'utf8'))).toEqual(buildOpioidTables(sharedData));
  });
});
