/**
 * The agent tests' patient as data only (no test-runner imports), so that
 * child processes (the trust workloads) can import it too.
 */
/**
 * A small patient of our own for the agent tests: two visits, a problem
 * that began between them, a drug, an allergy, an HbA1c that rises three
 * times (one above its range) and a weight.
 */
export const PATIENT = 'pat-1';

const ref = { reference: `Patient/${PATIENT}` };
const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }], text: display });

function hba1c(id: string, at: string, value: number) {
  return {
    resourceType: 'Observation', id, status: 'final', subject: ref, effectiveDateTime: at,
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: loinc('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'),
    valueQuantity: { value, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
    referenceRange: [{ low: { value: 4 }, high: { value: 5.6 } }],
  };
}

const RESOURCES = [
  { resourceType: 'Patient', id: PATIENT, name: [{ family: 'Okafor', given: ['Ngozi'] }], gender: 'female', birthDate: '1961-04-02' },
  { resourceType: 'Encounter', id: 'enc-1', status: 'finished', subject: ref, class: { code: 'AMB' }, type: [{ text: 'Diabetes follow-up' }], period: { start: '2024-01-10T09:00:00Z', end: '2024-01-10T09:30:00Z' } },
  { resourceType: 'Encounter', id: 'enc-2', status: 'finished', subject: ref, class: { code: 'AMB' }, type: [{ text: 'Diabetes follow-up' }], period: { start: '2025-02-03T09:00:00Z', end: '2025-02-03T09:30:00Z' } },
  { resourceType: 'Condition', id: 'cond-1', subject: ref, clinicalStatus: { coding: [{ code: 'active' }] }, code: { text: 'Type 2 diabetes mellitus' }, onsetDateTime: '2024-06-01' },
  {
    resourceType: 'MedicationRequest', id: 'med-1', status: 'active', intent: 'order', subject: ref, authoredOn: '2024-06-02',
    medicationCodeableConcept: { text: 'Metformin hydrochloride 500 MG Oral Tablet' },
  },
  {
    resourceType: 'AllergyIntolerance', id: 'alg-1', patient: ref, clinicalStatus: { coding: [{ code: 'active' }] }, criticality: 'high',
    code: { text: 'Penicillin' }, reaction: [{ manifestation: [{ text: 'Anaphylaxis' }] }],
  },
  hba1c('a1c-1', '2024-01-10T09:10:00Z', 6.1),
  hba1c('a1c-2', '2024-07-15T09:10:00Z', 6.8),
  hba1c('a1c-3', '2025-02-03T09:10:00Z', 7.94),
  {
    resourceType: 'Observation', id: 'wt-1', status: 'final', subject: ref, effectiveDateTime: '2025-02-03T09:05:00Z',
    category: [{ coding: [{ code: 'vital-signs' }] }], code: loinc('29463-7', 'Body Weight'),
    valueQuantity: { value: 82.4, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
  },
];

/** The fixture as the text of a FHIR collection Bundle. */
export function memoryBundleText(): string {
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: RESOURCES.map((resource) => ({ resource })) });
}

