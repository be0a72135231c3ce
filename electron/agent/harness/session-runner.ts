import { randomUUID } from 'node:crypto';
import type { Brief } from '../../api/schemas';
import type { Vault } from '../../store/vault';
import { briefForPatient } from '../brief';
import { checkMedications, ingredientsOf } from '../checks';
import { citeRecord, type Citation } from '../grounding/citation';
import { verifyClaim } from '../grounding/verifier';
import { defaultToolRegistry, ProposalStore, type RoleId, type ToolContext, type ToolRegistry } from '../tools';
import type { ChatModel, ChatTurn } from './chat-model';
import { decodingSchema } from './decoding-schema';
import { patientSummary, SAFETY_REQUEST, SIGN_OFF_REQUEST, systemPrompt } from './prompts';
import { orchestratorSchema, SAFETY_SCHEMA, SIGN_OFF_SCHEMA } from './schemas';
import type { SessionScript } from './script';
import type { TrajectorySink } from './trajectory';
import { defaultWorkflows } from './workflows';
import type { Workflow } from './workflow';

export interface SessionOptions {
  readonly vault: Vault;
  readonly patientId: string;
  readonly script: SessionScript;
  /** null: no-model mode (the brief only; chat disabled, with the reason recorded). */
  readonly model: ChatModel | null;
  readonly trajectory: TrajectorySink;
  readonly tools?: ToolRegistry;
  readonly sessionId?: string;
}

export interface SessionOutcome {
  readonly sessionId: string;
  readonly brief: Brief;
  readonly proposals: ReturnType<ProposalStore['all']>;
  readonly steps: number;
  readonly tokens: number;
  readonly endReason: 'completed' | 'no-model' | 'budget' | 'model-error';
}

const REPLY_TOKENS = 384;
const TOOL_RESULT_CHARS = 4000;

class BudgetExceeded extends Error {}

/**
 * One follow-up session, the same way headless (`continuum session`) and in
 * the app: the brief first, then each turn of the conversation through the
 * orchestrator (tools via the registry, claims through the verifier, the
 * draft challenged by the safety reviewer), then the assessment and plan
 * proposed for sign-off. Writes happen only at the approval step, for the
 * clinician. Every step lands in the trajectory.
 */
