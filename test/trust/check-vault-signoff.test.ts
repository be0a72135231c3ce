import { describe, expect, it } from 'vitest';
import { citeRecord } from '../../electron/agent/grounding/citation';
import { runSession, sessionScript, Trajectory, type ChatModel } from '../../electron/agent/harness';
import { defaultToolRegistry, ProposalStore, type ToolContext } from '../../electron/agent/tools';
import { importBundleText } from '../../electron/fhir';
import type { Vault } from '../../electron/store/vault';
import { checkVault } from '../../scripts/trust/check-vault';
import { basePatientBundle, BASE_OBSERVATION, BASE_PATIENT, type Committed } from '../../scripts/trust/workload';
import { createTestVault } from '../helpers/temp-vault';

// The crash check's sign-off part (scripts/trust/check-vault.ts) must find
// what it is there to find. A sign-off is one transaction, so a session is
// there wholly (summary, follow-up, their audit entries, the sign-off entry)
// or not at all: a summary alone, a follow-up alone, or both without the
// sign-off entry (what the old, two-transaction sign-off could leave) are
// each half-written; a reported sign-off that is not there is lost.

const model: ChatModel = {
  id: 'scripted sign-off',
  chat: () => Promise.resolve({ text: JSON.stringify({ assessment: 'Stable.', plan: 'Continue.', followUpDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) }), tokens: 8, finish: 'stop' }),
};

type SignOffLine = Extract<Committed, { kind: 'signoff' }>;

async function signedOff(vault: Vault, sessionId: string): Promise<SignOffLine> {
  const outcome = await runSession({ vault, patientId: BASE_PATIENT, script: sessionScript.parse({ turns: [], approve: 'all' }), model, trajectory: new Trajectory(), sessionId });
  const noteId = outcome.proposals.find((p) => p.body.kind === 'note')?.recordId;
  const followUpId = outcome.proposals.find((p) => p.body.kind === 'follow-up')?.recordId;
  expect(noteId).toBeTruthy();
  expect(followUpId).toBeTruthy();
  return { kind: 'signoff', sessionId, noteId: noteId!, followUpId: followUpId! };
}

/** Approves a summary (and a follow-up) one transaction each, without a sign-off entry: the state a kill between them used to leave. */
function approvedApart(vault: Vault, sessionId: string, withFollowUp: boolean): void {
  const tools = defaultToolRegistry();
  const context: ToolContext = { vault, patientId: BASE_PATIENT, sessionId, now: vault.now(), proposals: new ProposalStore() };
  const citations = [citeRecord('observation', BASE_OBSERVATION)];
  const propose = (tool: string, args: Record<string, unknown>) => {
    const result = tools.call('orchestrator', tool, { ...args, citations }, context);
    if (!result.ok) throw new Error(result.message);
    const approved = tools.call('clinician', 'memory.approve', { proposalId: (result.output as { proposalId: string }).proposalId, decision: 'approve' }, context);
    if (!approved.ok) throw new Error(approved.message);
  };
  propose('memory.propose_note', { title: `Visit summary, ${vault.now().toISOString().slice(0, 10)}: assessment and plan`, body: 'Assessment: stable.' });
  if (withFollowUp) propose('memory.propose_follow_up', { date: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10), reason: 'Follow-up of this visit' });
}

describe('the crash check on signed-off sessions', () => {
  it('passes a whole sign-off and finds a missing one', async () => {
    const vault = createTestVault();
    try {
      importBundleText(vault, 'base.json', basePatientBundle());
      const line = await signedOff(vault, 'signoff-neg-0');
      const whole = checkVault(vault, [line]);
      expect(whole.problems).toEqual([]);
      expect(whole.signOffs).toBe(1);
      expect(whole.unreported).toBe(0);
      // Committed just before a kill, never reported: whole, so accepted and counted.
      expect(checkVault(vault, [])).toMatchObject({ problems: [], unreported: 1 });

      const missing = checkVault(vault, [line, { ...line, sessionId: 'signoff-neg-1' }]);
      expect(missing.lost).toBe(1);
      expect(missing.problems).toEqual(['session signoff-neg-1: reported signed off, its summary, follow-up or sign-off entry not found']);
    } finally {
      vault.close();
    }
  });

  it('finds a sign-off without its summary, without its follow-up, or without its sign-off entry', async () => {
    const vault = createTestVault();
    try {
      importBundleText(vault, 'base.json', basePatientBundle());
      const noSummary = await signedOff(vault, 'signoff-neg-2');
      const noFollowUp = await signedOff(vault, 'signoff-neg-3');
      vault.db.pragma('foreign_keys = OFF');
      vault.db.prepare(`DELETE FROM notes WHERE id = ?`).run(noSummary.noteId);
      vault.db.prepare(`DELETE FROM care_plan_items WHERE id = ?`).run(noFollowUp.followUpId);
      // The old two-transaction sign-off: summary and follow-up each approved apart, no sign-off entry; or killed in between.
      approvedApart(vault, 'signoff-neg-4', true);
      approvedApart(vault, 'signoff-neg-5', false);

      const check = checkVault(vault, [noSummary, noFollowUp]);
      const problems = check.problems.join('\n');
      expect(problems).toMatch(/session signoff-neg-2: half-written sign-off: its visit summary missing/);
      expect(problems).toMatch(/session signoff-neg-3: half-written sign-off: its follow-up missing/);
      expect(problems).toMatch(/session signoff-neg-4: half-written sign-off: its sign-off audit entry missing/);
      expect(problems).toMatch(/session signoff-neg-5: half-written sign-off: its follow-up and sign-off audit entry missing/);
      // The deleted records' audit entries name records that are gone, and both reported sign-offs count as lost.
      expect(problems).toMatch(new RegExp(`audit names record ${noSummary.noteId}, which is missing`));
      expect(check.lost).toBe(2);
      expect(check.signOffs).toBe(0);
    } finally {
      vault.close();
    }
  });
});
