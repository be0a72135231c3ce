import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../electron/api/session-schemas';
import type { CoreClient } from '../../../electron/core/core-client';
import { coreCalls } from '../../helpers/core-calls';
import { startCoreWithModels } from '../../helpers/core-with-models';
import { tinyModel } from '../model/tiny-model';

/**
 * The models.* and session.* block of the contract through the real
 * dispatch, with the generated tiny model in a models folder: list,
 * select (and a broken one that leaves the app without a model), a
 * session in no-model mode, then a chat turn, sign-off and the
 * clinician's signature (session.sign) writing the note. Nothing waits a fixed time:
 * the test polls session.events until the turn is done.
 */
let dir: string;
let models: string;
let core: CoreClient;
let closeCore: () => Promise<void>;
let patientId: string;

const { call, failure, settle } = coreCalls(() => core);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-session-api-'));
  models = join(dir, 'models');
  cpSync(await tinyModel('fp32', 7), join(models, 'tiny'), { recursive: true });
  cpSync(join(models, 'tiny'), join(models, 'damaged'), { recursive: true });
  const tokenizer = join(models, 'damaged', 'tokenizer.json');
  writeFileSync(tokenizer, readFileSync(tokenizer, 'utf8').replace(/"/, ' "'));
  ({ core, close: closeCore } = await startCoreWithModels(dir, models));
  const bundle = join(__dirname, '../../fixtures/fhir/ngozi-adebayo.json');
  await call('import.fhirBundle', { fileName: 'ngozi.json', content: readFileSync(bundle, 'utf8') });
  patientId = (await call('patients.list', {})).patients[0]!.id;
}, 180_000);

