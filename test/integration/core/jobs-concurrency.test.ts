import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, MethodName, Params, Result } from '../../../electron/api/contract';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { startCoreWorker } from '../../../electron/core/worker-core';
import { labReport } from '../../../scripts/ocr/documents';
import { PASSPHRASE, TEST_SCRYPT } from '../../helpers/temp-vault';

/**
 * Long work does not hold the core: while an OCR job runs, its progress, a
 * chart read and a cancel are answered, in the worker-thread core (as both
 * hosts run it) and in the in-process core (CLI, tests) alike. The test
 * asserts the order of events, never how fast they came: each answer must
 * arrive while the job is still running, and the cancel must end it.
 */
const ENTRY = resolve(__dirname, '../../../electron/core/core-worker-bootstrap.mjs');
// A full A4 page at 300-dpi-like size: several seconds of recognition on one core.
// Each page names the chart's own patient, so that a finished upload is filed, not held back as another patient's.
const INES = { name: 'Ines Duarte', birthDate: '1958-09-12' };
const longScan = labReport(11, { width: 2480, height: 3508, fontPx: 44, patient: INES }).png;
const shortScan = labReport(12, { width: 900, height: 320, fontPx: 22, maxLabs: 2, patient: INES }).png;
const PATIENT = 'f0c1d2e3-0000-4000-8000-000000000019';
const OTHER = 'f0c1d2e3-0000-4000-8000-000000000020';
const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: `urn:uuid:${PATIENT}`,
      resource: { resourceType: 'Patient', id: PATIENT, name: [{ given: ['Ines'], family: 'Duarte' }], gender: 'female', birthDate: '1958-09-12' },
      request: { method: 'POST', url: 'Patient' },
    },
  ],
};

