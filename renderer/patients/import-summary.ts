import type { ImportReport } from '../../electron/api/schemas';
import { formatCount, humaniseIdentifier } from '../ui/format';

/** FHIR resource types in words a clinician uses. */
const TYPE_WORDS: Record<string, string> = {
  Patient: 'patient records',
  Encounter: 'encounters',
  Condition: 'conditions',
  MedicationRequest: 'medication orders',
  MedicationStatement: 'medication statements',
  Medication: 'medications',
  AllergyIntolerance: 'allergies',
  Observation: 'observations',
  DiagnosticReport: 'reports',
  Procedure: 'procedures',
  Immunization: 'immunizations',
  CarePlan: 'care plans',
  CareTeam: 'care teams',
  Goal: 'goals',
  ImagingStudy: 'imaging studies',
  DocumentReference: 'documents',
  Claim: 'billing claims',
  ExplanationOfBenefit: 'insurance statements (EOB)',
  Organization: 'organisations',
  Practitioner: 'practitioners',
  PractitionerRole: 'practitioner roles',
  Location: 'locations',
  Provenance: 'provenance records',
  Device: 'devices',
  SupplyDelivery: 'supply deliveries',
  MedicationAdministration: 'medication administrations',
};

export function resourceTypeWords(type: string): string {
  return TYPE_WORDS[type] ?? humaniseIdentifier(type).toLowerCase();
}

export interface CountLine {
  readonly type: string;
  readonly words: string;
  readonly count: number;
}

/** Counts as "1,234 observations", biggest first, zeroes left out. */
export function countLines(counts: Record<string, number>): CountLine[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, count]) => ({ type, words: resourceTypeWords(type), count }));
}

export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** One sentence for the whole file: "1,244 resources: 1,090 added, 0 unchanged, 0 updated, 154 not mapped." */
export function headline(report: ImportReport): string {
  const parts = [
    `${formatCount(total(report.added))} added`,
    `${formatCount(total(report.unchanged))} already in the vault`,
    `${formatCount(total(report.updated))} updated`,
  ];
  const notMapped = total(report.notMapped);
  if (notMapped > 0) parts.push(`${formatCount(notMapped)} not used`);
  return `${formatCount(report.resources)} resources read: ${parts.join(', ')}.`;
}
