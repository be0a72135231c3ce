import type * as NodeFs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeviceProtector } from '../../../electron/store/device-wrap';

/**
 * main.ts hands the core a protector over Electron's safeStorage, probed after
 * 'ready', with this installation's device id from the user-data folder.
 * Electron is not installed here: main.ts runs against a stand-in, as in
 * electron-binary.test.ts.
 */
const recorded = vi.hoisted(() => ({
  userData: '',
  windows: 0,
  started: [] as unknown[][],
  safeStorageCalls: [] as string[],
}));

vi.mock('electron', async () =>
  (await import('./electron-stand-in')).electronStandIn(recorded, {
    userData: () => recorded.userData,
    ipcMain: { handle: () => undefined },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'kwallet5',
      encryptString: (text: string) => {
        recorded.safeStorageCalls.push('encryptString');
        return Buffer.from(`sealed:${text}`);
      },
      decryptString: (sealed: Buffer) => {
        recorded.safeStorageCalls.push('decryptString');
        return sealed.toString().replace(/^sealed:/, '');
      },
    },
  }),
);

vi.mock('../../../electron/core/worker-core', () => ({
  startCoreWorker: (...args: unknown[]) => {
    recorded.started.push(args);
    return { invoke: () => Promise.resolve({ ok: true, value: {} }), invokeBinary: () => Promise.resolve({ ok: true, value: {} }), close: () => Promise.resolve() };
  },
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  return { ...fs, existsSync: (path: string) => (String(path).endsWith('index.html') ? true : fs.existsSync(path)) };
});

describe('the Electron main process gives the core a safeStorage protector (main.ts, against a stand-in)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-electron-device-'));
    recorded.userData = join(dir, 'userData');
    process.env['CONTINUUM_VAULT'] = join(dir, 'clinic.vault');
    await import('../../../electron/host/electron/main');
    await vi.waitFor(() => expect(recorded.windows).toBe(1));
  });

  afterAll(() => {
    delete process.env['CONTINUUM_VAULT'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the core with a protector over safeStorage, its backend and this device id', async () => {
    expect(recorded.started).toHaveLength(1);
    const [options, , device] = recorded.started[0] as [{ vaultFile: string }, unknown, DeviceProtector];
    expect(options.vaultFile).toBe(join(dir, 'clinic.vault'));
    expect(device.backend()).toBe('kwallet5');
    expect(device.isAvailable()).toBe(true);
    expect(device.deviceId()).toBe(readFileSync(join(recorded.userData, 'device-id'), 'utf8').trim());
    const key = Buffer.alloc(32, 7);
    expect((await device.decrypt(await device.encrypt(key))).equals(key)).toBe(true);
    expect(recorded.safeStorageCalls).toEqual(['encryptString', 'decryptString']);
  });
});
