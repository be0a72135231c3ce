import { copyFileSync, existsSync, renameSync, unlinkSync } from 'node:fs';
import { VaultError } from './errors';
import { keyringPath, readKeyring, unwrapDataKey, writeKeyring } from './keyring';
import { loadKeyring, Vault, type VaultOptions } from './vault';
import { openEncrypted, type Db } from './sqlite';
import { fromSqliteError } from './sqlite-errors';
import { syncDir } from './atomic-file';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Online backup: VACUUM INTO writes a consistent, compacted copy while the
 * vault stays open, encrypted with the same key, and the keyring goes beside
 * it. The copy is opened and integrity-checked before it is called done.
 * `cancelled` is asked before the copy and before it is put in place (the
 * copy itself is one statement): a cancelled backup leaves nothing behind.
 */
export function backupVault(vault: Vault, destination: string, cancelled: () => boolean = () => false): { bytes: number } {
  if (existsSync(destination) || existsSync(keyringPath(destination))) {
    throw new VaultError('vault-exists', `${destination}: a file is already there; choose a new backup name`);
  }
  const stopIfCancelled = () => {
    if (cancelled()) throw new VaultError('invalid-input', `${destination}: the backup was cancelled; nothing was written`);
  };
  const partial = `${destination}.partial`;
  if (existsSync(partial)) unlinkSync(partial);
  try {
    stopIfCancelled();
    // Not through vault.write: VACUUM cannot run inside a transaction, and it only reads the vault.
    vault.db.prepare(`VACUUM INTO ?`).run(partial);
    const keyring = loadKeyring(vault.file);
    vault.withDataKey((key) => checkCopy(partial, key, keyring.cipher, vault.vaultId));
    stopIfCancelled();
    renameSync(partial, destination);
    writeKeyring(destination, keyring);
    syncDir(dirname(destination));
  } catch (error) {
    if (existsSync(partial)) unlinkSync(partial);
    throw fromSqliteError(destination, error);
  }
  vault.audit('vault.backup', null, { to: destination });
  return { bytes: readFileSync(destination).byteLength };
}

/**
 * Puts a backup in place of a vault. The backup is checked first (the
 * passphrase unwraps its key, the database passes integrity_check); a vault
 * already at the destination is kept beside it as FILE.before-restore-TIME,
 * never deleted.
 */
export function restoreVault(
  backup: string,
  destination: string,
  login: { clinicianId?: string; passphrase: string },
  options: VaultOptions = {},
): { keptPrevious: string | null } {
  const keyring = loadKeyring(backup);
  const clinicianId = login.clinicianId ?? keyring.clinicians[0]?.clinicianId ?? '';
  const key = unwrapDataKey(keyring, clinicianId, login.passphrase, backup);
  try {
    checkCopy(backup, key, keyring.cipher, keyring.vaultId);
  } finally {
    key.fill(0);
  }
  let keptPrevious: string | null = null;
  if (existsSync(destination)) {
    keptPrevious = `${destination}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(destination, keptPrevious);
    if (existsSync(keyringPath(destination))) renameSync(keyringPath(destination), keyringPath(keptPrevious));
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(destination + suffix)) renameSync(destination + suffix, keptPrevious + suffix);
    }
  }
  const partial = `${destination}.partial`;
  copyFileSync(backup, partial);
  renameSync(partial, destination);
  writeKeyring(destination, readKeyring(backup, readFileSync(keyringPath(backup), 'utf8')));
  syncDir(dirname(destination));
  const vault = Vault.open(destination, { clinicianId, passphrase: login.passphrase }, options);
  try {
    vault.audit('vault.restore', null, { from: backup, keptPrevious });
  } finally {
    vault.close();
  }
  return { keptPrevious };
}

function checkCopy(file: string, key: Buffer, cipher: ReturnType<typeof loadKeyring>['cipher'], vaultId: string): void {
  let db: Db | undefined;
  try {
    db = openEncrypted(file, key, cipher, { fileMustExist: true, readonly: true });
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') {
      const first = String(result).split('\n').find((line) => !line.startsWith('***')) ?? 'errors';
      throw new VaultError('damaged', `${file}: the copy failed its integrity check (${first.trim()}); it was not used`);
    }
    const id = db.prepare(`SELECT value FROM vault_meta WHERE key = 'vault_id'`).pluck().get();
    if (id !== vaultId) throw new VaultError('damaged', `${file}: the backup and its keyring belong to different vaults`);
  } catch (error) {
    throw fromSqliteError(file, error);
  } finally {
    db?.close();
  }
}
