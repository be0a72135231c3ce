import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addModel, startModelWorker } from '../../electron/model';
import { createVault, e2eSkipReason, type OpenedPage, ROOT, screenshot, showSection, startWorkstation, STEP_MS, type Workstation } from './support';

/**
 * A GGUF file in the model manager (Chromium): Karpathy's stories260K, real
 * trained weights run by llama.cpp (../shared/models, MIT), dropped into the
 * models folder as a lone .gguf file, added in the manager (it gets a folder
 * and becomes the assistant's model), then a chat turn that streams and is
 * stopped. A base model that tells children's stories: the words are not
 * clinical, and the UI must still be clear. Screenshots: test-artifacts/gguf-model/.
 */
const STORIES = resolve(ROOT, '../shared/models/stories260K/stories260K.gguf');
const skip = e2eSkipReason({ synthea: false });
if (skip) console.warn(`[e2e] gguf-model skipped: ${skip}`);

const GROUP = 'gguf-model';
const TEST_MS = 4 * 60_000;
const SETUP_MS = 10 * 60_000;
const PATIENT = join(ROOT, 'test/fixtures/fhir/zoe-angstrom.json');

describe.skipIf(skip !== null)(`a GGUF model in the model manager and the chat (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let models: string;
  let workstation: Workstation;
  let opened: OpenedPage;
  let page: Page;
  const saved = process.env['CONTINUUM_MODELS'];

  beforeAll(async () => {
    models = mkdtempSync(join(tmpdir(), 'continuum-e2e-gguf-'));
    copyFileSync(STORIES, join(models, 'stories260K.gguf'));
    process.env['CONTINUUM_MODELS'] = models;
    workstation = await startWorkstation();
    ({ opened } = workstation);
    page = opened.page;
  }, SETUP_MS);

  afterAll(async () => {
    await workstation?.close();
    if (saved === undefined) delete process.env['CONTINUUM_MODELS'];
    else process.env['CONTINUUM_MODELS'] = saved;
    rmSync(models, { recursive: true, force: true });
  });

  let broken = false;
  afterEach((context) => {
    if (context.task.result?.state === 'fail') broken = true;
  });
  beforeEach((context) => {
    if (broken) context.skip();
  });

  it('offers the .gguf file, adds it in its own folder and makes it the assistant', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([PATIENT]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 4 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('patient-row').first().click();
    await page.getByTestId('brief-counts').waitFor();
    await page.getByTestId('model-button').click();
    const file = page.locator('[data-testid="model-row"][data-folder="stories260K.gguf"]');
    await file.waitFor();
    expect(await file.getAttribute('data-status')).toBe('not-added');
    await screenshot(page, GROUP, '01-gguf-offered', page.getByTestId('model-manager'));
    await file.getByRole('button', { name: /^Add / }).click();
    const added = page.locator('[data-testid="model-row"][data-folder="stories260K"][data-status="active"]');
    await added.waitFor({ timeout: STEP_MS });
    expect(await added.innerText()).toMatch(/F32/);
    await screenshot(page, GROUP, '02-gguf-active', page.getByTestId('model-manager'));
    await page.getByTestId('model-manager').getByRole('button', { name: 'Close' }).click();
    // The chat sits in the chart's "Visit note" section.
    await showSection(page, 'notes');
    await page.waitForFunction(() => document.querySelector('[data-testid="chat-model"]')?.textContent?.startsWith('Assistant:'));
  }, TEST_MS);

  it('says in one line why a turn cannot run in its 2k context, and runs once more context is recorded', async () => {
    await page.getByLabel('Message to the assistant').fill('Once upon a time');
    await page.getByRole('button', { name: 'Send' }).click();
    const notice = page.locator('.chat-notice').filter({ hasText: /beyond the model's context of 2048/ });
    await notice.waitFor({ timeout: STEP_MS });
    await screenshot(page, GROUP, '03-context-too-small', page.getByTestId('chat'));
    // The administrator records a larger context (continuum model add --again --context 8192), then uses it again.
    const dir = join(models, 'stories260K');
    await addModel(dir, { again: true, contextLength: 8192, check: async (d) => (await startModelWorker(d, { threads: 1 })).close() });
    await page.getByTestId('model-button').click();
    const row = page.locator('[data-testid="model-row"][data-folder="stories260K"]');
    await row.getByRole('button', { name: 'Stop using' }).click();
    await row.getByRole('button', { name: /^Use / }).click();
    await page.locator('[data-testid="model-row"][data-folder="stories260K"][data-status="active"]').waitFor({ timeout: STEP_MS });
    expect(await row.innerText()).toMatch(/8k tokens/);
    await page.getByTestId('model-manager').getByRole('button', { name: 'Close' }).click();
  }, TEST_MS);

  it('streams its answer in the chat, and Stop ends the turn at once', async () => {
    const input = page.getByLabel('Message to the assistant');
    await input.fill('Once upon a time');
    await page.getByRole('button', { name: 'Send' }).click();
    // Stop shows while the model writes: press it as soon as it does.
    await page.getByRole('button', { name: 'Stop' }).click({ timeout: STEP_MS });
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: STEP_MS });
    await page.getByTestId('chat-turn').first().waitFor();
    await screenshot(page, GROUP, '03-stopped', page.getByTestId('chat'));
    // A second turn runs to its end: the model is free again after the Stop.
    await input.fill('Lily had a red ball');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 4 * STEP_MS });
    expect((await page.getByTestId('chat-reply').count()) + (await page.locator('.chat-notice').count())).toBeGreaterThan(0);
    await page.getByTestId('chat').scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '04-answered', page.getByTestId('chat'));
  }, TEST_MS);
});
