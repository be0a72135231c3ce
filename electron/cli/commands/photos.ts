import { statSync } from 'node:fs';
import { createLesion, exportLesionSeries, importPhotoPaths, listLesions } from '../../imaging/photos';
import { lesionPatientId } from '../../imaging/photos/queries';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, requireString, type Command } from '../command';
import { withVault } from '../login';

export const photoCommands: Command[] = [
  {
    name: 'photos import',
    usage: 'photos import --vault FILE --patient ID --site SITE [--date YYYY-MM-DD] [--lesion ID] [--json] FILE...',
    summary: 'file JPEG or PNG photos under a patient, with body site and date (EXIF when the photo has one)',
    options: {
      vault: { type: 'string' },
      user: { type: 'string' },
      patient: { type: 'string' },
      site: { type: 'string' },
      date: { type: 'string' },
      lesion: { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: 'one-or-more',
    async run(values, files, io) {
      for (const file of files) {
        try {
          if (!statSync(file).isFile()) throw new Error('not a file');
        } catch {
          throw new VaultError('not-found', `${file}: no such file`);
        }
      }
      const patientId = requireString(values, 'patient');
      const bodySite = requireString(values, 'site');
      const takenAt = optionalString(values, 'date');
      const lesionId = optionalString(values, 'lesion');
      const outcomes = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) =>
        importPhotoPaths(vault, files, { patientId, bodySite, takenAt, lesionId }),
      );
      const imported = outcomes.filter((o) => o.status !== 'rejected').length;
      if (values.json) printJson(io, outcomes);
      else {
        for (const o of outcomes) io.out(`${o.status}\t${o.photo ? `${o.photo.id}\t` : ''}${o.message}\n`);
        io.out(`${outcomes.filter((o) => o.status === 'imported').length} imported, ${outcomes.filter((o) => o.status === 'already-imported').length} already there, ${outcomes.length - imported} rejected\n`);
      }
      // Whatever the output: --json changes what is printed, never the exit code.
      if (imported === 0) throw new VaultError('invalid-input', `nothing imported: ${outcomes.length} file(s) rejected (see above)`);
    },
  },
  {
    name: 'photos export-dicom',
    usage: 'photos export-dicom --vault FILE --patient ID --lesion ID --to DIR [--json]',
    summary: "write a lesion's photos as one DICOM series (VL Photographic Image) for the clinic's PACS",
    options: { vault: { type: 'string' }, user: { type: 'string' }, patient: { type: 'string' }, lesion: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 'none',
    async run(values, _positionals, io) {
      const patientId = requireString(values, 'patient');
      const lesionId = requireString(values, 'lesion');
      const dir = requireString(values, 'to');
      const result = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => {
        const owner = lesionPatientId(vault.db, lesionId);
        if (owner !== patientId) throw new VaultError('not-found', `lesion ${lesionId} is not in patient ${patientId}'s chart`);
        return exportLesionSeries(vault, lesionId, dir);
      });
      if (values.json) return printJson(io, result);
      for (const f of result.files) io.out(`${f.file}\t${f.transferSyntax === '1.2.840.10008.1.2.4.50' ? 'JPEG baseline (the photo as taken)' : 'RGB, explicit little endian'}\t${f.bytes} bytes\n`);
      io.out(`${result.files.length} file(s): lesion "${result.lesion.name}" (${result.lesion.bodySite}) as one series\n`);
    },
  },
  {
    name: 'photos lesion',
    usage: 'photos lesion --vault FILE --patient ID [--name NAME --site SITE] [--json]',
    summary: "name a lesion to follow (with --name and --site), or list the patient's lesions",
    options: { vault: { type: 'string' }, user: { type: 'string' }, patient: { type: 'string' }, name: { type: 'string' }, site: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 'none',
    async run(values, _positionals, io) {
      const patientId = requireString(values, 'patient');
      const name = optionalString(values, 'name');
      const site = optionalString(values, 'site');
      if ((name === undefined) !== (site === undefined)) throw new VaultError('invalid-input', 'a new lesion needs both --name and --site');
      const lesions = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) =>
        name && site ? [createLesion(vault, { patientId, name, bodySite: site })] : listLesions(vault.db, patientId),
      );
      if (values.json) return printJson(io, lesions);
      for (const l of lesions) io.out(`${l.id}\t${l.name}\t${l.bodySite}\n`);
    },
  },
];
