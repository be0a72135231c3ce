import type { ChatModel } from './chat-model';
import type { TrajectoryEvent } from './trajectory';

export interface ReplayReport {
  readonly recordedModel: string | null;
  readonly model: string;
  readonly requests: number;
  readonly identical: number;
  /** The first step whose answer differs, with both texts' beginnings. */
  readonly firstDivergence: { step: number; agent: string; recorded: string; replayed: string } | null;
}

/**
 * Replays a session's model calls: each request exactly as recorded (the
 * messages, schema, seed and token limit), answered again by `model`, and
 * compared with the recorded answer. With the same model and seed a
 * session reproduces token for token; anything else shows where it parts.
 * The vault is not touched: tool results and approvals are as recorded.
 */
export async function replayTrajectory(events: readonly TrajectoryEvent[], model: ChatModel): Promise<ReplayReport> {
  const start = events.find((e) => e.type === 'session.start');
  const responses = new Map<number, Extract<TrajectoryEvent, { type: 'model.response' }>>();
  for (const e of events) if (e.type === 'model.response') responses.set(e.step, e);
  let requests = 0;
  let identical = 0;
  let firstDivergence: ReplayReport['firstDivergence'] = null;
  for (const event of events) {
    if (event.type !== 'model.request') continue;
    requests += 1;
    const answer = await model.chat({
      messages: event.messages as Array<{ role: 'system' | 'user' | 'assistant' | 'tool'; content: string }>,
      ...(event.schema === undefined ? {} : { schema: event.schema }),
      maxTokens: event.maxTokens,
      seed: event.seed,
      temperature: event.temperature,
      deadlineMs: 600_000,
    });
    const recorded = responses.get(event.step)?.text ?? '';
    if (answer.text === recorded) identical += 1;
    else firstDivergence ??= { step: event.step, agent: event.agent, recorded: recorded.slice(0, 120), replayed: answer.text.slice(0, 120) };
  }
  return { recordedModel: start?.type === 'session.start' ? start.model : null, model: model.id, requests, identical, firstDivergence };
}
