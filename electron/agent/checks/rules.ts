import { citeRecord } from '../grounding/citation';
import type { CheckFlag, Medication, RuleSource } from './check-types';
import { ingredientsOf, vocabularySource, type DrugEntry } from './drug-table';

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
        const byClass = CLASS_ALLERGIES.find((c) => c.allergy.test(allergy.display) && c.atc.some((p) => drug.atc?.startsWith(p)));
        if (!direct && !byClass) continue;
        flags.push({
          kind: 'allergy-conflict',
          severity: direct ? 'high' : byClass!.severity,
          message: direct
            ? `${med.display} contains ${drug.ingredient}, to which an allergy is recorded (${allergy.display})`
            : `${med.display} is ${byClass!.what}; an allergy is recorded: ${allergy.display}`,
          records: [...(med.id ? [citeRecord('medication', med.id)] : []), citeRecord('allergy', allergy.id)],
          source: direct ? vocabularySource() : DRUG_ALLERGY_SOURCE,
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
      const earlier = seen.find((s) => s.med !== med && s.med.display !== med.display && (s.drug.ingredient === drug.ingredient || (s.drug.atc !== null && drug.atc !== null && s.drug.atc.slice(0, 5) === drug.atc.slice(0, 5))));
      if (earlier) {
        const same = earlier.drug.ingredient === drug.ingredient;
        flags.push({
          kind: 'duplicate-therapy',
          severity: 'warning',
          message: same
            ? `${drug.ingredient} is in two active medications: ${earlier.med.display} and ${med.display}`
            : `${earlier.med.display} and ${med.display} are in the same drug group (ATC ${drug.atc!.slice(0, 5)})`,
          records: [earlier.med, med].flatMap((m) => (m.id ? [citeRecord('medication', m.id)] : [])),
          source: vocabularySource(),
        });
      }
      seen.push({ med, drug });
    }
  }
  return flags;
}
