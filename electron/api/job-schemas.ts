import { z } from 'zod';

/**
 * Long work as jobs: a start method answers at once with the job, which then
 * runs in the core beside every other call; 'jobs.get', 'jobs.cancel',
 * 'jobs.result' and 'jobs.list' are answered while it runs, also after the
 * renderer reloaded. Jobs belong to the unlocked vault: locking ends them.
 */
export const jobId = z.string().regex(/^job-[0-9a-f-]{36}$/, 'a job id');

/** The contract methods that run as jobs (started by their own start method, or called directly and awaited). */
export const jobMethod = z.enum(['documents.upload', 'models.download', 'import.fhirBundle', 'models.select', 'models.add', 'evidence.import', 'vault.backup']);
export type JobMethod = z.infer<typeof jobMethod>;

/**
 * What a job is: a job method, or long work another method starts and answers
 * for in its own words ('pacs.pull' answers at once and is followed by
 * 'pacs.progress'), run by the same registry so that it too ends on lock and
 * is listed, followed and cancelled with the others.
 */
export const jobKind = z.enum([...jobMethod.options, 'pacs.pull']);
export type JobKind = z.infer<typeof jobKind>;

/** How far a job got: step `step` of `steps` (a page, a bundle, a file), `progress` (0 to 1) through it, and what it is doing. */
export const jobProgress = z.object({
  step: z.number().int().min(0),
  steps: z.number().int().min(0),
  progress: z.number().min(0).max(1),
  status: z.string().max(200),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const jobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof jobState>;

export const jobStatus = z.object({
  id: jobId,
  method: jobKind,
  state: jobState,
  progress: jobProgress.nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** Why a failed job failed, as its method would have answered (one line). */
  error: z.object({ code: z.string().max(40), message: z.string() }).nullable(),
});
export type JobStatus = z.infer<typeof jobStatus>;

export const jobRef = z.object({ jobId }).strict();

/**
 * A finished job: its status and, when it is done, its method's result, which
 * the core checked against that method's own result schema when the job ended.
 */
export const jobOutcome = z.object({ job: jobStatus, value: z.unknown() });
