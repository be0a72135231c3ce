import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../electron/api/session-schemas';
import type { CoreClient } from '../../../electron/core/core-client';
import { coreCalls } from '../../helpers/core-calls';
import { startCoreWithModels } from '../../helpers/core-with-models';
import { tinyModel } from '../model/tiny-model';

/**
 * The app's sign-off path with a model, through the real dispatch and
 * contract: the model drafts the assessment and plan into the clinician's
 * visit form (a draft event, nothing proposed); the clinician signs the
 * form (session.signVisit), written in one transaction and said in the
 * session's events; a second signature is refused. The generated tiny
 * model drafts.
 */
let dir: string;
let core: CoreClient;
let closeCore: () => Promise<void>;
let patientId: string;

const { call, failure, settle } = coreCalls(() => core);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-sign-off-api-'));
  cpSync(await tinyModel('fp32', 7), join(dir, 'models', 'tiny'), { recursive: true });
  ({ core, close: closeCore } = await startCoreWithModels(dir, join(dir, 'models')));
  await call('import.fhirBundle', { fileName: 'ngozi.json', content: readFileSync(join(__dirname, '../../fixtures/fhir/ngozi-adebayo.json'), 'utf8') });
  patientId = (await call('patients.list', {})).patients[0]!.id;
  expect((await call('models.select', { dir: join(dir, 'models', 'tiny') })).problem).toBeNull();
}, 180_000);

afterAll(async () => {
  await closeCore?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('the model drafts into the visit form; the clinician signs it', () => {
  it('drafts the assessment and plan without proposing anything, then signs the form as one, once', async () => {
    const { sessionId } = await call('session.start', { patientId });
    const events: SessionEvent[] = [];
    await call('session.signOff', { sessionId });
    const after = await settle(sessionId, events, 0);
    // The draft is for the form: nothing is proposed, nothing can be approved from it.
    expect(events.filter((e) => e.type === 'proposal')).toEqual([]);
    const draft = events.find((e): e is Extract<SessionEvent, { type: 'draft' }> => e.type === 'draft');
    expect(draft).toBeDefined();
    const notesBefore = (await call('timeline.events', { patientId, kinds: ['note'] })).events.length;

    // The clinician keeps or edits the draft, and signs the form (the tiny model's text is random).
    const assessment = draft!.assessment.trim() || 'Reviewed.';
    const signed = await call('session.signVisit', {
      sessionId,
      visit: { reason: 'Follow-up', subjective: '', objective: '', assessment, plan: draft!.plan, followUp: null, medicationChanges: [], problemChanges: [], cites: [] },
    });
    const notes = (await call('timeline.events', { patientId, kinds: ['note'] })).events;
    expect(notes).toHaveLength(notesBefore + 1);
    expect(notes.map((e) => e.id)).toContain(signed.noteId);

    const more: SessionEvent[] = [];
    await settle(sessionId, more, after);
    expect(more.filter((e) => e.type === 'decision')).toHaveLength(2);
    expect(more.at(-1)).toEqual({ type: 'notice', message: 'signed off: 2 approved and 0 rejected, written to the record together with this session as their source' });
    expect(await failure('session.sign', { sessionId, decisions: [{ proposalId: 'proposal-x', decision: 'approve' }] })).toBe('sign-off refused, nothing written: this session is already signed off');
    expect(await failure('session.sign', { sessionId, decisions: [] })).toMatch(/decisions/);
    await call('session.end', { sessionId });
  });
});
