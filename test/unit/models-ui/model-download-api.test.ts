import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/core/core-client';
import { coreCalls } from '../../helpers/core-calls';
import { startCoreWithModels } from '../../helpers/core-with-models';
import { FakeHub } from '../../helpers/fake-hub';
import { STORIES_FILE, STORIES_ID, STORIES_REPO, storiesBytes, writeTestCatalogue } from '../../helpers/test-catalogue';

/**
 * The catalogue and its downloads through the real dispatch: the listing
 * with its estimates, the hub's reachability, a download as a job (its
 * progress in jobs.get and the catalogue), pause keeping the part, cancel
 * deleting it, and the downloaded model installed and active.
 */
let dir: string;
let models: string;
let hub: FakeHub;
let core: CoreClient;
let closeCore: () => Promise<void>;
const saved = { hub: process.env['CONTINUUM_MODEL_HUB'], catalogue: process.env['CONTINUUM_MODEL_CATALOGUE'] };
const { call, failure } = coreCalls(() => core);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum download api '));
  models = join(dir, 'models');
  hub = new FakeHub();
  hub.put(STORIES_REPO, STORIES_FILE, storiesBytes());
  process.env['CONTINUUM_MODEL_HUB'] = await hub.start();
  process.env['CONTINUUM_MODEL_CATALOGUE'] = writeTestCatalogue(dir);
  ({ core, close: closeCore } = await startCoreWithModels(dir, models));
}, 120_000);

afterAll(async () => {
  await closeCore?.();
  await hub.close();
  for (const [key, value] of [['CONTINUUM_MODEL_HUB', saved.hub], ['CONTINUUM_MODEL_CATALOGUE', saved.catalogue]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

const part = () => join(models, '.downloads', `${STORIES_ID}.part`);

describe('the model catalogue over the API', () => {
  it('lists each model with memory needed, expected speed and its formula, and whether it fits', async () => {
    const listing = await call('models.catalogue', {});
    expect(listing.entries).toHaveLength(1);
    const [entry] = listing.entries;
    expect(entry).toMatchObject({ id: STORIES_ID, installed: null, download: null, fits: true, memoryContext: 512 });
    expect(entry!.tokensPerSecond).toBeCloseTo(listing.speed.bandwidthBytesPerSecond / storiesBytes().length, 6);
    expect(listing.speed.formula).toMatch(/bandwidth \/ bytes of weights/);
    expect(listing.speed.source).toMatch(/^(probe|measured): /);
    expect(listing.hub).toBe(process.env['CONTINUUM_MODEL_HUB']);
  });

  it('says whether the hub can be reached, plainly', async () => {
    expect(await call('models.hubStatus', {})).toMatchObject({ reachable: true });
    const live = process.env['CONTINUUM_MODEL_HUB'];
    const dead = new FakeHub();
    process.env['CONTINUUM_MODEL_HUB'] = await dead.start();
    await dead.close();
    try {
      const status = await call('models.hubStatus', {});
      expect(status.reachable).toBe(false);
      expect(status.message).toMatch(/^Offline: .* cannot be reached from this computer\. Add a model from a folder or USB drive instead\.$/);
      // Turned off: no connection is even tried, and downloads are refused in the same words.
      process.env['CONTINUUM_MODEL_HUB'] = 'off';
      expect(await call('models.hubStatus', {})).toEqual({ reachable: false, hub: 'off', message: expect.stringMatching(/^Downloads are turned off on this computer/) });
      expect((await call('models.catalogue', {})).hub).toBe('off');
      expect(await failure('models.startDownload', { id: STORIES_ID })).toMatch(/^Downloads are turned off/);
    } finally {
      process.env['CONTINUUM_MODEL_HUB'] = live;
    }
  });

  it('pauses a download (the part is kept and listed as paused), then cancels it (the part is deleted)', async () => {
    hub.holdAt = 512 * 1024;
    const held = hub.whenHeld();
    const { job } = await call('models.startDownload', { id: STORIES_ID });
    expect(job).toMatchObject({ method: 'models.download', state: 'running' });
    await held;
    while (!existsSync(part()) || statSync(part()).size < 256 * 1024) await new Promise((r) => setTimeout(r, 5));
    const running = (await call('models.catalogue', {})).entries[0]!.download;
    expect(running).toMatchObject({ state: 'running', jobId: job.id });
    expect(await call('models.pauseDownload', { id: STORIES_ID })).toEqual({ paused: true });
    hub.release();
    expect((await call('jobs.get', { jobId: job.id })).job?.state).toBe('cancelled');
    const paused = (await call('models.catalogue', {})).entries[0]!.download;
    expect(paused).toMatchObject({ state: 'paused', totalBytes: storiesBytes().length, jobId: null });
    expect(paused!.bytes).toBeGreaterThanOrEqual(256 * 1024);
    expect(await call('models.cancelDownload', { id: STORIES_ID })).toEqual({ cancelled: true });
    expect(existsSync(part())).toBe(false);
    expect((await call('models.catalogue', {})).entries[0]!.download).toBeNull();
  });

  it('downloads, checks and adds the model: it is installed and active, and a second download is refused', async () => {
    const { job } = await call('models.startDownload', { id: STORIES_ID });
    const outcome = await call('jobs.result', { jobId: job.id });
    expect(outcome.job.state).toBe('done');
    expect(outcome.value).toMatchObject({ dir: join(models, STORIES_ID), bytes: storiesBytes().length });
    const state = await call('models.list', {});
    expect(state.active).toBe(join(models, STORIES_ID));
    expect(state.models.map((m) => [m.folder, m.status])).toEqual([[STORIES_ID, 'active']]);
    expect((await call('models.catalogue', {})).entries[0]!.installed).toBe(join(models, STORIES_ID));
    expect(readdirSync(join(models, '.downloads'))).toEqual([]);
    const again = await call('models.startDownload', { id: STORIES_ID });
    const refused = await call('jobs.result', { jobId: again.job.id });
    expect(refused.job).toMatchObject({ state: 'failed', error: { message: expect.stringMatching(/already exists: Stories 260K \(F32\) is installed/) } });
  }, 60_000);

  it('refuses an id that is not in the catalogue, in one line', async () => {
    expect(await failure('models.startDownload', { id: 'no-such-model' })).toMatch(/^no-such-model is not in the model catalogue/);
  });
});
