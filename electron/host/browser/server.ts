import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve, sep } from 'node:path';
import { BINARY_CONTENT_TYPE, encodeBinaryPrefix } from '../../api/binary-envelope';
import { decodeBinaryBody } from '../../api/binary-envelope';
import { bodyLimit, isUploadMethod } from '../../api/body-limits';
import { isByteUploadMethod, UPLOAD_CONTENT_TYPE } from '../../api/upload';
import { isBinaryMethodName, type ApiResponse, type MethodName } from '../../api/contract';
import type { CoreClient } from '../../core/core-client';
import { releaseUploadMemorySoon } from '../../core/release-memory';
import { contentTypeOf } from '../content-types';
import { CONTENT_SECURITY_POLICY } from '../security';
import { HostSessions, type AccessLevel, type Authenticated, type SessionTiming } from './host-sessions';
import { declaredLength, Gate, readSmallBody, spoolBody, type BodyRefusal } from './request-body';

/**
 * The browser host: the built renderer and the core's API on 127.0.0.1, for
 * machines without Electron. Anyone on this computer can reach a loopback
 * port, and any page the browser opens on another local port shares its
 * cookies, so the API takes no cookie at all:
 *
 * - start-up prints http://127.0.0.1:PORT/#token=T, a one-time link (T never
 *   reaches a server log: it is in the fragment); the page exchanges T once
 *   (POST /session/exchange) for a session secret it keeps in memory and
 *   sends as the Continuum-Session header; a new link comes from the console
 *   or `continuum link` (POST /session/link with the key in the host file);
 * - secrets rotate at sign-in, at lock and every few minutes (the page asks
 *   for a new one every two: POST /session/refresh), and a window reads
 *   records only after signing in itself (host-sessions.ts); a page that
 *   goes away (POST /session/suspend) leaves a secret that may only sign in;
 * - every body states its length and stays within its method's limit from
 *   the contract (1 MiB for plain calls, the file's size for uploads), read
 *   before anything else; uploads stream into an encrypted temporary file,
 *   a few at a time, and are handed to the core one at a time;
 * - the Host header must be 127.0.0.1:PORT or localhost:PORT (DNS
 *   rebinding), and a POST must come from our own Origin (CSRF); a
 *   cross-origin page cannot even send the session header without a CORS
 *   preflight, which is never answered;
 * - the static files (the built renderer, no patient data) need no secret;
 *   request bodies are never logged.
 *
 * Binary methods (pixels) are the same POST /api/METHOD behind the same
 * checks; only the answer differs: one binary body instead of JSON.
 */

export interface BrowserHostOptions {
  readonly core: CoreClient;
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** A cap on every method's body limit (tests); the limits themselves come from the contract (body-limits.ts). */
  readonly maxBodyBytes?: number;
  /** Where uploads are spooled, encrypted, while they arrive (the vault's folder in `npm start`); default the system's temporary folder. */
  readonly spoolDir?: string;
  /** Uploads streaming in at once (default 2); more wait in line, up to `uploadQueue` (default 8), then 503. */
  readonly uploadSlots?: number;
  readonly uploadQueue?: number;
  /** Session timing and clock (tests). */
  readonly timing?: SessionTiming;
  readonly now?: () => number;
}

export interface BrowserHost {
  /** http://127.0.0.1:PORT/#token=... : the first one-time link. */
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** Proves a local program may ask for new links (POST /session/link); the host file carries it. */
  readonly linkKey: string;
  /** A new one-time link (the console prints one on request). */
  newLink(): string;
  close(): Promise<void>;
}

/** The request header (and response header, when rotated) that carries a window's secret. */
export const SESSION_HEADER = 'continuum-session';
export const LINK_KEY_HEADER = 'continuum-link-key';
const API_PREFIX = '/api/';
/** exchange: link -> secret; refresh: a new secret now; suspend: the page is going, its secret may only sign in again. */
const SESSION_PATHS = new Set(['/session/exchange', '/session/refresh', '/session/suspend']);
/** A plain call's body must arrive within this; an upload may pause this long between chunks. */
const SMALL_BODY_DEADLINE_MS = 30_000;
const UPLOAD_IDLE_MS = 60_000;

/** Methods a window at the sign-in level may call: the vault's status and signing in. */
const SIGN_IN_LEVEL_METHODS = new Set(['vault.status', 'vault.create', 'vault.unlock', 'vault.unlockOnDevice', 'vault.forgetDevice', 'vault.lock']);
/** Methods that sign someone in: the core locks first, whatever the outcome. */
const SIGN_IN_METHODS = new Set(['vault.create', 'vault.unlock', 'vault.unlockOnDevice']);

