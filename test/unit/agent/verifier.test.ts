import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citeRecord, type Claim } from '../../../electron/agent/grounding/citation';
import { verifyClaim } from '../../../electron/agent/grounding/verifier';
import type { Vault } from '../../../electron/store/vault';
import { memoryVault, PATIENT } from './memory-fixture';

let vault: Vault;
beforeEach(() => {
  vault = memoryVault();
});
afterEach(() => vault.close());

const a1c = citeRecord('observation', 'a1c-3');
const verify = (text: string, citations: Claim['citations'] = [a1c]) => verifyClaim(vault.db, PATIENT, { text, citations });

describe('grounding verifier', () => {
  it('passes a claim whose every fact is in its cited record', () => {
    const result = verify('Hemoglobin A1c 7.94 % on 2025-02-03, above the reference range 4–5.6 %');
    expect(result.problems).toEqual([]);
    expect(result.verdict).toBe('supported');
  });

  it('accepts the same facts written differently: rounding, month names, UCUM spellings', () => {
    expect(verify('Hemoglobin A1c 7.9 % on 3 Feb 2025').verdict).toBe('supported');
    expect(verify('Hemoglobin A1c was 7.9% on February 3, 2025').verdict).toBe('supported');
  });

  it('flags a claim without citations, and a citation of a record that is not this patient’s', () => {
    expect(verify('Hemoglobin A1c 7.94 %', []).verdict).toBe('uncited');
    const other = verify('Hemoglobin A1c 7.94 %', [citeRecord('observation', 'no-such-id')]);
    expect(other.verdict).toBe('unsupported');
    expect(other.problems[0]?.kind).toBe('citation');
  });

  it.each([
    ['a wrong value', 'Hemoglobin A1c 8.4 % on 2025-02-03', 'value', '8.4 %'],
    // 7.94 % is 63 mmol/mol (IFCC): the number is wrong in that unit.
    ['a wrong unit', 'Hemoglobin A1c 7.94 mmol/mol on 2025-02-03', 'value', '7.94 mmol/mol'],
    ['a unit of another quantity', 'Hemoglobin A1c 7.94 mg on 2025-02-03', 'unit', '7.94 mg'],
    ['a wrong date', 'Hemoglobin A1c 7.94 % on 2025-03-02', 'date', '2025-03-02'],
    ['an invented term', 'Hemoglobin A1c 7.94 % on 2025-02-03 with ketoacidosis', 'term', 'ketoacidosis'],
    ['a false range claim', 'Hemoglobin A1c 7.94 % on 2025-02-03, below the reference range', 'assertion', 'below the reference range'],
  ])('flags %s and marks the span', (_what, text, kind, spanText) => {
    const result = verify(text);
    expect(result.verdict).toBe('unsupported');
    const problem = result.problems.find((p) => p.kind === kind);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(text.slice(problem!.start, problem!.end)).toBe(spanText);
  });

  it('checks drugs and doses against the cited prescription', () => {
    const med = [citeRecord('medication', 'med-1')];
    expect(verify('Metformin hydrochloride 500 MG Oral Tablet, since 2024-06-02', med).verdict).toBe('supported');
    expect(verify('Metformin hydrochloride 850 MG Oral Tablet, since 2024-06-02', med).problems[0]?.kind).toBe('value');
    expect(verify('Glipizide 500 MG Oral Tablet, since 2024-06-02', med).problems[0]?.kind).toBe('citation');
  });

  it('checks a trend direction against the cited results in time order', () => {
    const series = ['a1c-1', 'a1c-2', 'a1c-3'].map((id) => citeRecord('observation', id));
    expect(verify('Hemoglobin A1c rising: 6.1 %, then 6.8 %, then 7.94 %', series).verdict).toBe('supported');
    expect(verify('Hemoglobin A1c falling: 6.1 %, then 6.8 %, then 7.94 %', series).problems.map((p) => p.kind)).toEqual(['assertion']);
  });

  it('checks a count against what the claim cites, and a year against the records’ dates', () => {
    const series = ['a1c-1', 'a1c-2', 'a1c-3'].map((id) => citeRecord('observation', id));
    expect(verify('Hemoglobin A1c: 3 results, the last in 2025', series).verdict).toBe('supported');
    expect(verify('Hemoglobin A1c: 4 results', series).problems.map((p) => p.kind)).toEqual(['value']);
    expect(verify('Hemoglobin A1c in 2023', series).problems.map((p) => p.kind)).toEqual(['date']);
  });

  it('does not read digits inside codes or words as values', () => {
    // "A1c" holds a 1 and the LOINC code 4548-4 is in the record: neither is a value to check.
    expect(verify('Hemoglobin A1c 7.94 %').verdict).toBe('supported');
    expect(verify('Hemoglobin A1c 4548 %').problems[0]?.kind).toBe('value');
  });
});
