import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertCase, readAgentClinicCases } from '../../../electron/agent/agentclinic';
import { sessionScript } from '../../../electron/agent/harness';
import { importBundleText } from '../../../electron/fhir';
import { getSeries } from '../../../electron/store/queries/observations';
import { createTestVault } from '../../helpers/temp-vault';

const FIXTURE = join(__dirname, '../../fixtures/agentclinic/one-case.jsonl');

describe('AgentClinic cases', () => {
  it('become a patient with coded vital signs and a script of the consultation', () => {
    const [{ caseId, source }] = readAgentClinicCases(FIXTURE) as [ReturnType<typeof readAgentClinicCases>[number]];
    expect(caseId).toBe('one-case-1');
    const converted = convertCase(source, caseId, '2026-11-23T09:00:00Z');
    const vault = createTestVault();
    try {
      const report = importBundleText(vault, 'case.json', JSON.stringify(converted.bundle));
      expect(report.added).toEqual({ Patient: 1, Observation: 4 });
      expect(getSeries(vault.db, caseId, '8310-5')?.points[0]?.value).toBe(38); // 100.4 °F
      expect(getSeries(vault.db, caseId, '8480-6')?.points[0]?.value).toBe(142);
    } finally {
      vault.close();
    }
    const script = sessionScript.parse(converted.script);
    expect(script.turns[1]).toEqual({ from: 'patient', text: 'I am a 52-year-old male. Itchy rash. Three days of an itchy rash after a sailing trip.' });
    expect(script.turns.some((t) => t.text.includes('skin: Raised wheals on both forearms'))).toBe(true);
    expect(script.expectedDiagnosis).toBe('Zephyr syndrome');
    // The diagnosis is for the evaluation only: no turn gives it away.
    expect(script.turns.some((t) => t.text.includes('Zephyr'))).toBe(false);
  });
});
