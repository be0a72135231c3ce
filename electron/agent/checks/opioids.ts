import { drugVocabulary, type Ingredient } from '../../clinical/drugs';
import { citeRecord } from '../grounding/citation';
import type { CheckFlag, Medication, RuleSource } from './check-types';
import { dailyDose, strengthOf } from './daily-dose';
import { OPIOID_TABLES, type MmeRow } from './opioid-tables';
import { cite, SOURCES } from './rule-sources';

const OPIOID_SET = 'opioid-analgesics-with-ambulatory-misuse-potential';
/** CDC 2016 Recommendation 5: reassess at or above 50 MME/day; avoid, or justify, 90 or more. */
export const MME_REASSESS = 50;
export const MME_AVOID = 90;

/** The sets a medication belongs to: its RxNorm product's when coded, else its ingredients'. */
function setsOf(med: Medication): { sets: Set<string>; ingredients: Ingredient[] } {
  const vocabulary = drugVocabulary();
  const ingredients = vocabulary.ingredientsOf(med.display);
  const product = med.rxcui ? vocabulary.product(med.rxcui) : null;
  const sets = new Set<string>(product ? product.sets : []);
  for (const i of ingredients) for (const s of i.sets) sets.add(s);
  return { sets, ingredients };
}

function mg(value: number, unit: string): number {
  return /^MCG/i.test(unit) || /^µg|^ug/i.test(unit) ? value / 1000 : value;
}

export interface MmeTerm {
  readonly med: Medication;
  readonly ingredient: string;
  /** MME/day this medication adds, or null with the reason it cannot be computed. */
  readonly mme: number | null;
  readonly why: string;
  readonly row: MmeRow | null;
}

