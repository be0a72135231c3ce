import { z } from 'zod';

/**
 * One AgentClinic OSCE case (MedQA-based), as the benchmark's JSONL files
 * hold it. Findings and results are free-form nested text, so they are
 * kept as JSON values and flattened to sentences.
 */
const freeForm: z.ZodType<unknown> = z.unknown();

export const agentClinicCase = z.object({
  OSCE_Examination: z.object({
    Objective_for_Doctor: z.string(),
    Patient_Actor: z.object({
      Demographics: z.string(),
      History: freeForm.optional(),
      Symptoms: z.object({ Primary_Symptom: freeForm.optional(), Secondary_Symptoms: freeForm.optional() }).passthrough().optional(),
      Past_Medical_History: freeForm.optional(),
      Social_History: freeForm.optional(),
      Review_of_Systems: freeForm.optional(),
    }).passthrough(),
    Physical_Examination_Findings: freeForm.optional(),
    Test_Results: freeForm.optional(),
    Correct_Diagnosis: z.string(),
  }).passthrough(),
});
export type AgentClinicCase = z.infer<typeof agentClinicCase>;

/** Free-form case text (a string, a list, nested sections) as one paragraph; '' when absent. */
export function prose(value: unknown): string {
  return flatten(value)
    .map((s) => s.trim().replace(/[.;]$/, ''))
    .filter(Boolean)
    .join('. ')
    .concat(value === undefined || value === null ? '' : '.')
    .replace(/^\.$/, '');
}

/** Nested findings as "Vital signs: blood pressure 125/80 mmHg; heart rate 72 bpm." lines. */
export function flatten(value: unknown, label = ''): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [`${label ? `${words(label)}: ` : ''}${String(value)}`];
  if (Array.isArray(value)) return value.flatMap((v) => flatten(v, label));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => flatten(v, label ? `${label} ${key}` : key));
}

function words(key: string): string {
  return key.replace(/_/g, ' ').toLowerCase();
}
