import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeHub } from '../helpers/fake-hub';
import { STORIES_FILE, STORIES_ID, STORIES_REPO, storiesBytes, writeTestCatalogue } from '../helpers/test-catalogue';
import { createVault, e2eSkipReason, screenshot, startWorkstation, STEP_MS, type Workstation } from './support';

/**
 * A model downloaded from the catalogue in the model manager (Chromium):
 * a test catalogue of one model, stories260K, served by a local server
 * that answers as the Hugging Face hub does (test/helpers/fake-hub.ts).
 * Download, Pause (the bar stays, Resume offered), Resume, and the model
 * installed and in use once its SHA-256 matched; then offline says so in
 * one line. Screenshots: test-artifacts/model-download/.
 */
const skip = e2eSkipReason({ synthea: false });
if (skip) console.warn(`[e2e] model-download skipped: ${skip}`);

const GROUP = 'model-download';
const TEST_MS = 4 * 60_000;
const SETUP_MS = 10 * 60_000;
const KEYS = ['CONTINUUM_MODELS', 'CONTINUUM_MODEL_HUB', 'CONTINUUM_MODEL_CATALOGUE'] as const;

describe.skipIf(skip !== null)(`downloading a model from the catalogue (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let dir: string;
  let hub: FakeHub;
  let workstation: Workstation;
  let page: Page;
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'continuum e2e download '));
    hub = new FakeHub();
    hub.put(STORIES_REPO, STORIES_FILE, storiesBytes());
    process.env['CONTINUUM_MODELS'] = join(dir, 'models');
    process.env['CONTINUUM_MODEL_HUB'] = await hub.start();
    process.env['CONTINUUM_MODEL_CATALOGUE'] = writeTestCatalogue(dir);
    workstation = await startWorkstation();
    page = workstation.opened.page;
  }, SETUP_MS);

  afterAll(async () => {
    await workstation?.close();
    await hub?.close();
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads stories260K from the catalogue, pauses and resumes it, and it is installed and in use once verified', async () => {
    await createVault(page);
    await page.getByTestId('model-button').click();
    const manager = page.getByTestId('model-manager');
    await manager.getByTestId('add-from-folder').waitFor();
    const row = page.locator(`[data-testid="catalogue-row"][data-id="${STORIES_ID}"]`);
    await row.waitFor({ timeout: STEP_MS });
    expect(await row.innerText()).toMatch(/Stories 260K\s+F32[\s\S]*tokens\/s[\s\S]*MIT[\s\S]*Fits/);
    await screenshot(page, GROUP, '01-catalogue', manager);

    // The hub holds the body halfway: the bar shows, Pause keeps what came.
    hub.holdAt = 512 * 1024;
    const held = hub.whenHeld();
    await row.getByRole('button', { name: /^Download / }).click();
    await held;
    await row.locator('[data-testid="catalogue-download"][data-state="running"]').waitFor();
    await row.getByRole('button', { name: 'Pause' }).click();
    await row.locator('[data-testid="catalogue-download"][data-state="paused"]').waitFor();
    expect(await row.innerText()).toMatch(/Paused at/);
    await screenshot(page, GROUP, '02-paused', manager);
    hub.release();

    await row.getByRole('button', { name: 'Resume' }).click();
    await row.getByText('Installed').waitFor({ timeout: STEP_MS });
    const installed = page.locator(`[data-testid="model-row"][data-folder="${STORIES_ID}"][data-status="active"]`);
    await installed.waitFor({ timeout: STEP_MS });
    expect(await installed.innerText()).toMatch(/Stories 260K \(F32\)/);
    // The resume asked for the rest only.
    expect(hub.requests.some((r) => r.status === 206)).toBe(true);
    await screenshot(page, GROUP, '03-installed', manager);
    expect(workstation.opened.problems).toEqual([]);
  }, TEST_MS);

  it('offline, says so in one line instead of offering downloads', async () => {
    await hub.close(); // the hub is gone: its port answers nothing
    const manager = page.getByTestId('model-manager');
    await manager.getByRole('button', { name: 'Close' }).first().click();
    await page.getByTestId('model-button').click();
    const offline = page.getByTestId('catalogue-offline');
    await offline.waitFor({ timeout: STEP_MS });
    expect(await offline.innerText()).toMatch(/^Offline: .* cannot be reached from this computer\. Add a model from a folder or USB drive instead\./);
    expect(await page.getByTestId('catalogue-row').count()).toBe(0);
    await screenshot(page, GROUP, '04-offline', page.getByTestId('model-manager'));
  }, TEST_MS);
});
