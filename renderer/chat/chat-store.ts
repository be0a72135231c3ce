import { create } from 'zustand';
import type { SessionEvent } from '../../electron/api/session-schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../app/session-end';

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
  start(patientId: string): Promise<void>;
  send(text: string): Promise<void>;
  signOff(): Promise<void>;
  stop(): Promise<void>;
  decide(proposalId: string, decision: 'approve' | 'reject'): Promise<void>;
}

const POLL_MS = 120;
const initial = { patientId: null, sessionId: null, model: null, chatDisabled: null, events: [], streaming: null, busy: false, starting: false, error: null, decisions: {} } as const;
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

export const useChat = create<ChatState>()((set, get) => ({
  ...initial,
  async start(patientId) {
    const previous = get().sessionId;
    const mine = ++generation;
    after = 0;
    set({ ...initial, patientId, starting: true });
    if (previous) void call('session.end', { sessionId: previous }).catch(() => undefined);
    try {
      const started = await call('session.start', { patientId });
      if (mine !== generation) {
        void call('session.end', { sessionId: started.sessionId }).catch(() => undefined);
        return;
      }
      set({ sessionId: started.sessionId, model: started.model, chatDisabled: started.chatDisabled, starting: false });
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
}));

onSessionEnd(() => {
  generation++;
  after = 0;
  useChat.setState({ ...initial });
});
