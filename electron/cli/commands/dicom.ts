import { statSync } from 'node:fs';
import { importDicomPaths } from '../../imaging';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, requireString, type Command } from '../command';
import { withVault } from '../login';

export const dicomCommands: Command[] = [
  {
    name: 'dicom import',
    usage: 'dicom import --vault FILE [--patient ID] [--json] PATH...',
    summary: 'import DICOM files, folders or DICOMDIRs, each filed under the chart it matches (or --patient)',
    options: { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' }, patient: { type: 'string' } },
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
      const summary = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) =>
        importDicomPaths(vault, paths, patientId ? { patientId } : {}),
      );
      if (values.json) return printJson(io, summary);
      for (const o of summary.outcomes) {
        io.out(`${o.status}\t${o.message}\n`);
        for (const c of o.candidates) io.out(`\tcandidate ${c.id}\t${c.name}\t${c.birthDate ?? '-'}\tmatched on ${c.matchedOn.join(', ')}\n`);
      }
      if (summary.skipped.length > 0) io.out(`skipped ${summary.skipped.length} non-DICOM file(s)\n`);
      const count = (s: string) => summary.outcomes.filter((o) => o.status === s).length;
      io.out(
        `${count('imported')} imported, ${count('already-imported')} already there, ${count('ambiguous')} ambiguous, ${count('no-match')} unmatched, ${count('rejected')} rejected\n`,
      );
      const unresolved = summary.outcomes.filter((o) => o.status === 'ambiguous' || o.status === 'no-match' || o.status === 'rejected').length;
      if (unresolved > 0 && count('imported') + count('already-imported') === 0) {
        throw new VaultError('invalid-input', `nothing imported: ${unresolved} file(s) need attention (see above)`);
      }
    },
  },
];
