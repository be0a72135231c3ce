import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEvent, VisitForm } from '../../../electron/api/session-schemas';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { coreCalls } from '../../helpers/core-calls';
import { TEST_SCRYPT, tempDir } from '../../helpers/temp-vault';
import { memoryBundleText, PATIENT } from './memory-fixture';

/**
 * Documentation without a model, through the real dispatch: the clinician
 * writes and signs a visit note (SOAP, a medication started and one
 * stopped, a problem added, a follow-up date), all written in one
 * transaction with the sign-off's audit entry; the note, the changes and
 * the follow-up are on the timeline and in the next brief; a refused
 * signature writes nothing and the form can be signed again.
 */
let core: CoreClient;
const { call, failure, settle } = coreCalls(() => core);

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const FORM: VisitForm = {
  reason: 'Diabetes review',
  subjective: 'Feels well; some nausea on metformin.',
  objective: 'Weight 82.4 kg (2025-02-03). HbA1c 7.94 % (2025-02-03).',
  assessment: 'Type 2 diabetes above target; metformin not tolerated.',
  plan: 'Stop metformin; start sitagliptin. Recheck HbA1c in 3 months.',
  followUp: { date: inDays(90), reason: 'HbA1c recheck' },
  medicationChanges: [
    { action: 'stop', medicationId: 'med-1', reason: 'nausea' },
    { action: 'start', display: 'Sitagliptin 100 MG Oral Tablet', dosage: '1 tablet daily' },
  ],
  problemChanges: [{ action: 'add', display: 'Medication intolerance' }],
  cites: [
    { kind: 'record', record: 'observation', id: 'wt-1' },
    { kind: 'record', record: 'observation', id: 'a1c-3' },
  ],
};

beforeAll(async () => {
  core = createInProcessCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT });
  await call('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: 'correct horse battery staple' });
  await call('import.fhirBundle', { fileName: 'patient.json', content: memoryBundleText() });
}, 120_000);

afterAll(async () => {
  await core?.close();
});

