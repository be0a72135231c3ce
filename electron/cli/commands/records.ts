import { writeFileSync } from 'node:fs';
import { formatWithUnit } from '../../api/clinical-format';
import { eventKind, type EventKind, type TimelineEvent } from '../../api/schemas';
import { isVaultError, VaultError } from '../../store/errors';
import { getPatient, listPatients } from '../../store/queries/patients';
import { LISTED_KINDS, timelineEvents } from '../../store/queries/timeline';
import { exportPatientBundle, importBundleFile, type ImportProgress } from '../../fhir';
import { optionalString, printJson, requireString, type Command } from '../command';
import { withVault } from '../login';

const common = { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' } } as const;

export const recordCommands: Command[] = [
  {
    name: 'import fhir',
    usage: 'import fhir --vault FILE BUNDLE.json...',
    summary: 'import FHIR R4 bundles (each bundle one transaction; re-importing adds nothing)',
    options: common,
    positionals: 'one-or-more',
    async run(values, files, io) {
      await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), async (vault) => {
        const reports = [];
        for (const file of files) {
          const onProgress = (p: ImportProgress) =>
            io.err(`\r${file}: ${p.resources} resources, ${Math.round((100 * p.bytes) / Math.max(1, p.totalBytes))}%`);
          let report;
          try {
            report = await importBundleFile(vault, file, io.interactive ? { onProgress } : {});
          } catch (error) {
            // Say which bundle stopped and what went in before it: a full or read-only disk stops the run midway.
            if (isVaultError(error, 'disk-full') || isVaultError(error, 'read-only')) {
              throw new VaultError(error.code, `${file}: not imported (${reports.length} of ${files.length} bundles were imported before it): ${error.message}`);
            }
            throw error;
          }
          if (io.interactive) io.err('\n');
          reports.push(report);
          if (!values.json) io.out(`${describeImport(report)}\n`);
        }
        if (values.json) printJson(io, reports);
      });
    },
  },
  {
    name: 'export fhir',
    usage: 'export fhir --vault FILE --patient ID [--out FILE.json]',
    summary: "export one patient's record as a FHIR R4 Bundle (to stdout, or --out)",
    options: { ...common, patient: { type: 'string' }, out: { type: 'string' } },
    async run(values, _positionals, io) {
      const patientId = requireString(values, 'patient');
      const bundle = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) =>
        exportPatientBundle(vault, patientId),
      );
      const text = `${JSON.stringify(bundle, null, 2)}\n`;
      const out = optionalString(values, 'out');
      if (!out) return io.out(text);
      writeFileSync(out, text, { mode: 0o600 });
      if (values.json) printJson(io, { file: out, resources: bundle.entry.length });
    },
  },
  {
    name: 'patients',
    usage: 'patients --vault FILE [--query TEXT] [--json]',
    summary: 'list patients, optionally those matching a name, identifier or birth date',
    options: { ...common, query: { type: 'string' } },
    async run(values, _positionals, io) {
      const result = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) =>
        listPatients(vault.db, optionalString(values, 'query') ?? '', 100_000),
      );
      if (values.json) return printJson(io, result.patients);
      for (const p of result.patients) io.out(`${p.id}\t${p.name}\t${p.birthDate ?? ''}\t${p.sex ?? ''}${p.deceasedAt ? `\tdeceased ${p.deceasedAt.slice(0, 10)}` : ''}\n`);
      io.out(`${result.total} patient(s)\n`);
    },
  },
  {
    name: 'timeline',
    usage: 'timeline --vault FILE --patient ID [--from DATE] [--to DATE] [--kinds a,b] [--json]',
    summary: "a patient's timeline: encounters, problems, medications, observations with their values, documents and more (--kinds to choose)",
    options: { ...common, patient: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, kinds: { type: 'string' } },
    async run(values, _positionals, io) {
      const patientId = requireString(values, 'patient');
      const kinds = parseKinds(optionalString(values, 'kinds'));
      const result = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => {
        if (!getPatient(vault.db, patientId)) throw new VaultError('not-found', `patient ${patientId}: not in this vault`);
        vault.audit('chart.open', patientId, { via: 'cli timeline' });
        return timelineEvents(vault.db, { patientId, from: optionalString(values, 'from'), to: optionalString(values, 'to'), kinds: kinds ?? LISTED_KINDS });
      });
      if (values.json) return printJson(io, result.events);
      for (const e of result.events) io.out(`${e.start}\t${e.end ?? (e.ongoing ? 'ongoing' : '')}\t${e.kind}\t${e.label}${resultText(e)}\n`);
      if (result.truncated) io.err(`only the first ${result.events.length} events are listed: narrow --from, --to or --kinds\n`);
    },
  },
];

/** An observation's result as text: ": 7.2 % (range 4–5.6)"; nothing for other kinds. */
function resultText(e: TimelineEvent): string {
  if (e.kind !== 'observation') return '';
  const value = e.value !== null && e.value !== undefined ? formatWithUnit(e.value, e.unit) : (e.valueText ?? '');
  const range = e.refLow != null || e.refHigh != null ? ` (range ${e.refLow ?? ''}–${e.refHigh ?? ''})` : '';
  return value ? `: ${value}${range}` : '';
}

function parseKinds(text: string | undefined): EventKind[] | undefined {
  if (!text) return undefined;
  return text.split(',').map((k) => {
    const parsed = eventKind.safeParse(k.trim());
    if (!parsed.success) throw new VaultError('invalid-input', `--kinds: "${k}" is not one of ${eventKind.options.join(', ')}`);
    return parsed.data;
  });
}

function describeImport(report: Awaited<ReturnType<typeof importBundleFile>>): string {
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const notMapped = Object.entries(report.notMapped).map(([type, n]) => `${type} ${n}`).join(', ');
  if (report.alreadyImported) return `${report.file}: already imported; nothing added`;
  return (
    `${report.file}: ${sum(report.added)} added, ${sum(report.updated)} updated, ${sum(report.unchanged)} unchanged` +
    ` (${report.resources} resources, ${report.seconds.toFixed(2)} s)` +
    (notMapped ? `; not mapped: ${notMapped}` : '')
  );
}
