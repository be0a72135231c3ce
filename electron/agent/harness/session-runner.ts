import type { Brief } from '../../api/schemas';
import type { TextEmbedder } from '../../evidence/embedder';
import type { Vault } from '../../store/vault';
import type { ProposalStore, ToolRegistry } from '../tools';
import type { ChatModel } from './chat-model';
import { LiveSession } from './live-session';
import type { SessionScript } from './script';
import type { TrajectorySink } from './trajectory';

export interface SessionOptions {
  readonly vault: Vault;
  readonly patientId: string;
  readonly script: SessionScript;
  /** null: no-model mode (the brief only; chat disabled, with the reason recorded). */
  readonly model: ChatModel | null;
  readonly trajectory: TrajectorySink;
  readonly tools?: ToolRegistry;
  readonly sessionId?: string;
  /** The evidence library's sentence encoder, for the evidence.search tool (absent: that search is BM25 alone). */
  readonly embedder?: () => Promise<TextEmbedder | null>;
}

export interface SessionOutcome {
  readonly sessionId: string;
  readonly brief: Brief;
  readonly proposals: ReturnType<ProposalStore['all']>;
  readonly steps: number;
  readonly tokens: number;
  readonly endReason: 'completed' | 'no-model' | 'budget' | 'model-error';
}

/**
 * One follow-up session headless (`continuum session`), driven from a
 * script through the same turn-by-turn LiveSession the app drives: the
 * brief, each scripted turn, sign-off, then the script's approval step
 * (the only writes). Every step lands in the trajectory.
 */
export async function runSession(options: SessionOptions): Promise<SessionOutcome> {
  const { vault, patientId, script, model, trajectory } = options;
  const session = new LiveSession({
    vault,
    patientId,
    workflow: script.workflow,
    model,
    trajectory,
    budgets: script.budgets,
    seed: script.seed,
    script,
    ...(options.tools ? { tools: options.tools } : {}),
    ...(options.sessionId ? { sessionId: options.sessionId } : {}),
    ...(options.embedder ? { embedder: options.embedder } : {}),
  });
  const finish = (reason: SessionOutcome['endReason']): SessionOutcome => {
    try {
      // The script's approval step is the sign-off: all of it is written in one transaction, or none of it (and the reason thrown).
      if (reason !== 'no-model') session.decideAll(script.approve);
    } finally {
      session.end(reason);
    }
    return { sessionId: session.sessionId, brief: session.brief, proposals: session.proposals.all(), steps: session.steps, tokens: session.tokens, endReason: reason };
  };
  if (!model) {
    for (const turn of script.turns) await session.turn(turn.from, turn.text);
    return finish('no-model');
  }
  for (const turn of script.turns) {
    const outcome = await session.turn(turn.from, turn.text);
    if (outcome === 'budget' || outcome === 'model-error') return finish(outcome);
  }
  const outcome = await session.signOff();
  if (outcome === 'budget' || outcome === 'model-error') return finish(outcome);
  return finish('completed');
}
