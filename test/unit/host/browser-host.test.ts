import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { CONTENT_SECURITY_POLICY, startBrowserHost, type BrowserHost } from '../../../electron/host/browser/server';
import { PASSPHRASE, TEST_SCRYPT } from '../../helpers/temp-vault';

/**
 * The browser host over real HTTP on 127.0.0.1: the one-time token, the
 * session cookie, the Host and Origin checks, the API end to end through the
 * in-process core, and the static files.
 */

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface RequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Sent as the raw request target, unnormalised (for path traversal). */
  readonly path: string;
}

function send(port: number, options: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let dir: string;
let core: CoreClient;
let host: BrowserHost;
let cookie: string;
let setCookieHeader: string;

const SECRET = 'THIS-FILE-IS-OUTSIDE-THE-STATIC-DIR';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-host-'));
  const staticDir = join(dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Continuum</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("app");');
  // Beside the static folder: must never be served.
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'static-evil.txt'), SECRET);
  core = createInProcessCore({ vaultFile: join(dir, 'vault', 'clinic.vault'), scrypt: TEST_SCRYPT });
  host = await startBrowserHost({ core, staticDir, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await host?.close();
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function api(method: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return send(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    body,
    headers: { cookie, origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json', ...headers },
  });
}

function json(reply: Reply): { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } } {
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(reply.body) as ReturnType<typeof json>;
}

describe('browser host: listening', () => {
  it('prints a 127.0.0.1 address with a long random token', () => {
    const url = new URL(host.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBe(host.port);
    expect(url.searchParams.get('token')).toBe(host.token);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('listens on loopback only: other interfaces of this machine refuse the connection', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal)
      .map((i) => i!.address)
      .concat(['::1']);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port, timeout: 5000 });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, `connecting to ${address}:${host.port}`).not.toBe('connected');
    }
  });
});

