/* eslint-disable @typescript-eslint/no-require-imports -- runs the built CommonJS bundles as Electron would */
// Runs the built Electron bundles (main.cjs, then preload.cjs) against a
// recording stand-in for the electron module, then asks what a packaged app
// would load: the window's URL, what the app:// handler answers, which
// requests and navigations pass. Prints one JSON line. Electron's binary
// cannot be downloaded on our machines; this is the next best thing to it.
//
//   node electron-stand-in.cjs DIST_ELECTRON_DIR
const Module = require('node:module');
const { join } = require('node:path');

const bundleDir = process.argv[2];
const recorded = {
  schemes: [],
  protocolHandlers: new Map(),
  windows: [],
  beforeRequest: null,
  appListeners: new Map(),
  exposed: [],
};

class BrowserWindow {
  static getAllWindows() {
    return recorded.windows;
  }
  constructor(options) {
    this.record = { options, loadURL: [], loadFile: [] };
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
  loadURL(url) {
    this.record.loadURL.push(url);
    return Promise.resolve();
  }
  loadFile(file) {
    this.record.loadFile.push(file);
    return Promise.resolve();
  }
}

const electron = {
  app: {
    isPackaged: true,
    enableSandbox() {},
    requestSingleInstanceLock: () => true,
    on: (name, listener) => recorded.appListeners.set(name, listener),
    whenReady: () => Promise.resolve(),
    getPath: () => process.env.CONTINUUM_STAND_IN_USER_DATA,
    quit() {},
    exit() {},
  },
  BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => recorded.schemes.push(...schemes),
    handle: (scheme, handler) => recorded.protocolHandlers.set(scheme, handler),
    registerFileProtocol: (scheme) => recorded.protocolHandlers.set(`file-protocol:${scheme}`, null),
    interceptFileProtocol: (scheme) => recorded.protocolHandlers.set(`intercept:${scheme}`, null),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
      setDevicePermissionHandler() {},
      protocol: { handle: (scheme, handler) => recorded.protocolHandlers.set(`session:${scheme}`, handler) },
      webRequest: {
        onHeadersReceived() {},
        onBeforeRequest: (handler) => (recorded.beforeRequest = handler),
      },
    },
  },
  safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
  ipcMain: { handle() {} },
  contextBridge: { exposeInMainWorld: (key, api) => recorded.exposed.push({ key, methods: Object.keys(api) }) },
  ipcRenderer: { invoke: () => Promise.resolve(null) },
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron' : resolveFilename.call(this, request, ...rest);
};
require.cache.electron = { id: 'electron', filename: 'electron', loaded: true, exports: electron };

async function main() {
  require(join(bundleDir, 'main.cjs'));
  for (let i = 0; i < 200 && recorded.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  require(join(bundleDir, 'preload.cjs'));

  const handler = recorded.protocolHandlers.get('app');
  const answers = {};
  for (const url of [
    'app://continuum/index.html',
    'app://continuum/',
    'app://continuum/assets/app.js',
    'app://continuum/..%2fsecret.txt',
    'app://continuum/%2e%2e/%2e%2e/secret.txt',
    'app://continuum/assets/..%5c..%5csecret.txt',
    'app://other/index.html',
  ]) {
    const response = handler ? await handler(new Request(url)) : null;
    answers[url] = response ? { status: response.status, csp: response.headers.get('content-security-policy'), body: (await response.text()).slice(0, 200) } : null;
  }

  const requests = {};
  for (const url of ['file:///etc/passwd', `file://${join(bundleDir, '..', 'dist', 'renderer', 'index.html')}`, 'app://continuum/index.html', 'https://example.org/x.js']) {
    let cancel = null;
    recorded.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
    requests[url] = cancel === null ? 'no handler' : cancel ? 'cancelled' : 'allowed';
  }

  const navigations = {};
  const created = recorded.appListeners.get('web-contents-created');
  const listeners = new Map();
  created?.({}, { on: (name, listener) => listeners.set(name, listener), setWindowOpenHandler() {} });
  for (const url of ['file:///etc/passwd', `file://${join(bundleDir, '..', 'dist', 'renderer', 'index.html')}`, 'app://continuum/index.html']) {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    listeners.get('will-navigate')?.(event, url);
    navigations[url] = event.prevented ? 'prevented' : 'allowed';
  }

  process.stdout.write(
    `${JSON.stringify({
      schemes: recorded.schemes,
      protocols: [...recorded.protocolHandlers.keys()],
      windows: recorded.windows.map((w) => ({ loadURL: w.loadURL, loadFile: w.loadFile })),
      answers,
      requests,
      navigations,
      exposed: recorded.exposed,
    })}\n`,
  );
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