/** The same policy as the Electron window's (../security.ts). */
export { CONTENT_SECURITY_POLICY };

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
};

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison of two secrets of any length. */
export function secretsEqual(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

type Status = 400 | 401 | 403 | 404 | 405 | 408 | 411 | 413 | 415 | 503;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const staticDir = resolve(options.staticDir);
  const spoolDir = options.spoolDir ?? tmpdir();
  const sessions = new HostSessions(options.now, options.timing);
  const uploads = new Gate(options.uploadSlots ?? 2, options.uploadQueue ?? 8);
  // Uploads are decrypted and parsed one at a time: the host holds at most one upload's body in memory.
  const unpacking = new Gate(1, Number.POSITIVE_INFINITY);
  const linkKey = randomBytes(32).toString('base64url');
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const limitOf = (method: string) => Math.min(bodyLimit(method), options.maxBodyBytes ?? Number.POSITIVE_INFINITY);

  /** A refusal with no details; `unread`: the body was not read, so the connection closes after the answer. */
  const refuse = (res: ServerResponse, status: Status, extra: Record<string, string> = {}, unread = false) => {
    const text = status === 401 ? 'Not signed in: open a new one-time link from Continuum (press Enter in its console, or run "continuum link").' : statusText(status);
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...(unread ? { Connection: 'close' } : {}), ...extra });
    res.end(text);
  };

  /** The request's media type, lower case, without parameters. */
  const mediaTypeOf = (req: IncomingMessage) => String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

  /** A POST from our own page: our Origin, same-origin fetch, JSON (or an upload's binary envelope, checked per method in handleApi). */
  const fromOurPage = (req: IncomingMessage): Status | null => {
    const origin = req.headers.origin;
    if (origin === undefined || !allowedOrigins().has(origin)) return 403;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return 403;
    // A form cannot send application/json (nor our upload type) without a CORS preflight, which we never answer.
    const type = mediaTypeOf(req);
    return type === 'application/json' || type === UPLOAD_CONTENT_TYPE ? null : 415;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
    if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) return refuse(res, 403, {}, true);

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';

    if (url.pathname === '/session/link') return handleLink(req, res, method);
    if (SESSION_PATHS.has(url.pathname) || url.pathname.startsWith(API_PREFIX)) {
      if (method !== 'POST') return refuse(res, 405, { Allow: 'POST' }, true);
      const problem = fromOurPage(req);
      if (problem) return refuse(res, problem, {}, true);
      if (url.pathname === '/session/exchange') return handleExchange(req, res);
      const auth = sessions.authenticate(headerValue(req, SESSION_HEADER), { rotate: url.pathname === '/session/refresh' });
      if (!auth) return refuse(res, 401, {}, true);
      if (url.pathname === '/session/refresh' || url.pathname === '/session/suspend') {
        if ((await readJsonBody(req, res, 1024)) === undefined) return;
        if (url.pathname === '/session/suspend') sessions.suspend(auth.session);
        return sendJson(res, 200, { level: url.pathname === '/session/suspend' ? 'signin' : auth.level }, auth.rotated);
      }
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid-request', message: 'the method name is not valid' } }, auth.rotated, true);
      }
      return handleApi(name, auth, req, res);
    }

    if (method !== 'GET' && method !== 'HEAD') return refuse(res, 405, { Allow: 'GET, HEAD' }, true);
    return serveStatic(url.pathname, method === 'HEAD', res);
  };

  /** One-time link -> session secret. */
  const handleExchange = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readJsonBody(req, res, 4096);
    if (body === undefined) return;
    const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token.length > 200) return sendJson(res, 400, { error: 'link-unknown' });
    const outcome = sessions.exchange(token);
    if ('refused' in outcome) return sendJson(res, 401, { error: outcome.refused });
    sendJson(res, 200, { level: 'signin' }, outcome.secret);
  };

  /** A new one-time link for a local program that read the host file (not a browser: no Origin). */
  const handleLink = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    if (method !== 'POST') return refuse(res, 405, { Allow: 'POST' }, true);
    if (req.headers.origin !== undefined || !secretsEqual(headerValue(req, LINK_KEY_HEADER), linkKey)) return refuse(res, 403, {}, true);
    if ((await readJsonBody(req, res, 1024)) === undefined) return;
    sendJson(res, 200, { url: linkUrl(sessions.newLink()) });
  };

  /** A small JSON body, or undefined once a refusal has been sent. */
  const readJsonBody = async (req: IncomingMessage, res: ServerResponse, limit: number): Promise<unknown> => {
    const length = declaredLength(req, limit);
    if (typeof length !== 'number') {
      refuse(res, length.status, {}, true);
      return undefined;
    }
    return receiveSmall(req, res, length);
  };

  const handleApi = async (name: string, auth: Authenticated, req: IncomingMessage, res: ServerResponse) => {
    const length = declaredLength(req, limitOf(name));
    if (typeof length !== 'number') return refuse(res, length.status, {}, true);
    if (auth.level === 'signin' && !SIGN_IN_LEVEL_METHODS.has(name)) {
      // Not read: this window has not signed in, so nothing it sends is looked at.
      return sendJson(res, 200, lockedForThisWindow(), auth.rotated, true);
    }
    // A file upload comes as bytes (the binary envelope), every other call as JSON: never the other way round.
    if ((mediaTypeOf(req) === UPLOAD_CONTENT_TYPE) !== isByteUploadMethod(name)) return refuse(res, 415, {}, true);
    // An upload's body, its text and its parsed params are garbage once answered: collected then, not whenever V8 gets to it.
    if (isUploadMethod(name)) res.once('close', releaseUploadMemorySoon);
    const params = isUploadMethod(name) ? await receiveUpload(name, req, res, length) : await receiveSmall(req, res, length);
    if (params === undefined) return;

    // A binary method (pixels): the same request, checked the same way; the answer is one binary body.
    if (isBinaryMethodName(name)) {
      const answer = await options.core.invokeBinary(name, params);
      if (!answer.ok && answer.error.code === 'locked') sessions.locked(null);
      if (!answer.ok) return sendJson(res, 200, answer, auth.rotated);
      return sendBinary(res, answer.value.header, answer.value.bytes, auth.rotated);
    }
    const { response, rotated } = await invokeAs(auth, name, params);
    sendJson(res, 200, response, rotated ?? auth.rotated);
  };

  /** Runs the call for a window at its level, and follows what it did to the vault (sign-in, lock). */
  const invokeAs = async (auth: Authenticated, name: string, params: unknown): Promise<{ response: ApiResponse<MethodName>; rotated: string | null }> => {
    if (auth.level === 'signin' && name === 'vault.lock') {
      // This window holds nothing to lock; another window's work is not its to end.
      return { response: asSeenAt('signin', await options.core.invoke('vault.status', {})), rotated: null };
    }
    const response = await options.core.invoke(name, params);
    if (SIGN_IN_METHODS.has(name)) {
      if (response.ok && (response.value as { state?: string }).state === 'unlocked') return { response, rotated: sessions.signedIn(auth.session) };
      // Refused before the vault was touched (too soon, or invalid): nothing changed.
      if (!response.ok && (response.error.code === 'too-many-attempts' || response.error.code === 'invalid-request')) return { response, rotated: null };
      return { response: asSeenAt('signin', response), rotated: sessions.locked(auth.session) };
    }
    if (name === 'vault.lock') return { response, rotated: sessions.locked(auth.session) };
    const lockedNow =
      (!response.ok && response.error.code === 'locked') || (name === 'vault.status' && response.ok && (response.value as { state?: string }).state !== 'unlocked');
    if (lockedNow) sessions.locked(null);
    return { response: asSeenAt(auth.level, response), rotated: null };
  };

  const receiveSmall = async (req: IncomingMessage, res: ServerResponse, length: number): Promise<unknown> => {
    const body = await readSmallBody(req, length, SMALL_BODY_DEADLINE_MS);
    if (!Buffer.isBuffer(body)) {
      refuse(res, body.status, {}, true);
      return undefined;
    }
    return parseParams(body, res);
  };

  /** An upload: wait for a slot (unread meanwhile), stream it into an encrypted spool, then unpack it alone. */
  const receiveUpload = async (name: string, req: IncomingMessage, res: ServerResponse, length: number): Promise<unknown> => {
    const release = await uploads.enter();
    if (!release) {
      refuse(res, 503, { 'Retry-After': '10' }, true);
      return undefined;
    }
    let spooled: Awaited<ReturnType<typeof spoolBody>> | null = null;
    try {
      spooled = await spoolBody(req, length, spoolDir, UPLOAD_IDLE_MS);
      if (!('readAll' in spooled)) {
        refuse(res, (spooled as BodyRefusal).status, {}, true);
        return undefined;
      }
      const spool = spooled;
      const done = await unpacking.enter();
      try {
        const body = await spool.readAll();
        await spool.close();
        return isByteUploadMethod(name) ? uploadParams(body, res) : parseParams(body, res);
      } finally {
        done?.();
      }
    } finally {
      if (spooled && 'close' in spooled) await spooled.close();
      release();
    }
  };

  const serveStatic = async (pathname: string, head: boolean, res: ServerResponse) => {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400);
    }
    if (rel.includes('\0')) return refuse(res, 400);
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = resolve(staticDir, `.${rel}`);
    if (file !== staticDir && !file.startsWith(staticDir + sep)) return refuse(res, 404);
    let info;
    try {
      info = await stat(file);
    } catch {
      return refuse(res, 404);
    }
    if (!info.isFile()) return refuse(res, 404);
    // Hashed build assets never change; the page itself is always fetched fresh.
    const cache = rel.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Content-Length': String(info.size), 'Cache-Control': cache });
    if (head) return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // No details: the error may carry request content.
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'the host could not answer this request' } }, null, true);
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  // No limit for a whole request (a 500 MB upload on a slow disk may take a while); bodies have their own deadlines.
  server.requestTimeout = 0;
  server.maxConnections = 64;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const linkUrl = (token: string) => `http://127.0.0.1:${port}/#token=${token}`;
  const token = sessions.newLink();

  return {
    url: linkUrl(token),
    token,
    port,
    linkKey,
    newLink: () => linkUrl(sessions.newLink()),
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };

  /** A binary upload's body: its header (the other params, JSON) and the file's bytes, in place, as one params object for the contract to check. */
  function uploadParams(body: Buffer, res: ServerResponse): unknown {
    const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body.buffer : body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
    const decoded = decodeBinaryBody(whole as ArrayBuffer);
    const header = 'problem' in decoded ? null : decoded.header;
    if ('problem' in decoded || typeof header !== 'object' || header === null || Array.isArray(header) || 'bytes' in header) {
      sendJson(res, 400, { ok: false, error: { code: 'invalid-request', message: 'the upload is not a header and a file' } });
      return undefined;
    }
    return { ...header, bytes: decoded.bytes };
  }

  function parseParams(body: Buffer, res: ServerResponse): unknown {
    try {
      return body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'invalid-request', message: 'the request body is not valid JSON' } });
      return undefined;
    }
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** What a window that has not signed in gets for anything but the vault's status and signing in. */
function lockedForThisWindow(): ApiResponse<MethodName> {
  return { ok: false, error: { code: 'locked', message: 'the vault is locked for this window; sign in to continue' } };
}

