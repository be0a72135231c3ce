import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { verifyClaim, type VerifiedClaim } from '../../agent/grounding/verifier';
import { citation } from '../../api/schemas';
import { patientExists } from '../../store/queries/patients';
import { optionalString, printJson, requireString, type Command } from '../command';
import type { CliIo } from '../io';
import { UsageError } from '../io';
import { withVault } from '../login';

const claimLine = z.object({ text: z.string().min(1), citations: z.array(citation) });

/**
 * `continuum verify`: any model's output or any clinician's note, one claim
 * a line ({"text", "citations"}), checked by the grounding verifier against
 * the patient's record. Exit 0 when every line was checked, whatever the
 * verdicts (they are the output); 1 when the file cannot be read or a line
 * is not a claim (named by its line number), before anything is checked.
 */
export const verifyCommand: Command = {
  name: 'verify',
  usage: 'verify --vault FILE --patient ID --claims CLAIMS.jsonl [--date-order mdy|dmy] [--json]',
  summary: 'check claims (one JSON line each: text and citations) against the patient record; each verdict with its problems',
  options: { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' }, patient: { type: 'string' }, claims: { type: 'string' }, 'date-order': { type: 'string' } },
  async run(values, _positionals, io) {
    const patientId = requireString(values, 'patient');
    const file = requireString(values, 'claims');
    // The clinic's order (`continuum ocr date-order`) unless this run says otherwise.
    const dateOrder = optionalString(values, 'date-order');
    if (dateOrder !== undefined && dateOrder !== 'mdy' && dateOrder !== 'dmy') throw new UsageError(`--date-order must be mdy or dmy, not "${dateOrder}"`);
    const claims = readClaims(file);
    const results = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => {
      if (!patientExists(vault.db, patientId)) throw new Error(`no patient ${patientId} in this vault`);
      const verified = claims.map((claim) => verifyClaim(vault.db, patientId, claim, dateOrder ? { dateOrder } : {}));
      vault.audit('chart.verify', patientId, { claims: verified.length, supported: verified.filter((v) => v.verdict === 'supported').length });
      return verified;
    });
    if (values.json) printJson(io, results);
    else printResults(io, results);
  },
};

function readClaims(file: string): Array<z.infer<typeof claimLine>> {
  const text = readFileSync(file, 'utf8');
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${number}: not a JSON line`);
      }
      const parsed = claimLine.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${file}:${number}: ${issue.path.join('.') || 'claim'}: ${issue.message}`);
      }
      return parsed.data;
    });
}

const MARK: Record<VerifiedClaim['verdict'], string> = { supported: '✓', unsupported: '⚠', unchecked: '?', uncited: '⚠' };

function printResults(io: CliIo, results: readonly VerifiedClaim[]): void {
  const count = (v: VerifiedClaim['verdict']) => results.filter((r) => r.verdict === v).length;
  io.out(`${results.length} claims: ${count('supported')} supported, ${count('unsupported') + count('uncited')} flagged, ${count('unchecked')} partly not checked\n`);
  for (const r of results) {
    io.out(`${MARK[r.verdict]} ${r.text}\n`);
    for (const p of r.problems) io.out(`    ${p.kind === 'unchecked' ? 'not checked' : p.kind} [${p.start}-${p.end}] "${r.text.slice(p.start, p.end)}": ${p.message}\n`);
  }
}