export async function runSession(options: SessionOptions): Promise<SessionOutcome> {
  const { vault, patientId, script, model, trajectory } = options;
  const tools = options.tools ?? defaultToolRegistry();
  const workflow = defaultWorkflows(tools).get(script.workflow);
  const sessionId = options.sessionId ?? `session-${randomUUID()}`;
  const proposals = new ProposalStore();
  const context: ToolContext = { vault, patientId, sessionId, now: vault.now(), proposals };
  const started = Date.now();
  let steps = 0;
  let tokens = 0;

  trajectory.record({ type: 'session.start', at: vault.now().toISOString(), sessionId, workflow: workflow.id, patientId, model: model?.id ?? null, seed: script.seed, script });
  const brief = briefForPatient(vault, patientId);
  trajectory.record({ type: 'brief', lines: brief.counts.lines, flagged: brief.counts.flagged });

  const end = (reason: SessionOutcome['endReason']): SessionOutcome => {
    trajectory.record({ type: 'session.end', at: vault.now().toISOString(), steps, tokens, reason });
    return { sessionId, brief, proposals: proposals.all(), steps, tokens, endReason: reason };
  };

  if (!model) {
    trajectory.record({ type: 'notice', message: 'No model is installed: chat is disabled; the brief was written from the record alone.' });
    for (const turn of script.turns) trajectory.record({ type: 'turn', from: turn.from, text: turn.text });
    return end('no-model');
  }

  const ask = async (agent: string, messages: ChatTurn[], schema: unknown, maxTokens = REPLY_TOKENS): Promise<unknown> => {
    const { budgets } = script;
    if (steps >= budgets.maxSteps || tokens >= budgets.maxTokens || Date.now() - started > budgets.maxSeconds * 1000) throw new BudgetExceeded();
    steps += 1;
    const request = { messages, schema, maxTokens: Math.min(maxTokens, budgets.maxTokens - tokens), seed: script.seed + steps, temperature: 0 };
    trajectory.record({ type: 'model.request', agent, step: steps, messages: [...messages], schema, seed: request.seed, maxTokens: request.maxTokens, temperature: 0 });
    const answer = await model.chat({ ...request, deadlineMs: Math.max(1000, budgets.maxSeconds * 1000 - (Date.now() - started)) });
    tokens += answer.tokens;
    trajectory.record({ type: 'model.response', agent, step: steps, text: answer.text, tokens: answer.tokens, finish: answer.finish });
    try {
      return JSON.parse(answer.text) as unknown;
    } catch {
      trajectory.record({ type: 'notice', message: `the ${agent}'s answer was cut off (${answer.finish}) before it was complete JSON; it is not used` });
      return null;
    }
  };

  const toolList = tools.describeFor('orchestrator').filter((t) => workflow.tools.includes(t.id));
  const callable = workflow.tools.filter((id) => toolRole(tools, workflow, id) !== null);
  const messages: ChatTurn[] = [
    { role: 'system', content: `${systemPrompt(workflow, toolList.length ? toolList : callable.map((id) => ({ id, description: tools.get(id).description })))}\n\n${patientSummary(brief)}` },
  ];
  const citedInReplies: Citation[] = [];

  try {
    for (const turn of script.turns) {
      trajectory.record({ type: 'turn', from: turn.from, text: turn.text });
      messages.push({ role: 'user', content: `${turn.from === 'patient' ? 'Patient' : 'Clinician'}: ${turn.text}` });
      await orchestrate(messages);
    }
    if (workflow.signOff) await signOff();
  } catch (error) {
    if (error instanceof BudgetExceeded) {
      trajectory.record({ type: 'notice', message: `the session's budget (${script.budgets.maxSteps} steps, ${script.budgets.maxTokens} tokens, ${script.budgets.maxSeconds} s) is spent; the session stops here` });
      decide();
      return end('budget');
    }
    trajectory.record({ type: 'notice', message: `the model failed: ${(error as Error).message.split('\n')[0]}` });
    decide();
    return end('model-error');
  }
  decide();
  return end('completed');

  /** The orchestrator's steps for one turn: tools until it replies. */
  async function orchestrate(conversation: ChatTurn[]): Promise<void> {
    for (;;) {
      const step = (await ask('orchestrator', conversation, orchestratorSchema(callable))) as {
        tool: string;
        reply: string;
        claims: Array<{ text: string; record: string; id: string }>;
      } | null;
      if (!step) return;
      if (step.tool !== 'none') {
        conversation.push({ role: 'assistant', content: JSON.stringify(step) });
        const args = await ask('orchestrator', [...conversation, { role: 'user', content: `Arguments for ${step.tool}, as JSON:` }], decodingSchema(tools.get(step.tool).input), 256);
        const role = toolRole(tools, workflow, step.tool) ?? 'orchestrator';
        const result = tools.call(role, step.tool, args, context);
        trajectory.record({ type: 'tool.call', role, tool: step.tool, args, ok: result.ok, result: result.ok ? result.output : { reason: result.reason, message: result.message } });
        if (result.ok && step.tool.startsWith('memory.propose_')) recordProposal((result.output as { proposalId: string }).proposalId);
        const shown = JSON.stringify(result.ok ? result.output : { refused: result.message });
        conversation.push({ role: 'tool', content: shown.length > TOOL_RESULT_CHARS ? `${shown.slice(0, TOOL_RESULT_CHARS)}… (cut)` : shown });
        continue;
      }
      const claims = step.claims.map((c) => {
        const citations = [citeRecord(c.record as never, c.id)];
        const verified = verifyClaim(vault.db, patientId, { text: c.text, citations });
        if (verified.verdict === 'supported') citedInReplies.push(...citations);
        return verified;
      });
      trajectory.record({ type: 'reply', agent: 'orchestrator', text: step.reply, claims: claims.map((c) => ({ text: c.text, verdict: c.verdict, problems: c.problems.map((p) => p.message) })) });
      conversation.push({ role: 'assistant', content: step.reply });
      await review(conversation);
      return;
    }
  }

  /**
   * The safety reviewer challenges the draft; its concerns go to the
   * clinician, not into the record. The clinical checks run on the active
   * medications and any drug the draft names that the patient is not on.
   */
  async function review(conversation: ChatTurn[]): Promise<void> {
    if (!workflow.agents.includes('safety')) return;
    const draft = conversation[conversation.length - 1]?.content ?? '';
    const active = new Set(activeIngredients());
    const named = ingredientsOf(draft).map((d) => d.ingredient).filter((i) => !active.has(i));
    const flags = checkMedications(vault.db, patientId, vault.now(), named).map((f) => `${f.severity === 'high' ? 'High' : 'Warning'}: ${f.message} (rule: ${f.source.title})`);
    const answer = (await ask('safety', [...conversation, { role: 'user', content: SAFETY_REQUEST }], SAFETY_SCHEMA, 256)) as { concerns: string[] } | null;
    trajectory.record({ type: 'review', agent: 'safety', concerns: [...flags, ...(answer?.concerns ?? [])] });
  }

  function activeIngredients(): string[] {
    const lists = tools.call('safety', 'memory.active_lists', {}, context);
    if (!lists.ok) return [];
    return (lists.output as { medications: Array<{ display: string }> }).medications.flatMap((m) => ingredientsOf(m.display).map((d) => d.ingredient));
  }

  async function signOff(): Promise<void> {
    const draft = (await ask('orchestrator', [...messages, { role: 'user', content: SIGN_OFF_REQUEST }], SIGN_OFF_SCHEMA)) as {
      assessment: string;
      plan: string;
      followUpDate: string;
    } | null;
    if (!draft) return;
    // A note must cite what it rests on: the verified claims of the session, else the last visit the brief cites.
    const citations = citedInReplies.length > 0 ? dedupe(citedInReplies).slice(0, 20) : brief.sections.flatMap((s) => s.lines.flatMap((l) => l.citations)).slice(0, 1);
    if (citations.length === 0) {
      trajectory.record({ type: 'notice', message: 'nothing in the record to cite: the assessment and plan were not proposed' });
      return;
    }
    const note = tools.call('orchestrator', 'memory.propose_note', { title: `Assessment and plan, ${vault.now().toISOString().slice(0, 10)}`, body: `Assessment: ${draft.assessment}\n\nPlan: ${draft.plan}`, citations }, context);
    trajectory.record({ type: 'tool.call', role: 'orchestrator', tool: 'memory.propose_note', args: { title: 'Assessment and plan' }, ok: note.ok, result: note.ok ? note.output : note.message });
    if (note.ok) recordProposal((note.output as { proposalId: string }).proposalId);
    const followUp = tools.call('orchestrator', 'memory.propose_follow_up', { date: draft.followUpDate, reason: 'Follow-up of this visit', citations }, context);
    trajectory.record({ type: 'tool.call', role: 'orchestrator', tool: 'memory.propose_follow_up', args: { date: draft.followUpDate }, ok: followUp.ok, result: followUp.ok ? followUp.output : followUp.message });
    if (followUp.ok) recordProposal((followUp.output as { proposalId: string }).proposalId);
  }

  function recordProposal(proposalId: string): void {
    const proposal = proposals.get(proposalId);
    if (!proposal) return;
    const body = proposal.body;
    const summary = body.kind === 'fact' ? body.statement : body.kind === 'note' ? body.title : body.kind === 'care-item' ? body.display : `follow-up on ${body.date}`;
    trajectory.record({ type: 'proposal', proposalId, kind: body.kind, summary });
  }

  /** The script's explicit approval step: the clinician's decisions, as the app's Approve buttons make them. */
  function decide(): void {
    for (const proposal of proposals.pending()) {
      const approve = script.approve === 'all' || (Array.isArray(script.approve) && script.approve.includes(proposal.body.kind));
      const decision = approve ? 'approve' : 'reject';
      const result = tools.call('clinician', 'memory.approve', { proposalId: proposal.id, decision }, context);
      const recordId = result.ok ? (result.output as { recordId: string | null }).recordId : null;
      trajectory.record({ type: 'approval', proposalId: proposal.id, decision, recordId });
    }
  }
}

/** The workflow agent that calls a tool on the orchestrator's behalf: the first of its agents the tool allows. */
function toolRole(tools: ToolRegistry, workflow: Workflow, toolId: string): RoleId | null {
  const allowed = tools.get(toolId).roles;
  return workflow.agents.find((agent) => allowed.includes(agent)) ?? null;
}

function dedupe(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