afterAll(async () => {
  await closeCore?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('models over the contract', () => {
  it('lists the models folder with size, quantization and context length; none active at first', async () => {
    const state = await call('models.list', {});
    expect(state.modelsDir).toBe(models);
    expect(state.active).toBeNull();
    expect(state.models.map((m) => m.folder)).toEqual(['damaged', 'tiny']);
    expect(state.models.find((m) => m.folder === 'tiny')).toMatchObject({ status: 'ready', quantization: 'fp32', contextLength: 4096, problem: null });
  });

  it('a model that fails to load is reported, and the app goes on without one', async () => {
    const state = await call('models.select', { dir: join(models, 'damaged') });
    expect(state.active).toBeNull();
    expect(state.problem).toMatch(/^damaged: .*(SHA-256|size|tokenizer)/);
    expect(state.models.find((m) => m.folder === 'damaged')).toMatchObject({ status: 'problem' });
    expect((await call('chart.open', { patientId })).patient.id).toBe(patientId);
  });

  it('without a model, a session is the brief only and chat says why it is disabled', async () => {
    const started = await call('session.start', { patientId });
    expect(started.model).toBeNull();
    expect(started.chatDisabled).toMatch(/No model is selected/);
    expect(await failure('session.send', { sessionId: started.sessionId, text: 'hello' })).toMatch(/No model is selected/);
    const page = await call('session.events', { sessionId: started.sessionId, after: 0 });
    expect(page.events).toEqual([{ type: 'notice', message: started.chatDisabled }]);
    await call('session.end', { sessionId: started.sessionId });
  });

  it('locking the vault ends its sessions: after the next unlock the old one is not found', async () => {
    const { sessionId } = await call('session.start', { patientId });
    await call('vault.lock', {});
    await call('vault.unlock', { clinicianId: 'dr.ada', passphrase: 'a long clinic passphrase 2024' });
    expect(await failure('session.events', { sessionId, after: 0 })).toBe(`no session ${sessionId}: it has ended or the vault was locked since; start a new one`);
  });

  it('a model load is a job: writers are answered while it loads, and a second load is refused until it ends', async () => {
    const events: string[] = [];
    const loading = call('models.select', { dir: join(models, 'tiny') }).then((state) => {
      events.push('load answered');
      return state;
    });
    expect(await failure('models.select', { dir: join(models, 'damaged') })).toBe('a model is already loading; wait for it to finish');
    await call('pacs.saveSettings', { url: 'http://127.0.0.1:8042/dicom-web', user: '' });
    events.push('writer answered');
    expect((await loading).active).toBe(join(models, 'tiny'));
    expect(events).toEqual(['writer answered', 'load answered']);
    expect((await call('models.select', { dir: null })).active).toBeNull();
  });
});

describe('a session with the tiny model', () => {
  it('runs a chat turn, drafts the assessment and plan into the visit form, and writes them only when the clinician signs', async () => {
    const state = await call('models.select', { dir: join(models, 'tiny') });
    expect(state.problem).toBeNull();
    expect(state.active).toBe(join(models, 'tiny'));
    const started = await call('session.start', { patientId });
    expect(started.chatDisabled).toBeNull();
    const { sessionId } = started;
    const events: SessionEvent[] = [];

    expect(await call('session.send', { sessionId, text: 'How has her blood pressure been?' })).toEqual({ accepted: true });
    const after = await settle(sessionId, events, 0);
    expect(events[0]).toEqual({ type: 'turn', from: 'clinician', text: 'How has her blood pressure been?' });
    expect(events.some((e) => e.type === 'reply' || e.type === 'notice')).toBe(true);
    for (const e of events) if (e.type === 'reply') for (const c of e.claims) expect(c.verdict === 'supported' || c.problems.length > 0).toBe(true);

    const notesBefore = (await call('timeline.events', { patientId, kinds: ['note'] })).events.length;
    await call('session.signOff', { sessionId });
    await settle(sessionId, events, after);
    // The model drafts into the form: nothing is proposed or written until the clinician signs.
    const draft = events.find((e): e is Extract<SessionEvent, { type: 'draft' }> => e.type === 'draft');
    expect(draft).toBeDefined();
    expect(events.filter((e) => e.type === 'proposal' && e.signOff)).toEqual([]);
    expect((await call('timeline.events', { patientId, kinds: ['note'] })).events.length).toBe(notesBefore);

    // A refused signature writes nothing: here a stop of a medication not on the chart.
    const visit = { reason: 'Blood pressure review', subjective: '', objective: '', assessment: draft!.assessment.trim() || 'Reviewed.', plan: draft!.plan, followUp: null, medicationChanges: [], problemChanges: [], cites: [] };
    expect(await failure('session.signVisit', { sessionId, visit: { ...visit, medicationChanges: [{ action: 'stop', medicationId: 'nothing-here', reason: null }] } })).toMatch(
      /^sign-off refused, nothing written: the medication nothing-here is not on this patient's chart/,
    );
    expect((await call('timeline.events', { patientId, kinds: ['note'] })).events.length).toBe(notesBefore);

    // The form signed: the visit and its note, together.
    const signed = await call('session.signVisit', { sessionId, visit });
    const notes = (await call('timeline.events', { patientId, kinds: ['note'] })).events;
    expect(notes.map((n) => n.id)).toContain(signed.noteId);
    expect(notes.length).toBe(notesBefore + 1);
    expect(await failure('session.signVisit', { sessionId, visit })).toMatch(/already signed off/);
    const log: SessionEvent[] = [];
    await settle(sessionId, log, 0);
    const items = log.filter((e): e is Extract<SessionEvent, { type: 'proposal' }> => e.type === 'proposal' && e.signOff);
    expect(items.map((e) => e.kind)).toEqual(['visit', 'note']);
    expect(log.filter((e) => e.type === 'decision').map((e) => e.proposalId)).toEqual(expect.arrayContaining(items.map((e) => e.proposalId)));
    expect(log.some((e) => e.type === 'notice' && /^signed off: \d+ approved/.test(e.message))).toBe(true);

    // The measured speed reaches the model manager.
    expect((await call('models.list', {})).models.find((m) => m.folder === 'tiny')?.tokensPerSecond).toBeGreaterThan(0);
    await call('session.end', { sessionId });
    const trajectories = readdirSync(join(dir, 'trajectories'));
    expect(trajectories).toContain(`${sessionId}.jsonl`);
  });

  it('Stop cancels the answer under way and the session goes on', async () => {
    const { sessionId } = await call('session.start', { patientId });
    await call('session.send', { sessionId, text: 'Any side effects from the tablets?' });
    // Stop at once: whether the worker had begun or not, the turn ends stopped.
    expect(await call('session.stop', { sessionId })).toEqual({ stopped: true });
    const events: SessionEvent[] = [];
    await settle(sessionId, events, 0);
    expect(events.some((e) => e.type === 'notice' && /stopped by the clinician/.test(e.message))).toBe(true);
    expect(await call('session.send', { sessionId, text: 'And the cough?' })).toEqual({ accepted: true });
    await settle(sessionId, events, 0);
    await call('session.end', { sessionId });
  });
});
