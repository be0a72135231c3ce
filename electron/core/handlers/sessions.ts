import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { citation, type CitationDto } from '../../api/schemas';
import type { SessionEvent } from '../../api/session-schemas';
import { citationLabel } from '../../agent/brief/citation-labels';
import { briefFormat } from '../../agent/brief/format';
import { LiveSession, Trajectory, type TrajectoryEvent, type TrajectorySink } from '../../agent/harness';
import { VaultError } from '../../store/errors';
import { logError } from '../log';
import type { AppSession } from '../services/live-sessions';
import type { Session } from '../session';
import type { HandlerMap } from './handler';

/**
 * Follow-up sessions in the app, over the contract: the same LiveSession
 * the headless `continuum session` drives, one call at a time. A turn runs
 * in the background; the chat panel polls session.events for what happened
 * and for the answer being streamed. The trajectory is written beside the
 * vault (trajectories/SESSION.jsonl, owner-only), in the headless format.
 */
const APP_BUDGETS = { maxSteps: 80, maxTokens: 40_000, maxSeconds: 4 * 3600 } as const;
const NO_MODEL = 'No model is selected: chat is disabled and the brief is written from the record alone. Choose a model in the model manager to chat.';

/** The session by that id, among the unlocked vault's (services/live-sessions.ts). */
function find(session: Session, sessionId: string): AppSession {
  return session.liveSessions().get(sessionId);
}

/** What the chat panel shows of a trajectory event (model requests and raw answers stay in the file); `label` names a claim's citation for its chip. */
function toView(event: TrajectoryEvent, label: (citation: CitationDto) => string): SessionEvent | null {
  switch (event.type) {
    case 'turn':
      return { type: 'turn', from: event.from, text: event.text };
    case 'reply':
      return {
        type: 'reply',
        text: event.text,
        claims: event.claims.map((c) => ({
          text: c.text,
          verdict: c.verdict as 'supported' | 'unsupported' | 'uncited',
          // A model may cite any string as an id; the verifier has already judged it, the panel shows it cut to size.
          citations: (c.citations ?? []).map((x) => ((x as { kind?: string }).kind === 'record' ? { ...(x as { id: string }), id: (x as { id: string }).id.slice(0, 200) } : x)) as never,
          problems: (c.spans ?? []).map((x) => ({ ...(x as { message: string }), message: cut((x as { message: string }).message, 240) })) as never,
          labels: (c.citations ?? []).map((x) => safeLabel(label, x)),
        })),
      };
    case 'review':
      return { type: 'review', concerns: event.concerns.map((c) => cut(c, 400)) };
    case 'tool.call':
      return { type: 'tool', tool: event.tool, ok: event.ok, message: event.ok ? null : typeof event.result === 'string' ? event.result : ((event.result as { message?: string } | null)?.message ?? null) };
    case 'proposal':
      return { type: 'proposal', proposalId: event.proposalId, kind: event.kind, summary: event.summary, detail: event.detail ?? null, signOff: event.signOff === true };
    case 'approval':
      return { type: 'decision', proposalId: event.proposalId, decision: event.decision, recordId: event.recordId };
    case 'sign-off':
      return { type: 'notice', message: `signed off: ${event.approved} approved and ${event.rejected} rejected, written to the record together with this session as their source` };
    case 'notice':
      return { type: 'notice', message: event.message };
    case 'context':
      return { type: 'context', dropped: event.dropped, message: event.message };
    case 'session.end':
      return { type: 'end', reason: event.reason };
    case 'draft':
      return { type: 'draft', assessment: cut(event.assessment, 20_000), plan: cut(event.plan, 20_000), followUpDate: event.followUpDate };
    default:
      return null;
  }
}

/** A chip's words for a citation a model wrote (it may be malformed: then only what kind it claims to be). */
function safeLabel(label: (citation: CitationDto) => string, raw: unknown): string {
  const parsed = citation.safeParse(raw);
  if (!parsed.success) return 'Source';
  try {
    return label(parsed.data);
  } catch {
    return parsed.data.kind === 'record' ? parsed.data.record : 'Guideline passage';
  }
}

