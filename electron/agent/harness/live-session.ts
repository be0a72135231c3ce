import { ruleSourceText } from '../../api/rule-source-text';
import { randomUUID } from 'node:crypto';
import type { Brief } from '../../api/schemas';
import { fitToContext } from '../../model/context-policy';
import type { Vault } from '../../store/vault';
import type { TextEmbedder } from '../../evidence/embedder';
import { briefForPatient } from '../brief';
import { checkMedications, ingredientsOf } from '../checks';
import { citeRecord, type Citation } from '../grounding/citation';
import { verifyClaim } from '../grounding/verifier';
import { defaultToolRegistry, ProposalStore, signOffProposals, type ProposalBody, type RoleId, type SignedItem, type SignOffDecision, type ToolContext, type ToolRegistry } from '../tools';
import { visitItems } from '../tools/visit-note';
import type { VisitForm } from '../../api/session-schemas';
import { describeProposal } from '../tools/proposal-checks';
import type { ChatModel, ChatTurn } from './chat-model';
import { decodingSchema } from './decoding-schema';
import { periodSummaries } from '../brief/period-summaries';
import { historySummary, patientSummary, SAFETY_REQUEST, SIGN_OFF_REQUEST, systemPrompt } from './prompts';
import { orchestratorSchema, SAFETY_SCHEMA, SIGN_OFF_SCHEMA } from './schemas';
import type { SessionScript } from './script';
import type { TrajectorySink } from './trajectory';
import type { Workflow } from './workflow';
import { defaultWorkflows } from './workflows';
import { VaultError } from '../../store/errors';

export type Budgets = SessionScript['budgets'];
export type EndReason = 'completed' | 'no-model' | 'budget' | 'model-error' | 'stopped';
/** How a turn or the sign-off ended: the session goes on after 'ok' and 'stopped', not after the others. */
export type StepOutcome = 'ok' | 'no-model' | 'budget' | 'model-error' | 'stopped';

export interface LiveSessionOptions {
  readonly vault: Vault;
  readonly patientId: string;
  readonly workflow: string;
  /** null: no-model mode (the brief only; chat disabled, with the reason recorded). */
  readonly model: ChatModel | null;
  readonly trajectory: TrajectorySink;
  readonly budgets: Budgets;
  readonly seed: number;
  readonly tools?: ToolRegistry;
  readonly sessionId?: string;
  /** What session.start records as the script (the headless script, or a note that the app drives the session). */
  readonly script?: unknown;
  /** Streamed text of the answer being generated, as it comes (the app shows it). */
  readonly onText?: (agent: string, text: string) => void;
  /** Why there is no model, for the no-model notice. */
  readonly noModelReason?: string;
  /**
   * The app: the model's sign-off drafts the assessment, plan and follow-up into the clinician's visit form
   * (a 'draft' event) instead of proposing them; the clinician signs the form (signVisit). Headless sessions
   * leave it off: their script approves the proposals.
   */
  readonly draftIntoForm?: boolean;
  /** The evidence library's sentence encoder, for the evidence.search tool (absent: that search is BM25 alone). */
  readonly embedder?: () => Promise<TextEmbedder | null>;
}

const REPLY_TOKENS = 384;
const TOOL_RESULT_CHARS = 4000;
/** Tokens per character assumed when the model cannot count: generous (BPE averages about 4 characters a token). */
const CHARS_PER_TOKEN = 3;

class BudgetExceeded extends Error {}
class Stopped extends Error {}

/**
 * One follow-up session, turn by turn: the brief at the start, then each
 * turn of the conversation through the orchestrator (tools via the
 * registry, claims through the verifier, the draft challenged by the
 * safety reviewer), the assessment and plan proposed at sign-off, and the
 * clinician's decisions, the only writes. The app drives it one call at a
 * time; runSession drives it from a script. Every step lands in the trajectory.
 */
