import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { recentAudit, verifyAudit } from '../../../electron/store/audit';
import type { DeviceProtector } from '../../../electron/store/device-wrap';
import { isVaultError } from '../../../electron/store/errors';
import { keyringPath } from '../../../electron/store/keyring';
import { Vault } from '../../../electron/store/vault';
import { PASSPHRASE, tempDir, TEST_SCRYPT } from '../../helpers/temp-vault';
import { composeCore } from '../../../electron/core/core-services';

/**
 * "Remember on this device" in the core, with a stand-in for the host's
 * secret store: a key the test holds plays the OS keychain, so sealed bytes
 * open only through this protector (as safeStorage's open only on this
 * computer). Electron's side is tested in test/unit/host/safe-storage-protector.test.ts.
 */
class FakeProtector implements DeviceProtector {
  private readonly secret = randomBytes(32);
  failDecrypt = false;
  calls: string[] = [];
  constructor(
    private readonly store: string = 'gnome_libsecret',
    private readonly id: string = randomUUID(),
    private readonly available = true,
  ) {}
  backend() {
    return this.store;
  }
  isAvailable() {
    return this.available;
  }
  deviceId() {
    return this.id;
  }
  async encrypt(plain: Buffer) {
    this.calls.push('encrypt');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secret, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  async decrypt(sealed: Buffer) {
    this.calls.push('decrypt');
    if (this.failDecrypt) throw new Error('keychain locked');
    const decipher = createDecipheriv('aes-256-gcm', this.secret, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  }
}

const ADA = { id: 'dr.ada', displayName: 'Dr Ada Lovelace' };
const BO = { id: 'nurse.bo', displayName: 'Bo Jensen' };

/** The sign-in delays' clock: a test moves it past the wait after a wrong passphrase. */
let clock = Date.now();

function setup(protector: DeviceProtector | null = new FakeProtector(), autoLockMinutes = 10) {
  const file = join(tempDir(), 'clinic.vault');
  const session = composeCore({ vaultFile: file, scrypt: TEST_SCRYPT, autoLockMinutes }, protector, () => clock).session;
  session.create(ADA, PASSPHRASE);
  session.requireVault().addClinician(BO, 'bo passphrase 123');
  session.lock();
  return { file, session };
}

function keyringJson(file: string): { devices?: Array<Record<string, unknown> & { wrap: { ciphertext: string } }> } {
  return JSON.parse(readFileSync(keyringPath(file), 'utf8')) as ReturnType<typeof keyringJson>;
}

/** The audit log as the vault has it, read with the passphrase. */
function auditOf(file: string) {
  const vault = Vault.open(file, { clinicianId: ADA.id, passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT });
  try {
    expect(verifyAudit(vault.db).ok).toBe(true);
    return recentAudit(vault.db, 200).map((e) => ({ action: e.action, clinicianId: e.clinicianId, detail: e.detail }));
  } finally {
    vault.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

afterEach(() => vi.useRealTimers());

describe('remember on this device (core, with a stand-in secret store)', () => {
  it('remembers only after a right passphrase, then signs in without one, audited as an unlock by device', async () => {
    const protector = new FakeProtector();
    const { file, session } = setup(protector);
    expect(session.status().device).toEqual({ available: true, reason: null, remembered: [] });

    const wrong = await refusal(session.unlockAndRemember(ADA.id, 'not the passphrase'));
    expect(isVaultError(wrong, 'wrong-passphrase')).toBe(true);
    expect(protector.calls).toEqual([]);
    expect(keyringJson(file).devices).toBeUndefined();

    clock += 1000; // the wait after one wrong passphrase
    const status = await session.unlockAndRemember(ADA.id, PASSPHRASE);
    expect(status.state).toBe('unlocked');
    expect(status.device?.remembered).toEqual([ADA.id]);
    // The data key is nowhere in the keyring in the clear.
    const rawKeyHex = /x'([0-9a-f]+)'/i.exec(session.requireVault().recoveryPragmas()[0]!)![1]!;
    const keysText = readFileSync(keyringPath(file), 'utf8');
    expect(keysText).not.toContain(rawKeyHex);
    expect(keysText).not.toContain(Buffer.from(rawKeyHex, 'hex').toString('base64'));
    session.lock();

    const locked = session.status();
    expect(locked.state).toBe('locked');
    expect(locked.device?.remembered).toEqual([ADA.id]);
    const unlocked = await session.unlockOnDevice(ADA.id);
    expect(unlocked.currentClinician).toEqual(ADA);
    session.lock();

    const audit = auditOf(file);
    expect(audit).toContainEqual({ action: 'device.remember', clinicianId: ADA.id, detail: { device: protector.deviceId(), backend: 'gnome_libsecret' } });
    expect(audit).toContainEqual({
      action: 'vault.unlock',
      clinicianId: ADA.id,
      detail: { via: 'device', device: protector.deviceId(), backend: 'gnome_libsecret' },
    });
  });

  it.each([
    ['basic_text', /no secret store.*plain text/],
    ['unknown', /could not be identified \("unknown"\)/],
  ])("refuses Linux's %s backend: not offered, and a request to remember signs nobody in", async (backend, reason) => {
    const protector = new FakeProtector(backend);
    const { file, session } = setup(protector);
    const device = session.status().device!;
    expect(device.available).toBe(false);
    expect(device.reason).toMatch(reason);
    const before = readFileSync(keyringPath(file));
    const error = await refusal(session.unlockAndRemember(ADA.id, PASSPHRASE));
    expect(isVaultError(error, 'invalid-input')).toBe(true);
    expect(error.message).toMatch(/^"remember on this device" is not available: /);
    expect(error.message).not.toContain('\n');
    expect(session.status().state).toBe('locked');
    expect(protector.calls).toEqual([]);
    expect(readFileSync(keyringPath(file)).equals(before)).toBe(true);
  });

  it('is not offered by a host without a secret store (the browser host), and says so when asked', async () => {
    const core = createInProcessCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT });
    const created = await core.invoke('vault.create', { clinicianId: ADA.id, displayName: ADA.displayName, passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { device: { available: false, reason: null, remembered: [] } } });
    await core.invoke('vault.lock', {});
    const remember = await core.invoke('vault.unlock', { clinicianId: ADA.id, passphrase: PASSPHRASE, remember: true });
    expect(remember).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/needs the desktop app/) } });
    const byDevice = await core.invoke('vault.unlockOnDevice', { clinicianId: ADA.id });
    expect(byDevice).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await core.invoke('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    await core.close();
  });

