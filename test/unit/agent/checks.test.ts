import { afterEach, describe, expect, it } from 'vitest';
import { checkMedications, ingredientsOf } from '../../../electron/agent/checks';
import { ckdEpi2021 } from '../../../electron/agent/checks/egfr';
import { importBundleText } from '../../../electron/fhir';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault } from '../../helpers/temp-vault';

const P = 'pat-checks';
const ref = { reference: `Patient/${P}` };
const med = (id: string, text: string) => ({ resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: ref, authoredOn: '2024-01-01', medicationCodeableConcept: { text } });

let vault: Vault;
afterEach(() => vault?.close());

function patientWith(resources: object[]): Vault {
  vault = createTestVault();
  const entry = [{ resourceType: 'Patient', id: P, gender: 'female', birthDate: '1960-03-01' }, ...resources].map((resource) => ({ resource }));
  importBundleText(vault, 'checks.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }));
  return vault;
}

const now = new Date('2025-01-01T00:00:00Z');

describe('clinical checks', () => {
  it('recognises ingredients in real medication names, combinations and aliases included', () => {
    expect(ingredientsOf('Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet').map((d) => d.ingredient)).toEqual(['acetaminophen', 'oxycodone']);
    expect(ingredientsOf('Simvistatin 10 MG').map((d) => d.atc)).toEqual(['C10AA01']);
    expect(ingredientsOf('Penicillin V Potassium 500 MG Oral Tablet').map((d) => d.ingredient)).toEqual(['penicillin v']);
    expect(ingredientsOf('Lasix 40mg').map((d) => d.ingredient)).toEqual(['furosemide']);
  });

  it('flags a drug of a class the patient is allergic to, and cross-reactivity as a warning', () => {
    const v = patientWith([
      { resourceType: 'AllergyIntolerance', id: 'alg', patient: ref, clinicalStatus: { coding: [{ code: 'active' }] }, code: { text: 'Allergy to penicillin' } },
      med('amox', 'Amoxicillin 250 MG Oral Capsule'),
      med('cef', 'Cefuroxime 250 MG Oral Tablet'),
    ]);
    const flags = checkMedications(v.db, P, now).filter((f) => f.kind === 'allergy-conflict');
    expect(flags.map((f) => [f.severity, f.records.map((r) => (r.kind === 'record' ? r.id : ''))])).toEqual([
      ['high', ['amox', 'alg']],
      ['warning', ['cef', 'alg']],
    ]);
    expect(flags[0]!.source.issuer).toMatch(/Joint Task Force/);
  });

  it('flags the same ingredient twice, and two drugs of one group', () => {
    const v = patientWith([
      med('apap', 'Acetaminophen 325 MG Oral Tablet'),
      med('combo', 'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet'),
      med('simva', 'Simvastatin 20 MG Oral Tablet'),
      med('atorva', 'Atorvastatin 40 MG Oral Tablet'),
    ]);
    const messages = checkMedications(v.db, P, now).filter((f) => f.kind === 'duplicate-therapy').map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages.find((m) => m.startsWith('acetaminophen is in two active medications'))).toMatch(/Acetaminophen 325 MG Oral Tablet/);
    expect(messages.find((m) => m.includes('same drug group'))).toMatch(/(Simvastatin|Atorvastatin).* and (Atorvastatin|Simvastatin).*\(ATC C10AA\)$/);
  });

  it('computes CKD-EPI 2021 as published calculators do', () => {
    expect(ckdEpi2021(1.0, 50, 'male')).toBe(92);
    expect(ckdEpi2021(1.0, 17, 'male')).toBeNull();
  });

  it('flags metformin against kidney function estimated from creatinine, and says so', () => {
    const v = patientWith([
      med('met', '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet'),
      {
        resourceType: 'Observation', id: 'cr', status: 'final', subject: ref, effectiveDateTime: '2024-11-02',
        code: { coding: [{ system: 'http://loinc.org', code: '38483-4', display: 'Creatinine' }] },
        valueQuantity: { value: 2.5, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
      },
    ]);
    const [flag] = checkMedications(v.db, P, now).filter((f) => f.kind === 'renal-dose');
    expect(flag).toMatchObject({ severity: 'high', message: expect.stringContaining('contraindicated with an eGFR below 30; eGFR 21 mL/min/1.73m2 on 2024-11-02 (estimated from creatinine with CKD-EPI 2021') });
    expect(flag!.source).toMatchObject({ issuer: expect.stringMatching(/^U.S. Food and Drug Administration/), version: 'Revised 1/2026', section: expect.stringContaining('4 Contraindications') });
  });

  it('checks a proposed drug against the record too', () => {
    const v = patientWith([{ resourceType: 'AllergyIntolerance', id: 'alg', patient: ref, code: { text: 'Aspirin' } }]);
    expect(checkMedications(v.db, P, now, ['Ibuprofen 400 MG Oral Tablet'])[0]).toMatchObject({ kind: 'allergy-conflict', severity: 'high' });
  });
});
