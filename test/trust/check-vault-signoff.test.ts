import { describe, expect, it } from 'vitest';
import { runSession, sessionScript, Trajectory, type ChatModel } from '../../electron/agent/harness';
import { importBundleText } from '../../electron/fhir';
import { checkVault } from '../../scripts/trust/check-vault';
import { basePatientBundle, BASE_PATIENT, type Committed } from '../../scripts/trust/workload';
import { createTestVault } from '../helpers/temp-vault';

// The crash check's sign-off part (scripts/trust/check-vault.ts) must find
// what it is there to find: a follow-up whose visit summary is missing, a
// reported sign-off that is not there, a record without its audit entry.

const model: ChatModel = {
  id: 'scripted sign-off',
  chat: () => Promise.resolve({ text: JSON.stringify({ assessment: 'Stable.', plan: 'Continue.', followUpDate: '2030-01-01' }), tokens: 8, finish: 'stop' }),
};

describe('the crash check on signed-off sessions', () => {
  it('passes a whole sign-off and finds a half-written or missing one', async () => {
    const vault = createTestVault();
    try {
      importBundleText(vault, 'base.json', basePatientBundle());
      const outcome = await runSession({ vault, patientId: BASE_PATIENT, script: sessionScript.parse({ turns: [], approve: 'all' }), model, trajectory: new Trajectory(), sessionId: 'signoff-neg-0' });
      const noteId = outcome.proposals.find((p) => p.body.kind === 'note')?.recordId;
      const followUpId = outcome.proposals.find((p) => p.body.kind === 'follow-up')?.recordId;
      expect(noteId).toBeTruthy();
      expect(followUpId).toBeTruthy();
      const line: Committed = { kind: 'signoff', sessionId: 'signoff-neg-0', noteId: noteId!, followUpId: followUpId! };
      const whole = checkVault(vault, [line]);
      expect(whole.problems).toEqual([]);
      expect(whole.signOffs).toBe(1);
      expect(whole.unreported).toBe(0);

      const missing = checkVault(vault, [line, { ...line, sessionId: 'signoff-neg-1' }]);
      expect(missing.lost).toBe(1);
      expect(missing.problems.join('\n')).toMatch(/signoff-neg-1: reported signed off/);

      // The summary gone, the follow-up left: a half-written sign-off (and its audit entry names a missing record).
      vault.db.pragma('foreign_keys = OFF');
      vault.db.prepare(`DELETE FROM notes WHERE id = ?`).run(noteId);
      const half = checkVault(vault, [line]);
      expect(half.lost).toBe(1);
      expect(half.problems.join('\n')).toMatch(/signoff-neg-0: a follow-up without its visit summary: half-written sign-off/);
      expect(half.problems.join('\n')).toMatch(/audit names record note-/);
    } finally {
      vault.close();
    }
  });
});
