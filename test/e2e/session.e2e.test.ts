import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateModelFolder } from '../../scripts/models/model-folder';
import {
  createVault,
  e2eSkipReason,
  type OpenedPage,
  ROOT,
  screenshot,
  startWorkstation,
  STEP_MS,
  type Workstation,
} from './support';

/**
 * A follow-up session in Chromium with the generated tiny model (random
 * weights: it writes gibberish, and the UI must still be clear): the model
 * manager, no-model mode, selecting the model, a streamed chat turn with the
 * verifier's verdicts and the safety review, the assessment-and-plan note
 * proposed, each sign-off item chosen, one signature writing them together,
 * and the note seen on the timeline. Screenshots go to
 * test-artifacts/session/. Every step waits for what it needs to see.
 */
const skip = e2eSkipReason({ synthea: false });
if (skip) console.warn(`[e2e] session skipped: ${skip}`);

const GROUP = 'session';
const TEST_MS = 6 * 60_000;
const SETUP_MS = 10 * 60_000;
const PATIENT = join(ROOT, 'test/fixtures/fhir/zoe-angstrom.json');

describe.skipIf(skip !== null)(`a follow-up session with the local model (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let models: string;
  let workstation: Workstation;
  let opened: OpenedPage;
  let page: Page;
  const saved = process.env['CONTINUUM_MODELS'];

  beforeAll(async () => {
    models = mkdtempSync(join(tmpdir(), 'continuum-e2e-models-'));
    await generateModelFolder({ size: 'tiny', precision: 'fp32', seed: 7, out: join(models, 'tiny-qwen2') });
    // A second copy as an export arrives from elsewhere: no manifest of ours yet, so it waits to be added.
    await generateModelFolder({ size: 'tiny', precision: 'fp32', seed: 8, out: join(models, 'copied-export') });
    rmSync(join(models, 'copied-export', 'continuum-model.json'));
    // The core worker reads the models folder from its environment, as `npm start` does.
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

  it('without a model the chart opens with the brief, and chat says why it is off', async () => {
    await createVault(page);
    await page.getByTestId('import-input').first().setInputFiles([PATIENT]);
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 4 * STEP_MS });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('patient-row').first().click();
    await page.getByTestId('brief-counts').waitFor();
    const disabled = page.getByTestId('chat-disabled');
    await disabled.waitFor();
    expect(await disabled.innerText()).toMatch(/No model is selected: chat is disabled/);
    expect(await page.getByLabel('Message to the assistant').isDisabled()).toBe(true);
    await screenshot(page, GROUP, '01-no-model', page.getByTestId('chat'));
  }, TEST_MS);

  it('the model manager lists the tiny model with its figures, and selects it', async () => {
    expect(await page.getByTestId('model-button').innerText()).toMatch(/Model:\s+none/);
    await page.getByTestId('model-button').click();
    const row = page.getByTestId('model-row').filter({ hasText: 'tiny-qwen2' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/fp32/);
    expect(text).toMatch(/4k tokens/);
    expect(text).toMatch(/not measured yet/);
    const copied = page.getByTestId('model-row').filter({ hasText: 'copied-export' });
    expect(await copied.getAttribute('data-status')).toBe('not-added');
    expect(await copied.innerText()).toMatch(/Not added yet/);
    await screenshot(page, GROUP, '02-model-manager', page.getByTestId('model-manager'));
    // Adding the copied export records its files and loads it: it becomes the assistant's model.
    await copied.getByRole('button', { name: 'Add copied-export' }).click();
    await page.locator('[data-testid="model-row"][data-folder="copied-export"][data-status="active"]').waitFor({ timeout: STEP_MS });
    await screenshot(page, GROUP, '02b-export-added', page.getByTestId('model-manager'));
    await row.getByRole('button', { name: /^Use / }).click();
    await page.locator('[data-testid="model-row"][data-folder="tiny-qwen2"][data-status="active"]').waitFor({ timeout: STEP_MS });
    await page.locator('[data-testid="model-row"][data-status="active"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="chat-disabled"]') && document.querySelector('[data-testid="chat-model"]')?.textContent?.startsWith('Assistant:'));
    expect(await page.getByTestId('model-button').innerText()).not.toMatch(/none/);
    await screenshot(page, GROUP, '03-model-selected', page.getByTestId('model-manager'));
    await page.getByTestId('model-manager').getByRole('button', { name: 'Close' }).click();
  }, TEST_MS);

  it('a chat turn streams, shows the verdicts of its claims and the safety review', async () => {
    const input = page.getByLabel('Message to the assistant');
    await input.fill('How has her blood pressure been since the last visit?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('chat-turn').waitFor();
    // The turn is done when Send is back (Stop shows while the model writes).
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 4 * STEP_MS });
    const replies = await page.getByTestId('chat-reply').count();
    const notices = await page.locator('.chat-notice').count();
    expect(replies + notices).toBeGreaterThan(0);
    // Whatever the tiny model says, a claim is either verified or visibly flagged.
    const verdicts = await page.locator('[data-testid="chat-reply"] .claim').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    for (const v of verdicts) expect(['supported', 'unsupported', 'uncited']).toContain(v);
    await page.getByTestId('chat').scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '04-chat-turn', page.getByTestId('chat'));
  }, TEST_MS);

  it('the assessment and plan are proposed, chosen item by item, signed once, and the note appears on the timeline', async () => {
    const notesChip = page.getByTestId('timeline').getByRole('button', { name: /^Notes/ });
    const before = (await notesChip.count()) === 0 ? 0 : Number((await notesChip.locator('.n').innerText()).replace(/\D/g, ''));
    await page.getByRole('button', { name: 'Draft assessment and plan' }).click();
    const proposal = page.locator('[data-testid="chat-proposal"][data-kind="note"][data-signoff="true"]');
    await proposal.waitFor({ timeout: 4 * STEP_MS });
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 4 * STEP_MS });
    expect(await proposal.getAttribute('data-status')).toBe('pending');
    const signButton = page.getByRole('button', { name: 'Sign and write to the record' });
    expect(await signButton.isDisabled()).toBe(true);
    await proposal.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '05-proposal', page.getByTestId('chat'));

    // A proposal the model made during the chat is decided at once, on its own; the signature waits for it.
    const chatProposals = page.locator('[data-testid="chat-proposal"][data-signoff="false"][data-status="pending"]');
    while ((await chatProposals.count()) > 0) await chatProposals.first().getByRole('button', { name: 'Reject' }).click();

    // Approve only selects: nothing is written until the signature.
    const items = page.locator('[data-testid="chat-proposal"][data-signoff="true"][data-status="pending"]');
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await items.nth(i).getByRole('button', { name: 'Approve' }).click();
      expect(await items.nth(i).getAttribute('data-choice')).toBe('approve');
      expect(await items.nth(i).getByTestId('chat-choice-state').innerText()).toBe('Will be written when you sign');
    }
    expect(await proposal.getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('chat-signoff').innerText()).toMatch(new RegExp(`${count} of ${count} items? chosen[\\s\\S]*writes every approved item to the record together`));
    await screenshot(page, GROUP, '06-chosen', page.getByTestId('chat'));

    await signButton.click();
    await page.locator('[data-testid="chat-proposal"][data-kind="note"][data-status="approved"]').waitFor();
    expect(await page.locator('[data-testid="chat-proposal"][data-signoff="true"][data-status="approved"]').count()).toBe(count);
    expect(await proposal.getByTestId('chat-decided').innerText()).toMatch(/^✓ Approved: written to the record/);
    await page.getByTestId('chat-signoff').waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Draft assessment and plan' }).isDisabled()).toBe(true);
    await page.waitForFunction(
      (n) => {
        const chip = [...document.querySelectorAll('[data-testid="timeline"] .chip')].find((c) => c.textContent?.startsWith('Notes'));
        return Number(chip?.querySelector('.n')?.textContent?.replace(/\D/g, '') ?? '0') === n + 1;
      },
      before,
      { timeout: STEP_MS },
    );
    await page.locator('.chat-notice', { hasText: /^Signed off: \d+ approved/ }).waitFor();
    await screenshot(page, GROUP, '07-signed', page.getByTestId('chat'));
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '08-note-on-timeline', page.getByTestId('timeline'));
    await screenshot(page, GROUP, '09-whole-window');
    expect(opened.problems).toEqual([]);
  }, TEST_MS);
});
