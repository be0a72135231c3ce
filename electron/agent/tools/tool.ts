import type { z } from 'zod';
import type { TextEmbedder } from '../../evidence/embedder';
import type { ReadDb } from '../../store/sqlite';
import type { Vault } from '../../store/vault';
import type { ProposalStore } from './proposals';

/**
 * What a tool may change. 'read' tools only look; 'propose' tools draft a
 * record that exists only in the session until a clinician approves it;
 * 'write' tools change the vault and run only for an approval, never for
 * an agent.
 */
export type SideEffect = 'read' | 'propose' | 'write';

/** The agents of a session, and the clinician (the only role that approves). */
export const ROLES = ['orchestrator', 'memory', 'evidence', 'perception', 'safety', 'clinician'] as const;
export type RoleId = (typeof ROLES)[number];

/**
 * What a read tool gets: the vault's read-only handle (vault.reader(), a
 * query_only connection typed ReadDb), never the vault, so it can only read.
 */
export interface ReadToolContext {
  readonly db: ReadDb;
  readonly patientId: string;
  readonly sessionId: string;
  readonly now: Date;
  /** The evidence library's sentence encoder, loaded on first use (null or absent: its search is BM25 alone). */
  readonly embedder?: () => Promise<TextEmbedder | null>;
}

/** Everything a propose or write tool may touch: one vault, one patient, one session. */
export interface ToolContext {
  readonly vault: Vault;
  readonly patientId: string;
  readonly sessionId: string;
  readonly now: Date;
  readonly proposals: ProposalStore;
  /** The evidence library's sentence encoder, loaded on first use (null or absent: its search is BM25 alone). */
  readonly embedder?: () => Promise<TextEmbedder | null>;
}

/** The context a tool's run() receives: read tools the read-only one. */
export type ContextFor<S extends SideEffect> = S extends 'read' ? ReadToolContext : ToolContext;

/** The read-only view of a tool context, as the registry hands it to a read tool. */
export function readContext(context: ToolContext): ReadToolContext {
  return { db: context.vault.reader(), patientId: context.patientId, sessionId: context.sessionId, now: context.now, ...(context.embedder ? { embedder: context.embedder } : {}) };
}

export interface Tool<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, S extends SideEffect = SideEffect> {
  /** Stable id ("memory.lab_trend"): trajectories and workflows name tools by it. */
  readonly id: string;
  /** What the tool does, for the model's tool list. */
  readonly description: string;
  readonly input: I;
  readonly output: O;
  readonly sideEffect: S;
  readonly roles: readonly RoleId[];
  /**
   * A promise where the tool must wait (the evidence search embeds the
   * question): such a tool is called with ToolRegistry.callAsync.
   */
  run(input: z.infer<I>, context: ContextFor<S>): z.infer<O> | Promise<z.infer<O>>;
}

/** Typed while written, erased for the registry. */
export function defineTool<I extends z.ZodType, O extends z.ZodType, S extends SideEffect>(tool: Tool<I, O, S>): Tool {
  if (tool.sideEffect === 'write' && tool.roles.some((r) => r !== 'clinician')) {
    throw new Error(`tool ${tool.id}: a write tool is for the clinician's approval only`);
  }
  return tool as unknown as Tool;
}