describe('browser host: the token and the session cookie', () => {
  it('refuses every request without the session cookie (401, no details)', async () => {
    for (const path of ['/', '/index.html', '/assets/app-1234.js', '/nothing-here']) {
      const reply = await send(host.port, { path });
      expect(reply.status, path).toBe(401);
      expect(reply.body).not.toContain('<div id="root">');
    }
    const post = await send(host.port, {
      method: 'POST',
      path: '/api/vault.status',
      body: '{}',
      headers: { origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json' },
    });
    expect(post.status).toBe(401);
    expect(post.body).not.toContain('vault');
  });

  it('refuses a wrong token and a made-up cookie', async () => {
    expect((await send(host.port, { path: '/?token=not-the-token' })).status).toBe(401);
    expect((await send(host.port, { path: `/?token=${host.token}x` })).status).toBe(401);
    const forged = await send(host.port, { path: '/', headers: { cookie: `continuum-session-${host.port}=${host.token}` } });
    expect(forged.status).toBe(401);
  });

  it('exchanges the token for an HttpOnly, SameSite=Strict cookie and a redirect to /', async () => {
    const reply = await send(host.port, { path: `/?token=${host.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['cache-control']).toBe('no-store');
    const setCookie = reply.headers['set-cookie'];
    expect(setCookie).toHaveLength(1);
    setCookieHeader = setCookie![0]!;
    const attributes = setCookieHeader.split(';').map((p) => p.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    cookie = setCookieHeader.split(';')[0]!;
    expect(cookie.startsWith(`continuum-session-${host.port}=`)).toBe(true);
    // The session secret is not the token.
    expect(cookie).not.toContain(host.token);

    const page = await send(host.port, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it('spends the token: a second use without the cookie is refused', async () => {
    const again = await send(host.port, { path: `/?token=${host.token}` });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('lets the browser that holds the cookie open the link again, without a new cookie', async () => {
    const again = await send(host.port, { path: `/?token=${host.token}`, headers: { cookie } });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/');
    expect(again.headers['set-cookie']).toBeUndefined();
  });
});

describe('browser host: Host and Origin', () => {
  it('refuses a foreign Host header (DNS rebinding), even with the cookie', async () => {
    for (const hostHeader of [`evil.example:${host.port}`, 'evil.example', `127.0.0.1:${host.port + 1}`, `127.0.0.2:${host.port}`]) {
      const reply = await send(host.port, { path: '/', headers: { cookie, host: hostHeader } });
      expect(reply.status, hostHeader).toBe(403);
      const post = await api('vault.status', '{}', { host: hostHeader });
      expect(post.status, hostHeader).toBe(403);
    }
  });

  it('accepts localhost:PORT as the Host', async () => {
    const reply = await send(host.port, { path: '/', headers: { cookie, host: `localhost:${host.port}` } });
    expect(reply.status).toBe(200);
  });

  it('refuses an API POST from a foreign Origin, or with none (CSRF)', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${host.port}`, `http://127.0.0.1:${host.port + 1}`, 'null']) {
      const reply = await api('vault.status', '{}', { origin });
      expect(reply.status, origin).toBe(403);
    }
    const none = await send(host.port, {
      method: 'POST',
      path: '/api/vault.status',
      body: '{}',
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(none.status).toBe(403);
    const crossSite = await api('vault.status', '{}', { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await api('vault.status', '{}', { 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
  });

  it('answers the API on POST with application/json only', async () => {
    const get = await send(host.port, { path: '/api/vault.status', headers: { cookie } });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    // A cross-site form can send text/plain without a preflight: refused.
    const form = await api('vault.status', '{}', { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
  });
});

describe('browser host: the API end to end', () => {
  it('answers vault.status, creates the vault and lists patients', async () => {
    const status = json(await api('vault.status', '{}'));
    expect(status.ok).toBe(true);
    expect(status.value?.['state']).toBe('no-vault');

    const created = json(
      await api('vault.create', JSON.stringify({ clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE })),
    );
    expect(created.ok).toBe(true);
    expect(created.value?.['state']).toBe('unlocked');

    const list = await api('patients.list', '{}');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(json(list)).toEqual({ ok: true, value: { patients: [], total: 0 } });
  });

  it('answers invalid JSON with a clear invalid-request error', async () => {
    const reply = await api('vault.status', '{"oops":');
    expect(reply.status).toBe(400);
    expect(json(reply)).toEqual({ ok: false, error: { code: 'invalid-request', message: 'the request body is not valid JSON' } });
  });

  it('answers an unknown method with invalid-request naming it', async () => {
    const reply = json(await api('vault.selfDestruct', '{}'));
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid-request');
    expect(reply.error?.message).toContain('unknown method "vault.selfDestruct"');
    const proto = json(await api('__proto__', '{}'));
    expect(proto.error?.code).toBe('invalid-request');
    const empty = json(await api('', '{}'));
    expect(empty.error?.code).toBe('invalid-request');
  });

  it('answers a malformed method name (bad percent-encoding) with 400', async () => {
    const reply = await api('vault.%E0%A4%A', '{}');
    expect(reply.status).toBe(400);
    expect(json(reply).error?.code).toBe('invalid-request');
  });

  it('answers params that fail the contract with invalid-request naming the field', async () => {
    const wrongType = json(await api('patients.list', JSON.stringify({ limit: 'all' })));
    expect(wrongType.ok).toBe(false);
    expect(wrongType.error?.code).toBe('invalid-request');
    expect(wrongType.error?.message).toMatch(/^patients\.list: limit: /);

    const extra = json(await api('vault.status', JSON.stringify({ sneaky: true })));
    expect(extra.error?.code).toBe('invalid-request');

    const notObject = json(await api('patients.list', '[1,2,3]'));
    expect(notObject.error?.code).toBe('invalid-request');

    const missing = json(await api('chart.open', '{}'));
    expect(missing.error?.code).toBe('invalid-request');
    expect(missing.error?.message).toContain('patientId');
  });

  it('answers a body over the limit with 413', async () => {
    const reply = await api('import.fhirBundle', JSON.stringify({ fileName: 'big.json', content: 'x'.repeat(70 * 1024) }));
    expect(reply.status).toBe(413);
  });

  it('keeps answering after all of that', async () => {
    const status = json(await api('vault.status', '{}'));
    expect(status.ok).toBe(true);
    expect(status.value?.['state']).toBe('unlocked');
    expect(json(await api('vault.lock', '{}')).value?.['state']).toBe('locked');
    const locked = json(await api('patients.list', '{}'));
    expect(locked.error?.code).toBe('locked');
  });
});

describe('browser host: static files', () => {
  it('serves the page with the security headers and never caches it', async () => {
    const reply = await send(host.port, { path: '/index.html', headers: { cookie } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cache-control']).toBe('no-store');
    const asset = await send(host.port, { path: '/assets/app-1234.js', headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    const head = await send(host.port, { method: 'HEAD', path: '/index.html', headers: { cookie } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await send(host.port, { path: '/missing.js', headers: { cookie } })).status).toBe(404);
    expect((await send(host.port, { path: '/assets', headers: { cookie } })).status).toBe(404);
    expect((await send(host.port, { path: '/assets/', headers: { cookie } })).status).toBe(404);
  });

  it('refuses path traversal out of the static folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/....//secret.txt',
      '/%252e%252e/secret.txt',
      '/..%252fsecret.txt',
      '/../static-evil.txt',
      '/..%2fstatic-evil.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
      `/${'..%2f'.repeat(12)}etc%2fpasswd`,
      '//etc/passwd',
    ];
    for (const path of attempts) {
      const reply = await send(host.port, { path, headers: { cookie } });
      expect([400, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toContain(SECRET);
      expect(reply.body, path).not.toContain('root:');
    }
  });

  it('refuses other methods on static paths', async () => {
    const reply = await send(host.port, { method: 'PUT', path: '/index.html', headers: { cookie }, body: 'x' });
    expect(reply.status).toBe(405);
  });
});
