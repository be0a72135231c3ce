import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, MethodName, Params, Result } from '../../../electron/api/contract';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { labReport } from '../../../scripts/ocr/documents';
import { LOW_CONFIDENCE } from '../../../electron/api/ocr-review';
import { TEST_SCRYPT, tempDir } from '../../helpers/temp-vault';

/**
 * The documents.* and ocr.* methods through the real dispatch (params and
 * results validated against the contract): upload a generated lab report,
 * list it, read its page, correct a word, and accept, edit and reject proposals.
 */
const doc = labReport(7, { width: 1000, height: 420, fontPx: 22, maxLabs: 4 });
const PATIENT = 'f0c1d2e3-0000-4000-8000-000000000001';
const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: `urn:uuid:${PATIENT}`,
      resource: { resourceType: 'Patient', id: PATIENT, name: [{ given: ['Grace'], family: 'Okafor' }], gender: 'female', birthDate: '1961-04-02' },
      request: { method: 'POST', url: 'Patient' },
    },
  ],
};

let core: CoreClient;
async function call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
  const answer = (await core.invoke(method, params)) as ApiResponse<M>;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}
async function failure(method: string, params: unknown): Promise<string> {
  const answer = (await core.invoke(method as MethodName, params as never)) as ApiResponse<MethodName>;
  if (answer.ok) throw new Error(`${method} should have failed`);
  expect(answer.error.message).not.toContain('\n');
  return `${answer.error.code}: ${answer.error.message}`;
}

let patientId = '';
let documentId = '';
let held: Result<'documents.upload'>;

beforeAll(async () => {
  core = createInProcessCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT });
  await call('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: 'correct horse battery staple' });
  await call('import.fhirBundle', { fileName: 'grace.json', content: JSON.stringify(bundle) });
  patientId = (await call('patients.list', {})).patients[0]!.id;
  // The generated report names another patient: held back, then filed with the clinician's override.
  held = await call('documents.upload', { patientId, fileName: 'lab-report.png', bytes: doc.png, uploadId: 'u1' });
  const filed = await call('documents.fileAnyway', { pendingId: held.pendingId! });
  documentId = filed.document!.id;
}, 120_000);

afterAll(async () => {
  await core?.close();
});

