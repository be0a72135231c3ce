import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from '../../../electron/api/session-schemas';
import type * as Client from '../../../renderer/api/client';

/**
 * The chat store's sign-off against a scripted core: choices only select,
 * one session.sign carries them all, a refusal keeps the choices and marks
 * nothing written, and a chat proposal is still decided at once.
 */
const calls: Array<{ method: string; params: unknown }> = [];
const answers = new Map<string, (params: unknown) => unknown>();

vi.mock('../../../renderer/api/client', async (original) => {
  const actual = await original<typeof Client>();
  return {
    ...actual,
    call: vi.fn(async (method: string, params: unknown) => {
      calls.push({ method, params });
      const answer = answers.get(method);
      if (!answer) throw new Error(`unexpected call ${method}`);
      return answer(params);
    }),
  };
});

const { ApiError } = await import('../../../renderer/api/client');
const { useChat } = await import('../../../renderer/shell/chat-store');

const proposal = (proposalId: string, kind: string, signOff: boolean): SessionEvent => ({ type: 'proposal', proposalId, kind, summary: `${kind} ${proposalId}`, detail: null, signOff });
const log: SessionEvent[] = [proposal('p-fact', 'fact', false), proposal('p-note', 'note', true), proposal('p-follow', 'follow-up', true)];

beforeEach(async () => {
  calls.length = 0;
  answers.clear();
  let served = 0;
  answers.set('session.start', () => ({ sessionId: 's-1', workflow: 'follow-up', model: 'tiny', chatDisabled: null }));
  answers.set('session.events', () => {
    const events = log.slice(served);
    served = log.length;
    return { events, next: served, streaming: null, busy: false, ended: false };
  });
  await useChat.getState().start('patient-1');
});

const methods = () => calls.map((c) => c.method);

describe('the chat store signs the sign-off in one call', () => {
  it('a chat proposal is decided at once through session.decide', async () => {
    answers.set('session.decide', () => ({ proposalId: 'p-fact', status: 'approved', recordId: 'fact-1' }));
    await useChat.getState().decide('p-fact', 'approve');
    expect(calls.find((c) => c.method === 'session.decide')?.params).toEqual({ sessionId: 's-1', proposalId: 'p-fact', decision: 'approve' });
    expect(useChat.getState().decisions['p-fact']).toEqual({ status: 'approved', recordId: 'fact-1' });
  });

  it('choices send nothing; signing is held back until every item has one', async () => {
    answers.set('session.decide', () => ({ proposalId: 'p-fact', status: 'rejected', recordId: null }));
    await useChat.getState().decide('p-fact', 'reject');
    calls.length = 0;
    useChat.getState().choose('p-note', 'approve');
    expect(await useChat.getState().sign()).toBe(false);
    expect(methods()).toEqual([]);
    expect(useChat.getState().choices).toEqual({ 'p-note': 'approve' });
  });

  it('a refusal shows its one line, keeps the choices and marks nothing written; signing again commits', async () => {
    answers.set('session.decide', () => ({ proposalId: 'p-fact', status: 'approved', recordId: 'fact-1' }));
    await useChat.getState().decide('p-fact', 'approve');
    useChat.getState().choose('p-note', 'approve');
    useChat.getState().choose('p-follow', 'reject');
    answers.set('session.sign', () => {
      throw new ApiError('invalid-input', 'Sign-off refused, nothing written: visit summary: the record changed', 'session.sign');
    });
    expect(await useChat.getState().sign()).toBe(false);
    let state = useChat.getState();
    expect(state.signError).toBe('Sign-off refused, nothing written: visit summary: the record changed');
    expect(state.choices).toEqual({ 'p-note': 'approve', 'p-follow': 'reject' });
    expect(state.decisions['p-note']).toBeUndefined();
    expect(state).toMatchObject({ signing: false, signed: false });
    expect(calls.find((c) => c.method === 'session.sign')?.params).toEqual({
      sessionId: 's-1',
      decisions: [
        { proposalId: 'p-note', decision: 'approve' },
        { proposalId: 'p-follow', decision: 'reject' },
      ],
    });

    answers.set('session.sign', () => ({
      decisions: [
        { proposalId: 'p-note', status: 'approved', recordId: 'note-1' },
        { proposalId: 'p-follow', status: 'rejected', recordId: null },
      ],
    }));
    expect(await useChat.getState().sign()).toBe(true);
    state = useChat.getState();
    expect(state).toMatchObject({ signing: false, signed: true, signError: null, choices: {} });
    expect(state.decisions['p-note']).toEqual({ status: 'approved', recordId: 'note-1' });
    expect(state.decisions['p-follow']).toEqual({ status: 'rejected', recordId: null });
    // Signed: the choices are locked.
    useChat.getState().choose('p-note', 'reject');
    expect(useChat.getState().choices).toEqual({});
  });
});
