import { allergyMapper } from './allergy';
import { carePlanMapper, goalMapper } from './care-plan';
import { conditionMapper } from './condition';
import { diagnosticReportMapper } from './diagnostic-report';
import { encounterMapper } from './encounter';
import { imagingStudyMapper } from './imaging-study';
import { immunizationMapper } from './immunization';
import type { Mapper } from './mapper';
import { medicationRequestMapper, medicationStatementMapper } from './medication';
import { observationMapper } from './observation';
import { patientMapper } from './patient';
import { procedureMapper } from './procedure';

export type { MapContext, MappedRows, Mapper } from './mapper';

/**
 * The resource types Continuum stores, and how. Any other type in a bundle
 * (Claim, Organization, Practitioner, Provenance...) is counted in the
 * import report's notMapped, never dropped silently.
 */
const MAPPERS = new Map<string, Mapper>([
  ['Patient', patientMapper],
  ['Encounter', encounterMapper],
  ['Condition', conditionMapper],
  ['MedicationRequest', medicationRequestMapper],
  ['MedicationStatement', medicationStatementMapper],
  ['AllergyIntolerance', allergyMapper],
  ['Observation', observationMapper],
  ['Procedure', procedureMapper],
  ['Immunization', immunizationMapper],
  ['DiagnosticReport', diagnosticReportMapper],
  ['ImagingStudy', imagingStudyMapper],
  ['CarePlan', carePlanMapper],
  ['Goal', goalMapper],
]);

export function mapperFor(resourceType: string): Mapper | undefined {
  return MAPPERS.get(resourceType);
}

export const MAPPED_TYPES: readonly string[] = [...MAPPERS.keys()];
