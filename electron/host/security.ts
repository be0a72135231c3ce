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

/** Our page and nothing else: the exact file URL of the built renderer, ignoring query and hash. */
export function isOurPage(url: string | undefined | null, indexUrl: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && `${u.protocol}//${u.host}${u.pathname}` === indexUrl;
  } catch {
    return false;
  }
}

/** New windows (window.open, target=_blank, middle click): never. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Nothing leaves this computer: only our files, inline data and the developer tools may load. */
export function isLocalRequest(url: string): boolean {
  return url.startsWith('file:') || url.startsWith('devtools:') || url.startsWith('data:');
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
export function isAllowedSender(frame: { url: string } | null | undefined, isMainFrame: boolean, indexUrl: string): boolean {
  return Boolean(frame) && isMainFrame && isOurPage(frame?.url, indexUrl);
}
