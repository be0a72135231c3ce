import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import { BINARY_CONTENT_TYPE, encodeBinaryPrefix } from '../../api/binary-envelope';
import { isBinaryMethodName } from '../../api/contract';
import type { CoreClient } from '../../core/core-client';
import { contentTypeOf } from '../content-types';
import { CONTENT_SECURITY_POLICY } from '../security';

/**
 * The browser host: the built renderer and the core's API on 127.0.0.1, for
 * machines without Electron. Anyone on this computer can reach a loopback
 * port, so every request proves it holds a secret:
 *
 * - start-up prints http://127.0.0.1:PORT/?token=T (T: 32 random bytes);
 * - the first GET with T gets an HttpOnly, SameSite=Strict session cookie
 *   and a redirect to "/", so T leaves the address bar; T is then spent;
 * - every request, static or API, needs that cookie, else 401 with no details;
 * - the Host header must be 127.0.0.1:PORT or localhost:PORT (DNS rebinding),
 *   and a POST must come from our own Origin (CSRF);
 * - secrets are compared in constant time; request bodies are never logged.
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
  /** Largest API request body; FHIR bundles can be big. */
  readonly maxBodyBytes?: number;
}

export interface BrowserHost {
  /** http://127.0.0.1:PORT/?token=... : open it once in a browser. */
  readonly url: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 512 * 1024 * 1024 + 64 * 1024;
const API_PREFIX = '/api/';

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

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const staticDir = resolve(options.staticDir);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const token = randomBytes(32).toString('base64url');
  const session = randomBytes(32).toString('base64url');
  let tokenSpent = false;
  let port = 0;
  // Cookies are shared by every port of a host name: name ours by port.
  let cookieName = 'continuum-session';

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const refuse = (res: ServerResponse, status: 400 | 401 | 403 | 404 | 405 | 413 | 415, extra: Record<string, string> = {}) => {
    const text = status === 401 ? 'Not signed in. Open the address Continuum printed when it started.' : statusText(status);
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
    res.end(text);
  };

  const hasSession = (req: IncomingMessage): boolean => {
    const cookie = parseCookies(req.headers.cookie).get(cookieName);
    return cookie !== undefined && secretsEqual(cookie, session);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
    if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) return refuse(res, 403);

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';

    // The one-time token: exchanged for the session cookie, then gone from the address bar.
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && (method === 'GET' || method === 'HEAD') && url.pathname === '/') {
      const valid = secretsEqual(queryToken, token);
      // The same browser opening the link again (or an old link) is simply let in.
      if (hasSession(req)) {
        res.writeHead(303, { ...SECURITY_HEADERS, Location: '/', 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      if (tokenSpent || !valid) return refuse(res, 401);
      tokenSpent = true;
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    if (!hasSession(req)) return refuse(res, 401);

    if (url.pathname.startsWith(API_PREFIX)) {
      if (method !== 'POST') return refuse(res, 405, { Allow: 'POST' });
      // CSRF: a browser always sends Origin on a POST; it must be ours.
      const origin = req.headers.origin;
      if (origin === undefined || !allowedOrigins().has(origin)) return refuse(res, 403);
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin') return refuse(res, 403);
      // A form cannot send application/json without a CORS preflight, which we never answer.
      const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') return refuse(res, 415);
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid-request', message: 'the method name is not valid' } });
      }
      return handleApi(name, req, res);
    }

    if (method !== 'GET' && method !== 'HEAD') return refuse(res, 405, { Allow: 'GET, HEAD' });
    return serveStatic(url.pathname, method === 'HEAD', res);
  };

  const handleApi = async (name: string, req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      refuse(res, 413, { Connection: 'close' });
      res.on('finish', () => req.destroy());
      return;
    }
    let params: unknown;
    try {
      params = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid-request', message: 'the request body is not valid JSON' } });
    }
    // A binary method (pixels): the same request, checked the same way; the answer is one binary body.
    if (isBinaryMethodName(name)) {
      const answer = await options.core.invokeBinary(name, params);
      if (!answer.ok) return sendJson(res, 200, answer);
      return sendBinary(res, answer.value.header, answer.value.bytes);
    }
    const response = await options.core.invoke(name, params);
    sendJson(res, 200, response);
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
    const type = contentTypeOf(file);
    // Hashed build assets never change; the page itself is always fetched fresh.
    const cache = rel.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(info.size), 'Cache-Control': cache });
    if (head) return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // No details: the error may carry request content.
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'the host could not answer this request' } });
      else res.destroy();
    });
  });
  server.headersTimeout = 60_000;
  server.requestTimeout = 0; // a 500 MB upload on a slow disk may take a while

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  cookieName = `continuum-session-${port}`;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

/** The body, counted as it streams in; 'too-large' as soon as it passes the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolvePromise('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        req.pause();
        resolvePromise('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolvePromise(Buffer.concat(chunks, size));
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
  res.end(text);
}

/** A binary method's answer: length, header and padding, then the bytes as they are (binary-envelope.ts). */
function sendBinary(res: ServerResponse, header: unknown, bytes: Uint8Array): void {
  const prefix = encodeBinaryPrefix(header);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': BINARY_CONTENT_TYPE,
    'Content-Length': String(prefix.byteLength + bytes.byteLength),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
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
    case 413:
      return 'Request too large';
    case 415:
      return 'Unsupported media type: send application/json';
    default:
      return 'Refused';
  }
}
