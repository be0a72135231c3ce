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
  showSection,
} from './support';

/**
 * A follow-up session in Chromium with the generated tiny model (random
 * weights: it writes gibberish, and the UI must still be clear): the model
 * manager, no-model mode, selecting the model, a streamed chat turn with the
 * verifier's verdicts and the safety review, the assessment and plan drafted
 * into the clinician's visit note, edited and signed, and the note seen on
 * the timeline. Screenshots go to test-artifacts/session/. Every step waits
 * for what it needs to see.
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
    await showSection(page, 'notes');
    const disabled = page.getByTestId('chat-disabled');
    await disabled.waitFor();
    expect(await disabled.innerText()).toMatch(/No model is selected: chat is disabled/);
    // The visit note needs no model: the clinician writes and signs it (test/e2e/follow-up-visit.e2e.test.ts).
    expect(await page.getByTestId('visit-mode').innerText()).toMatch(/No model needed/);
    expect(await page.getByLabel('Message to the assistant').count()).toBe(0);
    await screenshot(page, GROUP, '01-no-model');
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

  it('the model drafts the assessment and plan into the visit note; the clinician signs it, and the note is on the timeline', async () => {
    const note = page.getByTestId('visit-note');
    await page.getByRole('button', { name: "Draft the note's assessment and plan" }).click();
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 4 * STEP_MS });
    // The draft lands in the note, marked for checking; nothing is proposed or written meanwhile.
    await page.getByTestId('chat-draft').waitFor({ timeout: 4 * STEP_MS });
    expect(await page.locator('[data-testid="chat-proposal"][data-signoff="true"]').count()).toBe(0);
    const assessment = note.getByLabel('Assessment');
    if ((await assessment.inputValue()).trim() !== '') await note.locator('.visit-drafted').first().waitFor();
    await note.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '05-drafted-into-the-note');

    // A proposal the model made during the chat is decided at once, on its own; the signature waits for it.
    const chatProposals = page.locator('[data-testid="chat-proposal"][data-signoff="false"][data-status="pending"]');
    while ((await chatProposals.count()) > 0) await chatProposals.first().getByRole('button', { name: 'Reject' }).click();

    // The clinician edits what the tiny model wrote (gibberish), and signs.
    await note.getByLabel('Reason for visit').fill('Blood pressure follow-up');
    await assessment.fill('Blood pressure reviewed; no change.');
    await note.getByTestId('visit-sign').click();
    await note.getByTestId('visit-signed').waitFor({ timeout: STEP_MS });
    expect(await page.getByRole('button', { name: "Draft the note's assessment and plan" }).isDisabled()).toBe(true);
    await page.locator('.chat-notice', { hasText: /^Signed off: \d+ approved/ }).waitFor();
    await screenshot(page, GROUP, '06-signed');

    await showSection(page, 'history');
    await page.waitForFunction(
      () => {
        const chip = [...document.querySelectorAll('[data-testid="timeline"] .chip')].find((c) => c.textContent?.startsWith('Notes'));
        return Number(chip?.querySelector('.n')?.textContent?.replace(/\D/g, '') ?? '0') >= 1;
      },
      undefined,
      { timeout: STEP_MS },
    );
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '07-note-on-timeline', page.getByTestId('timeline'));
    await screenshot(page, GROUP, '08-whole-window');
    expect(opened.problems).toEqual([]);
  }, TEST_MS);
});