export class LiveSession {
  readonly sessionId: string;
  readonly brief: Brief;
  readonly workflow: Workflow;
  readonly proposals = new ProposalStore();
  steps = 0;
  tokens = 0;
  ended: EndReason | null = null;
  /** Set once the clinician's sign-off has committed: the session's decisions are made. */
  signed = false;
  private readonly tools: ToolRegistry;
  /** The proposals the sign-off drafted (visit summary, follow-up): decided only together, by sign(). */
  private readonly signOffDraft = new Set<string>();
  private readonly context: ToolContext;
  private readonly started = Date.now();
  private readonly messages: ChatTurn[] = [];
  private readonly callable: string[];
  private readonly citedInReplies: Citation[] = [];
  private abort: AbortController | null = null;
  private droppedShown = 0;

  constructor(private readonly options: LiveSessionOptions) {
    const { vault, patientId, model, trajectory } = options;
    this.tools = options.tools ?? defaultToolRegistry();
    this.workflow = defaultWorkflows(this.tools).get(options.workflow);
    this.sessionId = options.sessionId ?? `session-${randomUUID()}`;
    this.context = { vault, patientId, sessionId: this.sessionId, now: vault.now(), proposals: this.proposals, ...(options.embedder ? { embedder: options.embedder } : {}) };
    trajectory.record({ type: 'session.start', at: vault.now().toISOString(), sessionId: this.sessionId, workflow: this.workflow.id, patientId, model: model?.id ?? null, seed: options.seed, script: options.script ?? null });
    this.brief = briefForPatient(vault, patientId);
    trajectory.record({ type: 'brief', lines: this.brief.counts.lines, flagged: this.brief.counts.flagged });
    if (!model) {
      trajectory.record({ type: 'notice', message: options.noModelReason ?? 'No model is installed: chat is disabled; the brief was written from the record alone.' });
    }
    const toolList = this.tools.describeFor('orchestrator').filter((t) => this.workflow.tools.includes(t.id));
    this.callable = this.workflow.tools.filter((id) => toolRole(this.tools, this.workflow, id) !== null);
    this.messages.push({
      role: 'system',
      content: `${systemPrompt(this.workflow, toolList.length ? toolList : this.callable.map((id) => ({ id, description: this.tools.get(id).description })))}\n\n${patientSummary(this.brief)}${this.history()}`,
    });
  }

  /**
   * The years before the last two, as period summaries: pinned with the
   * brief, so that a record of decades fits the model's context.
   */
  private history(): string {
    const asOf = new Date(this.brief.asOf);
    const before = `${asOf.getUTCFullYear() - 2}-01-01`;
    const text = historySummary(periodSummaries(this.options.vault.db, this.options.patientId, before));
    return text ? `\n\n${text}` : '';
  }

  get chatEnabled(): boolean {
    return this.options.model !== null && this.ended === null;
  }

  get busy(): boolean {
    return this.abort !== null;
  }

  /** One turn of the conversation: the orchestrator's tools and reply, then the safety review. */
  async turn(from: 'patient' | 'clinician', text: string): Promise<StepOutcome> {
    this.options.trajectory.record({ type: 'turn', from, text });
    if (!this.options.model) return 'no-model';
    this.messages.push({ role: 'user', content: `${from === 'patient' ? 'Patient' : 'Clinician'}: ${text}` });
    return this.guarded(() => this.orchestrate());
  }

  /** The assessment and plan, and the next follow-up, proposed for the clinician to approve. */
  async signOff(): Promise<StepOutcome> {
    if (!this.options.model) return 'no-model';
    if (!this.workflow.signOff) return 'ok';
    return this.guarded(() => this.proposeSignOff());
  }

  /** Cancels the generation under way; the turn ends with a notice. */
  stop(): boolean {
    if (!this.abort) return false;
    this.abort.abort();
    return true;
  }

