import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertCase, readAgentClinicCases } from '../../../electron/agent/agentclinic';
import { sessionScript } from '../../../electron/agent/harness';
import { importBundleText } from '../../../electron/fhir';
import { createTestVault } from '../../helpers/temp-vault';

const DIR = resolve(__dirname, '../../../../shared/data/agentclinic');
const present = existsSync(DIR);
if (!present) console.warn(`skipping the AgentClinic integration test: ${DIR} is missing`);

describe.skipIf(!present)('AgentClinic cases from ../shared/data', () => {
  it('all 258 become patients and valid session scripts', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.jsonl'));
    const cases = files.flatMap((f) => readAgentClinicCases(join(DIR, f)));
    expect(cases.length).toBe(258);
    const vault = createTestVault();
    try {
      let vitals = 0;
      for (const { caseId, source } of cases) {
        const converted = convertCase(source, caseId, '2026-11-23T09:00:00Z');
        const report = importBundleText(vault, `${caseId}.json`, JSON.stringify(converted.bundle));
        vitals += report.added.Observation ?? 0;
        const script = sessionScript.parse(converted.script);
        expect(script.turns.length, caseId).toBeGreaterThanOrEqual(2);
      }
      expect(vault.db.prepare(`SELECT count(*) FROM patients`).pluck().get()).toBe(258);
      expect(vitals).toBeGreaterThan(258);
    } finally {
      vault.close();
    }
  });
});
