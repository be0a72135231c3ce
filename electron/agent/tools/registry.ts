import { z } from 'zod';
import { readContext, type RoleId, type Tool, type ToolContext } from './tool';

export type RefusalReason = 'unknown-tool' | 'not-allowed' | 'invalid-arguments' | 'needs-approval' | 'failed';

export type ToolResult =
  | { readonly ok: true; readonly output: unknown }
  | { readonly ok: false; readonly reason: RefusalReason; readonly message: string };

/** Told of every call, allowed or refused: the session's trajectory. */
export type CallObserver = (call: { role: RoleId; tool: string; args: unknown; result: ToolResult }) => void;

/**
 * The tools a session's agents may call, by stable id. Every call is
 * checked before it runs: the tool exists, the calling role is allowed it,
 * its arguments match its schema; a write tool runs only for the
 * clinician. A refused call is answered with the reason (so the agent can
 * correct itself) and recorded like any other.
 */
export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();

  constructor(tools: readonly Tool[] = []) {
    for (const tool of tools) this.register(tool);
  }

  register(tool: Tool): void {
    if (!/^[a-z]+\.[a-z_]+$/.test(tool.id)) throw new Error(`tool id "${tool.id}": expected "area.name" in lower case`);
    if (this.tools.has(tool.id)) throw new Error(`tool ${tool.id} is registered twice`);
    this.tools.set(tool.id, tool);
  }

  ids(): string[] {
    return [...this.tools.keys()];
  }

  get(id: string): Tool {
    const tool = this.tools.get(id);
    if (!tool) throw new Error(`no tool ${id} is registered`);
    return tool;
  }

  /** The tools a role may call, with JSON Schemas for the model's tool list and constrained decoding. */
  describeFor(role: RoleId): Array<{ id: string; description: string; sideEffect: string; input: unknown }> {
    return [...this.tools.values()]
      .filter((t) => t.roles.includes(role))
      .map((t) => ({ id: t.id, description: t.description, sideEffect: t.sideEffect, input: z.toJSONSchema(t.input) }));
  }

  /** A call that answers at once; a tool that must wait (its run() returns a promise) is refused here: call it with callAsync. */
  call(role: RoleId, id: string, args: unknown, context: ToolContext, observe?: CallObserver): ToolResult {
    const started = this.start(role, id, args, context);
    const result = started instanceof Promise ? refuseWaiting(id, started) : started;
    observe?.({ role, tool: id, args, result });
    return result;
  }

  /** Any tool, waited for: what the orchestrator's loop uses, so that the evidence search ranks as eval:evidence measures. */
  async callAsync(role: RoleId, id: string, args: unknown, context: ToolContext, observe?: CallObserver): Promise<ToolResult> {
    const result = await this.start(role, id, args, context);
    observe?.({ role, tool: id, args, result });
    return result;
  }

  private start(role: RoleId, id: string, args: unknown, context: ToolContext): ToolResult | Promise<ToolResult> {
    const tool = this.tools.get(id);
    if (!tool) return { ok: false, reason: 'unknown-tool', message: `no tool "${String(id).slice(0, 80)}"` };
    if (tool.sideEffect === 'write' && role !== 'clinician') {
      return { ok: false, reason: 'needs-approval', message: `${id} changes the record: propose it instead; a clinician approves` };
    }
    if (!tool.roles.includes(role)) return { ok: false, reason: 'not-allowed', message: `the ${role} agent may not call ${id}` };
    const parsed = tool.input.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, reason: 'invalid-arguments', message: `${id}: ${issue.path.join('.') || 'arguments'}: ${issue.message}` };
    }
    const failed = (error: unknown): ToolResult => ({ ok: false, reason: 'failed', message: `${id}: ${(error as Error).message.split('\n')[0]}` });
    const checked = (output: unknown): ToolResult => {
      try {
        return { ok: true, output: tool.output.parse(output) };
      } catch (error) {
        return failed(error);
      }
    };
    try {
      // A read tool gets the read-only handle, never the vault.
      const output = tool.sideEffect === 'read' ? tool.run(parsed.data, readContext(context)) : tool.run(parsed.data, context);
      return output instanceof Promise ? output.then(checked, failed) : checked(output);
    } catch (error) {
      return failed(error);
    }
  }
}

/** A tool that must wait, called without waiting: refused with the reason (its work, under way, is let go and its failure ignored). */
function refuseWaiting(id: string, pending: Promise<ToolResult>): ToolResult {
  void pending.catch(() => undefined);
  return { ok: false, reason: 'failed', message: `${id} must be waited for: call it with callAsync` };
}
