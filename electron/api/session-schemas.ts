import { z } from 'zod';
import { workflowPanelId } from './panel-ids';
import { citation, groundingProblem, recordId } from './schemas';

/** One local model as the model manager shows it. */
export const modelEntry = z.object({
  /** The model's folder: what models.select takes. */
  dir: z.string(),
  folder: z.string(),
  /** language-model: the assistant's (models.select loads it); image-classifier: decision support in Imaging, used there, not selected. */
  kind: z.enum(['language-model', 'image-classifier']).default('language-model'),
  name: z.string().nullable(),
  bytes: z.number().nullable(),
  quantization: z.string().nullable(),
  contextLength: z.number().nullable(),
  /** Decode tokens/s measured in this run of the app, when it has generated. */
  tokensPerSecond: z.number().nullable(),
  /**
   * ready: can be loaded; active: loaded now; loading (or being added); problem: manifest unreadable or
   * the last load failed (message says why); not-added: an export copied in, waiting for models.add.
   */
  status: z.enum(['ready', 'active', 'loading', 'problem', 'not-added']),
  problem: z.string().nullable(),
});
export type ModelEntry = z.infer<typeof modelEntry>;

export const modelsState = z.object({
  modelsDir: z.string(),
  models: z.array(modelEntry),
  active: z.string().nullable(),
  /** The last selection's failure, one line; the app goes on without a model. */
  problem: z.string().nullable(),
});
export type ModelsState = z.infer<typeof modelsState>;

export const sessionId = z.string().min(1).max(120);

export const sessionStarted = z.object({
  sessionId: z.string(),
  workflow: z.string(),
  /** The panels the workflow names: the chart lays out these (and its own) while the session runs. */
  panels: z.array(workflowPanelId).optional(),
  /** The model in use, or null: no-model mode (brief only). */
  model: z.string().nullable(),
  /** Why chat is disabled, or null when it is enabled. */
  chatDisabled: z.string().nullable(),
});

const verifiedReplyClaim = z.object({
  text: z.string(),
  verdict: z.enum(['supported', 'unsupported', 'uncited']),
  citations: z.array(citation),
  problems: z.array(groundingProblem),
  /** What each citation cites, for its chip. */
  labels: z.array(z.string()).optional(),
});

/** What the chat panel shows of a session's trajectory, in order. */
export const sessionEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('turn'), from: z.enum(['patient', 'clinician']), text: z.string() }),
  z.object({ type: z.literal('reply'), text: z.string(), claims: z.array(verifiedReplyClaim) }),
  z.object({ type: z.literal('review'), concerns: z.array(z.string()) }),
  z.object({ type: z.literal('tool'), tool: z.string(), ok: z.boolean(), message: z.string().nullable() }),
  /** signOff: an item of the sign-off (visit summary, follow-up), decided only together through session.sign; otherwise a chat proposal, decided at once through session.decide. */
  z.object({ type: z.literal('proposal'), proposalId: z.string(), kind: z.string(), summary: z.string(), detail: z.string().nullable(), signOff: z.boolean() }),
  z.object({ type: z.literal('decision'), proposalId: z.string(), decision: z.enum(['approve', 'reject']), recordId: z.string().nullable() }),
  z.object({ type: z.literal('notice'), message: z.string() }),
  /** The context policy dropped the oldest turns from what the model reads. */
  z.object({ type: z.literal('context'), dropped: z.number(), message: z.string() }),
  z.object({ type: z.literal('end'), reason: z.string() }),
  /** The model's draft of the assessment and plan and the follow-up date, for the clinician's visit form (nothing is proposed or written). */
  z.object({ type: z.literal('draft'), assessment: z.string(), plan: z.string(), followUpDate: z.string().nullable() }),
]);
export type SessionEvent = z.infer<typeof sessionEvent>;

export const sessionEvents = z.object({
  events: z.array(sessionEvent),
  /** Give as `after` next time. */
  next: z.number().int().nonnegative(),
  /** The answer being generated, as far as it has come (raw model output: the reply is inside its JSON). */
  streaming: z.object({ agent: z.string(), text: z.string() }).nullable(),
  busy: z.boolean(),
  ended: z.boolean(),
});

export const sessionDecision = z.object({ proposalId: z.string(), status: z.enum(['approved', 'rejected']), recordId: z.string().nullable() });

export const sessionStartParams = z
  .object({ patientId: recordId, workflow: z.string().min(1).max(60).optional(), dateStyle: z.enum(['dmy', 'mdy', 'iso']).optional() })
  .strict();

const visitDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');

/** A medication change the visit note makes: a drug started, or an active one stopped. */
export const medicationChange = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), display: z.string().trim().min(2).max(300), dosage: z.string().trim().max(300).nullable() }).strict(),
  z.object({ action: z.literal('stop'), medicationId: recordId, reason: z.string().trim().max(300).nullable() }).strict(),
]);
export type MedicationChange = z.infer<typeof medicationChange>;

/** A problem-list change the visit note makes: a problem added, or an active one resolved. */
export const problemChange = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), display: z.string().trim().min(2).max(300) }).strict(),
  z.object({ action: z.literal('resolve'), conditionId: recordId }).strict(),
]);
export type ProblemChange = z.infer<typeof problemChange>;

/**
 * The visit note the clinician writes (SOAP, with the vitals pulled into
 * the objective), the changes it makes to the problem and medication lists,
 * and the next follow-up. Signing writes all of it in one transaction with
 * its audit entries, as the model-assisted sign-off does; a model only
 * drafts into the same form.
 */
export const visitForm = z
  .object({
    reason: z.string().trim().max(300),
    subjective: z.string().max(20_000),
    objective: z.string().max(20_000),
    assessment: z.string().trim().min(1, 'write the assessment').max(20_000),
    plan: z.string().max(20_000),
    followUp: z.object({ date: visitDay, reason: z.string().trim().min(1).max(300) }).strict().nullable(),
    medicationChanges: z.array(medicationChange).max(30),
    problemChanges: z.array(problemChange).max(30),
    /** The records the note quotes (the vitals pulled into the objective): kept as its sources. */
    cites: z.array(citation).max(40),
  })
  .strict();
export type VisitForm = z.infer<typeof visitForm>;

/** What the signed visit wrote: each record's id, for the chart to show. */
export const signedVisit = z.object({
  noteId: z.string(),
  visitId: z.string(),
  followUpId: z.string().nullable(),
  medicationIds: z.array(z.string()),
  problemIds: z.array(z.string()),
});
export type SignedVisit = z.infer<typeof signedVisit>;
