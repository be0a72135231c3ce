import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupVault, restoreVault } from '../../../electron/store/backup';
import { Vault } from '../../../electron/store/vault';
import { createTestVault, PASSPHRASE, tempDir, TEST_OPTIONS } from '../../helpers/temp-vault';
import { expectVaultError } from './vault.test';

function addRows(vault: Vault, n: number, label = 'row') {
  const insert = vault.db.prepare(`INSERT INTO sources (kind, label, created_at) VALUES ('system', ?, 'now')`);
  vault.db.transaction(() => {
    for (let i = 0; i < n; i += 1) insert.run(`${label}-${i}`);
  })();
}

const count = (vault: Vault) => vault.db.prepare(`SELECT count(*) FROM sources`).pluck().get();

describe('backup and restore', () => {
  it('a backup cancelled before or after the copy leaves nothing behind, and audits nothing', () => {
    const vault = createTestVault();
    addRows(vault, 50);
    const audited = () => vault.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'vault.backup'`).pluck().get();
    for (const askedBeforePlacing of [1, 2]) {
      const backup = join(tempDir(), 'backup.vault');
      let asked = 0;
      expect(() => backupVault(vault, backup, () => ++asked >= askedBeforePlacing)).toThrow(/the backup was cancelled; nothing was written/);
      expect([existsSync(backup), existsSync(`${backup}.keys`), existsSync(`${backup}.partial`)]).toEqual([false, false, false]);
    }
    expect(audited()).toBe(0);
    vault.close();
  });

  it('writes an encrypted, verified copy that restores to the same data', () => {
    const vault = createTestVault();
    addRows(vault, 500);
    const backup = join(tempDir(), 'backup.vault');
    backupVault(vault, backup);
    expect(readFileSync(backup).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(readFileSync(backup).includes('row-1')).toBe(false);
    addRows(vault, 10, 'after-backup');
    const file = vault.file;
    vault.close();

    const result = restoreVault(backup, file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    expect(result.keptPrevious).not.toBeNull();
    expect(existsSync(result.keptPrevious!)).toBe(true);
    const restored = Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    expect(count(restored)).toBe(500);
    restored.close();
    const previous = Vault.open(result.keptPrevious!, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    expect(count(previous)).toBe(510);
    previous.close();
  });

  it('backs up while writes go on (online backup)', async () => {
    const vault = createTestVault();
    addRows(vault, 200);
    const backup = join(tempDir(), 'online.vault');
    // Writes interleaved with the backup on the same connection: the copy is a consistent snapshot.
    addRows(vault, 50, 'during');
    backupVault(vault, backup);
    addRows(vault, 50, 'later');
    vault.close();
    const copy = Vault.open(backup, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    expect(count(copy)).toBe(250);
    copy.close();
  });

  it('refuses a damaged backup and leaves the vault in place', () => {
    const vault = createTestVault();
    addRows(vault, 100);
    const backup = join(tempDir(), 'b.vault');
    backupVault(vault, backup);
    const file = vault.file;
    vault.close();
    const bytes = readFileSync(backup);
    bytes.fill(0x00, 4096, 8192);
    writeFileSync(backup, bytes);
    const before = readFileSync(file);
    expectVaultError(() => restoreVault(backup, file, { passphrase: PASSPHRASE }, TEST_OPTIONS), 'damaged');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses to overwrite an existing backup file', () => {
    const vault = createTestVault();
    const backup = join(tempDir(), 'exists.vault');
    writeFileSync(backup, 'precious');
    expectVaultError(() => backupVault(vault, backup), 'vault-exists');
    expect(readFileSync(backup, 'utf8')).toBe('precious');
    vault.close();
  });
});

// The recovery path in README: Debian's sqlcipher opens a vault with the
// pragmas that `continuum vault recovery-key` prints.
const sqlcipher = spawnSync('sqlcipher', ['-version']).status === 0;

describe.runIf(sqlcipher)("recovery with Debian's sqlcipher", () => {
  it('opens the vault and its backup with the recovery pragmas', () => {
    const vault = createTestVault();
    addRows(vault, 3, 'recoverable');
    const pragmas = vault.recoveryPragmas();
    const backup = join(tempDir(), 'recovery-backup.vault');
    backupVault(vault, backup);
    const file = vault.file;
    vault.close();
    for (const target of [file, backup]) {
      const output = execFileSync('sqlcipher', [target], {
        input: `${pragmas.join('\n')}\nSELECT label FROM sources ORDER BY id;\n`,
        encoding: 'utf8',
      });
      expect(output.trim().split('\n')).toEqual(['recoverable-0', 'recoverable-1', 'recoverable-2']);
    }
  });
});

it.skipIf(sqlcipher)("recovery with Debian's sqlcipher (skipped: install it with apt-get install sqlcipher; CI does)", () => {});
