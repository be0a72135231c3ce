import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, MethodName, Params, Result } from '../../../electron/api/contract';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { startCoreWorker } from '../../../electron/core/worker-core';
import { Vault } from '../../../electron/store/vault';
import { PASSPHRASE, TEST_SCRYPT } from '../../helpers/temp-vault';

/**
 * Evidence imports and backups are jobs like the other long work: the start
 * method answers at once with a running job, jobs.result answers the
 * method's result, a direct call runs as a job too, and locking the vault
 * ends and forgets them. Against the worker core (the backup runs on its
 * vault thread) and the in-process core alike; asserts order and outcome,
 * never speed.
 */
const ENTRY = resolve(__dirname, '../../../electron/core/core-worker-bootstrap.mjs');

async function call<M extends MethodName>(core: CoreClient, method: M, params: Params<M>): Promise<Result<M>> {
  const answer = (await core.invoke(method, params)) as ApiResponse<M>;
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

const guideline = (title: string) => ({
  fileName: `${title.toLowerCase()}.md`,
  bytes: Buffer.from(`# ${title} fever\n\n## Treatment\n\nGive anemodrine 4 mg at night for ${title} fever; review after two weeks.\n`),
  title: `${title} fever`,
  issuer: 'Test issuer',
  published: '2024-05',
  licence: 'CC0-1.0',
  tier: 'guideline' as const,
});

const cores: Array<[string, (vaultFile: string) => CoreClient]> = [
  ['the worker core', (vaultFile) => startCoreWorker({ vaultFile, scrypt: TEST_SCRYPT, embedEvidence: false }, ENTRY)],
  ['the in-process core', (vaultFile) => createInProcessCore({ vaultFile, scrypt: TEST_SCRYPT, embedEvidence: false })],
];

describe.each(cores)('evidence import and backup as jobs: %s', (_name, start) => {
  let core: CoreClient;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-jobs-'));
    core = start(join(dir, 'clinic.vault'));
    await call(core, 'vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE });
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an evidence import answers at once with a running job; its result is the import; a direct import is a job too', async () => {
    const { job } = await call(core, 'evidence.startImport', guideline('Windmill'));
    expect(job).toMatchObject({ method: 'evidence.import', state: 'running' });
    const outcome = await call(core, 'jobs.result', { jobId: job.id });
    expect(outcome.job).toMatchObject({ id: job.id, state: 'done', error: null });
    expect(outcome.value).toMatchObject({ alreadyImported: false });
    expect((await call(core, 'evidence.sources', {})).sources.map((s) => s.title)).toContain('Windmill fever');

    const again = await call(core, 'evidence.import', guideline('Windmill'));
    expect(again).toMatchObject({ alreadyImported: true });
    expect((await call(core, 'jobs.list', {})).jobs.filter((j) => j.method === 'evidence.import').map((j) => j.state)).toEqual(['done', 'done']);
  });

  it('a bad document fails its job with a one-line reason, and nothing of it is stored', async () => {
    const before = (await call(core, 'evidence.sources', {})).sources.length;
    const { job } = await call(core, 'evidence.startImport', { ...guideline('Empty'), fileName: 'empty.bin', bytes: Buffer.from([0, 1, 2, 3]) });
    const outcome = await call(core, 'jobs.result', { jobId: job.id });
    expect(outcome.job).toMatchObject({ state: 'failed', error: { code: 'invalid-input', message: expect.stringMatching(/^empty\.bin: /) } });
    expect((await call(core, 'evidence.sources', {})).sources.length).toBe(before);
  });

  it('a backup answers at once with a running job; its result is a checked copy that opens with the passphrase', async () => {
    const to = join(dir, 'backup-1.vault');
    const { job } = await call(core, 'vault.startBackup', { to });
    expect(job).toMatchObject({ method: 'vault.backup', state: 'running' });
    const outcome = await call(core, 'jobs.result', { jobId: job.id });
    expect(outcome.job).toMatchObject({ state: 'done', error: null });
    expect(outcome.value).toMatchObject({ to, bytes: expect.any(Number) });
    const copy = Vault.open(to, { clinicianId: 'dr.ada', passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT });
    try {
      expect(copy.db.prepare('SELECT count(*) FROM evidence_sources').pluck().get()).toBe(1);
    } finally {
      copy.close();
    }
    // The same name again, or a relative one, is refused in one line; nothing is overwritten.
    expect(await core.invoke('vault.backup', { to })).toMatchObject({ ok: false, error: { code: 'vault-exists', message: `${to}: a file is already there; choose a new backup name` } });
    expect(await core.invoke('vault.backup', { to: 'backup.vault' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('locking the vault ends a backup job: it is forgotten, and no half-written copy is left', async () => {
    const to = join(dir, 'backup-2.vault');
    const { job } = await call(core, 'vault.startBackup', { to });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { clinicianId: 'dr.ada', passphrase: PASSPHRASE });
    expect(await call(core, 'jobs.get', { jobId: job.id })).toEqual({ job: null });
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    // Whether it finished before the lock or not, a backup there is whole: it opens.
    if (existsSync(to)) Vault.open(to, { clinicianId: 'dr.ada', passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT }).close();
  });
});
