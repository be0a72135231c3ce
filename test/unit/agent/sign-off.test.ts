import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citeRecord } from '../../../electron/agent/grounding/citation';
import { LiveSession, runSession, sessionScript, Trajectory, type ChatModel } from '../../../electron/agent/harness';
import { localDay } from '../../../electron/agent/tools/proposal-checks';
import { verifyAudit } from '../../../electron/store/audit';
import type { Vault } from '../../../electron/store/vault';
import { memoryVault, PATIENT } from './memory-fixture';

/**
 * Sign-off is one transaction: every approved item, its audit entry and
 * the session's signed mark commit together or not at all. A bad item
 * (checked before the transaction) or a write that fails inside it leaves
 * the vault exactly as it was, the proposals still pending, and one line
 * naming the item.
 */
function signOffModel(followUpDate: string): ChatModel {
  return {
    id: 'scripted sign-off',
    chat: () => Promise.resolve({ text: JSON.stringify({ assessment: 'Type 2 diabetes, stable.', plan: 'Continue metformin.', followUpDate }), tokens: 12, finish: 'stop' }),
  };
}

/** A calendar day `days` from now: follow-up dates must not be before today. */
const inDays = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));

let vault: Vault;
beforeEach(() => {
  vault = memoryVault();
});
afterEach(() => vault.close());

const count = (sql: string) => vault.db.prepare(sql).pluck().get(PATIENT) as number;
const state = () => ({
  notes: count(`SELECT count(*) FROM notes WHERE patient_id = ?`),
  careItems: count(`SELECT count(*) FROM care_plan_items WHERE patient_id = ?`),
  sources: vault.db.prepare(`SELECT count(*) FROM sources WHERE kind = 'agent-proposal'`).pluck().get() as number,
  audit: vault.db.prepare(`SELECT count(*) FROM audit_log`).pluck().get() as number,
});
const signOffEntries = () =>
  (vault.db.prepare(`SELECT detail FROM audit_log WHERE action = 'record.write'`).pluck().all() as string[])
    .map((d) => JSON.parse(d) as { kind?: string; sessionId?: string; approved?: Array<{ recordId: string }>; rejected?: string[] })
    .filter((d) => d.kind === 'session.sign-off');

async function drafted(followUpDate = inDays(60), trajectory = new Trajectory()): Promise<{ session: LiveSession; note: string; followUp: string; trajectory: Trajectory }> {
  const session = new LiveSession({ vault, patientId: PATIENT, workflow: 'follow-up', model: signOffModel(followUpDate), trajectory, budgets: { maxSteps: 10, maxTokens: 1000, maxSeconds: 60 }, seed: 0, sessionId: 'session-sign' });
  expect(await session.signOff()).toBe('ok');
  const find = (kind: string) => session.proposals.all().find((p) => p.body.kind === kind)!.id;
  return { session, note: find('note'), followUp: find('follow-up'), trajectory };
}

