import { existsSync, readFileSync, writeFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../electron/store/vault';
import { isVaultError } from '../../../electron/store/errors';
import { createTestVault, PASSPHRASE, tempDir, TEST_OPTIONS } from '../../helpers/temp-vault';

export function expectVaultError(fn: () => unknown, code: string): string {
  try {
    fn();
  } catch (error) {
    expect(isVaultError(error), String(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`expected a ${code} error`);
}

describe('vault', () => {
  it('writes no plaintext: no SQLite header and no stored text on disk', () => {
    const vault = createTestVault();
    vault.db.prepare(`INSERT INTO sources (kind, label, created_at) VALUES ('system', 'needle-in-plaintext', 'x')`).run();
    const file = vault.file;
    const wal = readFileSync(`${file}-wal`);
    expect(wal.includes('needle-in-plaintext')).toBe(false);
    vault.close();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes('needle-in-plaintext')).toBe(false);
    expect(bytes.includes('CREATE TABLE')).toBe(false);
  });

  it('reopens with the right passphrase as the first clinician by default', () => {
    const vault = createTestVault();
    const file = vault.file;
    vault.close();
    const again = Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    expect(again.clinician).toEqual({ id: 'dr.ada', displayName: 'Dr Ada Lovelace' });
    again.close();
  });

  it('refuses a wrong passphrase and leaves the file byte for byte unchanged', () => {
    const vault = createTestVault();
    const file = vault.file;
    vault.close();
    const before = readFileSync(file);
    const keysBefore = readFileSync(`${file}.keys`);
    const message = expectVaultError(() => Vault.open(file, { passphrase: 'not the passphrase' }, TEST_OPTIONS), 'wrong-passphrase');
    expect(message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readFileSync(`${file}.keys`).equals(keysBefore)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('reports a damaged file clearly and never re-creates it', () => {
    const vault = createTestVault();
    const file = vault.file;
    vault.close();
    const bytes = readFileSync(file);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(file, bytes);
    const message = expectVaultError(() => Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS), 'damaged');
    expect(message).toMatch(/restore/i);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('reports a truncated file and a missing keyring', () => {
    const vault = createTestVault();
    const file = vault.file;
    vault.close();
    truncateSync(file, 100);
    expectVaultError(() => Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS), 'damaged');
    expect(statSync(file).size).toBe(100);
    expectVaultError(() => Vault.open(join(tempDir(), 'nothing.vault'), { passphrase: PASSPHRASE }, TEST_OPTIONS), 'vault-missing');
  });

  it('refuses a vault written by a newer Continuum', () => {
    const vault = createTestVault();
    const file = vault.file;
    vault.db.pragma('user_version = 999');
    vault.close();
    const message = expectVaultError(() => Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS), 'newer-version');
    expect(message).toMatch(/update Continuum/);
  });

  it('adds a clinician with their own passphrase, changes one, removes one, without re-encrypting', () => {
    const vault = createTestVault();
    const file = vault.file;
    const before = readFileSync(file).subarray(0, 16);
    vault.addClinician({ id: 'nurse.bo', displayName: 'Bo Nurse' }, 'another long passphrase');
    vault.changePassphrase('a brand new passphrase');
    vault.close();
    expect(Vault.clinicians(file).map((c) => c.id)).toEqual(['dr.ada', 'nurse.bo']);
    expectVaultError(() => Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS), 'wrong-passphrase');
    const bo = Vault.open(file, { clinicianId: 'nurse.bo', passphrase: 'another long passphrase' }, TEST_OPTIONS);
    expect(bo.clinician.id).toBe('nurse.bo');
    bo.removeClinician('dr.ada');
    bo.close();
    expect(readFileSync(file).subarray(0, 16).equals(before)).toBe(true);
    expectVaultError(() => Vault.open(file, { clinicianId: 'dr.ada', passphrase: 'a brand new passphrase' }, TEST_OPTIONS), 'unknown-user');
  });

  it('refuses to create over an existing vault', () => {
    const vault = createTestVault();
    vault.close();
    expectVaultError(
      () => Vault.create(vault.file, { clinician: { id: 'x', displayName: 'X' }, passphrase: PASSPHRASE }, TEST_OPTIONS),
      'vault-exists',
    );
  });
});
