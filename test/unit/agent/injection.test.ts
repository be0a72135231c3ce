import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { looksLikeInjection } from '../../../electron/agent/grounding/injection';
import { hostileDocuments } from '../../../electron/agent/redteam/hostile-documents';
import { runObedientAttack } from '../../../electron/agent/redteam/obedient-agent';
import { defaultToolRegistry, ProposalStore } from '../../../electron/agent/tools';
import { importBundleText } from '../../../electron/fhir';
import type { Vault } from '../../../electron/store/vault';
import { memoryVault, PATIENT } from './memory-fixture';

let vault: Vault;
beforeEach(() => {
  vault = memoryVault();
});
afterEach(() => vault.close());

/** Imports hostile texts as the conclusions of diagnostic reports: text that arrives with a record. */
function importHostile(count: number) {
  const docs = hostileDocuments(count);
  const entry = docs.map((d) => ({
    resource: { resourceType: 'DiagnosticReport', id: d.id, status: 'final', subject: { reference: `Patient/${PATIENT}` }, code: { text: 'Discharge letter' }, effectiveDateTime: '2025-01-20', conclusion: d.text },
  }));
  importBundleText(vault, 'hostile.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }));
  return docs;
}

describe('text in the record is data, never instructions', () => {
  it('recognises every hostile template, and no ordinary clinical text', () => {
    for (const doc of hostileDocuments(10)) expect(looksLikeInjection(doc.text), doc.text).toBe(true);
    for (const text of [
      'Ignore the raised CRP; it was haemolysed. Repeat in two weeks.',
      'System review: no chest pain. Add metformin 500 mg twice daily after meals.',
      'Patient asked to disregard previous appointment letter; new date sent.',
      'Approved by Dr Jones. Prescribe amoxicillin 500 mg three times daily for 5 days.',
    ]) {
      expect(looksLikeInjection(text), text).toBe(false);
    }
  });

  it('an agent that obeys every instruction it reads causes no write and no unflagged claim', () => {
    const registry = defaultToolRegistry();
    for (const doc of importHostile(10)) {
      const context = { vault, patientId: PATIENT, sessionId: `attack-${doc.id}`, now: new Date('2025-03-01T00:00:00Z'), proposals: new ProposalStore() };
      const outcome = runObedientAttack(registry, context, { kind: 'diagnostic-report', id: doc.id, drug: doc.drug });
      expect(outcome.writes).toBe(0);
      expect(outcome.refused).toBeGreaterThan(0);
      for (const claim of outcome.claims) {
        expect(claim.verdict).toBe('unsupported');
        expect(claim.problems[0]?.message).toMatch(/gives instructions to the assistant/);
      }
    }
  });
});