/** The panel shows long model text cut (a runaway string would flood it); the trajectory keeps it whole. */
function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (cut; ${text.length} characters in the trajectory)` : text;
}

function background(app: AppSession, step: () => Promise<string>): void {
  app.running = step()
    .then((outcome) => {
      if (outcome === 'budget') app.live.end('budget');
    })
    .catch((error: unknown) => {
      logError('a session step failed', error);
      app.view.push({ type: 'notice', message: 'the step failed unexpectedly (see the application log)' });
    })
    .finally(() => {
      app.running = null;
      app.streaming = null;
    });
}

export const sessionHandlers: HandlerMap = {
  'session.start': (params, { session, services }) => {
    const vault = session.requireVault();
    const model = services.models.chatModel();
    const dir = join(dirname(session.status().vaultFile), 'trajectories');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const view: SessionEvent[] = [];
    const format = briefFormat(params.dateStyle ?? 'iso');
    let file: Trajectory | null = null;
    const pending: TrajectoryEvent[] = [];
    let app: AppSession | null = null;
    const sink: TrajectorySink = {
      record(event) {
        if (file) file.record(event);
        else pending.push(event);
        if (event.type === 'model.response' && app) app.streaming = null;
        const shown = toView(event, (c) => citationLabel(vault.db, params.patientId, c, format));
        if (shown) view.push(shown);
      },
    };
    const live = new LiveSession({
      vault,
      patientId: params.patientId,
      workflow: params.workflow ?? 'follow-up',
      model,
      trajectory: sink,
      budgets: APP_BUDGETS,
      seed: 0,
      script: { app: true },
      noModelReason: NO_MODEL,
      draftIntoForm: true,
      // The agent's evidence.search ranks as the panel's search does (hybrid-search.ts).
      embedder: () => session.embedder(),
      onText: (agent, text) => {
        if (app) app.streaming = { agent, text };
      },
    });
    file = new Trajectory(join(dir, `${live.sessionId}.jsonl`));
    for (const event of pending) file.record(event);
    app = { live, view, streaming: null, running: null };
    session.liveSessions().add(app);
    return { sessionId: live.sessionId, workflow: live.workflow.id, panels: [...live.workflow.panels], model: model?.id ?? null, chatDisabled: model ? null : NO_MODEL };
  },
  'session.send': (params, { session }) => {
    const app = find(session, params.sessionId);
    if (!app.live.chatEnabled) throw new VaultError('invalid-input', app.live.ended ? 'this session has ended' : NO_MODEL);
    if (app.running) throw new VaultError('invalid-input', 'the assistant is still answering: wait for it or press Stop');
    background(app, () => app.live.turn(params.from ?? 'clinician', params.text));
    return { accepted: true };
  },
  'session.signOff': (params, { session }) => {
    const app = find(session, params.sessionId);
    if (!app.live.chatEnabled) throw new VaultError('invalid-input', app.live.ended ? 'this session has ended' : NO_MODEL);
    if (app.running) throw new VaultError('invalid-input', 'the assistant is still answering: wait for it or press Stop');
    background(app, () => app.live.signOff());
    return { accepted: true };
  },
  'session.events': (params, { session }) => {
    const app = find(session, params.sessionId);
    const after = Math.min(params.after, app.view.length);
    return { events: app.view.slice(after), next: app.view.length, streaming: app.running ? app.streaming : null, busy: app.running !== null, ended: app.live.ended !== null };
  },
  'session.stop': (params, { session }) => ({ stopped: find(session, params.sessionId).live.stop() }),
  'session.decide': (params, { session }) => {
    const app = find(session, params.sessionId);
    try {
      return app.live.decide(params.proposalId, params.decision);
    } catch (error) {
      if (error instanceof VaultError) throw error;
      throw new VaultError('invalid-input', (error as Error).message);
    }
  },
  /**
   * The sign-off: the clinician's decision on every pending proposal (the
   * visit summary, the follow-up, anything still open from the chat), all
   * written in one transaction with their audit entries and the session's
   * signed mark, or none, with one line naming the item at fault.
   */
  'session.sign': (params, { session }) => {
    const app = find(session, params.sessionId);
    if (app.running) throw new VaultError('invalid-input', 'the assistant is still answering: wait for it or press Stop, then sign');
    try {
      const signed = app.live.sign(params.decisions);
      return { decisions: signed.map((s) => ({ proposalId: s.proposalId, status: s.status, recordId: s.recordId })) };
    } catch (error) {
      if (error instanceof VaultError) throw error;
      throw new VaultError('invalid-input', (error as Error).message.split('\n')[0]!);
    }
  },
  /**
   * The clinician's visit note, with or without a model: the visit, the note, the medication and problem
   * changes and the follow-up, written in one transaction with their audit entries (the sign-off), or none
   * of it, with one line saying why.
   */
  'session.signVisit': (params, { session }) => {
    const app = find(session, params.sessionId);
    if (app.running) throw new VaultError('invalid-input', 'the assistant is still answering: wait for it or press Stop, then sign');
    let signed;
    try {
      signed = app.live.signVisit(params.visit);
    } catch (error) {
      if (error instanceof VaultError) throw error;
      throw new VaultError('invalid-input', (error as Error).message.split('\n')[0]!);
    }
    const approved = signed.filter((s) => s.status === 'approved' && s.recordId);
    const ids = (...kinds: string[]) => approved.filter((s) => kinds.includes(s.kind)).map((s) => s.recordId!);
    return {
      noteId: ids('note')[0]!,
      visitId: ids('visit')[0]!,
      followUpId: ids('follow-up')[0] ?? null,
      medicationIds: ids('medication-start', 'medication-stop'),
      problemIds: ids('problem-add', 'problem-resolve'),
    };
  },
  'session.end': async (params, { session }) => {
    const app = find(session, params.sessionId);
    app.live.end('completed');
    await app.running?.catch(() => undefined);
    session.liveSessions().remove(params.sessionId);
    return { ended: true };
  },
};