describe('sign-off, all or nothing', () => {
  it('writes the summary, the follow-up, their audit entries and the signed mark together', async () => {
    const { session, note, followUp, trajectory } = await drafted();
    const before = state();
    const signed = session.sign([
      { proposalId: note, decision: 'approve' },
      { proposalId: followUp, decision: 'approve' },
    ]);
    expect(signed.map((s) => s.status)).toEqual(['approved', 'approved']);
    expect(state()).toEqual({ notes: before.notes + 1, careItems: before.careItems + 1, sources: before.sources + 2, audit: before.audit + 3 });
    const [entry] = signOffEntries();
    expect(entry).toMatchObject({ sessionId: 'session-sign', rejected: [] });
    expect(entry!.approved!.map((a) => a.recordId).sort()).toEqual(signed.map((s) => s.recordId).sort());
    expect(verifyAudit(vault.db).ok).toBe(true);
    expect(session.signed).toBe(true);
    const events = trajectory.events.map((e) => e.type);
    expect(events.slice(-3)).toEqual(['approval', 'approval', 'sign-off']);
    expect(() => session.sign([{ proposalId: note, decision: 'approve' }])).toThrow('sign-off refused, nothing written: this session is already signed off');
  });

  it('never proposes a follow-up before today, and the trajectory says why', async () => {
    const trajectory = new Trajectory();
    const session = new LiveSession({ vault, patientId: PATIENT, workflow: 'follow-up', model: signOffModel(inDays(-1)), trajectory, budgets: { maxSteps: 10, maxTokens: 1000, maxSeconds: 60 }, seed: 0, sessionId: 'session-past' });
    expect(await session.signOff()).toBe('ok');
    expect(session.proposals.all().map((p) => p.body.kind)).toEqual(['note']);
    expect(trajectory.events).toContainEqual(
      expect.objectContaining({ type: 'tool.call', tool: 'memory.propose_follow_up', ok: false, result: `memory.propose_follow_up: the follow-up date ${inDays(-1)} is before today (${inDays(0)})` }),
    );
  });

  it('refuses to sign a follow-up whose day has passed since it was proposed (a session left open overnight)', async () => {
    const { session, note, followUp } = await drafted(inDays(1));
    const before = state();
    const later = new Date(Date.now() + 3 * 86_400_000);
    vault.now = () => later;
    const decisions = [
      { proposalId: note, decision: 'approve' as const },
      { proposalId: followUp, decision: 'approve' as const },
    ];
    expect(() => session.sign(decisions)).toThrow(`sign-off refused, nothing written: the follow-up (${followUp}): its date ${inDays(1)} is before today (${localDay(later)})`);
    expect(state()).toEqual(before);
  });

  it('refuses the whole sign-off when one item is invalid, naming it, and writes nothing', async () => {
    // The proposal tool's pattern lets "2099-02-31" through; the sign-off's check does not.
    const { session, note, followUp, trajectory } = await drafted('2099-02-31');
    const before = state();
    const decisions = [
      { proposalId: note, decision: 'approve' as const },
      { proposalId: followUp, decision: 'approve' as const },
    ];
    expect(() => session.sign(decisions)).toThrow(`sign-off refused, nothing written: the follow-up (${followUp}): its date 2099-02-31 is not a calendar date`);
    expect(state()).toEqual(before);
    expect(session.proposals.all().map((p) => p.status)).toEqual(['pending', 'pending']);
    expect(session.signed).toBe(false);
    expect(trajectory.events.at(-1)).toMatchObject({ type: 'notice', message: expect.stringMatching(/^sign-off refused, nothing written: the follow-up/) });
    // The clinician rejects the bad follow-up and signs the summary: that commits.
    const signed = session.sign([decisions[0]!, { proposalId: followUp, decision: 'reject' }]);
    expect(signed.map((s) => s.status)).toEqual(['approved', 'rejected']);
    expect(state()).toMatchObject({ notes: before.notes + 1, careItems: before.careItems });
    expect(signOffEntries()[0]).toMatchObject({ rejected: [followUp] });
  });

  it('rolls back the items already written when a later write fails inside the transaction', async () => {
    const { session, note, followUp } = await drafted();
    const before = state();
    // The database refuses the follow-up's row after the summary's has been written in the same transaction.
    vault.db.exec(`CREATE TEMP TRIGGER refuse_care BEFORE INSERT ON main.care_plan_items BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const decisions = [
      { proposalId: note, decision: 'approve' as const },
      { proposalId: followUp, decision: 'approve' as const },
    ];
    expect(() => session.sign(decisions)).toThrow(new RegExp(`^sign-off refused, nothing written: the follow-up \\(${followUp}\\): refused by the test$`));
    expect(state()).toEqual(before);
    expect(session.proposals.all().map((p) => [p.status, p.recordId])).toEqual([
      ['pending', undefined],
      ['pending', undefined],
    ]);
    expect(verifyAudit(vault.db).ok).toBe(true);
    vault.db.exec(`DROP TRIGGER temp.refuse_care`);
    expect(session.sign(decisions).map((s) => s.status)).toEqual(['approved', 'approved']);
    expect(state()).toMatchObject({ notes: before.notes + 1, careItems: before.careItems + 1 });
  });

  it('needs a decision on every pending item, each once, and refuses an unknown one', async () => {
    const { session, note, followUp } = await drafted();
    const before = state();
    expect(() => session.sign([{ proposalId: note, decision: 'approve' }])).toThrow(`the follow-up (${followUp}) has no decision: approve or reject every item of the sign-off`);
    expect(() => session.sign([{ proposalId: note, decision: 'approve' }, { proposalId: note, decision: 'reject' }])).toThrow(`the visit summary (${note}) is decided twice`);
    expect(() => session.sign([{ proposalId: 'proposal-nope', decision: 'approve' }])).toThrow('no proposal proposal-nope in this session');
    expect(() => session.sign([])).toThrow('there is nothing to sign');
    expect(state()).toEqual(before);
  });

  it('decides the sign-off items only together; a proposal from the chat is still decided on its own', async () => {
    const { session, note, followUp } = await drafted();
    expect(() => session.decide(note, 'approve')).toThrow(`the visit summary (${note}) is part of the sign-off`);
    const context = { vault, patientId: PATIENT, sessionId: session.sessionId, now: vault.now(), proposals: session.proposals };
    const { defaultToolRegistry } = await import('../../../electron/agent/tools');
    const fact = defaultToolRegistry().call('memory', 'memory.propose_fact', { statement: 'Prefers morning appointments', kind: 'preference', citations: [citeRecord('observation', 'a1c-3')] }, context);
    const factId = (fact as { ok: true; output: { proposalId: string } }).output.proposalId;
    expect(session.decide(factId, 'approve')).toMatchObject({ status: 'approved' });
    expect(session.sign([{ proposalId: note, decision: 'approve' }, { proposalId: followUp, decision: 'reject' }]).map((s) => s.status)).toEqual(['approved', 'rejected']);
  });

  it('refuses an item whose citation points at no record of this patient', async () => {
    const { session, note, followUp } = await drafted();
    const context = { vault, patientId: PATIENT, sessionId: session.sessionId, now: vault.now(), proposals: session.proposals };
    const { defaultToolRegistry } = await import('../../../electron/agent/tools');
    const fact = defaultToolRegistry().call('memory', 'memory.propose_fact', { statement: 'Had a fall in March', kind: 'history', citations: [citeRecord('encounter', 'enc-of-someone-else')] }, context);
    const factId = (fact as { ok: true; output: { proposalId: string } }).output.proposalId;
    const before = state();
    expect(() =>
      session.sign([
        { proposalId: note, decision: 'approve' },
        { proposalId: followUp, decision: 'approve' },
        { proposalId: factId, decision: 'approve' },
      ]),
    ).toThrow(`the fact (${factId}): it cites encounter enc-of-someone-else, which is not in this patient's record`);
    expect(state()).toEqual(before);
  });

  it('headless: the script\'s approval step is the sign-off, and a refused one fails the run with the reason', async () => {
    const trajectory = new Trajectory();
    const script = sessionScript.parse({ turns: [], approve: 'all' });
    await expect(runSession({ vault, patientId: PATIENT, script, model: signOffModel('2099-13-01'), trajectory, sessionId: 'session-bad' })).rejects.toThrow(/^sign-off refused, nothing written: the follow-up \(proposal-[^)]+\): its date 2099-13-01 is not a calendar date$/);
    expect(trajectory.events.at(-1)).toMatchObject({ type: 'session.end' });
    expect(signOffEntries()).toEqual([]);
    const outcome = await runSession({ vault, patientId: PATIENT, script, model: signOffModel(inDays(30)), trajectory: new Trajectory(), sessionId: 'session-good' });
    expect(outcome.proposals.map((p) => p.status)).toEqual(['approved', 'approved']);
    expect(signOffEntries().map((e) => e.sessionId)).toEqual(['session-good']);
  });
});
