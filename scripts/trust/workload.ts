/**
 * The trust suite's workload, shared by the crash-kill child, the disk-full
 * child and the checks the parent runs afterwards: small FHIR bundles whose
 * content is a pure function of (tag, index), so the parent can tell exactly
 * which rows a bundle must have produced without the child telling it.
 */

import { seededRandom } from '../lib/seeded-random';

/** A patient every approved note is written for; imported once, before the rounds. */
export const BASE_PATIENT = 'trust-base';
/** The record every note cites. */
export const BASE_OBSERVATION = 'trust-base-obs';

export function basePatientBundle(): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: { resourceType: 'Patient', id: BASE_PATIENT, name: [{ family: 'Base', given: ['Trust'] }], gender: 'other', birthDate: '1970-01-01' } },
      {
        resource: {
          resourceType: 'Observation', id: BASE_OBSERVATION, status: 'final', subject: { reference: `Patient/${BASE_PATIENT}` },
          effectiveDateTime: '2024-01-01T00:00:00Z', code: { text: 'Body Weight' }, valueQuantity: { value: 70, unit: 'kg' },
        },
      },
      // An active problem, so that the brief has a line for a sign-off's visit summary to cite.
      {
        resource: {
          resourceType: 'Condition', id: 'trust-base-cond', subject: { reference: `Patient/${BASE_PATIENT}` },
          clinicalStatus: { coding: [{ code: 'active' }] }, code: { text: 'Essential hypertension' }, onsetDateTime: '2020-03-01',
        },
      },
    ],
  });
}

export interface BundleSpec {
  readonly label: string;
  readonly patientId: string;
  readonly observations: number;
  readonly conditions: number;
}

/** The shape of bundle `index` of `tag`: sizes vary so that transactions take a varying time. */
export function bundleSpec(tag: string, index: number): BundleSpec {
  const observations = 5 + ((index * 37) % 60);
  const conditions = 1 + (index % 4);
  return { label: `trust-${tag}-${index}.json`, patientId: `tp-${tag}-${index}`, observations, conditions };
}

export function bundleText(spec: BundleSpec): string {
  const ref = { reference: `Patient/${spec.patientId}` };
  const entry: Array<{ fullUrl?: string; resource: Record<string, unknown> }> = [];
  // The patient last: forward references must resolve at commit.
  for (let i = 0; i < spec.observations; i += 1) {
    entry.push({
      resource: {
        resourceType: 'Observation',
        id: `${spec.patientId}-obs-${i}`,
        status: 'final',
        subject: ref,
        effectiveDateTime: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
        category: [{ coding: [{ code: 'laboratory' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }], text: 'Glucose' },
        valueQuantity: { value: 80 + (i % 50), unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
      },
    });
  }
  for (let i = 0; i < spec.conditions; i += 1) {
    entry.push({
      resource: {
        resourceType: 'Condition',
        id: `${spec.patientId}-cond-${i}`,
        subject: ref,
        clinicalStatus: { coding: [{ code: 'active' }] },
        code: { text: `Condition ${i}` },
        onsetDateTime: '2021-06-01',
      },
    });
  }
  entry.push({ resource: { resourceType: 'Patient', id: spec.patientId, name: [{ family: 'Trial', given: [`P${spec.patientId}`] }], gender: 'female', birthDate: '1980-02-03' } });
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry });
}

/** One line of the child's stdout, written only after the transaction it names has committed. */
export type Committed =
  | { readonly kind: 'bundle'; readonly label: string; readonly sourceId: number | null; readonly patientId: string; readonly observations: number; readonly conditions: number }
  | { readonly kind: 'note'; readonly proposalId: string; readonly recordId: string; readonly title: string }
  | { readonly kind: 'ocr'; readonly documentId: string; readonly proposalId: string; readonly recordId: string }
  /** A follow-up session signed off: its visit summary note and its follow-up, both approved. */
  | { readonly kind: 'signoff'; readonly sessionId: string; readonly noteId: string; readonly followUpId: string };

/** Sign-off sessions of the trust workload are recognised by their id. */
export const SIGN_OFF_SESSION = /^signoff-/;
export const SIGN_OFF_NOTE_TITLE = /^Visit summary, \d{4}-\d{2}-\d{2}: assessment and plan$/;

/** A deterministic pseudo-random generator: the same seed, the same run. */
export const prng = seededRandom;
