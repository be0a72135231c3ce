import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { VaultError } from './errors';
import type { Keyring } from './keyring';

/**
 * "Remember on this device": a second wrap of the vault's data key, opened by
 * the operating system's secret store instead of a passphrase.
 *
 * A random 256-bit device key wraps the data key with AES-256-GCM; only that
 * device key goes to the secret store (Electron's safeStorage, in the main
 * process), which seals it for this OS account on this computer. The GCM tag
 * makes any change to the entry fail loudly, whatever the secret store does.
 *
 * The entries live in the keyring file (FILE.keys, `devices`), beside the
 * passphrase wraps they stand in for, and not in a per-device file, because:
 * a passphrase change or a clinician's removal rewrites that one file, so it
 * drops their device wraps in the same atomic write (vault.ts); `vault check`
 * and backups see them; and a copy elsewhere is inert (the sealed key opens
 * only with this computer's secret store). Each entry is also bound to the
 * passphrase wrap it was made beside (`boundTo`): a wrap that outlived a
 * passphrase change in an old copy of the file is refused.
 */

/** Linux backends under which safeStorage would keep the key readable to anyone with the file. */
export const REFUSED_BACKENDS: readonly string[] = ['basic_text', 'unknown'];

/**
 * The secret store, as the host provides it. In Electron the calls run in
 * the main process (safeStorage); the core only ever sees these four calls.
 */
export interface DeviceProtector {
  /** The secret store in use: Linux's safeStorage backend name, or 'keychain' (macOS), 'dpapi' (Windows). */
  backend(): string;
  isAvailable(): boolean;
  /** A random id for this device, kept by the host (not secret). */
  deviceId(): string;
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<Buffer>;
}

export type DeviceCapability = { readonly available: true; readonly backend: string } | { readonly available: false; readonly reason: string };

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const deviceWrapSchema = z.object({
  clinicianId: z.string().min(1),
  deviceId: z.string().uuid(),
  createdAt: z.string(),
  backend: z.string().min(1).max(40),
  /** SHA-256 of the clinician's passphrase wrap this entry was made beside. */
  boundTo: base64,
  /** The device key, sealed by the secret store. */
  sealedKey: base64,
  wrap: z.object({ alg: z.literal('aes-256-gcm'), iv: base64, ciphertext: base64, tag: base64 }),
});
export type DeviceWrap = z.infer<typeof deviceWrapSchema>;

const KEY_BYTES = 32;

/** Whether this host may remember a sign-in, and if not, why, in words a clinician can act on. */
export function assessProtector(protector: DeviceProtector | null): DeviceCapability {
  if (!protector) {
    return { available: false, reason: 'remembering a sign-in needs the desktop app: this window has no secure storage of its own' };
  }
  const backend = protector.backend();
  if (backend === 'basic_text') {
    return {
      available: false,
      reason:
        'this Linux desktop has no secret store (GNOME Keyring or KWallet), so the key would be kept in plain text; sign in with your passphrase',
    };
  }
  if (REFUSED_BACKENDS.includes(backend)) {
    return { available: false, reason: `the operating system's secret store could not be identified ("${backend}"); sign in with your passphrase` };
  }
  if (!protector.isAvailable()) {
    return { available: false, reason: "the operating system's secret store is not available (is it locked?); sign in with your passphrase" };
  }
  return { available: true, backend };
}

/** Throws a one-line 'invalid-input' error when remembering is not possible here. */
export function requireProtector(protector: DeviceProtector | null): DeviceProtector {
  const capability = assessProtector(protector);
  if (!capability.available) throw new VaultError('invalid-input', `"remember on this device" is not available: ${capability.reason}`);
  if (!protector) throw new VaultError('invalid-input', '"remember on this device" is not available here');
  return protector;
}

/**
 * Seals the data key for one clinician on this device. The caller has just
 * checked the clinician's passphrase; the data key is not kept or zeroed here.
 */
export async function sealDeviceWrap(
  protector: DeviceProtector,
  keyring: Keyring,
  clinicianId: string,
  dataKey: Buffer,
  now: Date,
): Promise<DeviceWrap> {
  const usable = requireProtector(protector);
  const boundTo = bindingOf(keyring, clinicianId);
  if (!boundTo) throw new VaultError('unknown-user', `no clinician "${clinicianId}" in this vault`);
  const deviceId = usable.deviceId();
  const deviceKey = randomBytes(KEY_BYTES);
  try {
    const sealed = await usable.encrypt(deviceKey);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', deviceKey, iv);
    cipher.setAAD(aad(keyring.vaultId, clinicianId, deviceId, boundTo));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      clinicianId,
      deviceId,
      createdAt: now.toISOString(),
      backend: usable.backend(),
      boundTo,
      sealedKey: sealed.toString('base64'),
      wrap: { alg: 'aes-256-gcm', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    };
  } finally {
    deviceKey.fill(0);
  }
}

