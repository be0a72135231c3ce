import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { periodSummaries } from '../../../electron/agent/brief/period-summaries';
import { defaultToolRegistry, ProposalStore } from '../../../electron/agent/tools';
import type { Vault } from '../../../electron/store/vault';
import { memoryVault, PATIENT } from './memory-fixture';

let vault: Vault;
beforeEach(() => {
  vault = memoryVault();
});
afterEach(() => vault.close());

describe('period summaries', () => {
  it('summarise each year in cited lines that pass the verifier', () => {
    const years = periodSummaries(vault.db, PATIENT, '2026-01-01');
    expect(years.map((y) => y.year)).toEqual(['2024', '2025']);
    expect(years[0]!.lines.map((l) => l.text)).toEqual([
      '2024: 1 visit, on 2024-01-10',
      '2024: new problems: Type 2 diabetes mellitus',
      '2024: medications started: Metformin hydrochloride 500 MG Oral Tablet',
    ]);
    for (const line of years.flatMap((y) => y.lines)) expect(line.verdict, JSON.stringify(line.problems)).toBe('supported');
  });

  it('stop at the date asked for', () => {
    expect(periodSummaries(vault.db, PATIENT, '2025-01-01').map((y) => y.year)).toEqual(['2024']);
  });

  it('are a memory tool', () => {
    const context = { vault, patientId: PATIENT, sessionId: 's', now: new Date('2026-01-01T00:00:00Z'), proposals: new ProposalStore() };
    const result = defaultToolRegistry().call('memory', 'memory.period_summaries', { before: '2025-01-01' }, context);
    expect(result).toMatchObject({ ok: true, output: { years: [{ year: '2024' }] } });
  });
});
