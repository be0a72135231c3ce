import { backupVault, restoreVault } from '../../store/backup';
import { verifyAudit } from '../../store/audit';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, requireString, type Command } from '../command';
import { clinicianFrom, passphraseFrom, scryptFromEnv, withVault } from '../login';

export const adminCommands: Command[] = [
  {
    name: 'audit verify',
    usage: 'audit verify --vault FILE [--json]',
    summary: 'recompute the audit chain; fails if any entry was edited, deleted or inserted',
    options: { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, _positionals, io) {
      const file = requireString(values, 'vault');
      const result = await withVault(io, file, optionalString(values, 'user'), (vault) => verifyAudit(vault.db));
      if (values.json) printJson(io, result);
      if (!result.ok) {
        if (!values.json) for (const problem of result.problems) io.err(`${problem}\n`);
        throw new VaultError('damaged', `${file}: the audit log was tampered with: ${result.problems[0]}`);
      }
      if (!values.json) io.out(`audit chain ok: ${result.entries} entries\n`);
    },
  },
  {
    name: 'backup',
    usage: 'backup --vault FILE --to BACKUP',
    summary: 'write an encrypted, verified copy of the vault (BACKUP and BACKUP.keys) while it stays in use',
    options: { vault: { type: 'string' }, user: { type: 'string' }, to: { type: 'string' } },
    async run(values, _positionals, io) {
      const to = requireString(values, 'to');
      const result = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => backupVault(vault, to));
      io.out(`backup written to ${to} and ${to}.keys (${result.bytes} bytes, verified)\n`);
    },
  },
  {
    name: 'restore',
    usage: 'restore --from BACKUP --vault FILE',
    summary: 'check a backup and put it in place of the vault (a vault already there is kept beside it)',
    options: { vault: { type: 'string' }, user: { type: 'string' }, from: { type: 'string' } },
    async run(values, _positionals, io) {
      const from = requireString(values, 'from');
      const file = requireString(values, 'vault');
      const passphrase = await passphraseFrom(io);
      const result = restoreVault(from, file, { clinicianId: clinicianFrom(io, optionalString(values, 'user')), passphrase }, scryptFromEnv(io));
      io.out(`restored ${file} from ${from}${result.keptPrevious ? `; the previous vault is kept as ${result.keptPrevious}` : ''}\n`);
    },
  },
];