/** Why a device wrap could not be used, and whether it should be removed from the keyring. */
export class DeviceWrapRefused extends VaultError {
  constructor(
    message: string,
    /** True when the entry can never work again (tampered, stale); false for a passing failure of the secret store. */
    readonly discard: boolean,
  ) {
    super('invalid-input', message);
    this.name = 'DeviceWrapRefused';
  }
}

/** Opens this device's wrap for a clinician: the data key (the caller owns and zeroes it). */
export async function openDeviceWrap(protector: DeviceProtector, keyring: Keyring, clinicianId: string, file: string): Promise<Buffer> {
  const usable = requireProtector(protector);
  const deviceId = usable.deviceId();
  const entry = findDeviceWrap(keyring, clinicianId, deviceId);
  if (!entry) {
    throw new VaultError('not-found', `${file}: "${clinicianId}" is not remembered on this device; sign in with the passphrase`);
  }
  if (entry.boundTo !== bindingOf(keyring, clinicianId)) {
    throw new DeviceWrapRefused(
      `${file}: "${clinicianId}" changed their passphrase (or was removed) since this device was remembered; sign in with the passphrase`,
      true,
    );
  }
  let deviceKey: Buffer;
  try {
    deviceKey = await usable.decrypt(Buffer.from(entry.sealedKey, 'base64'));
  } catch {
    throw new DeviceWrapRefused(
      `${file}: the operating system's secret store could not open the remembered sign-in of "${clinicianId}"; sign in with the passphrase`,
      false,
    );
  }
  try {
    if (deviceKey.length !== KEY_BYTES) throw new Error('bad device key length');
    const decipher = createDecipheriv('aes-256-gcm', deviceKey, Buffer.from(entry.wrap.iv, 'base64'));
    decipher.setAAD(aad(keyring.vaultId, clinicianId, deviceId, entry.boundTo));
    decipher.setAuthTag(Buffer.from(entry.wrap.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(entry.wrap.ciphertext, 'base64')), decipher.final()]);
    if (key.length !== KEY_BYTES) throw new Error('bad data key length');
    return key;
  } catch {
    throw new DeviceWrapRefused(
      `${file}: the remembered sign-in of "${clinicianId}" on this device failed its integrity check (altered, or copied from elsewhere) and was removed; sign in with the passphrase`,
      true,
    );
  } finally {
    deviceKey.fill(0);
  }
}

export function findDeviceWrap(keyring: Keyring, clinicianId: string, deviceId: string): DeviceWrap | undefined {
  return keyring.devices?.find((d) => d.clinicianId === clinicianId && d.deviceId === deviceId);
}

/** The clinicians remembered on this device whose wrap is still bound to their current passphrase. */
export function rememberedHere(keyring: Keyring, deviceId: string): string[] {
  return (keyring.devices ?? [])
    .filter((d) => d.deviceId === deviceId && d.boundTo === bindingOf(keyring, d.clinicianId))
    .map((d) => d.clinicianId);
}

/** The keyring with `wrap` in place of the clinician's earlier one on the same device, and stale entries dropped. */
export function withDeviceWrap(keyring: Keyring, wrap: DeviceWrap): Keyring {
  const others = liveDeviceWraps(keyring).filter((d) => !(d.clinicianId === wrap.clinicianId && d.deviceId === wrap.deviceId));
  return { ...keyring, devices: [...others, wrap] };
}

/** The keyring without the clinician's wraps (on one device, or every device when deviceId is null), stale entries dropped. */
export function withoutDeviceWraps(keyring: Keyring, clinicianId: string, deviceId: string | null): Keyring {
  const kept = liveDeviceWraps(keyring).filter((d) => !(d.clinicianId === clinicianId && (deviceId === null || d.deviceId === deviceId)));
  return { ...keyring, devices: kept };
}

/** Entries whose clinician still has this exact passphrase wrap; the rest can never open again. */
function liveDeviceWraps(keyring: Keyring): DeviceWrap[] {
  return (keyring.devices ?? []).filter((d) => d.boundTo === bindingOf(keyring, d.clinicianId));
}

/** A fingerprint of the clinician's current passphrase wrap (new salt, iv and tag on every change), or null. */
function bindingOf(keyring: Keyring, clinicianId: string): string | null {
  const entry = keyring.clinicians.find((c) => c.clinicianId === clinicianId);
  if (!entry) return null;
  return createHash('sha256')
    .update(`continuum-device-binding/v1\0${keyring.vaultId}\0${clinicianId}\0${entry.kdf.salt}\0${entry.wrap.iv}\0${entry.wrap.tag}`)
    .digest('base64');
}

function aad(vaultId: string, clinicianId: string, deviceId: string, boundTo: string): Buffer {
  return Buffer.from(`continuum-device/v1/${vaultId}/${clinicianId}/${deviceId}/${boundTo}`, 'utf8');
}
