import { describe, expect, it, vi } from 'vitest';
import { HostSession, hostProblemMessage, type PageEnv } from '../../../renderer/api/host-session';

/**
 * The page's side of the browser host's session: the link's token leaves
 * the address and is exchanged once; the secret lives in memory; a reload
 * hands it to the tab's sessionStorage (the host told to let it only sign
 * in again) and the next page takes it, deletes it and asks for a new one.
 */

function fakeEnv(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const pageHide: Array<() => void> = [];
  const timers: Array<() => void> = [];
  const replaced: string[] = [];
  const hashChange: Array<() => void> = [];
  let reloads = 0;
  const env: PageEnv = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_d, _u, url) => void replaced.push(String(url)) },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    onPageHide: (listener) => void pageHide.push(listener),
    onHashChange: (listener) => void hashChange.push(listener),
    reload: () => void (reloads += 1),
    every: (_ms, fn) => void timers.push(fn),
  };
  return { env, storage, pageHide, timers, replaced, hashChange, reloads: () => reloads };
}

interface Sent {
  readonly path: string;
  readonly secret: string | undefined;
  readonly body: string;
  readonly keepalive: boolean;
}

function fakeHost(answer: (path: string, body: string) => Response) {
  const sent: Sent[] = [];
  const fetchFn = vi.fn(async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({ path: url, secret: headers['continuum-session'], body: String(init.body), keepalive: Boolean(init.keepalive) });
    return answer(url, String(init.body));
  });
  return { fetchFn: fetchFn as unknown as typeof fetch, sent };
}

const withSecret = (secret: string, status = 200) => new Response('{}', { status, headers: { 'continuum-session': secret } });

describe('the page keeps its window secret in memory', () => {
  it('takes the token out of the address, exchanges it once, and sends the secret it got', async () => {
    const page = fakeEnv('#token=abc_123');
    const host = fakeHost(() => withSecret('1.s'));
    const session = new HostSession(host.fetchFn, '', page.env);
    await session.ready();
    await session.ready();
    expect(page.replaced).toEqual(['/']);
    expect(host.sent).toEqual([{ path: '/session/exchange', secret: undefined, body: '{"token":"abc_123"}', keepalive: false }]);
    expect(session.header()).toEqual({ 'continuum-session': '1.s' });
    expect(page.storage.size).toBe(0);
  });

  it('says how to get a new link when the link was used, expired or never printed, or when there is none', async () => {
    for (const reason of ['link-spent', 'link-expired', 'link-unknown'] as const) {
      const host = fakeHost(() => new Response(JSON.stringify({ error: reason }), { status: 401 }));
      const session = new HostSession(host.fetchFn, '', fakeEnv('#token=used').env);
      await session.ready();
      expect(session.header()).toBeNull();
      expect(session.problemMessage).toBe(hostProblemMessage(reason));
    }
    expect(hostProblemMessage('link-spent')).toMatch(/already been used.*press Enter in the terminal.*continuum link/);
    const none = new HostSession(fakeHost(() => withSecret('x')).fetchFn, '', fakeEnv('').env);
    await none.ready();
    expect(none.header()).toBeNull();
    expect(none.problemMessage).toMatch(/^This window is not connected to Continuum\. .*continuum link/);
  });

  it('refreshes its secret on the keep-alive, and forgets it when the host no longer knows it', async () => {
    const page = fakeEnv('#token=t');
    let next = 1;
    let known = true;
    const host = fakeHost((path) => (path === '/session/refresh' && !known ? new Response('', { status: 401 }) : withSecret(`${next++}.s`)));
    const session = new HostSession(host.fetchFn, '', page.env);
    await session.ready();
    expect(page.timers).toHaveLength(1);
    page.timers[0]!();
    await vi.waitFor(() => expect(session.header()).toEqual({ 'continuum-session': '2.s' }));
    expect(host.sent[1]).toMatchObject({ path: '/session/refresh', secret: '1.s' });
    known = false;
    page.timers[0]!();
    await vi.waitFor(() => expect(session.header()).toBeNull());
    expect(session.problemMessage).toBe(hostProblemMessage('ended'));
  });

  it('hands the secret over a reload: suspended at the host, kept in the tab, taken back and replaced by the next page', async () => {
    const first = fakeEnv('#token=t');
    const host = fakeHost((path) => withSecret(path === '/session/exchange' ? '1.s' : '2.s'));
    const before = new HostSession(host.fetchFn, '', first.env);
    await before.ready();
    first.pageHide[0]!();
    expect(host.sent[1]).toMatchObject({ path: '/session/suspend', secret: '1.s', keepalive: true });
    expect([...first.storage.values()]).toEqual(['1.s']);

    const second = fakeEnv('', Object.fromEntries(first.storage));
    const after = new HostSession(host.fetchFn, '', second.env);
    await after.ready();
    expect(second.storage.size).toBe(0);
    expect(host.sent[2]).toMatchObject({ path: '/session/refresh', secret: '1.s' });
    expect(after.header()).toEqual({ 'continuum-session': '2.s' });
  });

  it('starts over when a new link is pasted into the address bar of a tab that shows "not connected"', async () => {
    const page = fakeEnv('#token=used');
    const session = new HostSession(fakeHost(() => new Response(JSON.stringify({ error: 'link-spent' }), { status: 401 })).fetchFn, '', page.env);
    await session.ready();
    (page.env.location as { hash: string }).hash = '#token=fresh';
    page.hashChange[0]!();
    expect(page.reloads()).toBe(1);
    (page.env.location as { hash: string }).hash = '#somewhere';
    page.hashChange[0]!();
    expect(page.reloads()).toBe(1);
  });

  it('a handed-over secret the host no longer knows leaves the window unconnected, saying so', async () => {
    const page = fakeEnv('', { 'continuum-window': 'old' });
    const session = new HostSession(fakeHost(() => new Response('', { status: 401 })).fetchFn, '', page.env);
    await session.ready();
    expect(session.header()).toBeNull();
    expect(session.problemMessage).toBe(hostProblemMessage('ended'));
    expect(page.storage.size).toBe(0);
  });
});
