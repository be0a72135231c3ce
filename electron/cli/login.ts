import { VaultError } from '../store/errors';
import { signInWithPassphrase } from '../store/sign-in';
import type { Vault, VaultOptions } from '../store/vault';
import type { CliIo } from './io';

/**
 * The passphrase comes from CONTINUUM_PASSPHRASE or a prompt, never from an
 * argument (arguments are visible to every user of the machine in `ps`).
 */
export async function passphraseFrom(io: CliIo, variable = 'CONTINUUM_PASSPHRASE', prompt = 'Passphrase: '): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv) return fromEnv;
  const asked = await io.askSecret(prompt);
  if (asked === null) {
    throw new VaultError('invalid-input', `no passphrase: set ${variable} or run in a terminal to be asked`);
  }
  return asked;
}

/** A new passphrase, asked twice at a terminal. */
export async function newPassphraseFrom(io: CliIo, variable: string): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv) return fromEnv;
  const first = await io.askSecret('New passphrase (at least 8 characters): ');
  if (first === null) throw new VaultError('invalid-input', `no passphrase: set ${variable} or run in a terminal to be asked`);
  const second = await io.askSecret('Again: ');
  if (first !== second) throw new VaultError('invalid-input', 'the two passphrases differ; nothing was changed');
  return first;
}

/** The acting clinician: --user, else CONTINUUM_USER, else the vault's first clinician. */
export function clinicianFrom(io: CliIo, user: string | undefined): string | undefined {
  return user ?? (io.env.CONTINUUM_USER || undefined);
}

/** Signs in as the clinician: the same growing delays after wrong passphrases as in the app, counted across runs (sign-in.ts). */
export async function openVault(io: CliIo, file: string, user: string | undefined, options: VaultOptions = {}): Promise<Vault> {
  const passphrase = await passphraseFrom(io);
  return signInWithPassphrase(file, { clinicianId: clinicianFrom(io, user), passphrase }, { ...options, via: 'cli' });
}

/** Opens the vault, runs fn, and always locks it again. */
export async function withVault<T>(io: CliIo, file: string, user: string | undefined, fn: (vault: Vault) => T | Promise<T>): Promise<T> {
  const vault = await openVault(io, file, user, scryptFromEnv(io));
  try {
    return await fn(vault);
  } finally {
    vault.close();
  }
}

/**
 * CONTINUUM_TEST_SCRYPT_N lowers the scrypt cost for new passphrases, for the
 * CLI's own tests only (it weakens the passphrase protection).
 */
export function scryptFromEnv(io: CliIo): VaultOptions {
  const n = Number(io.env.CONTINUUM_TEST_SCRYPT_N);
  return Number.isInteger(n) && n >= 1024 ? { scrypt: { N: n, r: 8, p: 1 } } : {};
}
