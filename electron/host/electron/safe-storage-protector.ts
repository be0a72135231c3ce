import type { SafeStorage } from 'electron';
import { REFUSED_BACKENDS, type DeviceProtector } from '../../store/device-wrap';

/** The part of Electron's safeStorage this uses; tests stand in for it. */
export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

const KEY_BYTES = 32;

/**
 * "Remember on this device" through Electron's safeStorage, in the main
 * process: the OS keychain (macOS), DPAPI (Windows) or the desktop's secret
 * service (Linux). Linux's 'basic_text' backend (a key hard-coded in
 * Chromium) and 'unknown' are refused here as well as in the core, so no
 * device key is ever sealed with them.
 *
 * safeStorage works on strings: the 32-byte device key goes in and out as base64.
 * Call after app 'ready' (before it, Linux reports 'unknown').
 */
export function createSafeStorageProtector(safeStorage: SafeStorageApi, deviceId: string, platform: NodeJS.Platform): DeviceProtector {
  const backend = (): string => {
    if (platform === 'darwin') return 'keychain';
    if (platform === 'win32') return 'dpapi';
    return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  };
  const usable = (): boolean => !REFUSED_BACKENDS.includes(backend()) && safeStorage.isEncryptionAvailable();
  return {
    backend,
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    deviceId: () => deviceId,
    // async: a safeStorage call that throws becomes a rejected promise, never an exception on the main thread.
    async encrypt(plain) {
      if (!usable()) throw new Error(`refused: secret store backend ${backend()}`);
      if (plain.length !== KEY_BYTES) throw new Error('only a 32-byte device key is sealed');
      return safeStorage.encryptString(plain.toString('base64'));
    },
    async decrypt(sealed) {
      if (!usable()) throw new Error(`refused: secret store backend ${backend()}`);
      const text = safeStorage.decryptString(sealed);
      const key = Buffer.from(text, 'base64');
      if (key.length !== KEY_BYTES || key.toString('base64') !== text) throw new Error('not a sealed device key');
      return key;
    },
  };
}

/**
 * The protector for this run, or null when safeStorage cannot even be asked
 * (its calls throw on some systems): then "remember on this device" is not offered.
 */
export function probeSafeStorage(load: () => SafeStorageApi, deviceId: () => string, platform: NodeJS.Platform): DeviceProtector | null {
  try {
    const protector = createSafeStorageProtector(load(), deviceId(), platform);
    protector.backend();
    protector.isAvailable();
    return protector;
  } catch {
    return null;
  }
}