  /**
   * The clinician's decision on one proposal made during the conversation
   * (a fact, a care item): written at once, on its own. The sign-off's own
   * items are not decided here but by sign(), together.
   */
  decide(proposalId: string, decision: 'approve' | 'reject'): { proposalId: string; status: 'approved' | 'rejected'; recordId: string | null } {
    if (this.signed) throw new Error('this session is signed off: its decisions are made');
    const proposal = this.proposals.get(proposalId);
    if (proposal && this.signOffDraft.has(proposalId)) {
      throw new Error(`${describeProposal(proposal)} is part of the sign-off: approve or reject the sign-off's items together, then sign`);
    }
    const result = this.tools.call('clinician', 'memory.approve', { proposalId, decision }, this.context);
    if (!result.ok) throw new Error(result.message);
    const output = result.output as { proposalId: string; status: 'approved' | 'rejected'; recordId: string | null };
    this.options.trajectory.record({ type: 'approval', proposalId, decision, recordId: output.recordId });
    return output;
  }

  /**
   * The sign-off: the clinician's decision on every pending proposal, the
   * approved ones written with their audit entries and the session's signed
   * mark in one transaction (signOffProposals), or nothing written and the
   * reason, naming the item, thrown as one line.
   */
  sign(decisions: readonly SignOffDecision[]): SignedItem[] {
    const { trajectory } = this.options;
    if (this.signed) throw new VaultError('invalid-input', 'sign-off refused, nothing written: this session is already signed off');
    let signed: SignedItem[];
    try {
      signed = signOffProposals(this.tools, this.context, decisions);
    } catch (error) {
      trajectory.record({ type: 'notice', message: (error as Error).message.split('\n')[0]! });
      throw error;
    }
    this.signed = true;
    for (const item of signed) trajectory.record({ type: 'approval', proposalId: item.proposalId, decision: item.status === 'approved' ? 'approve' : 'reject', recordId: item.recordId });
    const approved = signed.filter((s) => s.status === 'approved').length;
    trajectory.record({ type: 'sign-off', approved, rejected: signed.length - approved, records: signed.flatMap((s) => (s.recordId ? [s.recordId] : [])) });
    return signed;
  }

  /**
   * The clinician's visit note, with or without a model: the visit, the note, the medication and problem
   * changes and the follow-up, each made a proposal of the clinician's own and approved by the one sign-off
   * (sign(): one transaction, each item through memory.approve with its audit entry). A model's sign-off
   * draft still waiting is superseded (rejected); proposals from the conversation must be decided first.
   * If the signature is refused nothing is written, and the form's items are dropped so it can be signed again.
   */
  signVisit(form: VisitForm): SignedItem[] {
    const { vault, patientId } = this.options;
    if (this.signed) throw new VaultError('invalid-input', 'sign-off refused, nothing written: this session is already signed off');
    if (this.busy) throw new VaultError('invalid-input', 'sign-off refused, nothing written: the assistant is still answering: wait for it or press Stop');
    const openChat = this.proposals.pending().filter((p) => !this.signOffDraft.has(p.id));
    if (openChat.length > 0) {
      throw new VaultError('invalid-input', `sign-off refused, nothing written: approve or reject the ${openChat.length === 1 ? 'proposal' : `${openChat.length} proposals`} from the conversation first`);
    }
    const drafted = this.proposals.pending();
    const items = visitItems(vault.db, patientId, form).map((item) => this.proposals.add(item.body, item.citations, 'clinician'));
    for (const item of items) this.recordProposal(item.id, true);
    try {
      return this.sign([...items.map((p) => ({ proposalId: p.id, decision: 'approve' as const })), ...drafted.map((p) => ({ proposalId: p.id, decision: 'reject' as const }))]);
    } catch (error) {
      this.proposals.discard(items.map((p) => p.id));
      throw error;
    }
  }

