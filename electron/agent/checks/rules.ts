import { citeRecord } from '../grounding/citation';
import type { CheckFlag, Medication, RuleSource } from './check-types';
import { ATC_SOURCE, ingredientsOf, type DrugEntry } from './drug-table';
import { CKD_EPI_SOURCE } from './egfr';
import type { KidneyFunction } from './kidney-function';

const DRUG_ALLERGY_SOURCE: RuleSource = {
  title: 'Drug allergy: a 2022 practice parameter update',
  issuer: 'AAAAI/ACAAI Joint Task Force on Practice Parameters',
};

/** Allergies to a class: what the allergy names, and the ATC prefixes of the drugs it rules out or calls for caution with. */
const CLASS_ALLERGIES: ReadonlyArray<{ allergy: RegExp; atc: readonly string[]; severity: CheckFlag['severity']; what: string }> = [
  { allergy: /penicillin|amoxicillin|ampicillin/i, atc: ['J01C'], severity: 'high', what: 'a penicillin' },
  { allergy: /penicillin/i, atc: ['J01D'], severity: 'warning', what: 'a cephalosporin (cross-reactivity with penicillin allergy is possible)' },
  { allergy: /aspirin|salicylate|nsaid|ibuprofen|naproxen/i, atc: ['M01A', 'B01AC06', 'N02BA'], severity: 'high', what: 'an NSAID or aspirin' },
  { allergy: /sulfa|sulfonamide/i, atc: ['J01E'], severity: 'high', what: 'a sulfonamide antibiotic' },
];

export function allergyConflicts(medications: readonly Medication[], allergies: ReadonlyArray<{ id: string; display: string }>): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const med of medications) {
    for (const drug of ingredientsOf(med.display)) {
      for (const allergy of allergies) {
        const direct = ingredientsOf(allergy.display).some((d) => d.ingredient === drug.ingredient);
        const byClass = CLASS_ALLERGIES.find((c) => c.allergy.test(allergy.display) && c.atc.some((p) => drug.atc.startsWith(p)));
        if (!direct && !byClass) continue;
        flags.push({
          kind: 'allergy-conflict',
          severity: direct ? 'high' : byClass!.severity,
          message: direct
            ? `${med.display} contains ${drug.ingredient}, to which an allergy is recorded (${allergy.display})`
            : `${med.display} is ${byClass!.what}; an allergy is recorded: ${allergy.display}`,
          records: [...(med.id ? [citeRecord('medication', med.id)] : []), citeRecord('allergy', allergy.id)],
          source: direct ? ATC_SOURCE : DRUG_ALLERGY_SOURCE,
        });
      }
    }
  }
  return flags;
}

/** Two medications with the same ingredient, or the same ATC chemical subgroup (two statins, two ACE inhibitors). */
export function duplicateTherapy(medications: readonly Medication[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const seen: Array<{ med: Medication; drug: DrugEntry }> = [];
  for (const med of medications) {
    for (const drug of ingredientsOf(med.display)) {
      const earlier = seen.find((s) => s.med !== med && s.med.display !== med.display && (s.drug.ingredient === drug.ingredient || s.drug.atc.slice(0, 5) === drug.atc.slice(0, 5)));
      if (earlier) {
        const same = earlier.drug.ingredient === drug.ingredient;
        flags.push({
          kind: 'duplicate-therapy',
          severity: 'warning',
          message: same
            ? `${drug.ingredient} is in two active medications: ${earlier.med.display} and ${med.display}`
            : `${earlier.med.display} and ${med.display} are in the same drug group (ATC ${drug.atc.slice(0, 5)})`,
          records: [earlier.med, med].flatMap((m) => (m.id ? [citeRecord('medication', m.id)] : [])),
          source: ATC_SOURCE,
        });
      }
      seen.push({ med, drug });
    }
  }
  return flags;
}

const METFORMIN_SOURCE: RuleSource = {
  title: 'FDA Drug Safety Communication: FDA revises warnings regarding use of the diabetes medicine metformin in certain patients with reduced kidney function (2016-04-08)',
  issuer: 'U.S. Food and Drug Administration',
};

/** Metformin against kidney function: contraindicated below an eGFR of 30; not to be started between 30 and 45. */
export function renalDoseFlags(medications: readonly Medication[], kidney: KidneyFunction | null): CheckFlag[] {
  if (!kidney) return [];
  const flags: CheckFlag[] = [];
  const how = kidney.estimatedHere ? `estimated from creatinine with CKD-EPI 2021 (${CKD_EPI_SOURCE.issuer})` : 'reported';
  for (const med of medications) {
    if (!ingredientsOf(med.display).some((d) => d.ingredient === 'metformin')) continue;
    if (kidney.egfr >= 45) continue;
    const contraindicated = kidney.egfr < 30;
    flags.push({
      kind: 'renal-dose',
      severity: contraindicated ? 'high' : 'warning',
      message: contraindicated
        ? `${med.display}: metformin is contraindicated with an eGFR below 30; eGFR ${kidney.egfr} mL/min/1.73m2 on ${kidney.at.slice(0, 10)} (${how})`
        : `${med.display}: starting metformin is not recommended with an eGFR of 30-45; eGFR ${kidney.egfr} mL/min/1.73m2 on ${kidney.at.slice(0, 10)} (${how})`,
      records: [...(med.id ? [citeRecord('medication', med.id)] : []), citeRecord('observation', kidney.observationId)],
      source: METFORMIN_SOURCE,
    });
  }
  return flags;
}