async function call<M extends MethodName>(core: CoreClient, method: M, params: Params<M>): Promise<Result<M>> {
  const answer = (await core.invoke(method, params)) as ApiResponse<M>;
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

/** Asks `ask` until `ready` holds (the job has reported progress), at most `tries` times. */
async function until<T>(ask: () => Promise<T>, ready: (value: T) => boolean, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await ask();
    if (ready(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the job never reported progress');
}

const cores: Array<[string, (vaultFile: string) => CoreClient]> = [
  ['the worker core', (vaultFile) => startCoreWorker({ vaultFile, scrypt: TEST_SCRYPT }, ENTRY)],
  ['the in-process core', (vaultFile) => createInProcessCore({ vaultFile, scrypt: TEST_SCRYPT })],
];

describe.each(cores)('long work as jobs: %s', (_name, start) => {
  let core: CoreClient;
  let dir = '';
  let patientId = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-jobs-'));
    core = start(join(dir, 'clinic.vault'));
    await call(core, 'vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE });
    await call(core, 'import.fhirBundle', { fileName: 'ines.json', content: JSON.stringify(bundle) });
    patientId = (await call(core, 'patients.list', {})).patients[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts an OCR job at once; progress and a chart read are answered while it runs; cancel stops it and keeps nothing', async () => {
    const events: string[] = [];
    const { job } = await call(core, 'documents.startUpload', { patientId, fileName: 'long-scan.png', bytes: longScan });
    expect(job.state).toBe('running');
    events.push('started');
    const ended = call(core, 'jobs.result', { jobId: job.id }).then((outcome) => {
      events.push('ended');
      return outcome;
    });

    const progressed = await until(
      () => call(core, 'jobs.get', { jobId: job.id }),
      (answer) => answer.job?.progress !== null,
    );
    events.push('progress answered');
    expect(progressed.job).toMatchObject({ id: job.id, method: 'documents.upload', state: 'running' });

    await call(core, 'chart.open', { patientId });
    events.push('chart answered');
    expect((await call(core, 'jobs.list', {})).jobs.map((j) => j.id)).toContain(job.id);

    expect(await call(core, 'jobs.cancel', { jobId: job.id })).toEqual({ cancelled: true });
    events.push('cancel answered');
    const outcome = await ended;
    expect(events).toEqual(['started', 'progress answered', 'chart answered', 'cancel answered', 'ended']);
    expect(outcome).toEqual({ job: expect.objectContaining({ id: job.id, state: 'cancelled', error: null }), value: null });
    expect(await call(core, 'jobs.cancel', { jobId: job.id })).toEqual({ cancelled: false });
    expect((await call(core, 'documents.list', { patientId })).documents).toEqual([]);
  });

  it('a direct upload is a job too: documents.progress answers while it runs and documents.cancel stops it', async () => {
    const events: string[] = [];
    const upload = core.invoke('documents.upload', { patientId, fileName: 'long-scan.png', bytes: longScan, uploadId: 'scan-1' }).then((answer) => {
      events.push('upload answered');
      return answer;
    });
    await until(
      () => call(core, 'documents.progress', { uploadId: 'scan-1' }),
      (answer) => answer.progress !== null,
    );
    events.push('progress answered');
    const twice = await core.invoke('documents.upload', { patientId, fileName: 'again.png', bytes: shortScan, uploadId: 'scan-1' });
    expect(twice).toEqual({ ok: false, error: { code: 'invalid-input', message: 'upload scan-1 is already running' } });
    expect(await call(core, 'documents.cancel', { uploadId: 'scan-1' })).toEqual({ cancelled: true });
    events.push('cancel answered');
    const answer = await upload;
    expect(events).toEqual(['progress answered', 'cancel answered', 'upload answered']);
    expect(answer).toEqual({ ok: false, error: { code: 'invalid-input', message: 'OCR cancelled' } });
    expect(await call(core, 'documents.progress', { uploadId: 'scan-1' })).toEqual({ progress: null });
  });

  it('a job that runs to its end answers its method result; the document is filed', async () => {
    const { job } = await call(core, 'documents.startUpload', { patientId, fileName: 'short-scan.png', bytes: shortScan });
    const outcome = await call(core, 'jobs.result', { jobId: job.id });
    expect(outcome.job).toMatchObject({ id: job.id, state: 'done', error: null });
    const { document: filed, pendingId } = outcome.value as Result<'documents.upload'>;
    expect(pendingId).toBeNull();
    expect((await call(core, 'documents.list', { patientId })).documents.map((d) => d.id)).toEqual([filed?.id]);
  });

  it('a FHIR import is a job: it answers at once, is listed, and its result is the import report; a bad bundle fails with nothing written', async () => {
    const other = { ...bundle, entry: [{ ...bundle.entry[0]!, fullUrl: `urn:uuid:${OTHER}`, resource: { ...bundle.entry[0]!.resource, id: OTHER, name: [{ given: ['Rui'], family: 'Duarte' }] } }] };
    const { job } = await call(core, 'import.startFhirBundle', { fileName: 'rui.json', content: JSON.stringify(other) });
    expect(job).toMatchObject({ method: 'import.fhirBundle', state: 'running' });
    const outcome = await call(core, 'jobs.result', { jobId: job.id });
    expect(outcome.job).toMatchObject({ id: job.id, state: 'done', error: null });
    expect(outcome.value).toMatchObject({ file: 'rui.json', alreadyImported: false, added: { Patient: 1 } });
    expect((await call(core, 'jobs.list', {})).jobs.map((j) => j.id)).toContain(job.id);

    const broken = JSON.stringify({ ...other, entry: [...other.entry, { resource: { resourceType: 'Observation', id: 'o-1', status: 'final' } }] });
    const before = (await call(core, 'patients.list', {})).patients.length;
    const failed = await core.invoke('import.fhirBundle', { fileName: 'broken.json', content: broken });
    expect(failed).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call(core, 'patients.list', {})).patients.length).toBe(before);
  });

  it('a job that fails says why; locking the vault forgets every job', async () => {
    const { job } = await call(core, 'documents.startUpload', { patientId, fileName: 'notes.txt', bytes: Buffer.from('not a scan') });
    const outcome = await call(core, 'jobs.result', { jobId: job.id });
    expect(outcome).toEqual({ job: expect.objectContaining({ state: 'failed', error: { code: 'invalid-input', message: 'notes.txt: not a PNG, JPEG, TIFF or PDF' } }), value: null });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { clinicianId: 'dr.ada', passphrase: PASSPHRASE });
    expect(await call(core, 'jobs.list', {})).toEqual({ jobs: [] });
    expect(await call(core, 'jobs.get', { jobId: job.id })).toEqual({ job: null });
  });
});
