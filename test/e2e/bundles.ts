/**
 * FHIR R4 bundles the end-to-end tests generate for a patient already in the
 * vault (their resources name "Patient/<id>"): a laboratory's results that
 * carry reference ranges (Synthea writes none), and a very long record for
 * the timeline measurement. Deterministic, so a run is repeatable.
 */
import { seededRandom as random } from '../../scripts/lib/seeded-random';

interface Resource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}

function bundle(resources: readonly Resource[]): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: '2024-01-01T00:00:00Z',
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  });
}

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

function concept(system: string, code: string, display: string) {
  return { coding: [{ system, code, display }], text: display };
}

function laboratory() {
  return [{ coding: [{ system: CATEGORY, code: 'laboratory', display: 'Laboratory' }] }];
}

/**
 * Potassium results from the clinic's laboratory, after the last Synthea one
 * (24 Sep 1979), with the laboratory's reference range 3.5–5.1 mmol/L; the
 * last is high.
 */
export function potassiumWithRangeBundle(patientId: string): string {
  const results: Array<[string, number]> = [
    ['1979-10-08T09:30:00+00:00', 4.6],
    ['1979-10-22T09:15:00+00:00', 5.6],
  ];
  const resources: Resource[] = results.map(([at, value], i) => ({
    resourceType: 'Observation',
    id: `e2e-lab-potassium-${i + 1}`,
    status: 'final',
    category: laboratory(),
    code: concept(LOINC, '6298-4', 'Potassium'),
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at,
    valueQuantity: { value, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    referenceRange: [
      {
        low: { value: 3.5, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
        high: { value: 5.1, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      },
    ],
  }));
  return bundle(resources);
}


const DAY = 86_400_000;

export interface ManyEventsCounts {
  readonly encounters: number;
  readonly procedures: number;
  readonly reports: number;
  readonly immunizations: number;
  /** Laboratory results, each on a day of its own (one timeline 'results' event each). */
  readonly resultDays: number;
  readonly conditions: number;
  readonly medications: number;
}

export const TEN_THOUSAND: ManyEventsCounts = {
  encounters: 4000,
  procedures: 3000,
  reports: 1500,
  immunizations: 800,
  resultDays: 600,
  conditions: 120,
  medications: 200,
};

/** How many timeline events the bundle adds. */
export function eventCount(c: ManyEventsCounts): number {
  return c.encounters + c.procedures + c.reports + c.immunizations + c.resultDays + c.conditions + c.medications;
}

/**
 * A very long record between `from` and `to` (ISO dates): encounters,
 * procedures, reports and immunizations as points, results on distinct days,
 * and conditions and medications as spans of a few days to several years.
 */
export function manyEventsBundle(patientId: string, from: string, to: string, counts: ManyEventsCounts = TEN_THOUSAND): string {
  const rand = random(20240601);
  const start = Date.parse(from);
  const end = Date.parse(to);
  const subject = { reference: `Patient/${patientId}` };
  const at = (ms: number) => new Date(Math.round(ms / 60_000) * 60_000).toISOString().replace('.000Z', '+00:00');
  const spread = (i: number, n: number) => start + ((end - start) * (i + rand())) / n;
  const resources: Resource[] = [];

  const encounterTypes = [
    concept(SNOMED, '185349003', 'Encounter for check up'),
    concept(SNOMED, '390906007', 'Follow-up encounter'),
    concept(SNOMED, '50849002', 'Emergency room admission'),
    concept(SNOMED, '185345009', 'Encounter for symptom'),
  ];
  for (let i = 0; i < counts.encounters; i++) {
    const s = spread(i, counts.encounters);
    resources.push({
      resourceType: 'Encounter',
      id: `e2e-enc-${i}`,
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [encounterTypes[i % encounterTypes.length]!],
      subject,
      period: { start: at(s), end: at(s + 30 * 60_000) },
    });
  }
  const procedures = [
    concept(SNOMED, '430193006', 'Medication reconciliation'),
    concept(SNOMED, '710824005', 'Assessment of health and social care needs'),
    concept(SNOMED, '171207006', 'Depression screening'),
    concept(SNOMED, '428191000124101', 'Documentation of current medications'),
  ];
  for (let i = 0; i < counts.procedures; i++) {
    const s = spread(i, counts.procedures);
    resources.push({
      resourceType: 'Procedure',
      id: `e2e-proc-${i}`,
      status: 'completed',
      code: procedures[i % procedures.length]!,
      subject,
      performedPeriod: { start: at(s), end: at(s + 20 * 60_000) },
    });
  }
  for (let i = 0; i < counts.reports; i++) {
    resources.push({
      resourceType: 'DiagnosticReport',
      id: `e2e-report-${i}`,
      status: 'final',
      code: concept(LOINC, '51990-0', 'Basic metabolic panel - Blood'),
      subject,
      effectiveDateTime: at(spread(i, counts.reports)),
    });
  }
  const vaccines = [
    concept('http://hl7.org/fhir/sid/cvx', '140', 'Influenza, seasonal, injectable, preservative free'),
    concept('http://hl7.org/fhir/sid/cvx', '113', 'Td (adult) preservative free'),
  ];
  for (let i = 0; i < counts.immunizations; i++) {
    resources.push({
      resourceType: 'Immunization',
      id: `e2e-imm-${i}`,
      status: 'completed',
      vaccineCode: vaccines[i % vaccines.length]!,
      patient: subject,
      occurrenceDateTime: at(spread(i, counts.immunizations)),
    });
  }
  // One glucose result per day, on distinct days: each is a timeline event of its own.
  const daySpan = Math.floor((end - start) / DAY);
  const step = Math.max(1, Math.floor(daySpan / counts.resultDays));
  for (let i = 0; i < counts.resultDays; i++) {
    resources.push({
      resourceType: 'Observation',
      id: `e2e-glucose-${i}`,
      status: 'final',
      category: laboratory(),
      code: concept(LOINC, '2339-0', 'Glucose'),
      subject,
      effectiveDateTime: at(start + i * step * DAY + 9 * 3_600_000),
      valueQuantity: { value: Math.round((70 + rand() * 80) * 10) / 10, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
    });
  }
  const problems = [
    concept(SNOMED, '444814009', 'Viral sinusitis (disorder)'),
    concept(SNOMED, '195662009', 'Acute viral pharyngitis (disorder)'),
    concept(SNOMED, '10509002', 'Acute bronchitis (disorder)'),
    concept(SNOMED, '43878008', 'Streptococcal sore throat (disorder)'),
  ];
  for (let i = 0; i < counts.conditions; i++) {
    const s = spread(i, counts.conditions);
    resources.push({
      resourceType: 'Condition',
      id: `e2e-cond-${i}`,
      clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'resolved', 'Resolved'),
      code: problems[i % problems.length]!,
      subject,
      onsetDateTime: at(s),
      abatementDateTime: at(s + (7 + rand() * 400) * DAY),
    });
  }
  const drugs = [
    concept('http://www.nlm.nih.gov/research/umls/rxnorm', '313782', 'Acetaminophen 325 MG Oral Tablet'),
    concept('http://www.nlm.nih.gov/research/umls/rxnorm', '308136', 'amLODIPine 2.5 MG Oral Tablet'),
    concept('http://www.nlm.nih.gov/research/umls/rxnorm', '860975', 'metFORMIN 500 MG Oral Tablet'),
  ];
  for (let i = 0; i < counts.medications; i++) {
    const s = spread(i, counts.medications);
    resources.push({
      resourceType: 'MedicationRequest',
      id: `e2e-med-${i}`,
      status: 'stopped',
      intent: 'order',
      medicationCodeableConcept: drugs[i % drugs.length]!,
      subject,
      authoredOn: at(s),
      dispenseRequest: { validityPeriod: { start: at(s), end: at(s + (10 + rand() * 900) * DAY) } },
    });
  }
  return bundle(resources);
}

/**
 * For the follow-up visit: a laboratory's potassium of 6.9 mmol/L (above
 * Kost 1990's critical limit of 6.2) with its reference range, and a coded
 * "no known drug allergy" (SNOMED 409137002) recorded by a clinician, after
 * the patient's last Synthea visit.
 */
export function criticalPotassiumBundle(patientId: string): string {
  const subject = { reference: `Patient/${patientId}` };
  return bundle([
    {
      resourceType: 'Observation',
      id: 'e2e-critical-potassium',
      status: 'final',
      category: laboratory(),
      code: concept(LOINC, '6298-4', 'Potassium'),
      subject,
      effectiveDateTime: '2021-02-01T08:40:00+00:00',
      valueQuantity: { value: 6.9, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      referenceRange: [
        {
          low: { value: 3.5, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
          high: { value: 5.1, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
        },
      ],
    },
    {
      resourceType: 'AllergyIntolerance',
      id: 'e2e-nkda',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
      code: concept(SNOMED, '409137002', 'No known drug allergy'),
      patient: subject,
      recordedDate: '2021-02-01',
    },
  ]);
}
