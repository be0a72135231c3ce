import type { z } from 'zod';
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

/** Everything a tool may touch: one vault, one patient, one session. */
export interface ToolContext {
  readonly vault: Vault;
  readonly patientId: string;
  readonly sessionId: string;
  readonly now: Date;
  readonly proposals: ProposalStore;
}

export interface Tool<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Stable id ("memory.lab_trend"): trajectories and workflows name tools by it. */
  readonly id: string;
  /** What the tool does, for the model's tool list. */
  readonly description: string;
  readonly input: I;
  readonly output: O;
  readonly sideEffect: SideEffect;
  readonly roles: readonly RoleId[];
  run(input: z.infer<I>, context: ToolContext): z.infer<O>;
}

/** Typed while written, erased for the registry. */
export function defineTool<I extends z.ZodType, O extends z.ZodType>(tool: Tool<I, O>): Tool {
  if (tool.sideEffect === 'write' && tool.roles.some((r) => r !== 'clinician')) {
    throw new Error(`tool ${tool.id}: a write tool is for the clinician's approval only`);
  }
  return tool as unknown as Tool;
}
