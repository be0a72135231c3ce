import { describe, expect, it } from 'vitest';
import { appendAudit, patientAccessHistory, verifyAudit } from '../../../electron/store/audit';
import { createTestVault } from '../../helpers/temp-vault';

function vaultWithEntries() {
  const vault = createTestVault();
  for (let i = 0; i < 5; i += 1) appendAudit(vault.db, { clinicianId: 'dr.ada', action: 'chart.open', patientId: `p${i % 2}` });
  return vault;
}

describe('audit log', () => {
  it('verifies an untouched chain', () => {
    const vault = vaultWithEntries();
    const result = verifyAudit(vault.db);
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.entries).toBe(6); // vault.create + 5
    vault.close();
  });

  it('refuses UPDATE and DELETE through SQL', () => {
    const vault = vaultWithEntries();
    expect(() => vault.db.prepare(`UPDATE audit_log SET action = 'x' WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => vault.db.prepare(`DELETE FROM audit_log WHERE seq = 2`).run()).toThrow(/append-only/);
    vault.close();
  });

  // A determined editor drops the triggers first; the chain still catches them.
  function withoutTriggers(vault: ReturnType<typeof vaultWithEntries>, sql: string) {
    vault.db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql}`);
    return verifyAudit(vault.db);
  }

  it('detects an edited entry', () => {
    const vault = vaultWithEntries();
    const result = withoutTriggers(vault, `UPDATE audit_log SET patient_id = 'someone-else' WHERE seq = 3`);
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/entry 3: content does not match its hash/);
    vault.close();
  });

  it('detects a deleted entry in the middle', () => {
    const vault = vaultWithEntries();
    const result = withoutTriggers(vault, `DELETE FROM audit_log WHERE seq = 3`);
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/entry 3 missing/);
    vault.close();
  });

  it('detects entries removed from the end', () => {
    const vault = vaultWithEntries();
    const result = withoutTriggers(vault, `DELETE FROM audit_log WHERE seq >= 5`);
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/removed from the end/);
    vault.close();
  });

  it("lists a patient's access history, newest first", () => {
    const vault = vaultWithEntries();
    const history = patientAccessHistory(vault.db, 'p0');
    expect(history.map((e) => e.seq)).toEqual([6, 4, 2]);
    expect(history[0]).toMatchObject({ clinicianId: 'dr.ada', action: 'chart.open', patientId: 'p0' });
    vault.close();
  });
});