/** A window at the sign-in level sees the vault as locked, whoever else has it open. */
function asSeenAt(level: AccessLevel, response: ApiResponse<MethodName>): ApiResponse<MethodName> {
  if (level === 'unlocked' || !response.ok) return response;
  const value = response.value as { state?: string };
  if (value.state !== 'unlocked') return response;
  return { ok: true, value: { ...value, state: 'locked', currentClinician: null } } as ApiResponse<MethodName>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, rotated: string | null = null, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    ...(rotated ? { 'Continuum-Session': rotated } : {}),
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

/** A binary method's answer: length, header and padding, then the bytes as they are (binary-envelope.ts). */
function sendBinary(res: ServerResponse, header: unknown, bytes: Uint8Array, rotated: string | null): void {
  const prefix = encodeBinaryPrefix(header);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': BINARY_CONTENT_TYPE,
    'Content-Length': String(prefix.byteLength + bytes.byteLength),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    ...(rotated ? { 'Continuum-Session': rotated } : {}),
  });
  res.write(prefix);
  res.end(bytes);
}

function statusText(status: number): string {
  switch (status) {
    case 400:
      return 'Bad request';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not found';
    case 405:
      return 'Method not allowed';
    case 408:
      return 'The request body did not arrive in time';
    case 411:
      return 'Length required: send Content-Length';
    case 413:
      return 'Request too large';
    case 415:
      return `Unsupported media type: send application/json (a file upload: ${UPLOAD_CONTENT_TYPE})`;
    case 503:
      return 'Busy with other uploads: try again shortly';
    default:
      return 'Refused';
  }
}
