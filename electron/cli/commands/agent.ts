import { briefForPatient } from '../../agent/brief';
import { checkMedications } from '../../agent/checks';
import { ruleSourceText } from '../../api/rule-source-text';
import { formatDay, isDateStyle, roundLongDecimals } from '../../api/clinical-format';
import type { Brief } from '../../api/schemas';
import { VaultError } from '../../store/errors';
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
      for (const f of flags) io.out(`${f.severity === 'high' ? 'HIGH' : 'warning'}: ${roundLongDecimals(f.message)}\n    rule: ${ruleSourceText(f.source)}\n`);
    },
  },
  {
    name: 'brief',
    usage: 'brief --vault FILE --patient ID [--date-style iso|dmy|mdy] [--json]',
    summary: "a patient's pre-visit brief from memory, every line cited and verified",
    options: { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' }, patient: { type: 'string' }, 'date-style': { type: 'string' } },
    async run(values, _positionals, io) {
      const patientId = requireString(values, 'patient');
      const style = optionalString(values, 'date-style') ?? 'iso';
      if (!isDateStyle(style)) throw new VaultError('invalid-input', `--date-style: "${style}" is not one of iso, dmy, mdy`);
      const brief = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => briefForPatient(vault, patientId, { dateStyle: style }));
      if (values.json) printJson(io, brief);
      else printBrief(io, brief);
    },
  },
];

const SEVERITY = { critical: 'CRITICAL', high: 'HIGH', warning: 'warning' } as const;

/** Plain text: each line with its verdict mark and citations, flagged lines with the reasons, alerts with their rule. */
function printBrief(io: CliIo, brief: Brief): void {
  const day = (iso: string) => formatDay(iso.slice(0, 10), brief.dateStyle);
  if (brief.deceasedAt) io.out(`DECEASED on ${day(brief.deceasedAt)}: the brief describes the record as it stood at death.\n`);
  io.out(`Brief as of ${day(brief.asOf)}: ${brief.counts.lines} lines, ${brief.counts.flagged} flagged\n`);
  for (const section of brief.sections) {
    io.out(`\n${section.title}\n`);
    if (section.lines.length === 0) io.out(`  ${section.emptyText}\n`);
    for (const line of section.lines) {
      const cites = line.citations.map((c) => (c.kind === 'record' ? `${c.record}/${c.id}` : `evidence/${c.chunkId}`)).join(', ');
      io.out(`  ${line.verdict === 'supported' ? '✓' : '⚠'} ${line.text}  [${cites}]\n`);
      if (line.rule) io.out(`      ${SEVERITY[line.rule.severity]}: ${line.rule.text} (${line.rule.source.issuer}, ${line.rule.source.version ?? line.rule.source.title})\n`);
      for (const problem of line.problems) io.out(`      ${problem.message}\n`);
    }
  }
  io.out('\nNew documents since the last visit\n');
  if (brief.documents.length === 0) io.out('  None.\n');
  for (const d of brief.documents) io.out(`  ${d.title}, ${d.pages} ${d.pages === 1 ? 'page' : 'pages'}, filed ${day(d.filedAt)}${d.reviewed ? '' : ' (unreviewed)'}  [document/${d.id}]\n`);
}
