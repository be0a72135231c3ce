import { importBundleText } from '../../../electron/fhir';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault } from '../../helpers/temp-vault';

/**
 * A patient of our own for the verifier's tests, with what natural claims
 * talk about: blood pressures as panels of two components, an eGFR that
 * fell, a stable weight, a fever, an active and a resolved condition, an
 * active, a stopped and a branded prescription, a never-smoker status, an
 * influenza shot, and no allergies.
 */
export const PATIENT = 'ver-1';
const ref = { reference: `Patient/${PATIENT}` };
const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }], text: display });
const snomed = (code: string, display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code, display }], text: display });
const rxnorm = (code: string, display: string) => ({ coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code, display }], text: display });
const quantity = (value: number, unit: string) => ({ value, unit, system: 'http://unitsofmeasure.org', code: unit });

function pressure(id: string, at: string, systolic: number, diastolic: number) {
  return {
    resourceType: 'Observation', id, status: 'final', subject: ref, effectiveDateTime: at,
    category: [{ coding: [{ code: 'vital-signs' }] }], code: loinc('55284-4', 'Blood Pressure'),
    component: [
      { code: loinc('8462-4', 'Diastolic Blood Pressure'), valueQuantity: quantity(diastolic, 'mm[Hg]') },
      { code: loinc('8480-6', 'Systolic Blood Pressure'), valueQuantity: quantity(systolic, 'mm[Hg]') },
    ],
  };
}

function result(id: string, at: string, code: string, display: string, value: number, unit: string) {
  return { resourceType: 'Observation', id, status: 'final', subject: ref, effectiveDateTime: at, category: [{ coding: [{ code: 'laboratory' }] }], code: loinc(code, display), valueQuantity: quantity(value, unit) };
}

const RESOURCES = [
  { resourceType: 'Patient', id: PATIENT, name: [{ family: 'Lindqvist', given: ['Maren'] }], gender: 'female', birthDate: '1950-02-11' },
  { resourceType: 'Encounter', id: 'v-enc-1', status: 'finished', subject: ref, class: { code: 'AMB' }, type: [{ text: 'General examination of patient' }], period: { start: '2020-08-21T09:00:00Z' } },
  { resourceType: 'Encounter', id: 'v-enc-2', status: 'finished', subject: ref, class: { code: 'EMER' }, type: [{ text: 'Emergency room admission' }], period: { start: '2021-02-12T22:00:00Z' } },
  { resourceType: 'Condition', id: 'v-htn', subject: ref, clinicalStatus: { coding: [{ code: 'active' }] }, code: snomed('38341003', 'Hypertension'), onsetDateTime: '1987-03-05' },
  { resourceType: 'Condition', id: 'v-bronchitis', subject: ref, clinicalStatus: { coding: [{ code: 'resolved' }] }, code: snomed('10509002', 'Acute bronchitis (disorder)'), onsetDateTime: '2019-02-01', abatementDateTime: '2019-02-20' },
  { resourceType: 'Condition', id: 'v-chf', subject: ref, clinicalStatus: { coding: [{ code: 'active' }] }, code: snomed('88805009', 'Chronic congestive heart failure (disorder)'), onsetDateTime: '2020-08-02' },
  { resourceType: 'MedicationRequest', id: 'v-pen', status: 'stopped', intent: 'order', subject: ref, authoredOn: '2013-04-01', medicationCodeableConcept: rxnorm('834102', 'Penicillin V Potassium 500 MG Oral Tablet') },
  { resourceType: 'MedicationRequest', id: 'v-simva', status: 'active', intent: 'order', subject: ref, authoredOn: '2015-01-01', medicationCodeableConcept: rxnorm('312961', 'Simvastatin 20 MG Oral Tablet') },
  { resourceType: 'MedicationRequest', id: 'v-lasix', status: 'active', intent: 'order', subject: ref, authoredOn: '2020-08-02', medicationCodeableConcept: rxnorm('315971', 'Lasix 40mg') },
  pressure('v-bp-2011', '2011-06-01T09:00:00Z', 131, 85),
  pressure('v-bp-2019', '2019-03-01T09:00:00Z', 199, 101),
  pressure('v-bp-2020', '2020-08-21T09:05:00Z', 108, 84),
  pressure('v-bp-2023', '2023-04-01T09:05:00Z', 161, 97),
  pressure('v-bp-2016', '2016-09-14T09:05:00Z', 124, 76),
  result('v-egfr-2019', '2019-05-01T09:00:00Z', '33914-3', 'Estimated Glomerular Filtration Rate', 137, 'mL/min/{1.73_m2}'),
  result('v-egfr-2020', '2020-06-01T09:00:00Z', '33914-3', 'Estimated Glomerular Filtration Rate', 87, 'mL/min/{1.73_m2}'),
  result('v-wt-2011', '2011-06-01T09:00:00Z', '29463-7', 'Body Weight', 88.2, 'kg'),
  result('v-wt-2015', '2015-06-01T09:00:00Z', '29463-7', 'Body Weight', 88.8, 'kg'),
  result('v-wt-2020', '2020-08-21T09:00:00Z', '29463-7', 'Body Weight', 87.7, 'kg'),
  result('v-height', '2007-07-08T09:00:00Z', '8302-2', 'Body Height', 165.6, 'cm'),
  result('v-temp', '2013-09-06T10:00:00Z', '8331-1', 'Oral temperature', 38.2, 'Cel'),
  result('v-hb', '2020-08-21T09:10:00Z', '718-7', 'Hemoglobin [Mass/volume] in Blood', 14.1, 'g/dL'),
  result('v-a1c', '2020-08-21T09:10:00Z', '4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', 7.2, '%'),
  {
    resourceType: 'Observation', id: 'v-smoking', status: 'final', subject: ref, effectiveDateTime: '2020-08-21T09:00:00Z',
    category: [{ coding: [{ code: 'survey' }] }], code: loinc('72166-2', 'Tobacco smoking status NHIS'), valueCodeableConcept: snomed('266919005', 'Never smoker'),
  },
  { resourceType: 'Immunization', id: 'v-flu', status: 'completed', patient: ref, occurrenceDateTime: '2022-10-01', vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '140', display: 'Influenza, seasonal, injectable, preservative free' }] } },
];

export function verifierVault(): Vault {
  const vault = createTestVault();
  importBundleText(vault, 'verifier-fixture.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: RESOURCES.map((resource) => ({ resource })) }));
  return vault;
}
