import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A session as a list of events, one JSON object per line: what each agent
 * was asked and answered, every tool call and its result or refusal, the
 * verifier's verdicts, the proposals and the clinician's decisions. The
 * app and `continuum session` write the same format; `continuum replay`
 * reads it. It holds patient data: it is written readable by its owner
 * only, and belongs beside the vault, not in a shared folder.
 */
export const trajectoryEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.start'), at: z.string(), sessionId: z.string(), workflow: z.string(), patientId: z.string(), model: z.string().nullable(), seed: z.number(), script: z.unknown() }),
  z.object({ type: z.literal('brief'), lines: z.number(), flagged: z.number() }),
  z.object({ type: z.literal('turn'), from: z.enum(['patient', 'clinician']), text: z.string() }),
  z.object({ type: z.literal('model.request'), agent: z.string(), step: z.number(), messages: z.array(z.object({ role: z.string(), content: z.string() })), schema: z.unknown().optional(), seed: z.number(), maxTokens: z.number(), temperature: z.number() }),
  z.object({ type: z.literal('model.response'), agent: z.string(), step: z.number(), text: z.string(), tokens: z.number(), finish: z.string() }),
  z.object({ type: z.literal('tool.call'), role: z.string(), tool: z.string(), args: z.unknown(), ok: z.boolean(), result: z.unknown() }),
  z.object({ type: z.literal('reply'), agent: z.string(), text: z.string(), claims: z.array(z.object({ text: z.string(), verdict: z.string(), problems: z.array(z.string()), citations: z.array(z.unknown()).optional(), spans: z.array(z.unknown()).optional() })) }),
  z.object({ type: z.literal('review'), agent: z.literal('safety'), concerns: z.array(z.string()) }),
  /** signOff: drafted by the sign-off (visit summary, follow-up), decided only together with the session's other open items. */
  z.object({ type: z.literal('proposal'), proposalId: z.string(), kind: z.string(), summary: z.string(), detail: z.string().optional(), signOff: z.boolean().optional() }),
  z.object({ type: z.literal('approval'), proposalId: z.string(), decision: z.enum(['approve', 'reject']), recordId: z.string().nullable() }),
  /** The sign-off committed: its approvals, their audit entries and the session's signed mark, in one transaction. */
  z.object({ type: z.literal('sign-off'), approved: z.number(), rejected: z.number(), records: z.array(z.string()) }),
  z.object({ type: z.literal('notice'), message: z.string() }),
  /** The model drafted the assessment, plan and follow-up into the clinician's visit form (the app): nothing proposed. */
  z.object({ type: z.literal('draft'), agent: z.string(), assessment: z.string(), plan: z.string(), followUpDate: z.string().nullable() }),
  /** The context policy left the oldest turns out of what the model reads: shown to the clinician, never silent. */
  z.object({ type: z.literal('context'), dropped: z.number(), message: z.string() }),
  z.object({ type: z.literal('session.end'), at: z.string(), steps: z.number(), tokens: z.number(), reason: z.string() }),
]);
export type TrajectoryEvent = z.infer<typeof trajectoryEvent>;

export interface TrajectorySink {
  record(event: TrajectoryEvent): void;
}

/** Keeps the events in memory and, given a file, appends each as it happens (a crash keeps what was done). */
export class Trajectory implements TrajectorySink {
  readonly events: TrajectoryEvent[] = [];

  constructor(private readonly file?: string) {
    if (file) closeSync(openSync(file, 'w', 0o600));
  }

  record(event: TrajectoryEvent): void {
    this.events.push(event);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(event)}\n`);
  }
}

/** Reads a trajectory file; a damaged line is named by its number. */
export function readTrajectory(file: string): TrajectoryEvent[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${file}: line ${i + 1} is not JSON`);
      }
      const parsed = trajectoryEvent.safeParse(value);
      if (!parsed.success) throw new Error(`${file}: line ${i + 1} is not a trajectory event (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      return parsed.data;
    });
}
