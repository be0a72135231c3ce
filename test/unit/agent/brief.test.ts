import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefForPatient } from '../../../electron/agent/brief';
import { brief as briefSchema } from '../../../electron/api/schemas';
import { verifyAudit } from '../../../electron/store/audit';
import type { Vault } from '../../../electron/store/vault';
import { memoryVault, PATIENT } from './memory-fixture';

let vault: Vault;
beforeEach(() => {
  vault = memoryVault();
});
afterEach(() => vault.close());

describe('pre-visit brief from memory', () => {
  it('cites every line, and every line passes the verifier', () => {
    const brief = briefSchema.parse(briefForPatient(vault, PATIENT));
    const lines = brief.sections.flatMap((s) => s.lines);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) {
      expect(line.citations.length, line.text).toBeGreaterThan(0);
      expect(line.verdict, `${line.text}: ${JSON.stringify(line.problems)}`).toBe('supported');
    }
    expect(brief.counts).toEqual({ lines: lines.length, supported: lines.length, flagged: 0 });
  });

  it('says what changed since the previous visit, what moved, and what is active', () => {
    const brief = briefForPatient(vault, PATIENT);
    const text = (id: string) => brief.sections.find((s) => s.id === id)!.lines.map((l) => l.text);
    expect(text('changes')).toEqual([
      'Last visit on 2025-02-03: Diabetes follow-up',
      'New problem since the visit on 2024-01-10: Type 2 diabetes mellitus, onset 2024-06-01',
      'Started since the visit on 2024-01-10: Metformin hydrochloride 500 MG Oral Tablet, on 2024-06-02',
    ]);
    expect(text('trends')).toContain('Hemoglobin A1c/Hemoglobin.total in Blood 7.94 % on 2025-02-03, above the reference range 4–5.6 %');
    expect(text('trends').some((t) => t.includes('rising: 6.1 % on 2024-01-10, then 6.8 % on 2024-07-15, then 7.94 % on 2025-02-03'))).toBe(true);
    expect(text('problems')).toEqual(['Type 2 diabetes mellitus, since 2024-06-01']);
    expect(text('allergies')).toEqual(['Penicillin; criticality high; reactions: Anaphylaxis']);
  });

  it('is audited as a read of the chart', () => {
    briefForPatient(vault, PATIENT);
    const actions = vault.db.prepare(`SELECT action FROM audit_log WHERE patient_id = ?`).pluck().all(PATIENT);
    expect(actions).toContain('brief.read');
    expect(verifyAudit(vault.db).ok).toBe(true);
  });

  it('refuses an unknown patient with a one-line message', () => {
    expect(() => briefForPatient(vault, 'nobody')).toThrow(/^patient nobody: not in this vault$/);
  });
});
