import { briefForPatient } from '../../agent/brief';
import { checkMedications } from '../../agent/checks';
import { ruleSourceText } from '../../api/rule-source-text';
import type { Brief } from '../../api/schemas';
import { optionalString, printJson, requireString, type Command } from '../command';
import type { CliIo } from '../io';
import { withVault } from '../login';

export const agentCommands: Command[] = [
  {
    name: 'checks',
    usage: 'checks --vault FILE --patient ID [--json]',
    summary: "allergy conflicts, duplicate therapy, interactions, opioid dose (MME) and concurrent use, and kidney-function flags on a patient's medications, each with its cited source",
    options: { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' }, patient: { type: 'string' } },
    async run(values, _positionals, io) {
      const patientId = requireString(values, 'patient');
      const flags = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => {
        const found = checkMedications(vault.db, patientId, vault.now());
        vault.audit('brief.read', patientId, { checks: found.length });
        return found;
      });
      if (values.json) return printJson(io, flags);
      if (flags.length === 0) io.out('no flags on the active medications\n');
      for (const f of flags) io.out(`${f.severity === 'high' ? 'HIGH' : 'warning'}: ${f.message}\n    rule: ${ruleSourceText(f.source)}\n`);
    },
  },
  {
    name: 'brief',
    usage: 'brief --vault FILE --patient ID [--json]',
    summary: "a patient's pre-visit brief from memory, every line cited and verified",
    options: { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' }, patient: { type: 'string' } },
    async run(values, _positionals, io) {
      const patientId = requireString(values, 'patient');
      const brief = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => briefForPatient(vault, patientId));
      if (values.json) printJson(io, brief);
      else printBrief(io, brief);
    },
  },
];

/** Plain text: each line with its verdict mark and citations, flagged lines with the reasons. */
function printBrief(io: CliIo, brief: Brief): void {
  io.out(`Brief as of ${brief.asOf.slice(0, 10)}: ${brief.counts.lines} lines, ${brief.counts.flagged} flagged\n`);
  for (const section of brief.sections) {
    io.out(`\n${section.title}\n`);
    if (section.lines.length === 0) io.out(`  ${section.emptyText}\n`);
    for (const line of section.lines) {
      const cites = line.citations.map((c) => (c.kind === 'record' ? `${c.record}/${c.id}` : `evidence/${c.chunkId}`)).join(', ');
      io.out(`  ${line.verdict === 'supported' ? '✓' : '⚠'} ${line.text}  [${cites}]\n`);
      for (const problem of line.problems) io.out(`      ${problem.message}\n`);
    }
  }
}
