import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { VaultError } from '../../store/errors';
import { agentClinicCase, type AgentClinicCase } from './case-schema';

/** Reads an AgentClinic JSONL file; a bad line is named by file and line number. Case ids: FILE-LINE. */
export function readAgentClinicCases(file: string): Array<{ caseId: string; source: AgentClinicCase }> {
  const name = basename(file).replace(/\.jsonl$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new VaultError('not-found', `${file}: no such file`);
  }
  const cases: Array<{ caseId: string; source: AgentClinicCase }> = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new VaultError('invalid-input', `${file}: line ${i + 1} is not JSON`);
    }
    const parsed = agentClinicCase.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new VaultError('invalid-input', `${file}: line ${i + 1}: ${issue.path.join('.')}: ${issue.message}`);
    }
    cases.push({ caseId: `${name}-${i + 1}`, source: parsed.data });
  });
  return cases;
}