  /** A headless script's approval step: every pending proposal decided as the script says, signed off as one. */
  decideAll(approve: SessionScript['approve']): void {
    const decisions = this.proposals.pending().map((proposal) => {
      const yes = approve === 'all' || (Array.isArray(approve) && (approve as readonly string[]).includes(proposal.body.kind));
      return { proposalId: proposal.id, decision: yes ? ('approve' as const) : ('reject' as const) };
    });
    if (decisions.length > 0) this.sign(decisions);
  }

  end(reason: EndReason): void {
    if (this.ended) return;
    this.stop();
    this.ended = reason;
    this.options.trajectory.record({ type: 'session.end', at: this.options.vault.now().toISOString(), steps: this.steps, tokens: this.tokens, reason });
  }

  private async guarded(step: () => Promise<void>): Promise<StepOutcome> {
    const { trajectory, budgets } = this.options;
    try {
      await step();
      return 'ok';
    } catch (error) {
      if (error instanceof Stopped) {
        trajectory.record({ type: 'notice', message: 'stopped by the clinician; the answer under way was discarded' });
        return 'stopped';
      }
      if (error instanceof BudgetExceeded) {
        trajectory.record({ type: 'notice', message: `the session's budget (${budgets.maxSteps} steps, ${budgets.maxTokens} tokens, ${budgets.maxSeconds} s) is spent; the session stops here` });
        return 'budget';
      }
      trajectory.record({ type: 'notice', message: `the model failed: ${(error as Error).message.split('\n')[0]}` });
      return 'model-error';
    }
  }

  private async ask(agent: string, messages: ChatTurn[], schema: unknown, maxTokens = REPLY_TOKENS): Promise<unknown> {
    const { budgets, trajectory, seed } = this.options;
    const model = this.options.model!;
    if (this.steps >= budgets.maxSteps || this.tokens >= budgets.maxTokens || Date.now() - this.started > budgets.maxSeconds * 1000) throw new BudgetExceeded();
    this.steps += 1;
    const limit = Math.min(maxTokens, budgets.maxTokens - this.tokens);
    const fitted = this.fit(messages, limit);
    const request = { messages: fitted, schema, maxTokens: limit, seed: seed + this.steps, temperature: 0 };
    trajectory.record({ type: 'model.request', agent, step: this.steps, messages: [...fitted], schema, seed: request.seed, maxTokens: request.maxTokens, temperature: 0 });
    const abort = new AbortController();
    this.abort = abort;
    let streamed = '';
    let answer;
    try {
      answer = await model.chat({
        ...request,
        deadlineMs: Math.max(1000, budgets.maxSeconds * 1000 - (Date.now() - this.started)),
        signal: abort.signal,
        ...(this.options.onText
          ? {
              onToken: (text: string) => {
                streamed += text;
                this.options.onText?.(agent, streamed);
              },
            }
          : {}),
      });
    } finally {
      this.abort = null;
    }
    this.tokens += answer.tokens;
    trajectory.record({ type: 'model.response', agent, step: this.steps, text: answer.text, tokens: answer.tokens, finish: answer.finish });
    if (abort.signal.aborted || answer.finish === 'cancelled') throw new Stopped();
    try {
      return JSON.parse(answer.text) as unknown;
    } catch {
      trajectory.record({ type: 'notice', message: `the ${agent}'s answer was cut off (${answer.finish}) before it was complete JSON; it is not used` });
      return null;
    }
  }

  /** The context policy: the system prompt with the pinned summary stays, the oldest turns go, and the clinician is told. */
  private fit(messages: ChatTurn[], maxTokens: number): ChatTurn[] {
    const contextLength = this.options.model?.contextLength;
    if (!contextLength) return messages;
    const countTokens = (list: readonly ChatTurn[]) => list.reduce((n, m) => n + 8 + Math.ceil(m.content.length / CHARS_PER_TOKEN), 0);
    const fitted = fitToContext(messages, { budget: contextLength - maxTokens, pinned: [0], countTokens });
    if (fitted.dropped.length > this.droppedShown) {
      this.droppedShown = fitted.dropped.length;
      this.options.trajectory.record({
        type: 'context',
        dropped: fitted.dropped.length,
        message: `the conversation outgrew the model's context (${contextLength} tokens): its ${fitted.dropped.length} oldest messages are left out of what the model reads; the instructions and the patient summary stay`,
      });
    }
    return fitted.messages as ChatTurn[];
  }