  it('forgets: on the sign-in screen (locked) and from the menu (unlocked, audited)', async () => {
    const protector = new FakeProtector();
    const { file, session } = setup(protector);
    await session.unlockAndRemember(ADA.id, PASSPHRASE);
    session.lock();
    await session.unlockAndRemember(BO.id, 'bo passphrase 123');
    expect(session.status().device?.remembered.sort()).toEqual([ADA.id, BO.id]);

    // The menu: Bo, signed in, forgets this device.
    expect(session.forgetDevice(BO.id).device?.remembered).toEqual([ADA.id]);
    session.lock();
    // The sign-in screen: Ada's is forgotten while locked.
    expect(session.forgetDevice(ADA.id).device?.remembered).toEqual([]);
    expect(keyringJson(file).devices).toEqual([]);
    // Forgetting again is nothing to do.
    expect(session.forgetDevice(ADA.id).state).toBe('locked');

    const error = await refusal(session.unlockOnDevice(ADA.id));
    expect(isVaultError(error, 'not-found')).toBe(true);
    expect(error.message).toMatch(/"dr.ada" is not remembered on this device; sign in with the passphrase$/);
    expect(auditOf(file)).toContainEqual({ action: 'device.forget', clinicianId: BO.id, detail: { clinician: BO.id, device: protector.deviceId() } });
  });

  it("a passphrase change ends the clinician's device wraps, even in an old copy of the keyring", async () => {
    const { file, session } = setup();
    await session.unlockAndRemember(ADA.id, PASSPHRASE);
    await session.unlockAndRemember(BO.id, 'bo passphrase 123');
    session.lock();
    const oldKeyring = readFileSync(keyringPath(file), 'utf8');

    session.unlock(ADA.id, PASSPHRASE);
    session.requireVault().changePassphrase('a brand new passphrase');
    expect(session.status().device?.remembered).toEqual([BO.id]);
    session.lock();
    expect(keyringJson(file).devices?.map((d) => d.clinicianId)).toEqual([BO.id]);

    // Ada's old wrap put back beside her new passphrase (a copied file): bound to the old one, refused and dropped.
    const current = JSON.parse(readFileSync(keyringPath(file), 'utf8')) as { devices: unknown[] };
    const stale = (JSON.parse(oldKeyring) as { devices: Array<{ clinicianId: string }> }).devices.find((d) => d.clinicianId === ADA.id);
    writeFileSync(keyringPath(file), JSON.stringify({ ...current, devices: [...current.devices, stale] }));
    expect(session.status().device?.remembered).toEqual([BO.id]);
    const error = await refusal(session.unlockOnDevice(ADA.id));
    expect(error.message).toMatch(/changed their passphrase \(or was removed\) since this device was remembered/);
    expect(keyringJson(file).devices?.map((d) => d.clinicianId)).toEqual([BO.id]);
    expect((await session.unlockOnDevice(BO.id)).currentClinician).toEqual(BO);
    session.lock();
  });

