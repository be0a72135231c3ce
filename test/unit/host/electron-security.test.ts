import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as NodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveAppFile } from '../../../electron/host/electron/app-protocol';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  appFilePath,
  CONTENT_SECURITY_POLICY,
  denyWindowOpen,
  isAllowedSender,
  isLocalRequest,
  isMethodShaped,
  isOurPage,
  secureWebPreferences,
  withSecurityHeaders,
} from '../../../electron/host/security';

/**
 * The Electron shell's security settings. Electron itself is not installed
 * on our build machines, so the settings are read from electron/host/security.ts,
 * and main.ts and preload.ts are run against a recording stand-in for the
 * electron module to prove they apply them.
 */

const HOST_DIR = resolve(__dirname, '../../../electron/host/electron');
const INDEX_URL = APP_INDEX_URL;

describe('Electron security settings (electron/host/security.ts)', () => {
  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('has a CSP of our own files only: no inline or eval script, no remote connection, no framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it("the renderer's index.html carries the same policy (less frame-ancestors, which a meta tag cannot set)", () => {
    const html = readFileSync(resolve(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('lets only our own page load, and no new window', () => {
    expect(INDEX_URL).toBe('app://continuum/index.html');
    expect(isOurPage(INDEX_URL, INDEX_URL)).toBe(true);
    expect(isOurPage(`${INDEX_URL}#/chart`, INDEX_URL)).toBe(true);
    expect(isOurPage(`${INDEX_URL}?x=1`, INDEX_URL)).toBe(true);
    const others = ['https://evil.example/', 'file:///etc/passwd', 'file:///opt/continuum/dist/renderer/index.html', 'app://evil/index.html', 'app://continuum/other.html'];
    for (const url of [...others, 'http://127.0.0.1:1234/', 'javascript:alert(1)', 'not a url', '', null]) {
      expect(isOurPage(url, INDEX_URL), String(url)).toBe(false);
    }
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('lets no request leave the computer, and none read the disk (file:)', () => {
    expect(isLocalRequest(INDEX_URL)).toBe(true);
    expect(isLocalRequest('app://continuum/assets/index-1234.js')).toBe(true);
    expect(isLocalRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://example.org/x.js', 'http://127.0.0.1:8080/', 'ws://localhost/', 'ftp://x/', 'file:///etc/passwd', 'file:///opt/continuum/dist/renderer/index.html', 'app://evil/x.js', 'app://continuum.evil/x']) {
      expect(isLocalRequest(url), url).toBe(false);
    }
  });

  it('registers app:// as a standard, secure origin with fetch and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });

  it('maps app:// URLs to files of the built renderer only', () => {
    const root = '/opt/continuum/dist/renderer';
    expect(appFilePath('app://continuum/index.html', root)).toBe(`${root}/index.html`);
    expect(appFilePath('app://continuum/', root)).toBe(`${root}/index.html`);
    expect(appFilePath('app://continuum/assets/a%20b.js?v=1#x', root)).toBe(`${root}/assets/a b.js`);
    // The URL parser resolves dot segments (encoded or not) at the root, never above it.
    expect(appFilePath('app://continuum/%2e%2e/%2e%2e/secret.txt', root)).toBe(`${root}/secret.txt`);
    for (const url of [
      'app://continuum/..%2f..%2fetc%2fpasswd',
      'app://continuum/assets/..%5c..%5csecret.txt',
      'app://continuum/index.html%00.js',
      'app://continuum/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(appFilePath(url, root), url).toBeNull();
    }
  });

  it('overrides any CSP a response brings', () => {
    const headers = withSecurityHeaders({ 'content-security-policy': ["default-src *"], 'X-Other': ['1'] });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(headers['X-Other']).toEqual(['1']);
  });

  it('answers IPC only from our main frame, with a method-shaped name', () => {
    expect(isAllowedSender({ url: INDEX_URL }, true, INDEX_URL)).toBe(true);
    expect(isAllowedSender({ url: INDEX_URL }, false, INDEX_URL)).toBe(false);
    expect(isAllowedSender({ url: 'https://evil.example/' }, true, INDEX_URL)).toBe(false);
    expect(isAllowedSender(null, true, INDEX_URL)).toBe(false);
    expect(isMethodShaped('vault.status')).toBe(true);
    for (const m of ['__proto__', 'vault.status; rm', '../x', '', 42, null, 'a'.repeat(101) + '.x']) expect(isMethodShaped(m)).toBe(false);
  });
});

describe('the app:// protocol handler (app-protocol.ts)', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-app-protocol-'));
    root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveAppFile(new Request(url, { method }), root);

  it('answers our files with their type and the CSP', async () => {
    const page = await get('app://continuum/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('id="root"');
    const script = await get('app://continuum/assets/app-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://continuum/')).status).toBe(200);
  });

  it('answers 404 outside the renderer folder, for folders and on other hosts; 405 for writes', async () => {
    for (const url of ['app://continuum/..%2fsecret.txt', 'app://continuum/%2e%2e/secret.txt', 'app://continuum/assets', 'app://other/index.html', 'app://continuum/missing.js']) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(await reply.text(), url).not.toContain('SECRET');
    }
    expect((await get('app://continuum/index.html', 'POST')).status).toBe(405);
  });
});

// ---------------------------------------------------------------------------
// main.ts and preload.ts against a recording stand-in for Electron.

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => {
  const state = {
    appListeners: new Map<string, (...args: unknown[]) => unknown>(),
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string | null; loadedFile: string | null }>,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    permissionRequest: null as null | ((...args: unknown[]) => unknown),
    permissionCheck: null as null | ((...args: unknown[]) => unknown),
    devicePermission: null as null | ((...args: unknown[]) => unknown),
    headersReceived: null as null | ((...args: unknown[]) => unknown),
    beforeRequest: null as null | ((...args: unknown[]) => unknown),
    sandboxEnabled: false,
    exposed: [] as Array<{ key: string; api: unknown }>,
    rendererInvokes: [] as unknown[][],
    coreInvokes: [] as unknown[][],
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows() {
      return recorded.windows;
    }
    private readonly record: { options: Record<string, unknown>; loaded: string | null; loadedFile: string | null };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: null, loadedFile: null };
      recorded.windows.push(this.record);
    }
    once() {}
    on() {}
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    loadFile(file: string) {
      this.record.loadedFile = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
  }
  const app = {
    isPackaged: true,
    enableSandbox: () => {
      recorded.sandboxEnabled = true;
    },
    requestSingleInstanceLock: () => true,
    on: (name: string, listener: Listener) => {
      recorded.appListeners.set(name, listener);
    },
    whenReady: () => Promise.resolve(),
    getPath: () => tmpdir(),
    quit: () => undefined,
    exit: () => undefined,
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: Listener) => (recorded.permissionRequest = h),
      setPermissionCheckHandler: (h: Listener) => (recorded.permissionCheck = h),
      setDevicePermissionHandler: (h: Listener) => (recorded.devicePermission = h),
      webRequest: {
        onHeadersReceived: (h: Listener) => (recorded.headersReceived = h),
        onBeforeRequest: (h: Listener) => (recorded.beforeRequest = h),
      },
    },
  };
  const ipcMain = { handle: (channel: string, h: Listener) => recorded.ipcHandlers.set(channel, h) };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
    handle: (scheme: string, h: (request: Request) => Promise<Response>) => recorded.protocolHandlers.set(scheme, h),
  };
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.push({ key, api }) };
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      recorded.rendererInvokes.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
  };
  return { app, BrowserWindow, session, ipcMain, protocol, contextBridge, ipcRenderer, default: {} };
});

