import { create } from 'zustand';
import type { SessionEvent } from '../../electron/api/session-schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from './session-end';
import { useWorkflow } from './workflow';
import { afterSigned, choose, decidedFrom, signDecisions, signReadiness, type Choice, type Choices } from './sign-off-state';

export interface ChatState {
  readonly patientId: string | null;
  readonly sessionId: string | null;
  readonly model: string | null;
  readonly chatDisabled: string | null;
  readonly events: readonly SessionEvent[];
  readonly streaming: { agent: string; text: string } | null;
  readonly busy: boolean;
  readonly starting: boolean;
  readonly error: string | null;
  /** Proposal id to its decision, once made. */
  readonly decisions: Readonly<Record<string, { status: 'approved' | 'rejected'; recordId: string | null }>>;
  /** The clinician's Approve/Reject choice for each sign-off item, sent together by sign(). */
  readonly choices: Choices;
  /** session.sign is under way. */
  readonly signing: boolean;
  /** Why the last signature was refused (nothing was written), or null. */
  readonly signError: string | null;
  /** The sign-off committed: the session's decisions are made. */
  readonly signed: boolean;
  start(patientId: string, dateStyle?: 'dmy' | 'mdy' | 'iso'): Promise<void>;
  send(text: string): Promise<void>;
  signOff(): Promise<void>;
  stop(): Promise<void>;
  /** A chat proposal, decided at once on its own. */
  decide(proposalId: string, decision: 'approve' | 'reject'): Promise<void>;
  /** Selects (or, picked again, clears) the choice for one sign-off item; nothing is sent. */
  choose(proposalId: string, choice: Choice): void;
  /** Sends every sign-off choice to session.sign, all written or none; true when it committed. */
  sign(): Promise<boolean>;
  /** The visit note was signed in this session (session.signVisit): its decisions are made; the log shows them. */
  markSigned(): Promise<void>;
}

const POLL_MS = 120;
const initial = { patientId: null, sessionId: null, model: null, chatDisabled: null, events: [], streaming: null, busy: false, starting: false, error: null, decisions: {}, choices: {}, signing: false, signError: null, signed: false } as const;
let generation = 0;
let after = 0;

/** Polls session.events while a step runs; stops when it is done or the session changed. */
async function poll(mine: number): Promise<void> {
  for (;;) {
    const { sessionId } = useChat.getState();
    if (mine !== generation || !sessionId) return;
    try {
      const page = await call('session.events', { sessionId, after });
      if (mine !== generation) return;
      after = page.next;
      useChat.setState((s) => ({ events: page.events.length ? [...s.events, ...page.events] : s.events, streaming: page.streaming, busy: page.busy }));
      if (!page.busy) return;
    } catch (error) {
      if (mine === generation) useChat.setState({ busy: false, streaming: null, error: errorMessage(error) });
      return;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * The visit's session with the core (session.*): the visit note and the
 * consultation chat both work in it, so it belongs to neither feature but to
 * the shell; starting it makes its workflow the chart's active one.
 */
export const useChat = create<ChatState>()((set, get) => ({
  ...initial,
  async start(patientId, dateStyle) {
    const previous = get().sessionId;
    const mine = ++generation;
    after = 0;
    set({ ...initial, patientId, starting: true });
    if (previous) void call('session.end', { sessionId: previous }).catch(() => undefined);
    try {
      const started = await call('session.start', { patientId, ...(dateStyle ? { dateStyle } : {}) });
      if (mine !== generation) {
        void call('session.end', { sessionId: started.sessionId }).catch(() => undefined);
        return;
      }
      set({ sessionId: started.sessionId, model: started.model, chatDisabled: started.chatDisabled, starting: false });
      // The chart lays out what the session's workflow names (the core says which panels).
      if (started.panels) useWorkflow.getState().begin({ id: started.workflow, panels: started.panels });
      await poll(mine);
    } catch (error) {
      if (mine === generation) set({ starting: false, error: errorMessage(error) });
    }
  },
  async send(text) {
    const { sessionId } = get();
    if (!sessionId) return;
    set({ busy: true, error: null });
    try {
      await call('session.send', { sessionId, text });
      await poll(generation);
    } catch (error) {
      set({ busy: false, error: errorMessage(error) });
    }
  },
  async signOff() {
    const { sessionId } = get();
    if (!sessionId) return;
    set({ busy: true, error: null });
    try {
      await call('session.signOff', { sessionId });
      await poll(generation);
    } catch (error) {
      set({ busy: false, error: errorMessage(error) });
    }
  },
  async stop() {
    const { sessionId } = get();
    if (sessionId) await call('session.stop', { sessionId }).catch(() => undefined);
  },
  async decide(proposalId, decision) {
    const { sessionId } = get();
    if (!sessionId) return;
    try {
      const result = await call('session.decide', { sessionId, proposalId, decision });
      set((s) => ({ decisions: { ...s.decisions, [proposalId]: { status: result.status, recordId: result.recordId } } }));
      await poll(generation);
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  choose(proposalId, choice) {
    if (get().signing || get().signed) return;
    set((s) => ({ choices: choose(s.choices, proposalId, choice), signError: null }));
  },
  async markSigned() {
    set({ signed: true });
    await poll(generation);
  },
  async sign() {
    const { sessionId, events, decisions, choices, signing, busy } = get();
    if (!sessionId || signing || busy) return false;
    const readiness = signReadiness(events, decidedFrom(events, decisions), choices);
    if (!readiness.ready) return false;
    const mine = generation;
    set({ signing: true, signError: null, error: null });
    try {
      const result = await call('session.sign', { sessionId, decisions: signDecisions(readiness.items, choices) });
      if (mine !== generation) return false;
      set((s) => {
        const next = afterSigned(s.decisions, s.choices, result.decisions);
        return { decisions: next.decided, choices: next.choices, signing: false, signed: true };
      });
      await poll(mine);
      return true;
    } catch (error) {
      // Refused: nothing was written; the choices stay for the clinician to correct and sign again.
      if (mine === generation) set({ signing: false, signError: errorMessage(error) });
      await poll(mine);
      return false;
    }
  },
}));

onSessionEnd(() => {
  generation++;
  after = 0;
  useChat.setState({ ...initial });
});