  it("removing a clinician removes their device wraps", async () => {
    const { file, session } = setup();
    await session.unlockAndRemember(BO.id, 'bo passphrase 123');
    session.lock();
    session.unlock(ADA.id, PASSPHRASE);
    session.requireVault().removeClinician(BO.id);
    session.lock();
    expect(keyringJson(file).devices).toEqual([]);
    expect(session.status().device?.remembered).toEqual([]);
    expect(isVaultError(await refusal(session.unlockOnDevice(BO.id)), 'not-found')).toBe(true);
  });

  it('refuses a tampered wrap with a one-line message, drops it, and leaves the vault untouched', async () => {
    const { file, session } = setup();
    await session.unlockAndRemember(ADA.id, PASSPHRASE);
    session.lock();
    const keyring = keyringJson(file);
    const ciphertext = Buffer.from(keyring.devices![0]!.wrap.ciphertext, 'base64');
    ciphertext[0] = ciphertext[0]! ^ 0x01;
    keyring.devices![0]!.wrap.ciphertext = ciphertext.toString('base64');
    writeFileSync(keyringPath(file), JSON.stringify(keyring));
    const vaultBefore = readFileSync(file);

    const error = await refusal(session.unlockOnDevice(ADA.id));
    expect(isVaultError(error, 'invalid-input')).toBe(true);
    expect(error.message).toBe(
      `${file}: the remembered sign-in of "dr.ada" on this device failed its integrity check (altered, or copied from elsewhere) and was removed; sign in with the passphrase`,
    );
    expect(session.status().state).toBe('locked');
    expect(readFileSync(file).equals(vaultBefore)).toBe(true);
    expect(keyringJson(file).devices).toEqual([]);
    // The passphrase still works.
    expect(session.unlock(ADA.id, PASSPHRASE).state).toBe('unlocked');
    session.lock();
  });

  it('a wrap moved to another clinician, or made on another device, does not open', async () => {
    const protector = new FakeProtector();
    const { file, session } = setup(protector);
    await session.unlockAndRemember(ADA.id, PASSPHRASE);
    session.lock();

    // Another computer (another device id and secret store) sees nobody remembered.
    const elsewhere = composeCore({ vaultFile: file, scrypt: TEST_SCRYPT }, new FakeProtector()).session;
    expect(elsewhere.status().device?.remembered).toEqual([]);
    expect(isVaultError(await refusal(elsewhere.unlockOnDevice(ADA.id)), 'not-found')).toBe(true);

    // Ada's entry relabelled as Bo's: refused (bound to Ada's passphrase wrap).
    const keyring = keyringJson(file);
    writeFileSync(keyringPath(file), JSON.stringify({ ...keyring, devices: [{ ...keyring.devices![0]!, clinicianId: BO.id }] }));
    const error = await refusal(session.unlockOnDevice(BO.id));
    expect(isVaultError(error, 'invalid-input')).toBe(true);
    expect(session.status().state).toBe('locked');
  });

  it('keeps the wrap when the secret store fails for a moment, and says so', async () => {
    const protector = new FakeProtector();
    const { file, session } = setup(protector);
    await session.unlockAndRemember(ADA.id, PASSPHRASE);
    session.lock();
    protector.failDecrypt = true;
    const error = await refusal(session.unlockOnDevice(ADA.id));
    expect(error.message).toMatch(/secret store could not open the remembered sign-in of "dr.ada"; sign in with the passphrase$/);
    expect(keyringJson(file).devices).toHaveLength(1);
    protector.failDecrypt = false;
    expect((await session.unlockOnDevice(ADA.id)).state).toBe('unlocked');
    session.lock();
  });

  it('auto-lock still locks a vault opened by device, and nothing signs in again by itself', async () => {
    const { session } = setup(new FakeProtector(), 10);
    await session.unlockAndRemember(ADA.id, PASSPHRASE);
    session.lock();
    vi.useFakeTimers();
    await session.unlockOnDevice(ADA.id);
    const vault = session.requireVault();
    vi.advanceTimersByTime(10 * 60_000 + 1000);
    expect(vault.isOpen).toBe(false);
    const status = session.status();
    expect(status.state).toBe('locked');
    expect(status.device?.remembered).toEqual([ADA.id]);
  });

  it('validates the new methods at the boundary', async () => {
    const core = createInProcessCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT }, new FakeProtector());
    expect(await core.invoke('vault.unlockOnDevice', { clinicianId: 'Not An Id' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await core.invoke('vault.forgetDevice', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await core.invoke('vault.unlock', { clinicianId: ADA.id, passphrase: PASSPHRASE, remember: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    await core.close();
  });
});
