import type { Db } from '../../store/sqlite';
import { activeMedications, currentAllergies } from '../brief/brief-queries';
import type { CheckFlag, Medication } from './check-types';
import { latestKidneyFunction } from './kidney-function';
import { allergyConflicts, duplicateTherapy, renalDoseFlags } from './rules';

/**
 * Clinical checks on a patient's medications, and on any a plan proposes:
 * allergy conflicts, duplicate therapy, and metformin against kidney
 * function. Each flag names the records it is about and the public source
 * of its rule. They flag; they never block or change anything.
 */
export function checkMedications(db: Db, patientId: string, now: Date, proposed: readonly string[] = []): CheckFlag[] {
  const medications: Medication[] = [
    ...activeMedications(db, patientId, now.toISOString()).map((m) => ({ id: m.id, display: m.display })),
    ...proposed.map((display) => ({ id: null, display })),
  ];
  const allergies = currentAllergies(db, patientId).map((a) => ({ id: a.id, display: a.display }));
  const flags = [...allergyConflicts(medications, allergies), ...duplicateTherapy(medications), ...renalDoseFlags(medications, latestKidneyFunction(db, patientId))];
  // Most serious first; then a stable order, so the same record always reads the same.
  return flags.sort((a, b) => (a.severity === b.severity ? a.message.localeCompare(b.message) : a.severity === 'high' ? -1 : 1));
}

export type { CheckFlag } from './check-types';
export { ingredientsOf } from './drug-table';