/** One opioid's MME/day by the CDC table: factor x mg/day; fentanyl patches by their rate; methadone by its daily-dose range. */
export function mmeOf(med: Medication, ingredient: string): MmeTerm {
  const rows = OPIOID_TABLES.mme.rows.filter((r) => r.ingredient === ingredient);
  if (rows.length === 0) return { med, ingredient, mme: null, why: `no MME factor for ${ingredient} in the CDC table`, row: null };
  if (ingredient === 'fentanyl') {
    const row = rows.find((r) => r.property === 'dose-form-conversion-factor')!;
    const [, factor, perDay] = /^\d+:([\d.]+)@([\d.]+)$/.exec(row.value) ?? [];
    const found = strengthOf(med, ingredient);
    const patch = found && (/transdermal/i.test(found.doseForm ?? '') || /\/HR$/i.test(found.strength.unit) || /patch|\/h(ou)?r/i.test(`${med.display} ${med.dosage ?? ''}`));
    if (!found || !patch || !factor || !perDay) return { med, ingredient, mme: null, why: 'the CDC table gives a fentanyl factor for transdermal patches only', row };
    const rate = mg(found.strength.value, found.strength.unit);
    return { med, ingredient, mme: round(rate * Number(factor) * Number(perDay)), why: `${rate * 1000} mcg/hr patch x ${round(Number(factor) * Number(perDay))}`, row };
  }
  const dose = dailyDose(med, ingredient);
  if (!dose) return { med, ingredient, mme: null, why: `no daily dose of ${ingredient} can be read from "${[med.display, med.dosage].filter(Boolean).join('; ')}"`, row: rows[0]! };
  const perDay = mg(dose.amount, dose.strength.unit);
  let row = rows.find((r) => r.property === 'conversion-factor');
  let factor = row ? Number(row.value) : NaN;
  if (!row) {
    row = rows.find((r) => {
      const [, low, high] = /^(\d+)-(\d+|\*):/.exec(r.value) ?? [];
      return low !== undefined && perDay >= Number(low) && (high === '*' || perDay <= Number(high) + 0.999);
    });
    factor = row ? Number(row.value.split(':')[1]) : NaN;
  }
  if (!row || !Number.isFinite(factor)) return { med, ingredient, mme: null, why: `${ingredient} ${perDay} mg/day is outside the CDC table's dose ranges`, row: rows[0]! };
  return { med, ingredient, mme: round(perDay * factor), why: `${round(perDay)} mg/day x ${factor}`, row };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Total MME/day of the opioids among the medications, against CDC 2016
 * Recommendation 5's thresholds: a warning at 50 or more, high at 90 or
 * more. The flag lists each opioid's part and the table row of its factor;
 * an opioid whose MME cannot be computed is named, never guessed.
 */
export function mmeFlags(medications: readonly Medication[]): CheckFlag[] {
  const terms: MmeTerm[] = [];
  for (const med of medications) {
    const { sets, ingredients } = setsOf(med);
    if (!sets.has(OPIOID_SET)) continue;
    for (const i of ingredients.filter((x) => x.sets.includes(OPIOID_SET))) terms.push(mmeOf(med, i.name));
  }
  const counted = terms.filter((t) => t.mme !== null);
  const total = round(counted.reduce((s, t) => s + t.mme!, 0));
  if (total < MME_REASSESS) return [];
  const high = total >= MME_AVOID;
  const parts = counted.map((t) => `${t.med.display}: ${t.mme} MME/day (${t.why})`);
  const missing = terms.filter((t) => t.mme === null).map((t) => `not counted: ${t.med.display} (${t.why})`);
  const source: RuleSource = cite(
    SOURCES.cdcOpioids2016Rec5,
    'Recommendation 5; MME factors from the CDC conversion table',
    // The data file's version goes with the rows read from it: shown on request, not in the citation a clinician reads.
    `${counted.map((t) => `cdc-mme-conversion-factors.csv row ${t.row!.row}: ${t.row!.ingredient} ${t.row!.property} ${t.row!.value}`).join('; ')} (MME factors: ${OPIOID_TABLES.mme.source.version})`,
  );
  return [
    {
      kind: 'opioid-dose',
      severity: high ? 'high' : 'warning',
      message: `Opioids total ${total} MME/day, ${high ? `at or above ${MME_AVOID}: avoid, or justify the dose` : `at or above ${MME_REASSESS}: reassess benefits and risks`} (${[...parts, ...missing].join('; ')})`,
      records: counted.flatMap((t) => (t.med.id ? [citeRecord('medication', t.med.id)] : [])),
      source,
    },
  ];
}

/**
 * CDC 2022 Recommendation 11: an opioid analgesic with a benzodiazepine
 * (high) or another CNS depressant (warning), by the CDC drug sets, each
 * flag citing the rule's row in the concurrent-use table.
 */
export function concurrentUseFlags(medications: readonly Medication[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const classified = medications.map((med) => ({ med, ...setsOf(med) }));
  for (const rule of OPIOID_TABLES.concurrentUse.rows) {
    for (const a of classified.filter((c) => c.sets.has(rule.setA))) {
      for (const b of classified.filter((c) => c !== a && c.sets.has(rule.setB) && !c.sets.has(rule.setA))) {
        // A benzodiazepine is a CNS depressant too: it is flagged once, under its own rule.
        if (rule.setB !== 'benzodiazepine-medications' && b.sets.has('benzodiazepine-medications')) continue;
        const benzodiazepine = rule.setB === 'benzodiazepine-medications';
        flags.push({
          kind: 'opioid-concurrent',
          severity: benzodiazepine ? 'high' : 'warning',
          message: `${a.med.display} (opioid) with ${b.med.display} (${benzodiazepine ? 'benzodiazepine' : 'CNS depressant'}): use particular caution with concurrent prescribing; consider whether benefits outweigh risks`,
          records: [a.med, b.med].flatMap((m) => (m.id ? [citeRecord('medication', m.id)] : [])),
          source: cite(
            SOURCES.cdcOpioids2022,
            `Recommendation 11 ${rule.citation.replace(/^.*Recommendation 11 /, '')}`,
            `concurrent-use-rules.csv row ${rule.row}: ${rule.id} (${rule.setA} + ${rule.setB}) (rule table: ${OPIOID_TABLES.concurrentUse.source.version})`,
          ),
        });
      }
    }
  }
  return flags;
}
