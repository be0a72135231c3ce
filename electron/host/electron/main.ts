import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isBinaryMethodName } from '../../api/contract';
import type { CoreClient } from '../../core/core-client';
import { startCoreWorker } from '../../core/worker-core';
import { readOrCreateDeviceId } from './device-id';
import { serveAppFile } from './app-protocol';
import { probeSafeStorage } from './safe-storage-protector';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  denyPermission,
  denyWindowOpen,
  INVOKE_CHANNEL,
  isAllowedSender,
  isLocalRequest,
  isMethodShaped,
  isOurPage,
  secureWebPreferences,
  WINDOW_OPTIONS,
  withSecurityHeaders,
} from '../security';

/**
 * The Electron shell: one locked-down window over the built renderer, and
 * one IPC channel relayed to the core in a worker thread. Electron's main
 * thread only relays; it never opens the vault itself. The page is
 * app://continuum/index.html, served from the built renderer by our own
 * protocol handler: nothing is loaded from file:// (Electron's security
 * checklist, item 18).
 *
 * Bundled by scripts/build-electron.mjs into dist-electron/main.cjs, with
 * preload.cjs and core-worker.cjs beside it. The settings themselves (web
 * preferences, CSP, what may load) live in ../security.ts, where tests read them.
 */

const here = __dirname;
const rendererDir = resolve(here, '../dist/renderer');
const indexHtml = join(rendererDir, 'index.html');
const indexUrl = APP_INDEX_URL;
const preload = join(here, 'preload.cjs');

// Before 'ready': app:// is a standard, secure origin (its own 'self' for the CSP, fetch allowed).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let core: CoreClient | null = null;
let mainWindow: BrowserWindow | null = null;

function vaultFile(): string {
  const explicit = process.env['CONTINUUM_VAULT']?.trim();
  return resolve(explicit ? explicit : join(app.getPath('userData'), 'clinic.vault'));
}

/** Every web contents: no navigation away from our page, no redirects, no webviews, no new windows. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOurPage(url, indexUrl)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isOurPage(event.url, indexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(denyWindowOpen);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({ ...WINDOW_OPTIONS, webPreferences: secureWebPreferences(preload, !app.isPackaged) });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(indexUrl);
}

async function start(): Promise<void> {
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));

  await app.whenReady();

  if (!existsSync(indexHtml)) {
    process.stderr.write('Continuum: the user interface is not built (dist/renderer is missing). Run "npm run build".\n');
    app.exit(1);
    return;
  }

  protocol.handle(APP_SCHEME, (request) => serveAppFile(request, rendererDir));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(denyPermission()));
  ses.setPermissionCheckHandler(denyPermission);
  ses.setDevicePermissionHandler(denyPermission);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  // Nothing leaves this computer: any request that is not our own files is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));

  const file = vaultFile();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // "Remember on this device": safeStorage answers here, on the main thread, for the core's worker
  // (after 'ready', when Linux knows its backend). The core offers it only when the backend is a real secret store.
  const device = probeSafeStorage(() => safeStorage, () => readOrCreateDeviceId(app.getPath('userData')), process.platform);
  // The starter evidence library: packaged as a resource, or beside the sources in a checkout.
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const appPath = typeof app.getAppPath === 'function' ? app.getAppPath() : null;
  const starter = [resources ? join(resources, 'evidence') : null, appPath ? join(appPath, 'resources/evidence') : null].find(
    (dir): dir is string => dir !== null && existsSync(join(dir, 'library.json')),
  );
  core = startCoreWorker({ vaultFile: file, ...(starter ? { starterLibrary: starter } : {}) }, undefined, device);

  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, params: unknown) => {
    const frame = event.senderFrame;
    if (!isAllowedSender(frame, frame === event.sender.mainFrame, indexUrl) || !isMethodShaped(method)) {
      return { ok: false, error: { code: 'invalid-request', message: 'request refused' } };
    }
    if (!core) return { ok: false, error: { code: 'internal', message: 'the core is not running' } };
    // A binary method's { header, bytes } goes back as it is: IPC structured-clones the bytes, no base64.
    return isBinaryMethodName(method) ? core.invokeBinary(method, params) : core.invoke(method, params);
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => app.quit());

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // Close the vault (and forget its key) before the process goes.
  event.preventDefault();
  quitting = true;
  const closing = core;
  core = null;
  void closing.close().finally(() => app.quit());
});

void start();
