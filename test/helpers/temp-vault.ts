import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Vault, type VaultOptions } from '../../electron/store/vault';

/** Cheap scrypt for tests; real vaults use DEFAULT_SCRYPT. */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 } as const;
export const TEST_OPTIONS: VaultOptions = { scrypt: TEST_SCRYPT };
export const PASSPHRASE = 'correct horse battery staple';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-test-'));
  dirs.push(dir);
  return dir;
}

export function createTestVault(file = join(tempDir(), 'clinic.vault')): Vault {
  return Vault.create(file, { clinician: { id: 'dr.ada', displayName: 'Dr Ada Lovelace' }, passphrase: PASSPHRASE }, TEST_OPTIONS);
}