  /** The orchestrator's steps for one turn: tools until it replies. */
  private async orchestrate(): Promise<void> {
    const { vault, patientId, trajectory } = this.options;
    const conversation = this.messages;
    for (;;) {
      const step = (await this.ask('orchestrator', conversation, orchestratorSchema(this.callable))) as {
        tool: string;
        reply: string;
        claims: Array<{ text: string; record: string; id: string }>;
      } | null;
      if (!step) return;
      if (step.tool !== 'none') {
        conversation.push({ role: 'assistant', content: JSON.stringify(step) });
        const args = await this.ask('orchestrator', [...conversation, { role: 'user', content: `Arguments for ${step.tool}, as JSON:` }], decodingSchema(this.tools.get(step.tool).input), 256);
        const role = toolRole(this.tools, this.workflow, step.tool) ?? 'orchestrator';
        const result = await this.tools.callAsync(role, step.tool, args, this.context);
        trajectory.record({ type: 'tool.call', role, tool: step.tool, args, ok: result.ok, result: result.ok ? result.output : { reason: result.reason, message: result.message } });
        if (result.ok && step.tool.startsWith('memory.propose_')) this.recordProposal((result.output as { proposalId: string }).proposalId);
        const shown = JSON.stringify(result.ok ? result.output : { refused: result.message });
        conversation.push({ role: 'tool', content: shown.length > TOOL_RESULT_CHARS ? `${shown.slice(0, TOOL_RESULT_CHARS)}… (cut)` : shown });
        continue;
      }
      const claims = step.claims.map((c) => {
        const citations = [citeRecord(c.record as never, c.id)];
        const verified = verifyClaim(vault.db, patientId, { text: c.text, citations });
        if (verified.verdict === 'supported') this.citedInReplies.push(...citations);
        return verified;
      });
      trajectory.record({
        type: 'reply',
        agent: 'orchestrator',
        text: step.reply,
        claims: claims.map((c) => ({ text: c.text, verdict: c.verdict, problems: c.problems.map((p) => p.message), citations: c.citations, spans: c.problems })),
      });
      conversation.push({ role: 'assistant', content: step.reply });
      await this.review(conversation);
      return;
    }
  }

  /**
   * The safety reviewer challenges the draft; its concerns go to the
   * clinician, not into the record. The clinical checks run on the active
   * medications and any drug the draft names that the patient is not on.
   */
  private async review(conversation: ChatTurn[]): Promise<void> {
    if (!this.workflow.agents.includes('safety')) return;
    const { vault, patientId, trajectory } = this.options;
    const draft = conversation[conversation.length - 1]?.content ?? '';
    const active = new Set(this.activeIngredients());
    const named = ingredientsOf(draft).map((d) => d.ingredient).filter((i) => !active.has(i));
    const flags = checkMedications(vault.db, patientId, vault.now(), named).map((f) => `${f.severity === 'high' ? 'High' : 'Warning'}: ${f.message} (rule: ${ruleSourceText(f.source)})`);
    const answer = (await this.ask('safety', [...conversation, { role: 'user', content: SAFETY_REQUEST }], SAFETY_SCHEMA, 256)) as { concerns: string[] } | null;
    trajectory.record({ type: 'review', agent: 'safety', concerns: [...flags, ...(answer?.concerns ?? [])] });
  }

  private activeIngredients(): string[] {
    const lists = this.tools.call('safety', 'memory.active_lists', {}, this.context);
    if (!lists.ok) return [];
    return (lists.output as { medications: Array<{ display: string }> }).medications.flatMap((m) => ingredientsOf(m.display).map((d) => d.ingredient));
  }

