import type { SessionScript } from '../harness';
import { flatten, prose, type AgentClinicCase } from './case-schema';
import { vitalObservations } from './vital-signs';

export interface ConvertedCase {
  readonly patientId: string;
  /** A FHIR collection Bundle: the patient and the vital signs the case states. */
  readonly bundle: { resourceType: 'Bundle'; type: 'collection'; entry: Array<{ resource: Record<string, unknown> }> };
  /** The consultation as a headless session script; the diagnosis kept aside for the evaluation. */
  readonly script: SessionScript & { expectedDiagnosis: string };
}

/**
 * An AgentClinic case as Continuum runs it: a patient in the vault (sex
 * from the demographics; vital signs as coded observations) and a script
 * in which the patient tells their story in answer to the clinician, and
 * the clinician reports the examination and the results, as the
 * benchmark's measurement agent would when asked.
 */
export function convertCase(source: AgentClinicCase, caseId: string, at: string): ConvertedCase {
  const osce = source.OSCE_Examination;
  const actor = osce.Patient_Actor;
  const patientId = caseId;
  const gender = /\bfemale|woman|girl\b/i.test(actor.Demographics) ? 'female' : /\bmale|man|boy\b/i.test(actor.Demographics) ? 'male' : 'unknown';
  const findings = (osce.Physical_Examination_Findings ?? {}) as Record<string, unknown>;
  const patient = { resourceType: 'Patient', id: patientId, name: [{ text: `AgentClinic case ${caseId}` }], gender };
  const symptoms = actor.Symptoms;
  const turns: SessionScript['turns'] = [
    { from: 'clinician', text: 'What brings you in today?' },
    { from: 'patient', text: [`I am a ${actor.Demographics}.`, prose(symptoms?.Primary_Symptom), prose(actor.History)].filter(Boolean).join(' ').slice(0, 4000) },
  ];
  const secondary = flatten(symptoms?.Secondary_Symptoms);
  if (secondary.length) turns.push({ from: 'clinician', text: 'Have you noticed anything else?' }, { from: 'patient', text: `${secondary.join('; ')}.`.slice(0, 4000) });
  const background = [prose(actor.Past_Medical_History), prose(actor.Social_History), prose(actor.Review_of_Systems)].filter(Boolean);
  if (background.length) turns.push({ from: 'clinician', text: 'Any past illnesses, and how is life at home and work?' }, { from: 'patient', text: background.join(' ').slice(0, 4000) });
  const exam = sentences(flatten(findings));
  if (exam) turns.push({ from: 'clinician', text: `On examination: ${exam}.`.slice(0, 4000) });
  const results = sentences(flatten(osce.Test_Results));
  if (results) turns.push({ from: 'clinician', text: `Results: ${results}.`.slice(0, 4000) });
  return {
    patientId,
    bundle: { resourceType: 'Bundle', type: 'collection', entry: [patient, ...vitalObservations(patientId, findings['Vital_Signs'], at)].map((resource) => ({ resource })) },
    script: {
      caseId,
      workflow: 'first-visit',
      seed: 0,
      turns,
      approve: 'none',
      budgets: { maxSteps: 24, maxTokens: 4096, maxSeconds: 300 },
      expectedDiagnosis: osce.Correct_Diagnosis,
    },
  };
}

/** Findings joined with semicolons, without the doubled stops their own full stops would leave. */
function sentences(parts: readonly string[]): string {
  return parts.map((p) => p.trim().replace(/[.;]+$/, '')).filter(Boolean).join('; ');
}
