import { createCipheriv, createDecipheriv, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { VaultError } from './errors';
import { writeFileAtomic } from './atomic-file';
import { deviceWrapSchema } from './device-wrap';

/**
 * The keyring sits beside the vault (FILE.keys) and holds the vault's random
 * 256-bit data key wrapped once per clinician: scrypt turns a passphrase into
 * a key-encryption key, AES-256-GCM wraps the data key with it. A passphrase
 * change or a new clinician rewrites only this small file, never the vault.
 * It holds no patient data and no secret in the clear.
 */

export interface ScryptParams {
  /** CPU/memory cost, a power of two. 2^17 costs 128 MiB and about half a second. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const wrappedKeySchema = z.object({
  clinicianId: z.string().min(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
  }),
  wrap: z.object({ alg: z.literal('aes-256-gcm'), iv: base64, ciphertext: base64, tag: base64 }),
  createdAt: z.string(),
  /** Shown on the unlock screen; a staff name, never patient data. */
  displayName: z.string().optional(),
});

/** Settings another SQLCipher reader needs (see README, "Recovery with sqlcipher"). */
export const cipherSettingsSchema = z.object({
  cipher: z.literal('sqlcipher'),
  legacy: z.literal(3),
  pageSize: z.number().int(),
});
export type CipherSettings = z.infer<typeof cipherSettingsSchema>;

const keyringSchema = z.object({
  format: z.literal('continuum-keyring'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  cipher: cipherSettingsSchema,
  clinicians: z.array(wrappedKeySchema),
  /** "Remember on this device" wraps (device-wrap.ts); absent in keyrings that never had one. */
  devices: z.array(deviceWrapSchema).optional(),
});

export type WrappedKey = z.infer<typeof wrappedKeySchema>;
export type Keyring = z.infer<typeof keyringSchema>;

export const DATA_KEY_BYTES = 32;

export function keyringPath(vaultFile: string): string {
  return `${vaultFile}.keys`;
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function wrapDataKey(
  dataKey: Buffer,
  vaultId: string,
  clinicianId: string,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): WrappedKey {
  assertPassphrase(passphrase);
  const salt = randomBytes(16);
  const kek = deriveKek(passphrase, salt, params);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(aad(vaultId, clinicianId));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      clinicianId,
      kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
      wrap: {
        alg: 'aes-256-gcm',
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      },
      createdAt: new Date().toISOString(),
    };
  } finally {
    kek.fill(0);
  }
}

/** Returns the data key, or throws 'wrong-passphrase'. The caller zeroes it after use. */
export function unwrapDataKey(keyring: Keyring, clinicianId: string, passphrase: string, file: string): Buffer {
  const entry = keyring.clinicians.find((c) => c.clinicianId === clinicianId);
  if (!entry) throw new VaultError('unknown-user', `${file}: no clinician "${clinicianId}" in this vault`);
  const kek = deriveKek(passphrase, Buffer.from(entry.kdf.salt, 'base64'), entry.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(entry.wrap.iv, 'base64'));
    decipher.setAAD(aad(keyring.vaultId, clinicianId));
    decipher.setAuthTag(Buffer.from(entry.wrap.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(entry.wrap.ciphertext, 'base64')), decipher.final()]);
    if (key.length !== DATA_KEY_BYTES) throw new Error('bad key length');
    return key;
  } catch {
    throw new VaultError('wrong-passphrase', `${file}: wrong passphrase for clinician "${clinicianId}"; the vault was not changed`);
  } finally {
    kek.fill(0);
  }
}

export function readKeyring(file: string, text: string): Keyring {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VaultError('damaged', `${keyringPath(file)}: the keyring is not valid JSON; restore it from a backup`);
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VaultError(
      'damaged',
      `${keyringPath(file)}: the keyring is damaged (${issue?.path.join('.') || 'root'}: ${issue?.message}); restore it from a backup`,
    );
  }
  return parsed.data;
}

export function writeKeyring(file: string, keyring: Keyring): void {
  writeFileAtomic(keyringPath(file), `${JSON.stringify(keyring, null, 2)}\n`);
}

/** Constant-time comparison for two keys, for tests and re-key checks. */
export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function deriveKek(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  });
}

function aad(vaultId: string, clinicianId: string): Buffer {
  return Buffer.from(`continuum-keyring/v1/${vaultId}/${clinicianId}`, 'utf8');
}

function assertPassphrase(passphrase: string): void {
  if (passphrase.length < 8) throw new VaultError('invalid-input', 'a passphrase must have at least 8 characters');
}
