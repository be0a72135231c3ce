import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citeEvidence } from '../../../electron/agent/grounding/citation';
import { verifyClaim } from '../../../electron/agent/grounding/verifier';
import { importEvidence, searchEvidence } from '../../../electron/evidence';
import type { Vault } from '../../../electron/store/vault';
import { memoryVault, PATIENT } from './memory-fixture';

let vault: Vault;
let firstLine: number;
beforeEach(async () => {
  vault = memoryVault();
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/evidence/zephyr-guideline.md')));
  await importEvidence(vault, 'zephyr-guideline.md', bytes, { title: 'Zephyr', issuer: 'Test', published: '2026', licence: 'test', tier: 'guideline' });
  firstLine = searchEvidence(vault.db, 'first line calmodrine')[0]!.chunkId;
});
afterEach(() => vault.close());

describe('claims grounded in the evidence library', () => {
  it('passes a claim the cited passage states, and flags a changed dose or drug', () => {
    const cite = [citeEvidence(firstLine)];
    expect(verifyClaim(vault.db, PATIENT, { text: 'First line: calmodrine 10 mg once daily', citations: cite }).verdict).toBe('supported');
    expect(verifyClaim(vault.db, PATIENT, { text: 'First line: calmodrine 20 mg once daily', citations: cite }).problems[0]?.kind).toBe('value');
    expect(verifyClaim(vault.db, PATIENT, { text: 'First line: breezolol 10 mg once daily', citations: cite }).problems[0]?.kind).toBe('term');
  });

  it('flags a citation of a passage that does not exist', () => {
    const result = verifyClaim(vault.db, PATIENT, { text: 'Calmodrine 10 mg', citations: [citeEvidence(999)] });
    expect(result.problems[0]).toMatchObject({ kind: 'citation', message: expect.stringContaining('evidence passage 999') });
  });
});
