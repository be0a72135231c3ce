import { VaultError } from '../../store/errors';
import { verifyAudit } from '../../store/audit';
import { Vault } from '../../store/vault';
import { optionalString, requireString, type Command } from '../command';
import { clinicianFrom, newPassphraseFrom, scryptFromEnv, withVault } from '../login';

const vaultOption = { vault: { type: 'string' } } as const;
const userOption = { user: { type: 'string' } } as const;

export const vaultCommands: Command[] = [
  {
    name: 'vault init',
    usage: 'vault init --vault FILE [--user ID] [--name "Display name"]',
    summary: "create a clinic's vault and its first clinician (passphrase from CONTINUUM_PASSPHRASE or a prompt)",
    options: { ...vaultOption, ...userOption, name: { type: 'string' } },
    async run(values, _positionals, io) {
      const file = requireString(values, 'vault');
      const id = clinicianFrom(io, optionalString(values, 'user')) ?? 'clinician';
      const passphrase = await newPassphraseFrom(io, 'CONTINUUM_PASSPHRASE');
      const vault = Vault.create(file, { clinician: { id, displayName: optionalString(values, 'name') ?? id }, passphrase }, scryptFromEnv(io));
      vault.close();
      io.out(`created ${file} (and its keyring ${file}.keys) with clinician "${id}"\n`);
    },
  },
  {
    name: 'vault add-clinician',
    usage: 'vault add-clinician --vault FILE --id ID [--name NAME] [--user ID]',
    summary: "give another clinician their own login (their passphrase from CONTINUUM_NEW_PASSPHRASE or a prompt)",
    options: { ...vaultOption, ...userOption, id: { type: 'string' }, name: { type: 'string' } },
    async run(values, _positionals, io) {
      const id = requireString(values, 'id');
      await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), async (vault) => {
        const passphrase = await newPassphraseFrom(io, 'CONTINUUM_NEW_PASSPHRASE');
        vault.addClinician({ id, displayName: optionalString(values, 'name') ?? id }, passphrase);
      });
      io.out(`added clinician "${id}"\n`);
    },
  },
  {
    name: 'vault remove-clinician',
    usage: 'vault remove-clinician --vault FILE --id ID [--user ID]',
    summary: "remove a clinician's login (their audit history stays)",
    options: { ...vaultOption, ...userOption, id: { type: 'string' } },
    async run(values, _positionals, io) {
      const id = requireString(values, 'id');
      await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => vault.removeClinician(id));
      io.out(`removed clinician "${id}"\n`);
    },
  },
  {
    name: 'vault passwd',
    usage: 'vault passwd --vault FILE [--user ID]',
    summary: 'change your passphrase (new one from CONTINUUM_NEW_PASSPHRASE or a prompt); the vault is not re-encrypted',
    options: { ...vaultOption, ...userOption },
    async run(values, _positionals, io) {
      await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), async (vault) => {
        vault.changePassphrase(await newPassphraseFrom(io, 'CONTINUUM_NEW_PASSPHRASE'));
      });
      io.out('passphrase changed\n');
    },
  },
  {
    name: 'vault recovery-key',
    usage: 'vault recovery-key --vault FILE [--user ID]',
    summary: "print the PRAGMA lines that open the vault in Debian's sqlcipher (keep them secret)",
    options: { ...vaultOption, ...userOption },
    async run(values, _positionals, io) {
      const lines = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => {
        vault.audit('vault.unlock', null, { purpose: 'recovery-key shown' });
        return vault.recoveryPragmas();
      });
      io.out(`${lines.join('\n')}\n`);
    },
  },
  {
    name: 'vault check',
    usage: 'vault check --vault FILE [--user ID]',
    summary: "check the vault's integrity (SQLite integrity_check) and its audit chain",
    options: { ...vaultOption, ...userOption },
    async run(values, _positionals, io) {
      const file = requireString(values, 'vault');
      const result = await withVault(io, file, optionalString(values, 'user'), (vault) => ({
        integrity: String(vault.db.pragma('integrity_check', { simple: true })),
        audit: verifyAudit(vault.db),
      }));
      if (result.integrity !== 'ok' || !result.audit.ok) {
        throw new VaultError('damaged', `${file}: integrity ${result.integrity}; audit ${result.audit.problems[0] ?? 'ok'}`);
      }
      io.out(`${file}: integrity ok; audit chain ok (${result.audit.entries} entries)\n`);
    },
  },
];
