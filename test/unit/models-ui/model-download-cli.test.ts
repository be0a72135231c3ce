import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { FakeHub } from '../../helpers/fake-hub';
import { STORIES_FILE, STORIES_ID, STORIES_REPO, storiesBytes, writeTestCatalogue } from '../../helpers/test-catalogue';

/** `continuum model catalogue` and `continuum model download ID` against the tests' hub. */
let dir: string;
let hub: FakeHub;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum download cli '));
  hub = new FakeHub();
  hub.put(STORIES_REPO, STORIES_FILE, storiesBytes());
  env = { CONTINUUM_MODEL_HUB: await hub.start(), CONTINUUM_MODEL_CATALOGUE: writeTestCatalogue(dir) };
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('continuum model catalogue', () => {
  it('lists the models with size, memory, expected speed and licence, and shows the formulas', async () => {
    const models = join(dir, 'empty');
    const run = await runCli(['model', 'catalogue', '--models', models], env);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^stories260k-f32 {2}Stories 260K F32 {2}≈1 MB {2}memory \d+ MB {2}≈[\d.]+ tokens\/s {2}MIT {2}fits\n/);
    expect(run.out).toMatch(/memory needed = file size \+ KV cache/);
    expect(run.out).toMatch(/tokens\/s ≈ measured memory bandwidth \/ bytes of weights read per token .*; probe: one thread reading 128 MiB/);
    const json = await runCli(['model', 'catalogue', '--models', models, '--json'], env);
    const listing = JSON.parse(json.out) as { entries: Array<{ id: string; memoryBytes: number; tokensPerSecond: number }>; speed: { bandwidthBytesPerSecond: number } };
    expect(listing.entries[0]!.tokensPerSecond).toBeCloseTo(listing.speed.bandwidthBytesPerSecond / storiesBytes().length, 6);
  });

  it('refuses a malformed catalogue in one line (exit 1)', async () => {
    const run = await runCli(['model', 'catalogue'], { ...env, CONTINUUM_MODEL_CATALOGUE: join(dir, 'absent.json') });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^continuum: the model catalogue .*absent\.json cannot be read as JSON/);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('continuum model download', () => {
  it('downloads, checks the SHA-256, adds the model and proves it loads (exit 0)', async () => {
    const models = join(dir, 'models-ok');
    const run = await runCli(['model', 'download', '--models', models, '--json', STORIES_ID], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ id: STORIES_ID, dir: join(models, STORIES_ID), bytes: storiesBytes().length });
    const listed = await runCli(['model', 'list', '--models', models, '--json']);
    expect((JSON.parse(listed.out) as { models: Array<{ ok: boolean; name: string }> }).models).toEqual([expect.objectContaining({ ok: true, name: 'Stories 260K (F32)' })]);
  }, 60_000);

  it('refuses a file that is not the published one: exit 1, one line, nothing added', async () => {
    const models = join(dir, 'models-bad');
    hub.put(STORIES_REPO, STORIES_FILE, storiesBytes(), { published: '0'.repeat(64) });
    try {
      const run = await runCli(['model', 'download', '--models', models, STORIES_ID], env);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/^continuum: stories260K\.gguf: its SHA-256 [0-9a-f]{12}… is not the published 000000000000…; the download was deleted and nothing was added\n$/);
      expect(existsSync(join(models, STORIES_ID))).toBe(false);
      expect(readdirSync(join(models, '.downloads'))).toEqual([]);
    } finally {
      hub.put(STORIES_REPO, STORIES_FILE, storiesBytes());
    }
  });

  it('exit 1 for an id not in the catalogue, 2 without an id', async () => {
    const unknown = await runCli(['model', 'download', 'qwen-9000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^continuum: qwen-9000 is not in the model catalogue/);
    expect((await runCli(['model', 'download'], env)).code).toBe(2);
  });
});