describe('a visit note without a model', () => {
  it('refuses a signature that cannot be written in full, and writes nothing', async () => {
    const { sessionId, model, chatDisabled } = await call('session.start', { patientId: PATIENT });
    expect(model).toBeNull();
    expect(chatDisabled).toMatch(/No model is selected/);
    const before = (await call('timeline.events', { patientId: PATIENT })).events.length;
    expect(await failure('session.signVisit', { sessionId, visit: { ...FORM, medicationChanges: [{ action: 'stop', medicationId: 'no-such-drug', reason: null }] } })).toBe(
      "sign-off refused, nothing written: the medication no-such-drug is not on this patient's chart",
    );
    expect(await failure('session.signVisit', { sessionId, visit: { ...FORM, followUp: { date: '2001-01-01', reason: 'too late' } } })).toMatch(
      /^sign-off refused, nothing written: the follow-up \(proposal-[^)]+\): its date 2001-01-01 is before today/,
    );
    expect(await failure('session.signVisit', { sessionId, visit: { ...FORM, assessment: '  ' } })).toMatch(/write the assessment/);
    expect((await call('timeline.events', { patientId: PATIENT })).events).toHaveLength(before);
    await call('session.end', { sessionId });
  });

  it('signs the note, the changes and the follow-up in one transaction, on the timeline and in the next brief', async () => {
    const { sessionId } = await call('session.start', { patientId: PATIENT });
    const signed = await call('session.signVisit', { sessionId, visit: FORM });
    expect(signed).toMatchObject({ noteId: expect.stringMatching(/^note-/), visitId: expect.stringMatching(/^visit-/), followUpId: expect.stringMatching(/^follow-up-/) });
    expect(signed.medicationIds).toHaveLength(2);
    expect(signed.medicationIds).toContain('med-1');
    expect(signed.problemIds).toHaveLength(1);
    expect(await failure('session.signVisit', { sessionId, visit: FORM })).toBe('sign-off refused, nothing written: this session is already signed off');

    // The session's events say what was written, as a model's sign-off does.
    const events: SessionEvent[] = [];
    await settle(sessionId, events, 0);
    expect(events.filter((e) => e.type === 'proposal').map((e) => (e as { kind: string }).kind)).toEqual(['visit', 'note', 'medication-stop', 'medication-start', 'problem-add', 'follow-up']);
    expect(events.at(-1)).toEqual({ type: 'notice', message: 'signed off: 6 approved and 0 rejected, written to the record together with this session as their source' });

    const note = await call('record.details', { kind: 'note', id: signed.noteId });
    const field = (name: string) => note.fields.find((f) => f.name === name)?.value ?? '';
    expect(field('Title')).toBe('Visit note: Diabetes review');
    expect(field('Note')).toContain('Subjective: Feels well; some nausea on metformin.');
    expect(field('Note')).toContain('Objective: Weight 82.4 kg (2025-02-03).');
    expect(field('Note')).toContain('Medication changes: Stopped Metformin hydrochloride 500 MG Oral Tablet (nausea); Started Sitagliptin 100 MG Oral Tablet, 1 tablet daily');
    expect(field('Note')).toContain(`Follow-up: ${FORM.followUp!.date}: HbA1c recheck`);
    expect(note.provenance).toMatchObject({ sourceKind: 'clinician', recordedBy: 'dr.ada' });

    const timeline = (await call('timeline.events', { patientId: PATIENT })).events;
    const byId = (id: string) => timeline.find((e) => e.id === id);
    expect(byId(signed.noteId)).toMatchObject({ kind: 'note', label: 'Visit note: Diabetes review' });
    expect(byId(signed.visitId)).toMatchObject({ kind: 'encounter', label: 'Follow-up visit' });
    expect(byId(signed.followUpId!)).toMatchObject({ kind: 'care-plan', label: 'Follow-up visit: HbA1c recheck' });
    expect(byId('med-1')).toMatchObject({ status: 'stopped', ongoing: false, end: expect.any(String) });
    expect(timeline.find((e) => e.kind === 'medication' && e.label === 'Sitagliptin 100 MG Oral Tablet')).toMatchObject({ ongoing: true });

    const access = (await call('chart.accessHistory', { patientId: PATIENT, limit: 200 })).entries;
    const signOff = access.find((e) => e.action === 'record.write' && e.detail['kind'] === 'session.sign-off');
    expect((signOff!.detail['approved'] as unknown[]).length).toBe(6);

    const brief = await call('brief.get', { patientId: PATIENT });
    const lines = (id: string) => brief.sections.find((s) => s.id === id)!.lines;
    const text = (id: string) => lines(id).map((l) => l.text);
    const today = new Date().toISOString().slice(0, 10);
    expect(text('changes')[0]).toBe(`Last visit on ${today}: Follow-up visit, for Diabetes review`);
    expect(text('changes')).toContain(`Started since the visit on 2025-02-03: Sitagliptin 100 MG Oral Tablet, on ${today}`);
    expect(text('changes')).toContain(`Stopped since the visit on 2025-02-03: Metformin hydrochloride 500 MG Oral Tablet, on ${today}`);
    expect(text('changes')).toContain(`New problem since the visit on 2025-02-03: Medication intolerance, onset ${today}`);
    expect(text('changes')).toContain(`Visit note: Diabetes review, on ${today}`);
    expect(text('care')[0]).toBe(`Follow-up visit: HbA1c recheck, due ${FORM.followUp!.date}`);
    expect(text('medications')).not.toContain('Metformin hydrochloride 500 MG Oral Tablet, since 2024-06-02');
    for (const line of [...lines('changes'), ...lines('care')]) expect(line.verdict, `${line.text}: ${JSON.stringify(line.problems)}`).toBe('supported');
    await call('session.end', { sessionId });
  });
});
