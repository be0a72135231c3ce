import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../electron/api/session-schemas';
import { afterSigned, choose, decidedFrom, openChatProposals, signDecisions, signReadiness, statusOf, type Choices } from '../../../renderer/shell/sign-off-state';

const proposal = (proposalId: string, kind: string, signOff: boolean): SessionEvent => ({ type: 'proposal', proposalId, kind, summary: `${kind} ${proposalId}`, detail: null, signOff });

/** A consultation: a fact proposed in the chat, then the sign-off's summary and follow-up. */
const events: SessionEvent[] = [
  { type: 'turn', from: 'clinician', text: 'How is she?' },
  proposal('p-fact', 'fact', false),
  proposal('p-note', 'note', true),
  proposal('p-follow', 'follow-up', true),
];

describe('the sign-off as the chat panel holds it', () => {
  it('tells sign-off items from chat proposals by the core’s mark, not by kind', () => {
    const chatNote = proposal('p-chat-note', 'note', false);
    const readiness = signReadiness([...events, chatNote], {}, {});
    expect(readiness.items.map((i) => i.proposalId)).toEqual(['p-note', 'p-follow']);
    expect(openChatProposals([...events, chatNote], {}).map((i) => i.proposalId)).toEqual(['p-fact', 'p-chat-note']);
  });

  it('choosing only selects; picking the same choice again takes it back', () => {
    let choices: Choices = {};
    choices = choose(choices, 'p-note', 'approve');
    expect(choices).toEqual({ 'p-note': 'approve' });
    choices = choose(choices, 'p-note', 'reject');
    expect(choices).toEqual({ 'p-note': 'reject' });
    choices = choose(choices, 'p-note', 'reject');
    expect(choices).toEqual({});
  });

  it('the sign button waits until every sign-off item has a choice, then for the chat’s open proposals', () => {
    const decided = { 'p-fact': { status: 'approved', recordId: 'fact-1' } } as const;
    let r = signReadiness(events, decided, {});
    expect(r.waitingFor).toBe('Choose Approve or Reject for each item before signing.');
    expect(signReadiness(events.slice(0, 3), decided, {}).waitingFor).toBe('Choose Approve or Reject for the item before signing.');
    r = signReadiness(events, decided, { 'p-note': 'approve' });
    expect(r).toMatchObject({ chosen: 1, ready: false });
    expect(r.waitingFor).toMatch(/the last item/);

    r = signReadiness(events, decided, { 'p-note': 'approve', 'p-follow': 'reject' });
    expect(r).toMatchObject({ chosen: 2, ready: true, waitingFor: null });

    // The core signs only when every open proposal is decided: an undecided chat fact holds the signature back.
    r = signReadiness(events, {}, { 'p-note': 'approve', 'p-follow': 'reject' });
    expect(r.ready).toBe(false);
    expect(r.waitingFor).toMatch(/proposal from the conversation/);
  });

  it('nothing to sign before the sign-off is drafted, nor after it is signed', () => {
    expect(signReadiness(events.slice(0, 2), {}, {})).toMatchObject({ items: [], ready: false, waitingFor: null });
    const signed = decidedFrom([...events, { type: 'decision', proposalId: 'p-note', decision: 'approve', recordId: 'note-1' }, { type: 'decision', proposalId: 'p-follow', decision: 'reject', recordId: null }], {});
    expect(statusOf('p-note', signed)).toBe('approved');
    expect(statusOf('p-follow', signed)).toBe('rejected');
    expect(signReadiness(events, signed, {}).items).toEqual([]);
  });

  it('sends one decision per item, in order, and refuses to send an item without a choice', () => {
    const { items } = signReadiness(events, {}, {});
    expect(signDecisions(items, { 'p-follow': 'reject', 'p-note': 'approve', 'p-fact': 'approve' })).toEqual([
      { proposalId: 'p-note', decision: 'approve' },
      { proposalId: 'p-follow', decision: 'reject' },
    ]);
    expect(() => signDecisions(items, { 'p-note': 'approve' })).toThrow(/follow-up p-follow: no choice made/);
  });

  it('after the signature each item shows what the core answered, and its choice is spent', () => {
    const next = afterSigned({ 'p-fact': { status: 'approved', recordId: 'fact-1' } }, { 'p-note': 'approve', 'p-follow': 'reject' }, [
      { proposalId: 'p-note', status: 'approved', recordId: 'note-1' },
      { proposalId: 'p-follow', status: 'rejected', recordId: null },
    ]);
    expect(next.choices).toEqual({});
    expect(next.decided).toEqual({
      'p-fact': { status: 'approved', recordId: 'fact-1' },
      'p-note': { status: 'approved', recordId: 'note-1' },
      'p-follow': { status: 'rejected', recordId: null },
    });
  });

  it('an answer this panel got wins over the log while the log catches up', () => {
    const decided = decidedFrom([{ type: 'decision', proposalId: 'p-fact', decision: 'reject', recordId: null }], { 'p-note': { status: 'approved', recordId: 'n' } });
    expect(decided).toEqual({ 'p-fact': { status: 'rejected', recordId: null }, 'p-note': { status: 'approved', recordId: 'n' } });
  });
});
