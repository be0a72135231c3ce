import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/core/core-client';
import { startCoreWorker } from '../../../electron/core/worker-core';
import { readOrCreateDeviceId } from '../../../electron/host/electron/device-id';
import { createSafeStorageProtector, probeSafeStorage, type SafeStorageApi } from '../../../electron/host/electron/safe-storage-protector';
import { keyringPath } from '../../../electron/store/keyring';
import { PASSPHRASE, tempDir, TEST_SCRYPT } from '../../helpers/temp-vault';

/**
 * Electron's side of "remember on this device": safeStorage in the main
 * process, behind the core's DeviceProtector. Electron cannot run here (its
 * binary cannot be downloaded), so a stand-in plays safeStorage: strings in,
 * sealed bytes out, with the backend a test chooses.
 */
function standInSafeStorage(backend: ReturnType<NonNullable<SafeStorageApi['getSelectedStorageBackend']>>, available = true) {
  const secret = randomBytes(32);
  const calls: string[] = [];
  const api: SafeStorageApi = {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(text: string) {
      calls.push('encryptString');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed: Buffer) {
      calls.push('decryptString');
      const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
  return { api, calls };
}

const ENTRY = resolve(__dirname, '../../../electron/core/core-worker-bootstrap.mjs');

describe('the safeStorage protector (Electron main process, against a stand-in)', () => {
  it('seals a 32-byte device key and opens it again', async () => {
    const { api, calls } = standInSafeStorage('gnome_libsecret');
    const protector = createSafeStorageProtector(api, randomUUID(), 'linux');
    expect(protector.backend()).toBe('gnome_libsecret');
    const key = randomBytes(32);
    const sealed = await protector.encrypt(key);
    expect(sealed.includes(key)).toBe(false);
    expect((await protector.decrypt(sealed)).equals(key)).toBe(true);
    expect(calls).toEqual(['encryptString', 'decryptString']);
  });

  it.each(['basic_text', 'unknown'] as const)("refuses Linux's %s backend without calling safeStorage", async (backend) => {
    const { api, calls } = standInSafeStorage(backend);
    const protector = createSafeStorageProtector(api, randomUUID(), 'linux');
    await expect(protector.encrypt(randomBytes(32))).rejects.toThrow(/refused/);
    await expect(protector.decrypt(Buffer.alloc(40))).rejects.toThrow(/refused/);
    expect(calls).toEqual([]);
  });

  it('names the platform store on macOS and Windows, where the backend call is Linux-only', () => {
    const { api } = standInSafeStorage('unknown');
    expect(createSafeStorageProtector(api, randomUUID(), 'darwin').backend()).toBe('keychain');
    expect(createSafeStorageProtector(api, randomUUID(), 'win32').backend()).toBe('dpapi');
  });

  it('turns a throwing safeStorage into a rejection, and refuses anything but a sealed device key', async () => {
    const { api } = standInSafeStorage('kwallet5');
    const protector = createSafeStorageProtector(api, randomUUID(), 'linux');
    await expect(protector.decrypt(Buffer.from('garbage that is not sealed at all'))).rejects.toThrow();
    await expect(protector.decrypt(api.encryptString('not base64 of a key'))).rejects.toThrow(/not a sealed device key/);
    await expect(protector.encrypt(randomBytes(16))).rejects.toThrow(/32-byte/);
  });

  it('is absent when safeStorage cannot be asked at all', () => {
    expect(
      probeSafeStorage(
        () => {
          throw new Error('no safeStorage here');
        },
        () => randomUUID(),
        'linux',
      ),
    ).toBeNull();
  });

  it('keeps one random device id in the user-data folder', () => {
    const dir = join(tempDir(), 'userData');
    const id = readOrCreateDeviceId(dir);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(readOrCreateDeviceId(dir)).toBe(id);
    expect(readFileSync(join(dir, 'device-id'), 'utf8').trim()).toBe(id);
  });
});

describe('the core worker asks the host thread to seal and open (worker-core relay)', () => {
  let core: CoreClient | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  it('remembers and signs in by device through the worker; only the host thread touches safeStorage', async () => {
    const { api, calls } = standInSafeStorage('gnome_libsecret');
    const protector = createSafeStorageProtector(api, randomUUID(), 'linux');
    const file = join(tempDir(), 'clinic.vault');
    core = startCoreWorker({ vaultFile: file, scrypt: TEST_SCRYPT }, ENTRY, protector);

    const created = await core.invoke('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada', passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { device: { available: true, remembered: [] } } });
    await core.invoke('vault.lock', {});
    expect(await core.invoke('vault.unlock', { clinicianId: 'dr.ada', passphrase: PASSPHRASE, remember: true })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', device: { remembered: ['dr.ada'] } },
    });
    await core.invoke('vault.lock', {});
    expect(await core.invoke('vault.unlockOnDevice', { clinicianId: 'dr.ada' })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', currentClinician: { id: 'dr.ada' } },
    });
    expect(calls).toEqual(['encryptString', 'decryptString']);
    const keyring = JSON.parse(readFileSync(keyringPath(file), 'utf8')) as { devices: Array<{ deviceId: string; backend: string }> };
    expect(keyring.devices).toMatchObject([{ deviceId: protector.deviceId(), backend: 'gnome_libsecret' }]);
  });

  it('a host under basic_text: the worker reports why, and never asks to seal', async () => {
    const { api, calls } = standInSafeStorage('basic_text');
    core = startCoreWorker({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT }, ENTRY, createSafeStorageProtector(api, randomUUID(), 'linux'));
    const created = await core.invoke('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada', passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { device: { available: false, reason: expect.stringMatching(/plain text/) } } });
    await core.invoke('vault.lock', {});
    expect(await core.invoke('vault.unlock', { clinicianId: 'dr.ada', passphrase: PASSPHRASE, remember: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(calls).toEqual([]);
  });
});