vi.mock('../../../electron/core/worker-core', () => ({
  startCoreWorker: () => ({
    invoke: (...args: unknown[]) => {
      recorded.coreInvokes.push(args);
      return Promise.resolve({ ok: true, value: { state: 'locked' } });
    },
    close: () => Promise.resolve(),
  }),
}));

// main.ts refuses to start when the renderer is not built: pretend it is.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  return { ...fs, existsSync: (path: string) => (String(path).endsWith('index.html') ? true : fs.existsSync(path)) };
});

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: Listener | null = null;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (h: Listener) => (windowOpen = h),
  };
  return { contents, listeners, windowOpen: () => windowOpen };
}

function preventable(extra: Record<string, unknown> = {}) {
  const event = { prevented: false, preventDefault: () => (event.prevented = true), ...extra };
  return event;
}

describe('the Electron main process applies them (main.ts, against a stand-in for Electron)', () => {
  let vaultDir: string;

  beforeAll(async () => {
    vaultDir = mkdtempSync(join(tmpdir(), 'continuum-electron-'));
    process.env['CONTINUUM_VAULT'] = join(vaultDir, 'clinic.vault');
    await import('../../../electron/host/electron/main');
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
  });

  afterAll(() => {
    delete process.env['CONTINUUM_VAULT'];
    rmSync(vaultDir, { recursive: true, force: true });
  });

  it('enables the sandbox for every renderer and opens one window with the secure preferences', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    const options = recorded.windows[0]!.options;
    const prefs = options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toEqual(secureWebPreferences(String(prefs['preload']), false));
    expect(String(prefs['preload'])).toMatch(/preload\.cjs$/);
    expect(recorded.windows[0]!.loaded).toBe('app://continuum/index.html');
    expect(recorded.windows[0]!.loadedFile).toBeNull();
  });

  it('serves app:// from the built renderer, registered as a privileged scheme before the window loads', () => {
    expect(recorded.schemes).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    expect([...recorded.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('blocks navigation away, redirects, webviews and new windows in every web contents', () => {
    const created = recorded.appListeners.get('web-contents-created');
    expect(created).toBeDefined();
    const { contents, listeners, windowOpen } = fakeContents();
    created!({}, contents);

    const away = preventable();
    listeners.get('will-navigate')!(away, 'https://evil.example/');
    expect(away.prevented).toBe(true);
    const home = preventable();
    listeners.get('will-navigate')!(home, INDEX_URL);
    expect(home.prevented).toBe(false);
    const frame = preventable({ url: 'https://evil.example/frame' });
    listeners.get('will-frame-navigate')!(frame);
    expect(frame.prevented).toBe(true);
    const redirect = preventable();
    listeners.get('will-redirect')!(redirect, INDEX_URL);
    expect(redirect.prevented).toBe(true);
    const webview = preventable();
    listeners.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);
    expect(windowOpen()!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let granted: boolean | null = null;
    recorded.permissionRequest!({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(recorded.permissionCheck!({}, 'notifications')).toBe(false);
    expect(recorded.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('sets the CSP on responses and cancels every request that would leave the computer', () => {
    let headers: unknown = null;
    recorded.headersReceived!({ responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (r: { responseHeaders: unknown }) => (headers = r.responseHeaders));
    expect((headers as Record<string, unknown>)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    const answer = (url: string) => {
      let cancel: boolean | null = null;
      recorded.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer('https://example.org/tracker.js')).toBe(true);
    expect(answer('http://127.0.0.1:9999/')).toBe(true);
    expect(answer(INDEX_URL)).toBe(false);
    expect(answer('file:///etc/passwd')).toBe(true);
  });

  it('relays IPC from our main frame only', async () => {
    const handler = recorded.ipcHandlers.get('continuum:invoke');
    expect(handler).toBeDefined();
    const mainFrame = { url: INDEX_URL };
    const ours = { senderFrame: mainFrame, sender: { mainFrame } };
    expect(await handler!(ours, 'vault.status', {})).toEqual({ ok: true, value: { state: 'locked' } });
    expect(recorded.coreInvokes).toEqual([['vault.status', {}]]);

    const subFrame = { senderFrame: { url: INDEX_URL }, sender: { mainFrame } };
    const foreign = { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: { url: 'https://evil.example/' } } };
    for (const event of [subFrame, foreign]) {
      const refused = (await handler!(event, 'vault.status', {})) as { ok: boolean; error: { code: string } };
      expect(refused.ok).toBe(false);
      expect(refused.error.code).toBe('invalid-request');
    }
    const badName = (await handler!(ours, { toString: () => 'vault.status' }, {})) as { ok: boolean };
    expect(badName.ok).toBe(false);
    expect(recorded.coreInvokes).toHaveLength(1);
  });
});

describe('the preload exposes only the typed bridge (preload.ts, against a stand-in for Electron)', () => {
  beforeAll(async () => {
    await import('../../../electron/host/electron/preload');
  });

  it('exposes window.continuum with invoke() and nothing else', () => {
    expect(recorded.exposed).toHaveLength(1);
    expect(recorded.exposed[0]!.key).toBe('continuum');
    const api = recorded.exposed[0]!.api as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api['invoke']).toBe('function');
  });

  it('forwards contract-shaped calls on the one channel and refuses the rest itself', async () => {
    const api = recorded.exposed[0]!.api as { invoke(method: unknown, params: unknown): Promise<unknown> };
    await api.invoke('patients.list', { query: 'x' });
    expect(recorded.rendererInvokes).toEqual([['continuum:invoke', 'patients.list', { query: 'x' }]]);
    const refused = (await api.invoke('require("fs")', {})) as { ok: boolean };
    expect(refused.ok).toBe(false);
    expect(recorded.rendererInvokes).toHaveLength(1);
  });

  it('is typed against the contract: the bridge object ends with `satisfies ContinuumBridge`', () => {
    const source = readFileSync(join(HOST_DIR, 'preload.ts'), 'utf8');
    expect(source).toMatch(/^const bridge = \{[\s\S]*^\} satisfies ContinuumBridge;$/m);
    // Exactly one thing goes on window, and no Node module is imported.
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../../api/contract', '../security', 'electron']);
  });
});
