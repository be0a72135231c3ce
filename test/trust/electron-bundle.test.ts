import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/security';
import { ARTIFACTS, ROOT, writeTrustResult } from './support';

/**
 * The packaged window loads nothing from file://. The Electron bundles are
 * built for real (scripts/build-electron.mjs) and the built main.cjs and
 * preload.cjs run against a recording stand-in for Electron
 * (electron-stand-in.cjs): the window must load app://continuum/index.html,
 * served by our protocol handler from the built renderer only; file: URLs
 * must be cancelled and file: navigations prevented; and neither bundle may
 * call loadFile or allow file: URLs in its text.
 */
interface StandIn {
  schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  protocols: string[];
  windows: Array<{ loadURL: string[]; loadFile: string[] }>;
  answers: Record<string, { status: number; csp: string | null; body: string } | null>;
  requests: Record<string, string>;
  navigations: Record<string, string>;
  exposed: Array<{ key: string; methods: string[] }>;
}

const SECRET = 'OUTSIDE-THE-RENDERER-FOLDER';
let base: string;
let result: StandIn;
let bundles: Record<string, string>;

beforeAll(() => {
  // Inside the checkout, so that the bundles' external packages (SQLite...) resolve as in an app.
  mkdirSync(ARTIFACTS, { recursive: true });
  base = mkdtempSync(join(ARTIFACTS, 'electron-bundle-'));
  const bundleDir = join(base, 'dist-electron');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-electron.mjs'), bundleDir], { cwd: ROOT, stdio: 'pipe' });
  const renderer = join(base, 'dist', 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(base, 'dist', 'secret.txt'), SECRET);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  const userData = mkdtempSync(join(tmpdir(), 'continuum-stand-in-'));
  const out = execFileSync(process.execPath, [join(__dirname, 'electron-stand-in.cjs'), bundleDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTINUUM_VAULT: join(userData, 'clinic.vault'), CONTINUUM_STAND_IN_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  rmSync(userData, { recursive: true, force: true });
  result = JSON.parse(out.trim().split('\n').pop()!) as StandIn;
  bundles = { 'main.cjs': readFileSync(join(bundleDir, 'main.cjs'), 'utf8'), 'preload.cjs': readFileSync(join(bundleDir, 'preload.cjs'), 'utf8') };
}, 300_000);

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

/** Ways a bundle's text could load or allow file: (esbuild keeps these names and strings). */
const FILE_PATTERNS = [/\.loadFile\(/g, /startsWith\(\s*["'`]file:/g, /registerFileProtocol|interceptFileProtocol/g, /handle\(\s*["'`]file["'`]/g];

function fileLoadsFound(): string[] {
  const found: string[] = [];
  for (const w of result.windows) {
    for (const file of w.loadFile) found.push(`window.loadFile(${file})`);
    for (const url of w.loadURL) if (!url.startsWith('app://continuum/')) found.push(`window.loadURL(${url})`);
  }
  for (const [url, verdict] of Object.entries(result.requests)) if (url.startsWith('file:') && verdict !== 'cancelled') found.push(`request ${url} ${verdict}`);
  for (const [url, verdict] of Object.entries(result.navigations)) if (url.startsWith('file:') && verdict !== 'prevented') found.push(`navigation to ${url} ${verdict}`);
  for (const [url, answer] of Object.entries(result.answers)) if (answer?.body.includes(SECRET)) found.push(`${url} served a file outside the renderer`);
  for (const [name, text] of Object.entries(bundles)) {
    for (const pattern of FILE_PATTERNS) for (const m of text.matchAll(pattern)) found.push(`${name}: ${m[0]}`);
  }
  return found;
}

describe('the packaged app loads from app://, never from file:// (built main and preload bundles)', () => {
  it('opens one window on app://continuum/index.html, with app:// registered as a standard, secure scheme', () => {
    expect(result.windows).toEqual([{ loadURL: ['app://continuum/index.html'], loadFile: [] }]);
    expect(result.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(result.protocols).toEqual(['app']);
  });

  it("serves the built renderer with the CSP, and nothing outside it", () => {
    expect(result.answers['app://continuum/index.html']).toMatchObject({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(result.answers['app://continuum/']).toMatchObject({ status: 200 });
    expect(result.answers['app://continuum/assets/app.js']).toMatchObject({ status: 200 });
    for (const url of ['app://continuum/..%2fsecret.txt', 'app://continuum/assets/..%5c..%5csecret.txt', 'app://other/index.html', 'app://continuum/%2e%2e/%2e%2e/secret.txt']) {
      expect(result.answers[url]?.status, url).toBe(404);
    }
  });

  it('cancels file: requests and prevents file: navigations', () => {
    for (const [url, verdict] of Object.entries(result.requests)) expect(verdict, url).toBe(url.startsWith('app://continuum/') ? 'allowed' : 'cancelled');
    for (const [url, verdict] of Object.entries(result.navigations)) expect(verdict, url).toBe(url.startsWith('app://continuum/') ? 'allowed' : 'prevented');
  });

  it('the preload still exposes only window.continuum.invoke', () => {
    expect(result.exposed).toEqual([{ key: 'continuum', methods: ['invoke'] }]);
  });

  it('counts the file: loads found: none', () => {
    const found = fileLoadsFound();
    writeTrustResult('electron-file-loads', { fileLoads: found.length, found });
    expect(found).toEqual([]);
  });
});
