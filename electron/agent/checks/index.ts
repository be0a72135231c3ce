import type { Db } from '../../store/sqlite';
import { activeMedications, currentAllergies } from '../brief/brief-queries';
import type { CheckFlag, Medication } from './check-types';
import { interactionFlags } from './interactions';
import { latestKidneyFunction } from './kidney-function';
import { medicationDosing } from './queries';
import { concurrentUseFlags, mmeFlags } from './opioids';
import { renalDoseFlags } from './renal';
import { allergyConflicts, duplicateTherapy } from './rules';

/** The dosage and RxNorm code of the active medications, which the MME and set checks read. */
function dosing(db: Db, ids: readonly string[]): Map<string, { dosage: string | null; rxcui: string | null }> {
  if (ids.length === 0) return new Map();
  const rows = medicationDosing(db, ids);
  return new Map(rows.map((r) => [r.id, { dosage: r.dosage, rxcui: r.rxcui }]));
}

/**
 * Clinical checks on a patient's medications, and on any a plan proposes
 * (a proposal is its text: "oxycodone 10 mg every 6 hours"): allergy
 * conflicts, duplicate therapy, interactions from published tables, opioid
 * dose in MME/day and opioid with benzodiazepine or CNS depressant (CDC),
 * and drugs against kidney function by their labels' eGFR limits. Each
 * flag names the records it is about and the source, section, version and
 * table row of its rule. They flag; they never block or change anything.
 */
export function checkMedications(db: Db, patientId: string, now: Date, proposed: readonly string[] = []): CheckFlag[] {
  const active = activeMedications(db, patientId, now.toISOString());
  const extra = dosing(db, active.map((m) => m.id));
  const medications: Medication[] = [
    ...active.map((m) => ({ id: m.id, display: m.display, dosage: extra.get(m.id)?.dosage ?? null, rxcui: extra.get(m.id)?.rxcui ?? null })),
    ...proposed.map((display) => ({ id: null, display })),
  ];
  return checkMedicationList(medications, currentAllergies(db, patientId).map((a) => ({ id: a.id, display: a.display })), () => latestKidneyFunction(db, patientId));
}

/** The checks on a list of medications, without a store: what checkMedications runs. */
export function checkMedicationList(
  medications: readonly Medication[],
  allergies: ReadonlyArray<{ id: string; display: string }>,
  kidney: () => ReturnType<typeof latestKidneyFunction>,
): CheckFlag[] {
  const flags = [
    ...allergyConflicts(medications, allergies),
    ...duplicateTherapy(medications),
    ...interactionFlags(medications),
    ...mmeFlags(medications),
    ...concurrentUseFlags(medications),
    ...renalDoseFlags(medications, kidney()),
  ];
  // Most serious first; then a stable order, so the same record always reads the same.
  return flags.sort((a, b) => (a.severity === b.severity ? a.message.localeCompare(b.message) : a.severity === 'high' ? -1 : 1));
}

export type { CheckFlag, RuleSource } from './check-types';
export { ingredientsOf } from './drug-table';
