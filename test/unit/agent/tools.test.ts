import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { citeRecord } from '../../../electron/agent/grounding/citation';
import { defaultToolRegistry, ProposalStore, type ToolContext } from '../../../electron/agent/tools';
import { defineTool } from '../../../electron/agent/tools/tool';
import { verifyAudit } from '../../../electron/store/audit';
import type { Vault } from '../../../electron/store/vault';
import { memoryVault, PATIENT } from './memory-fixture';

let vault: Vault;
let context: ToolContext;
const registry = defaultToolRegistry();
const calls: Array<{ role: string; tool: string; ok: boolean }> = [];
const observe = (c: { role: string; tool: string; result: { ok: boolean } }) => calls.push({ role: c.role, tool: c.tool, ok: c.result.ok });

beforeEach(() => {
  vault = memoryVault();
  context = { vault, patientId: PATIENT, sessionId: 'session-1', now: new Date('2025-03-01T00:00:00Z'), proposals: new ProposalStore() };
  calls.length = 0;
});
afterEach(() => vault.close());

const count = (table: string) => vault.db.prepare(`SELECT count(*) FROM ${table} WHERE patient_id = ?`).pluck().get(PATIENT) as number;

describe('tool registry', () => {
  it('answers read tools for the session patient, validated both ways', () => {
    const trend = registry.call('memory', 'memory.lab_trend', { analyte: 'hemoglobin a1c' }, context, observe);
    expect(trend).toMatchObject({ ok: true, output: { series: { code: '4548-4', points: [{ value: 6.1 }, { value: 6.8 }, { value: 7.94 }] } } });
    const lists = registry.call('orchestrator', 'memory.active_lists', {}, context);
    expect(lists.ok && (lists.output as { allergies: Array<{ display: string }> }).allergies[0]?.display).toBe('Penicillin');
    expect(calls).toEqual([{ role: 'memory', tool: 'memory.lab_trend', ok: true }]);
  });

  it('refuses an unknown tool, a role outside the allowance and invalid arguments, with the reason', () => {
    expect(registry.call('memory', 'memory.delete_everything', {}, context)).toMatchObject({ ok: false, reason: 'unknown-tool' });
    expect(registry.call('perception', 'memory.lab_trend', { analyte: 'x' }, context)).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(registry.call('memory', 'memory.lab_trend', { analyte: 42 }, context)).toMatchObject({
      ok: false,
      reason: 'invalid-arguments',
      message: expect.stringMatching(/^memory\.lab_trend: analyte: /),
    });
    // Extra arguments are refused too: an injected "patientId" cannot reach another chart.
    expect(registry.call('memory', 'memory.active_lists', { patientId: 'someone-else' }, context)).toMatchObject({ reason: 'invalid-arguments' });
  });

  it('lets agents propose but never write; a proposal becomes a record only on the clinician’s approval', () => {
    const notesBefore = count('notes');
    const proposal = registry.call(
      'orchestrator',
      'memory.propose_note',
      { title: 'Visit summary 2025-03-01', body: 'HbA1c rising; metformin continued.', citations: [citeRecord('observation', 'a1c-3')] },
      context,
    );
    expect(proposal).toMatchObject({ ok: true, output: { status: 'pending' } });
    expect(count('notes')).toBe(notesBefore);
    const proposalId = (proposal as { output: { proposalId: string } }).output.proposalId;

    for (const role of ['orchestrator', 'memory', 'safety'] as const) {
      expect(registry.call(role, 'memory.approve', { proposalId, decision: 'approve' }, context)).toMatchObject({ ok: false, reason: 'needs-approval' });
    }
    expect(count('notes')).toBe(notesBefore);

    const approved = registry.call('clinician', 'memory.approve', { proposalId, decision: 'approve' }, context);
    expect(approved).toMatchObject({ ok: true, output: { status: 'approved' } });
    expect(count('notes')).toBe(notesBefore + 1);
    const source = vault.db
      .prepare(`SELECT s.kind, s.label, s.clinician_id FROM notes n JOIN sources s ON s.id = n.source_id WHERE n.patient_id = ?`)
      .get(PATIENT);
    expect(source).toEqual({ kind: 'agent-proposal', label: 'session session-1', clinician_id: 'dr.ada' });
    expect(registry.call('clinician', 'memory.approve', { proposalId, decision: 'approve' }, context)).toMatchObject({ ok: false, reason: 'failed' });
    expect(verifyAudit(vault.db).ok).toBe(true);
  });

  it('requires every proposal to cite what it rests on', () => {
    expect(registry.call('memory', 'memory.propose_fact', { statement: 'Allergic to calmodrine', kind: 'history', citations: [] }, context)).toMatchObject({
      ok: false,
      reason: 'invalid-arguments',
      message: expect.stringContaining('cite the records'),
    });
  });

  it('rejects a proposal without writing anything', () => {
    const p = registry.call('orchestrator', 'memory.propose_follow_up', { date: '2025-06-01', reason: 'HbA1c recheck', citations: [citeRecord('observation', 'a1c-3')] }, context);
    const proposalId = (p as { output: { proposalId: string } }).output.proposalId;
    const before = count('care_plan_items');
    expect(registry.call('clinician', 'memory.approve', { proposalId, decision: 'reject' }, context)).toMatchObject({ ok: true, output: { status: 'rejected' } });
    expect(count('care_plan_items')).toBe(before);
  });

  it('refuses to register a write tool for an agent, or a tool id twice', () => {
    const base = { description: 'd', input: z.object({}), output: z.object({}), run: () => ({}) };
    expect(() => defineTool({ ...base, id: 'memory.sneaky', sideEffect: 'write', roles: ['orchestrator'] })).toThrow(/clinician's approval only/);
    expect(() => registry.register(registry.get('memory.search'))).toThrow(/registered twice/);
  });

  it('describes each role’s tools with JSON Schemas for the model', () => {
    const tools = registry.describeFor('evidence');
    expect(tools.map((t) => t.id)).toEqual(['evidence.search']);
    expect(tools[0]!.input).toMatchObject({ type: 'object', required: ['query'], additionalProperties: false });
  });
});
