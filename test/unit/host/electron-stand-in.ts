import { tmpdir } from 'node:os';

/**
 * A quiet stand-in for the 'electron' module, for tests that run
 * electron/host/electron/main.ts where Electron is not installed: windows
 * are counted, every security hook is accepted and ignored, and the test
 * adds the parts it looks at (ipcMain, safeStorage, the user-data folder).
 * Use it from a vi.mock factory: vi.mock('electron', async () =>
 * (await import('./electron-stand-in')).electronStandIn(recorded, {...})).
 */
export function electronStandIn(
  recorded: { windows: number },
  parts: { userData?: () => string; ipcMain: object; safeStorage?: object },
): Record<string, unknown> {
  class BrowserWindow {
    static getAllWindows() {
      return [];
    }
    constructor() {
      recorded.windows += 1;
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const protocol = { registerSchemesAsPrivileged: () => undefined, handle: () => undefined };
  const app = {
    isPackaged: true,
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => true,
    on: () => undefined,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' && parts.userData ? parts.userData() : tmpdir()),
    quit: () => undefined,
    exit: () => undefined,
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined, onBeforeRequest: () => undefined },
    },
  };
  return { app, BrowserWindow, protocol, session, ipcMain: parts.ipcMain, ...(parts.safeStorage ? { safeStorage: parts.safeStorage } : {}), default: {} };
}
