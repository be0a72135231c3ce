import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { DEFAULT_TIMING } from '../../../electron/host/browser/host-sessions';
import { CONTENT_SECURITY_POLICY, startBrowserHost, type BrowserHost } from '../../../electron/host/browser/server';
import { HostWindow, linkToken, send, type Reply } from '../../helpers/host-client';
import { PASSPHRASE, TEST_SCRYPT } from '../../helpers/temp-vault';

/**
 * The browser host over real HTTP on 127.0.0.1: the one-time link and the
 * window's session secret (no cookie), its levels and rotation, the Host
 * and Origin checks, the body limits, the API end to end through the
 * in-process core, and the static files. The host's clock is the test's.
 */

let dir: string;
let core: CoreClient;
let host: BrowserHost;
let clock = Date.now();
/** The window the tests sign in with. */
let win: HostWindow;

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
  core = createInProcessCore({ vaultFile: join(dir, 'vault', 'clinic.vault'), scrypt: TEST_SCRYPT }, null, () => clock);
  host = await startBrowserHost({ core, staticDir, maxBodyBytes: 64 * 1024, now: () => clock });
});

afterAll(async () => {
  await host?.close();
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function api(method: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return win.post(method, body, headers);
}

function json(reply: Reply): { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } } {
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(reply.text) as ReturnType<typeof json>;
}

function exchange(token: string, headers: Record<string, string> = {}): Promise<Reply> {
  return send(host.port, {
    method: 'POST',
    path: '/session/exchange',
    body: JSON.stringify({ token }),
    headers: { origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json', ...headers },
  });
}

describe('browser host: listening', () => {
  it('prints a 127.0.0.1 link whose long random token is in the fragment (never sent in a request line)', () => {
    const url = new URL(host.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBe(host.port);
    expect(url.search).toBe('');
    expect(linkToken(host.url)).toBe(host.token);
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

describe('browser host: the one-time link and the window secret', () => {
  it('refuses every API call without a valid secret (401, no details), and never sets a cookie', async () => {
    const headers = { origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json' };
    for (const extra of [{}, { 'continuum-session': 'made-up' }, { 'continuum-session': host.token }, { cookie: `continuum-session-${host.port}=${host.token}` }] as Array<Record<string, string>>) {
      const reply = await send(host.port, { method: 'POST', path: '/api/vault.status', body: '{}', headers: { ...headers, ...extra } });
      expect(reply.status, JSON.stringify(extra)).toBe(401);
      expect(reply.text).not.toContain('vault');
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a wrong token', async () => {
    for (const token of ['not-the-token', `${host.token}x`, '']) {
      const reply = await exchange(token);
      expect(reply.status, token).toBe(401);
      expect(JSON.parse(reply.text)).toEqual({ error: 'link-unknown' });
      expect(reply.headers['continuum-session']).toBeUndefined();
    }
  });

  it('exchanges the token once for a secret in a response header, never a cookie', async () => {
    const reply = await exchange(host.token);
    expect(reply.status).toBe(200);
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.headers['cache-control']).toBe('no-store');
    // Its generation, then 32 random bytes: the page keeps the newest it has seen.
    expect(String(reply.headers['continuum-session'])).toMatch(/^1\.[A-Za-z0-9_-]{43}$/);
    expect(reply.headers['continuum-session']).not.toBe(host.token);
    win = await HostWindow.open(host.port, host.newLink());
    expect((await win.call('vault.status')).ok).toBe(true);
  });

  it('spends the token: a second use is refused, saying it was used', async () => {
    const again = await exchange(host.token);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.text)).toEqual({ error: 'link-spent' });
  });

  it('lets a link expire unused, and says so', async () => {
    const link = host.newLink();
    clock += DEFAULT_TIMING.linkTtlMs + 1000;
    const reply = await exchange(linkToken(link));
    expect(JSON.parse(reply.text)).toEqual({ error: 'link-expired' });
  });

  it('takes the exchange only from our own page (Origin, JSON)', async () => {
    const link = linkToken(host.newLink());
    expect((await exchange(link, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await exchange(link, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await exchange(link)).status).toBe(200);
  });

  it('gives a new link to a local program holding the host file\'s key, never to a page', async () => {
    const ask = (headers: Record<string, string>) => send(host.port, { method: 'POST', path: '/session/link', body: '', headers: { 'content-type': 'application/json', ...headers } });
    expect((await ask({})).status).toBe(403);
    expect((await ask({ 'continuum-link-key': 'guess' })).status).toBe(403);
    expect((await ask({ 'continuum-link-key': host.linkKey, origin: `http://127.0.0.1:${host.port}` })).status).toBe(403);
    const reply = await ask({ 'continuum-link-key': host.linkKey });
    expect(reply.status).toBe(200);
    const url = (JSON.parse(reply.text) as { url: string }).url;
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{43}$`));
    await HostWindow.open(host.port, url);
  });
});

describe('browser host: Host and Origin', () => {
  it('refuses a foreign Host header (DNS rebinding), even with a valid secret', async () => {
    for (const hostHeader of [`evil.example:${host.port}`, 'evil.example', `127.0.0.1:${host.port + 1}`, `127.0.0.2:${host.port}`]) {
      const reply = await send(host.port, { path: '/', headers: { host: hostHeader } });
      expect(reply.status, hostHeader).toBe(403);
      const post = await api('vault.status', '{}', { host: hostHeader });
      expect(post.status, hostHeader).toBe(403);
    }
  });

  it('accepts localhost:PORT as the Host', async () => {
    const reply = await send(host.port, { path: '/', headers: { host: `localhost:${host.port}` } });
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
      headers: { 'continuum-session': win.secret, 'content-type': 'application/json' },
    });
    expect(none.status).toBe(403);
    const crossSite = await api('vault.status', '{}', { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await api('vault.status', '{}', { 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
  });

  it('answers the API on POST with application/json only', async () => {
    const get = await send(host.port, { path: '/api/vault.status', headers: { 'continuum-session': win.secret } });
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

    const before = win.secret;
    const created = json(
      await api('vault.create', JSON.stringify({ clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE })),
    );
    expect(created.ok).toBe(true);
    expect(created.value?.['state']).toBe('unlocked');
    // Signing in gave this window a new secret, of a later generation.
    expect(win.secret).not.toBe(before);
    expect(Number(win.secret.split('.')[0])).toBeGreaterThan(Number(before.split('.')[0]));

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

  it('answers a body over the limit with 413 before reading it, and one without a length with 411', async () => {
    const reply = await api('import.fhirBundle', JSON.stringify({ fileName: 'big.json', content: 'x'.repeat(70 * 1024) }));
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    const chunked = await send(host.port, {
      method: 'POST',
      path: '/api/patients.list',
      body: '{}',
      headers: { 'continuum-session': win.secret, origin: win.origin, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    expect(chunked.status).toBe(411);
  });

  it('keeps answering after all of that', async () => {
    const status = json(await api('vault.status', '{}'));
    expect(status.ok).toBe(true);
    expect(status.value?.['state']).toBe('unlocked');
  });
});

describe('browser host: a window reads records only after signing in itself', () => {
  it('a new window sees the vault locked, even while another has it open, and reads nothing', async () => {
    const other = await HostWindow.open(host.port, host.newLink());
    const status = await other.value('vault.status');
    expect(status['state']).toBe('locked');
    expect(status['currentClinician']).toBeNull();
    const list = await other.call('patients.list', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'locked' } });
    // Its lock cannot end the other window's work.
    expect((await other.value('vault.lock'))['state']).toBe('locked');
    expect((await win.value('vault.status'))['state']).toBe('unlocked');
  });

  it('signing in elsewhere drops this window to the sign-in level; signing in again here restores it', async () => {
    const other = await HostWindow.open(host.port, host.newLink());
    await other.signIn('dr.ada', PASSPHRASE);
    expect((await other.call('patients.list', {})).ok).toBe(true);
    expect(await win.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    await win.signIn('dr.ada', PASSPHRASE);
    expect((await win.call('patients.list', {})).ok).toBe(true);
    expect(await other.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('a secret taken before a lock reads nothing after it, nor after the next sign-in', async () => {
    const stolen = win.secret;
    const replay = () => send(host.port, { method: 'POST', path: '/api/patients.list', body: '{}', headers: { 'continuum-session': stolen, origin: win.origin, 'content-type': 'application/json' } });
    expect((await replay()).status).toBe(200);
    expect((await win.value('vault.lock'))['state']).toBe('locked');
    expect(win.secret).not.toBe(stolen);
    const readsNothing = (reply: Reply) => reply.status === 401 || (JSON.parse(reply.text) as { error?: { code: string } }).error?.code === 'locked';
    // A moment after the lock it still answers (requests under way), but only as a window that has not signed in.
    expect(readsNothing(await replay())).toBe(true);
    await win.signIn('dr.ada', PASSPHRASE);
    expect((await win.call('patients.list', {})).ok).toBe(true);
    expect(readsNothing(await replay())).toBe(true);
    clock += DEFAULT_TIMING.graceMs + 1000;
    expect((await replay()).status).toBe(401);
  });

  it('rotates a secret in use every few minutes; the old one answers a moment longer, then never', async () => {
    const old = win.secret;
    clock += DEFAULT_TIMING.rotateAfterMs + 1000;
    expect((await win.call('patients.list', {})).ok).toBe(true);
    expect(win.secret).not.toBe(old);
    const withOld = () => send(host.port, { method: 'POST', path: '/api/patients.list', body: '{}', headers: { 'continuum-session': old, origin: win.origin, 'content-type': 'application/json' } });
    expect((await withOld()).status).toBe(200);
    clock += DEFAULT_TIMING.graceMs + 1000;
    expect((await withOld()).status).toBe(401);
    expect((await win.call('patients.list', {})).ok).toBe(true);
  });

  it('an unlocked secret left unused too long only signs in again; the keep-alive refresh prevents that', async () => {
    await win.refresh();
    clock += DEFAULT_TIMING.unlockedTtlMs - 60_000;
    await win.refresh();
    clock += DEFAULT_TIMING.unlockedTtlMs - 60_000;
    expect((await win.call('patients.list', {})).ok).toBe(true);
    clock += DEFAULT_TIMING.unlockedTtlMs + 1000;
    expect(await win.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    await win.signIn('dr.ada', PASSPHRASE);
    expect((await win.call('patients.list', {})).ok).toBe(true);
  });

  it('ends with the vault locked', async () => {
    expect((await win.value('vault.lock'))['state']).toBe('locked');
    expect(await win.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});

describe('browser host: static files', () => {
  it('serves the built renderer (no patient data) without a secret, with the security headers, never caching the page', async () => {
    const reply = await send(host.port, { path: '/index.html', headers: {} });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cache-control']).toBe('no-store');
    const asset = await send(host.port, { path: '/assets/app-1234.js', headers: {} });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    const head = await send(host.port, { method: 'HEAD', path: '/index.html', headers: {} });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await send(host.port, { path: '/missing.js', headers: {} })).status).toBe(404);
    expect((await send(host.port, { path: '/assets', headers: {} })).status).toBe(404);
    expect((await send(host.port, { path: '/assets/', headers: {} })).status).toBe(404);
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
      const reply = await send(host.port, { path, headers: {} });
      expect([400, 404], path).toContain(reply.status);
      expect(reply.text, path).not.toContain(SECRET);
      expect(reply.text, path).not.toContain('root:');
    }
  });

  it('refuses other methods on static paths', async () => {
    const reply = await send(host.port, { method: 'PUT', path: '/index.html', headers: {}, body: 'x' });
    expect(reply.status).toBe(405);
  });
});
