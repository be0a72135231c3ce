import { statSync } from 'node:fs';
import { importDicomPaths } from '../../imaging';
import { connectPacs, pullFromPacs, type PullProgress } from '../../imaging/dicomweb';
import type { DicomImportOutcome } from '../../api/imaging-schemas';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, requireString, type Command } from '../command';
import { UsageError, type CliIo } from '../io';
import { withVault } from '../login';

export const dicomCommands: Command[] = [
  {
    name: 'dicom import',
    usage: 'dicom import --vault FILE [--patient ID [--override]] [--json] PATH...',
    summary: "import DICOM files, folders or DICOMDIRs, each filed under the chart it matches (or --patient, if the file confirms it; --override files it anyway, audited)",
    options: { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' }, patient: { type: 'string' }, override: { type: 'boolean' } },
    positionals: 'one-or-more',
    async run(values, paths, io) {
      for (const path of paths) {
        try {
          statSync(path);
        } catch {
          throw new VaultError('not-found', `${path}: no such file or folder`);
        }
      }
      const patientId = optionalString(values, 'patient');
      if (values.override && !patientId) throw new UsageError('--override files under the chart named by --patient: give --patient');
      const summary = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) =>
        importDicomPaths(vault, paths, patientId ? { patientId, ...(values.override ? { override: true } : {}) } : {}),
      );
      const count = (s: string) => summary.outcomes.filter((o) => o.status === s).length;
      if (values.json) printJson(io, summary);
      else {
        for (const o of summary.outcomes) {
          io.out(`${o.status}\t${o.message}\n`);
          for (const c of o.candidates) io.out(`\tcandidate ${c.id}\t${c.name}\t${c.birthDate ?? '-'}\tmatched on ${c.matchedOn.join(', ')}\n`);
          if (o.status === 'mismatch') for (const check of o.checks) for (const f of check.fields) io.out(`\t${f.field}\tfile: ${f.file ?? '-'}\tchart: ${f.chart ?? '-'}\t${f.verdict}\n`);
        }
        if (summary.skipped.length > 0) io.out(`skipped ${summary.skipped.length} non-DICOM file(s)\n`);
        io.out(
          `${count('imported')} imported, ${count('already-imported')} already there, ${count('ambiguous')} ambiguous, ${count('no-match')} unmatched, ${count('mismatch')} not matching the chart, ${count('rejected')} rejected\n`,
        );
      }
      // The status is the same whatever the output: --json changes what is printed, never the exit code.
      const unresolved = summary.outcomes.filter((o) => o.status === 'ambiguous' || o.status === 'no-match' || o.status === 'mismatch' || o.status === 'rejected').length;
      if (unresolved > 0 && count('imported') + count('already-imported') === 0) {
        throw new VaultError('invalid-input', `nothing imported: ${unresolved} file(s) need attention (see above)`);
      }
    },
  },
  {
    name: 'dicom pull',
    usage: 'dicom pull --vault FILE --url URL --patient ID [--pacs-user NAME] [--timeout SECONDS] [--json]',
    summary: 'pull a chart\'s studies from a PACS over DICOMweb (QIDO-RS, WADO-RS); password in CONTINUUM_PACS_PASSWORD',
    options: {
      vault: { type: 'string' },
      user: { type: 'string' },
      json: { type: 'boolean' },
      url: { type: 'string' },
      patient: { type: 'string' },
      'pacs-user': { type: 'string' },
      timeout: { type: 'string' },
    },
    async run(values, _positionals, io) {
      const vaultFile = requireString(values, 'vault');
      const url = requireString(values, 'url');
      const patientId = requireString(values, 'patient');
      const timeout = optionalString(values, 'timeout');
      const seconds = timeout === undefined ? undefined : Number(timeout);
      if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600)) {
        throw new UsageError(`--timeout takes seconds between 1 and 3600, not "${timeout}"`);
      }
      // The PACS user from --pacs-user or CONTINUUM_PACS_USER; its password from the environment
      // or a prompt, never an argument (arguments show in `ps` and in shell history).
      const user = optionalString(values, 'pacs-user') ?? (io.env.CONTINUUM_PACS_USER || undefined);
      const password = user === undefined ? undefined : await pacsPasswordFrom(io);
      const pacs = connectPacs({ url, user, password, timeoutMs: seconds === undefined ? undefined : seconds * 1000 });
      if (pacs.passwordInClear) io.err(`warning: the PACS password travels unencrypted over http to ${new URL(pacs.root).host}; prefer https\n`);

      const summary = await withVault(io, vaultFile, optionalString(values, 'user'), (vault) =>
        pullFromPacs(vault, pacs, { patientId, onProgress: (progress) => printProgress(io, pacs.label, progress) }),
      );
      const count = (s: DicomImportOutcome['status']) => summary.outcomes.filter((o) => o.status === s).length;
      if (values.json) printJson(io, summary);
      else if (summary.outcomes.length === 0) io.out(`no studies on the PACS for chart ${summary.patientId} (searched by ${summary.searchedIds} identifier(s))\n`);
      else {
        io.out(
          `${count('imported')} imported, ${count('already-imported')} already there, ${count('ambiguous')} ambiguous, ${count('no-match')} unmatched, ${count('rejected')} rejected, of ${summary.outcomes.length} instance(s) in ${summary.studies} stud${summary.studies === 1 ? 'y' : 'ies'}\n`,
        );
      }
      const unresolved = summary.outcomes.length - count('imported') - count('already-imported');
      if (unresolved > 0 && unresolved === summary.outcomes.length) {
        throw new VaultError('invalid-input', `nothing pulled: ${unresolved} instance(s) need attention (see above)`);
      }
    },
  },
];

/** One line per instance on stderr, the message without the long WADO-RS URL it starts with. */
function printProgress(io: CliIo, pacsLabel: string, progress: PullProgress): void {
  if (progress.kind === 'found') {
    io.err(`PACS at ${pacsLabel}: ${progress.studies} stud${progress.studies === 1 ? 'y' : 'ies'}, ${progress.instances} instance(s)\n`);
    return;
  }
  const { outcome } = progress;
  const message = outcome.message.startsWith(`${outcome.file}: `) ? outcome.message.slice(outcome.file.length + 2) : outcome.message;
  const sop = outcome.file.split('/instances/').at(-1) ?? '';
  io.err(`[${progress.index}/${progress.total}] ${outcome.status}\tinstance ${sop}: ${message}\n`);
  for (const c of outcome.candidates) io.err(`\tcandidate ${c.id}\t${c.name}\t${c.birthDate ?? '-'}\tmatched on ${c.matchedOn.join(', ')}\n`);
}

/** CONTINUUM_PACS_PASSWORD, else asked at the terminal without echo. */
async function pacsPasswordFrom(io: CliIo): Promise<string> {
  const fromEnv = io.env.CONTINUUM_PACS_PASSWORD;
  if (fromEnv) return fromEnv;
  const asked = await io.askSecret('PACS password: ');
  if (asked === null) throw new VaultError('invalid-input', 'no PACS password: set CONTINUUM_PACS_PASSWORD or run in a terminal to be asked');
  return asked;
}