describe('documents and OCR over the API', () => {
  it('holds back a page that names another patient, shows it beside the chart, and files it only on an audited override', async () => {
    expect(held.document).toBeNull();
    expect(held.pendingId).toMatch(/^filing-/);
    expect(held.identity).toMatchObject({ chart: { id: patientId, name: 'Grace Okafor' }, needsOverride: true });
    const fields = Object.fromEntries(held.identity.fields.map((f) => [f.field, f]));
    expect(fields['name']).toMatchObject({ chart: 'Grace Okafor', verdict: 'differs' });
    expect(fields['name']!.file).toBe(doc.truth.lines[1]!.split(/\s{2,}/)[0]!.replace('Patient: ', ''));
    expect(fields['birthDate']).toMatchObject({ chart: '1961-04-02', verdict: 'differs' });
    expect(held.identity.summary).toBe("The file's name and birth date do not match the chart");
    // Filed once: the pending id is spent.
    expect(await failure('documents.fileAnyway', { pendingId: held.pendingId })).toMatch(/^not-found: that document is no longer waiting to be filed/);
    const overrides = (await call('chart.accessHistory', { patientId, limit: 50 })).entries.filter((e) => e.action === 'record.override');
    expect(overrides).toHaveLength(1);
    expect(overrides[0]!.detail).toMatchObject({ kind: 'document.filing', documentId, fields: { name: 'differs', birthDate: 'differs' } });
  });

  it("files a page that names this patient at once, and discards a held one on request", async () => {
    const own = labReport(8, { width: 1000, height: 420, fontPx: 22, maxLabs: 2, patient: { name: 'Grace Okafor', birthDate: '1961-04-02' } });
    const filed = await call('documents.upload', { patientId, fileName: 'own-report.png', bytes: own.png });
    expect(filed.pendingId).toBeNull();
    expect(filed.document).toMatchObject({ title: 'own-report.png' });
    expect(filed.identity.needsOverride).toBe(false);
    expect(filed.identity.fields.filter((f) => f.verdict === 'agrees').map((f) => f.field).sort()).toEqual(['birthDate', 'name']);

    const other = await call('documents.upload', { patientId, fileName: 'other.png', bytes: doc.png });
    expect(other.pendingId).not.toBeNull();
    expect(await call('documents.discardPending', { pendingId: other.pendingId! })).toEqual({ discarded: true });
    const titles = (await call('documents.list', { patientId })).documents.map((d) => d.title);
    expect(titles).toEqual(['own-report.png', 'lab-report.png']);
  });

  it('keeps a document unreviewed until every doubtful word is looked at, or the page is accepted as read (audited)', async () => {
    const own = (await call('documents.list', { patientId })).documents.find((d) => d.title === 'own-report.png')!;
    const before = await call('documents.page', { documentId: own.id, page: 1 });
    const low = before.words.flatMap((w, i) => (!w.corrected && w.confidence < LOW_CONFIDENCE ? [i] : []));
    if (low.length === 0) {
      // Nothing doubtful: opening the page was the review.
      expect(before.review).toMatchObject({ reviewed: true, how: 'words', wordsLeft: 0 });
    } else {
      expect(before.review).toMatchObject({ reviewed: false, how: null, wordsLeft: low.length });
      expect((await call('documents.list', { patientId })).documents.find((d) => d.id === own.id)!.review).toMatchObject({ reviewed: false, wordsLeft: low.length });
      const partly = await call('documents.seeWords', { documentId: own.id, page: 1, indices: low.slice(0, -1) });
      expect(partly).toMatchObject({ reviewed: false, wordsLeft: 1 });
      const done = await call('documents.seeWords', { documentId: own.id, page: 1, indices: low.slice(-1) });
      expect(done).toMatchObject({ reviewed: true, how: 'words', by: 'dr.ada', wordsLeft: 0 });
    }
    expect((await call('documents.list', { patientId })).documents.find((d) => d.id === own.id)!.review.reviewed).toBe(true);

    // The other document: accepted as read without checking its words, an override in the audit trail.
    const page = await call('documents.page', { documentId, page: 1 });
    if (page.review.reviewed) return;
    const accepted = await call('documents.acceptPage', { documentId, page: 1 });
    expect(accepted).toMatchObject({ reviewed: true, how: 'accepted', by: 'dr.ada', wordsLeft: 0 });
    const audit = (await call('chart.accessHistory', { patientId, limit: 100 })).entries.filter((e) => e.action === 'record.override' && e.detail['kind'] === 'document.page-accepted');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ documentId, page: 1, wordsUnchecked: page.review.wordsLeft });
  });

  it('uploads a document: OCR in the pool, saved with pages and pending proposals', async () => {
    const documents = (await call('documents.list', { patientId })).documents.filter((d) => d.id === documentId);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ id: documentId, title: 'lab-report.png', mediaType: 'image/png', pages: 1, proposals: { accepted: 0, edited: 0, rejected: 0 } });
    expect(documents[0]!.proposals.pending).toBeGreaterThanOrEqual(4);
    // Finished uploads have no progress left to report.
    expect(await call('documents.progress', { uploadId: 'u1' })).toEqual({ progress: null });
    expect(await call('documents.cancel', { uploadId: 'u1' })).toEqual({ cancelled: false });
  });

  it('answers a page with its image, words and proposals', async () => {
    const page = await call('documents.page', { documentId, page: 1 });
    expect(page).toMatchObject({ documentId, patientId, page: 1, pages: 1, source: 'ocr' });
    expect(Buffer.from(page.imageBase64!, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(page.words.length).toBeGreaterThan(10);
    expect(page.words.map((w) => w.text).join(' ')).toContain('Northfield');
    const labs = page.proposals.filter((p) => p.proposal.kind === 'lab');
    expect(labs.length).toBeGreaterThanOrEqual(3);
    expect(await failure('documents.page', { documentId, page: 2 })).toMatch(/^not-found: lab-report.png has no page 2 \(it has 1\)/);
  });

  it('keeps a corrected word, at confidence 100', async () => {
    const before = await call('documents.page', { documentId, page: 1 });
    const index = before.words.findIndex((w) => w.text.includes('Northfield'));
    const { word } = await call('documents.correctWord', { documentId, page: 1, index, text: 'Northfield' });
    expect(word).toMatchObject({ text: 'Northfield', confidence: 100, corrected: true });
    const after = await call('documents.page', { documentId, page: 1 });
    expect(after.words[index]).toMatchObject({ text: 'Northfield', corrected: true });
    expect(await failure('documents.correctWord', { documentId, page: 1, index, text: 'two words' })).toMatch(/^invalid-input: a correction is one word/);
  });

  it('accepts, edits and rejects proposals; accepted labs are results on the timeline with provenance', async () => {
    const page = await call('documents.page', { documentId, page: 1 });
    const [first, second, third] = page.proposals.filter((p) => p.proposal.kind === 'lab');
    const accepted = await call('ocr.decide', { proposalId: first!.id, decision: 'accept' });
    expect(accepted).toMatchObject({ status: 'accepted', recordId: expect.stringMatching(/^observation-/) });
    const edited = await call('ocr.decide', { proposalId: second!.id, decision: 'edit', edits: { value: 12.5, unit: 'mmol/L' } });
    expect(edited).toMatchObject({ status: 'edited', final: { value: 12.5, unit: 'mmol/L', ucum: 'mmol/L' } });
    expect(await call('ocr.decide', { proposalId: third!.id, decision: 'reject' })).toMatchObject({ status: 'rejected', recordId: null });

    const { events } = await call('timeline.events', { patientId, kinds: ['results'] });
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[0]!.start.slice(0, 10)).toBe(doc.truth.labs[0]!.date);

    const { documents } = await call('documents.list', { patientId });
    expect(documents.find((d) => d.id === documentId)!.proposals).toMatchObject({ accepted: 1, edited: 1, rejected: 1 });
  });

  it('refuses bad requests with one-line messages', async () => {
    const page = await call('documents.page', { documentId, page: 1 });
    const pending = page.proposals.find((p) => p.status === 'pending' && p.proposal.kind === 'lab')!;
    const decided = page.proposals.find((p) => p.status === 'accepted')!;
    expect(await failure('ocr.decide', { proposalId: decided.id, decision: 'accept' })).toMatch(/^invalid-input: .*already accepted/);
    expect(await failure('ocr.decide', { proposalId: pending.id, decision: 'edit', edits: { name: 'Aspirin' } })).toMatch(/^invalid-input: a lab proposal has no field "name"/);
    expect(await failure('ocr.decide', { proposalId: pending.id, decision: 'edit' })).toMatch(/^invalid-input: an edit needs/);
    expect(await failure('ocr.decide', { proposalId: 'nope', decision: 'accept' })).toMatch(/^not-found: no proposal nope/);
    expect(await failure('ocr.decide', { proposalId: pending.id, decision: 'maybe' })).toMatch(/^invalid-request: ocr.decide: decision/);
    expect(await failure('documents.upload', { patientId, fileName: 'x.bin', bytes: Buffer.from('not an image') })).toBe(
      'invalid-input: x.bin: not a PNG, JPEG, TIFF or PDF',
    );
    expect(await failure('documents.upload', { patientId, fileName: 'broken.png', bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(40)]) })).toMatch(
      /^invalid-input: broken.png: not a readable image/,
    );
    expect(await failure('documents.upload', { patientId: 'no-such-patient', fileName: 'a.png', bytes: doc.png })).toMatch(/^not-found: no patient/);
    expect(await failure('documents.upload', { patientId, fileName: 'a.png', bytes: doc.png, extra: 1 })).toMatch(/^invalid-request: /);
  });
});
