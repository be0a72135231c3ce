import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { CoreClient, CoreOptions } from '../../electron/core/core-client';
import { startCoreWorker } from '../../electron/core/worker-core';
import { buildRenderer, rendererIsStale } from '../../electron/host/browser/renderer-build.mjs';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser/server';

/**
 * What the end-to-end tests share: the built renderer, a browser host over
 * a fresh vault with the core in its worker thread (as `npm start` runs it),
 * Debian's Chromium driven by playwright-core, and screenshots under
 * test-artifacts/. Nothing here waits a fixed time: every step waits for
 * what it needs to see, with limits generous enough for a busy 2-core machine.
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SYNTHEA_DIR = resolve(ROOT, '../shared/data/synthea');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/** How long any one step may take before the test says what it was waiting for. */
export const STEP_MS = 90_000;
/** A clinician's screen. */
export const VIEWPORT = { width: 1440, height: 900 };

export const CLINICIAN = { id: 'ada.okafor', name: 'Dr Ada Okafor' } as const;
export const PASSPHRASE = 'a long clinic passphrase 2024';
/** Test-only scrypt cost: the unlock path is the same, only cheaper. */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 } as const;

/** Why the end-to-end tests cannot run here, or null when they can. */
export function e2eSkipReason({ synthea = true }: { synthea?: boolean } = {}): string | null {
  if (!existsSync(CHROMIUM)) return `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
  if (synthea && !existsSync(SYNTHEA_DIR)) return `the Synthea bundles are missing (${SYNTHEA_DIR})`;
  return null;
}

/** The largest Synthea bundle whose file name starts with `prefix` (or the largest of all). */
export function syntheaBundle(prefix = ''): string {
  const files = readdirSync(SYNTHEA_DIR)
    .filter((f) => f.endsWith('.json') && f.startsWith(prefix))
    .map((f) => join(SYNTHEA_DIR, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!files[0]) throw new Error(`no Synthea bundle named ${prefix}* in ${SYNTHEA_DIR}`);
  return files[0];
}

/**
 * Builds dist/renderer when it is missing or older than its sources. Two test
 * files may ask at once: a lock folder makes the second wait for the first.
 */
export async function ensureRendererBuilt(): Promise<string> {
  const lock = join(ROOT, 'dist', '.renderer-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after 5 minutes.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Gone meanwhile.
      }
      if (Date.now() > deadline) throw new Error('waited 10 minutes for another build of the renderer');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (rendererIsStale(ROOT)) {
      const problem = buildRenderer(ROOT, { quiet: true });
      if (problem) throw new Error(problem);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return join(ROOT, 'dist', 'renderer');
}

export interface RunningHost {
  readonly host: BrowserHost;
  readonly core: CoreClient;
  readonly vaultFile: string;
  close(): Promise<void>;
}

/** The browser host over a fresh vault in a temporary folder; the core in its worker thread. */
export async function startHost(staticDir: string, options: Partial<CoreOptions> = {}): Promise<RunningHost> {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-e2e-'));
  const vaultFile = join(dir, 'clinic.vault');
  const entry = join(ROOT, 'electron/core/core-worker-bootstrap.mjs');
  const core = startCoreWorker({ vaultFile, scrypt: TEST_SCRYPT, ...options }, entry);
  const host = await startBrowserHost({ core, staticDir });
  return {
    host,
    core,
    vaultFile,
    async close() {
      await host.close().catch(() => undefined);
      await core.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: STEP_MS });
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors, for the test to check at the end. */
  readonly problems: string[];
}

/**
 * A fresh browser profile opening a one-time link (host.url, the first one, unless `link` is given).
 * The page exchanges it for its window secret (no cookie); a link works once: a second window needs
 * host.newLink() (openAnotherWindow). A reload keeps the window connected but signed out: sign in
 * again (signIn) after page.reload(). en-US, so that dates read the same on every machine (Settings'
 * default date style follows the browser's language).
 */
export async function openWorkstation(browser: Browser, host: BrowserHost, viewport = VIEWPORT, link = host.url): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-US' });
  context.setDefaultTimeout(STEP_MS);
  context.setDefaultNavigationTimeout(STEP_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(link, { waitUntil: 'domcontentloaded' });
  return { context, page, problems };
}

/** A second window (its own browser profile) on a new one-time link; it starts at the sign-in screen. */
export function openAnotherWindow(browser: Browser, host: BrowserHost, viewport = VIEWPORT): Promise<OpenedPage> {
  return openWorkstation(browser, host, viewport, host.newLink());
}

/** The app as each end-to-end file starts it: the renderer built, host and core on loopback, Chromium on the token link. */
export interface Workstation {
  readonly running: RunningHost;
  readonly browser: Browser;
  readonly opened: OpenedPage;
  close(): Promise<void>;
}

export async function startWorkstation(
  options: { viewport?: { width: number; height: number }; core?: Partial<CoreOptions>; beforeBrowser?: (running: RunningHost) => Promise<void> } = {},
): Promise<Workstation> {
  const running = await startHost(await ensureRendererBuilt(), options.core);
  let browser: Browser | undefined;
  try {
    await options.beforeBrowser?.(running);
    browser = await launchChromium();
    const opened = await openWorkstation(browser, running.host, options.viewport);
    const started = browser;
    return {
      running,
      browser,
      opened,
      async close() {
        await opened.context.close().catch(() => undefined);
        await started.close().catch(() => undefined);
        await running.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await running.close();
    throw error;
  }
}

/** Saves a full-window screenshot as test-artifacts/<group>/<name>.png and answers its path. */
export async function screenshot(page: Page, group: string, name: string, target?: Locator): Promise<string> {
  const dir = join(ARTIFACTS, group);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  if (target) await target.screenshot({ path, animations: 'disabled' });
  else await page.screenshot({ path, animations: 'disabled' });
  return path;
}

/** Fills the first-run form and waits for the workspace. */
export async function createVault(page: Page): Promise<void> {
  await page.getByRole('heading', { name: "Create the clinic's vault" }).waitFor();
  await page.getByLabel('Your name').fill(CLINICIAN.name);
  await page.getByLabel('Sign-in name').fill(CLINICIAN.id);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** Signs in on the unlock screen (the clinician is preselected when alone) and waits for the workspace. */
export async function signIn(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/**
 * Counts pixels of a canvas close to a colour: (r, g, b, alpha 0-255) within
 * `tolerance` each. uPlot draws on a transparent canvas, so a translucent
 * fill reads back as its own colour with its own alpha.
 */
export async function countCanvasPixels(
  canvas: Locator,
  rgba: readonly [number, number, number, number],
  tolerance = 6,
): Promise<number> {
  return canvas.evaluate(
    (el, [r, g, b, a, tol]) => {
      const c = el as HTMLCanvasElement;
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i]! - r!) <= tol! &&
          Math.abs(data[i + 1]! - g!) <= tol! &&
          Math.abs(data[i + 2]! - b!) <= tol! &&
          Math.abs(data[i + 3]! - a!) <= tol!
        ) {
          n++;
        }
      }
      return n;
    },
    [rgba[0], rgba[1], rgba[2], rgba[3], tolerance] as const,
  );
}

/** How many distinct colours a canvas shows (a blank one shows one or two). */
export async function canvasColourCount(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 16) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
}

/** The chart's sections, as its navigation names them (renderer/shell/navigation.ts). */
export type ChartSectionId = 'summary' | 'results' | 'imaging' | 'documents' | 'notes' | 'history';

/** Shows a section of the open chart (its panels mount the first time) and waits for it to be the selected one. */
export async function showSection(page: Page, section: ChartSectionId): Promise<void> {
  const tab = page.getByTestId(`section-${section}`);
  await tab.click();
  await page.waitForFunction((id) => document.querySelector(`[data-testid="section-${id}"]`)?.getAttribute('aria-selected') === 'true', section);
}

/** Opens a patient's chart from the list (searching by name first) and waits for its header. */
export async function openPatient(page: Page, name: string): Promise<void> {
  await page.getByLabel('Search patients').fill(name);
  await page.getByTestId('patient-row').filter({ hasText: name }).first().click();
  await page.getByTestId('chart-name').filter({ hasText: name }).waitFor();
}

/**
 * A scanned page that names another patient than the chart's is held back with the two side by side
 * (test/e2e/wrong-chart.e2e.test.ts shows it): the clinician confirms and files it anyway.
 */
export async function fileHeldScanAnyway(page: Page): Promise<void> {
  const prompt = page.getByTestId('ocr-identity-prompt');
  await prompt.waitFor({ timeout: 3 * STEP_MS });
  await prompt.getByTestId('identity-confirm').check();
  await prompt.getByTestId('identity-file-anyway').click();
  await prompt.waitFor({ state: 'detached' });
}

/** A call to the running core, straight (set-up and checks beside the browser): its value, or an error naming the method. */
export async function invokeCore<T = unknown>(running: RunningHost, method: string, params: unknown): Promise<T> {
  const answer = await running.core.invoke(method as never, params as never);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as T;
}
