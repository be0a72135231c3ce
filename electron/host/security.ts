/**
 * The hosts' security settings as plain data and pure functions, apart from
 * Electron so that tests read exactly what the Electron main process and the
 * browser host apply: the window's webPreferences, the Content Security
 * Policy, which pages may load, which requests may leave, which IPC callers
 * are answered. Imports nothing (the sandboxed preload bundles it too).
 */

/** One IPC channel, relayed to the core. */
export const INVOKE_CHANNEL = 'continuum:invoke';

/** The renderer's Content Security Policy: our own files, nothing inline, nothing remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The BrowserWindow's webPreferences: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preload: string, devTools: boolean) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  } as const;
}

export const WINDOW_OPTIONS = {
  width: 1440,
  height: 920,
  minWidth: 1000,
  minHeight: 640,
  title: 'Continuum',
  backgroundColor: '#f3f5f8',
  show: false,
} as const;

/**
 * The packaged app's own origin. The window loads app://continuum/index.html,
 * served by the main process from the built renderer (protocol.handle, never
 * file://), so the CSP's 'self' means exactly our files, and the
 * GrantFileProtocolExtraPrivileges fuse can stay off.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'continuum';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** How app:// is registered (before 'ready'): a standard, secure origin with fetch, like https, and nothing more. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** Our page and nothing else: app://continuum/index.html, ignoring query and hash. */
export function isOurPage(url: string | undefined | null, indexUrl: string = APP_INDEX_URL): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && `${u.protocol}//${u.host}${u.pathname}` === indexUrl;
  } catch {
    return false;
  }
}

/**
 * The built renderer's file that an app:// URL names, or null: another host,
 * an undecodable or NUL-carrying path, or anything that resolves outside
 * `rootDir` is refused. `/` is the index page. Pure path arithmetic on the
 * given separator, so that the main process and the tests agree.
 */
export function appFilePath(url: string, rootDir: string, sep = '/'): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  if (parts.length === 0) parts.push('index.html');
  const root = rootDir.endsWith(sep) ? rootDir.slice(0, -1) : rootDir;
  return [root, ...parts].join(sep);
}

/** New windows (window.open, target=_blank, middle click): never. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Nothing leaves this computer, and nothing of the disk is read: only our app:// files, inline data and the developer tools may load. */
export function isLocalRequest(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('devtools:') || url.startsWith('data:');
}

/** Response headers with our CSP and nosniff set, whatever the response said. */
export function withSecurityHeaders(headers: Record<string, string | string[]> | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'x-content-type-options') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

/** Every permission a page may ask for (camera, notifications, USB...): refused. */
export function denyPermission(): false {
  return false;
}

/** A contract method name as the preload forwards it ("vault.status"); anything else is refused there. */
export function isMethodShaped(method: unknown): method is string {
  return typeof method === 'string' && method.length <= 100 && /^[a-z]+\.[A-Za-z]+$/.test(method);
}

/** An IPC call is answered only from our page's main frame. */
export function isAllowedSender(frame: { url: string } | null | undefined, isMainFrame: boolean, indexUrl: string = APP_INDEX_URL): boolean {
  return Boolean(frame) && isMainFrame && isOurPage(frame?.url, indexUrl);
}