  private async proposeSignOff(): Promise<void> {
    const { vault, trajectory } = this.options;
    const draft = (await this.ask('orchestrator', [...this.messages, { role: 'user', content: SIGN_OFF_REQUEST }], SIGN_OFF_SCHEMA)) as {
      assessment: string;
      plan: string;
      followUpDate: string;
    } | null;
    if (!draft) return;
    if (this.options.draftIntoForm) {
      // The app: the draft goes into the clinician's visit form; nothing is proposed until they sign it.
      trajectory.record({ type: 'draft', agent: 'orchestrator', assessment: draft.assessment, plan: draft.plan, followUpDate: /^\d{4}-\d{2}-\d{2}$/.test(draft.followUpDate) ? draft.followUpDate : null });
      return;
    }
    // A note must cite what it rests on: the verified claims of the session, else the last visit the brief cites.
    const citations = this.citedInReplies.length > 0 ? dedupe(this.citedInReplies).slice(0, 20) : this.brief.sections.flatMap((s) => s.lines.flatMap((l) => l.citations)).slice(0, 1);
    if (citations.length === 0) {
      trajectory.record({ type: 'notice', message: 'nothing in the record to cite: the assessment and plan were not proposed' });
      return;
    }
    const note = this.tools.call('orchestrator', 'memory.propose_note', { title: `Visit summary, ${vault.now().toISOString().slice(0, 10)}: assessment and plan`, body: `Assessment: ${draft.assessment}\n\nPlan: ${draft.plan}`, citations }, this.context);
    trajectory.record({ type: 'tool.call', role: 'orchestrator', tool: 'memory.propose_note', args: { title: 'Assessment and plan' }, ok: note.ok, result: note.ok ? note.output : note.message });
    if (note.ok) this.recordProposal((note.output as { proposalId: string }).proposalId, true);
    const followUp = this.tools.call('orchestrator', 'memory.propose_follow_up', { date: draft.followUpDate, reason: 'Follow-up of this visit', citations }, this.context);
    trajectory.record({ type: 'tool.call', role: 'orchestrator', tool: 'memory.propose_follow_up', args: { date: draft.followUpDate }, ok: followUp.ok, result: followUp.ok ? followUp.output : followUp.message });
    if (followUp.ok) this.recordProposal((followUp.output as { proposalId: string }).proposalId, true);
  }

  private recordProposal(proposalId: string, ofSignOff = false): void {
    const proposal = this.proposals.get(proposalId);
    if (!proposal) return;
    if (ofSignOff) this.signOffDraft.add(proposalId);
    const body = proposal.body;
    const summary = proposalSummary(body);
    const detail = body.kind === 'note' ? body.body : body.kind === 'follow-up' ? body.reason : body.kind === 'medication-stop' ? (body.reason ?? undefined) : undefined;
    this.options.trajectory.record({ type: 'proposal', proposalId, kind: body.kind, summary, ...(detail === undefined ? {} : { detail }), ...(ofSignOff ? { signOff: true } : {}) });
  }
}

/** A proposal in one line, as the chat panel and the trajectory show it. */
function proposalSummary(body: ProposalBody): string {
  switch (body.kind) {
    case 'fact':
      return body.statement;
    case 'note':
      return body.title;
    case 'care-item':
      return body.display;
    case 'follow-up':
      return `follow-up on ${body.date}`;
    case 'visit':
      return body.reason ? `${body.display}: ${body.reason}` : body.display;
    case 'medication-start':
      return `start ${body.display}${body.dosage ? `, ${body.dosage}` : ''}`;
    case 'medication-stop':
      return `stop ${body.display}`;
    case 'problem-add':
      return `add problem ${body.display}`;
    case 'problem-resolve':
      return `resolve problem ${body.display}`;
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
