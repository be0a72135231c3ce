import { z } from 'zod';

/**
 * A headless session's script: the patient's and clinician's turns, and
 * what the clinician decides about the proposals at sign-off (the explicit
 * approval step a headless run needs, since no one is there to click).
 */
export const sessionScript = z
  .object({
    caseId: z.string().max(200).optional(),
    /** For evaluations: the diagnosis the case expects (AgentClinic's Correct_Diagnosis). Never shown to the agents. */
    expectedDiagnosis: z.string().max(500).optional(),
    workflow: z.string().default('follow-up'),
    seed: z.number().int().min(0).default(0),
    turns: z.array(z.object({ from: z.enum(['patient', 'clinician']), text: z.string().min(1).max(4000) }).strict()).max(100),
    approve: z.union([z.literal('all'), z.literal('none'), z.array(z.enum(['fact', 'note', 'care-item', 'follow-up']))]).default('none'),
    budgets: z
      .object({
        maxSteps: z.number().int().min(1).max(200).default(24),
        maxTokens: z.number().int().min(1).max(200_000).default(4096),
        maxSeconds: z.number().min(1).max(3600).default(300),
      })
      .strict()
      .default({ maxSteps: 24, maxTokens: 4096, maxSeconds: 300 }),
  })
  .strict();
export type SessionScript = z.infer<typeof sessionScript>;
