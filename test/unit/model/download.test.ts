/**
 * The model downloader against a local server that serves files the way
 * the Hugging Face hub does (test/helpers/fake-hub.ts): the redirect to the
 * CDN, Range and If-Range, the SHA-256 in X-Linked-Etag, a dropped
 * connection, a wrong hash, pause and resume, cancel, a file changed
 * between pause and resume, a full disk, a redirect to plain http.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../../../electron/api/catalogue-schemas';
import { addModel, listModels, MANIFEST_FILE, readAnyManifest } from '../../../electron/model';
import { DownloadError, downloadFile } from '../../../electron/model/download/download-file';
import { discardDownload, downloadModel, keptDownloads, partFileFor } from '../../../electron/model/download/download-model';
import { allowedUrl, hubBase, resolveUrl } from '../../../electron/model/download/hub';
import { FakeHub, HUB_COMMIT } from '../../helpers/fake-hub';

const STORIES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/models/stories260K/stories260K.gguf');
const REPO = 'test-owner/Stories-GGUF';
const FILE = 'stories260K.gguf';
const stories = readFileSync(STORIES);
const storiesSha = createHash('sha256').update(stories).digest('hex');

function entry(overrides: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    id: 'stories260k-f32',
    name: 'Stories 260K',
    format: 'gguf',
    quantization: 'F32',
    parameters: 260_000,
    bytes: null,
    approximateBytes: stories.length,
    sha256: null,
    source: { repo: REPO, revision: 'main', file: FILE },
    licence: { id: 'MIT', name: 'MIT License', url: 'https://example.org/mit', restrictions: null },
    architecture: { layers: 5, kvHeads: 4, headDim: 8, trainedContext: 512 },
    ...overrides,
  };
}

let hub: FakeHub;
let models: string;
const added: string[] = [];
/** The real add path (manifest with size and SHA-256), without loading llama.cpp: the GGUF e2e loads it. */
const add = async (dir: string) => {
  added.push(dir);
  return addModel(dir, { check: async () => undefined, licence: 'MIT' });
};
const quick = { backoffMs: () => 0, stallMs: 10_000 };

beforeAll(async () => {
  hub = new FakeHub();
  await hub.start();
});
afterAll(() => hub.close());
beforeEach(() => {
  models = mkdtempSync(join(tmpdir(), 'continuum downloads '));
  hub.put(REPO, FILE, stories);
  hub.requests.length = 0;
  hub.dropAt = null;
  hub.holdAt = null;
  added.length = 0;
});
afterEach(() => rmSync(models, { recursive: true, force: true }));

const base = () => hubBase({ CONTINUUM_MODEL_HUB: hub.url });

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DownloadError);
  expect((error as Error).message).not.toContain('\n');
  return error as DownloadError;
}

async function untilPartHas(bytes: number): Promise<void> {
  const part = partFileFor(models, 'stories260k-f32');
  while (!existsSync(part) || statSync(part).size < bytes) await new Promise((r) => setTimeout(r, 5));
}

describe('downloading a catalogue model', () => {
  it('follows the redirect to the CDN, checks the published SHA-256, and adds the model through the add path', async () => {
    const progress: number[] = [];
    const got = await downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick, onProgress: (p) => progress.push(p.bytes) });
    expect(got.sha256).toBe(storiesSha);
    expect(got.dir).toBe(join(models, 'stories260k-f32'));
    expect(readdirSync(got.dir).sort()).toEqual([MANIFEST_FILE, FILE]);
    expect(readAnyManifest(got.dir).files).toEqual([{ path: FILE, bytes: stories.length, sha256: storiesSha }]);
    expect(listModels(models).map((m) => m.ok && m.dir)).toEqual([got.dir]);
    expect(progress.at(-1)).toBe(stories.length);
    expect(hub.requests.map((r) => r.status)).toEqual([302, 200]);
    expect(hub.requests[0]!.path).toBe(`/${REPO}/resolve/main/${FILE}`);
    // Nothing left behind in .downloads.
    expect(readdirSync(join(models, '.downloads'))).toEqual([]);
  });

  it('resumes after a dropped connection with a Range request and ends with the right bytes', async () => {
    hub.dropAt = 400 * 1024;
    const got = await downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick });
    expect(readFileSync(join(got.dir, FILE)).equals(stories)).toBe(true);
    const ranged = hub.requests.filter((r) => r.status === 206);
    expect(ranged).toHaveLength(1);
    expect(Number(/bytes=(\d+)-/.exec(ranged[0]!.range!)![1])).toBeGreaterThan(0);
    // The resume asked for the commit the first answer named, never "main" again.
    expect(hub.requests.filter((r) => r.status === 302).map((r) => r.path)).toEqual([`/${REPO}/resolve/main/${FILE}`, `/${REPO}/resolve/${HUB_COMMIT}/${FILE}`]);
  });

  it('gives up after the retries when the connection keeps failing, and keeps the part for a later resume', async () => {
    const dead = new FakeHub();
    await dead.start();
    await dead.close(); // nothing listens there any more
    const error = await failure(downloadModel(entry(), { modelsDir: models, hub: hubBase({ CONTINUUM_MODEL_HUB: dead.url }), add, ...quick, retries: 2 }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/failed 3 times in a row/);
    expect(added).toEqual([]);
  });

  it('refuses a file whose SHA-256 is not the published one: the part is deleted and nothing is added', async () => {
    hub.put(REPO, FILE, stories, { published: 'ab'.repeat(32) });
    const error = await failure(downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick }));
    expect(error.code).toBe('hash-mismatch');
    expect(error.message).toMatch(/^stories260K\.gguf: its SHA-256 [0-9a-f]{12}… is not the published abababababab…; the download was deleted and nothing was added$/);
    expect(added).toEqual([]);
    expect(existsSync(join(models, 'stories260k-f32'))).toBe(false);
    expect(readdirSync(join(models, '.downloads'))).toEqual([]);
  });

  it('refuses before downloading when the hub publishes another SHA-256 than the catalogue names', async () => {
    const error = await failure(downloadModel(entry({ sha256: 'cd'.repeat(32) }), { modelsDir: models, hub: base(), add, ...quick }));
    expect(error.code).toBe('changed');
    expect(hub.requests.map((r) => r.status)).toEqual([302, 200]);
    expect(keptDownloads(models).size).toBe(0);
  });

  it('pauses (the part is kept) and resumes from where it stopped with Range and If-Range', async () => {
    hub.holdAt = 512 * 1024;
    const pause = new AbortController();
    const first = downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick, signal: pause.signal });
    await hub.whenHeld();
    await untilPartHas(256 * 1024);
    pause.abort();
    expect((await failure(first)).code).toBe('stopped');
    hub.release();
    const kept = keptDownloads(models).get('stories260k-f32');
    expect(kept?.totalBytes).toBe(stories.length);
    expect(kept!.bytes).toBeGreaterThanOrEqual(256 * 1024);

    const got = await downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick });
    expect(readFileSync(join(got.dir, FILE)).equals(stories)).toBe(true);
    const resumed = hub.requests.at(-1)!;
    expect(resumed).toMatchObject({ status: 206, range: `bytes=${kept!.bytes}-` });
    expect(resumed.ifRange).toMatch(/^"cdn-/);
  });

  it('restarts from byte 0 when the file changed between pause and resume (If-Range answered with the whole new file)', async () => {
    hub.holdAt = 512 * 1024;
    const pause = new AbortController();
    const first = downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick, signal: pause.signal });
    await hub.whenHeld();
    await untilPartHas(256 * 1024);
    pause.abort();
    await failure(first);
    hub.release();
    // The publisher replaced the file: same name, same size, other bytes (a GGUF still, so that it can be added).
    const changed = Buffer.from(stories);
    changed.set(randomBytes(4096), stories.length - 8192);
    hub.put(REPO, FILE, changed);
    hub.requests.length = 0;
    const got = await downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick });
    expect(readFileSync(join(got.dir, FILE)).equals(changed)).toBe(true);
    expect(got.sha256).toBe(createHash('sha256').update(changed).digest('hex'));
    // One request with Range and If-Range, answered 200 with the whole file: no second request needed.
    expect(hub.requests.map((r) => r.status)).toEqual([302, 200]);
    expect(hub.requests[1]!.range).toMatch(/^bytes=\d+-$/);
    expect(hub.requests[1]!.ifRange).toMatch(/^"cdn-/);
  });

  it('cancels: the part is deleted', async () => {
    hub.holdAt = 512 * 1024;
    const stop = new AbortController();
    const first = downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick, signal: stop.signal });
    await hub.whenHeld();
    await untilPartHas(256 * 1024);
    stop.abort();
    await failure(first);
    hub.release();
    expect(discardDownload(models, 'stories260k-f32')).toBe(true);
    expect(readdirSync(join(models, '.downloads'))).toEqual([]);
    expect(keptDownloads(models).size).toBe(0);
    expect(added).toEqual([]);
  });

  it('checks the free space before writing a byte', async () => {
    const statfs = async () => ({ bavail: 100, bsize: 4096 });
    const error = await failure(downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick, statfs }));
    expect(error.code).toBe('disk-space');
    expect(error.message).toMatch(/^stories260K\.gguf: needs [\d.]+ MB free in .* but it has 0\.4 MB; free some space, then download again$/);
    expect(existsSync(partFileFor(models, 'stories260k-f32'))).toBe(false);
  });

  it('never follows a redirect to plain http off this computer', async () => {
    hub.put(REPO, FILE, stories, { redirectTo: 'http://cdn.example.org/file.gguf' });
    const error = await failure(downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick }));
    expect(error.code).toBe('redirect');
    expect(error.message).toContain('http://cdn.example.org');
    expect(error.message).not.toContain('file.gguf');
  });

  it('says what a gated repository needs, in one line', async () => {
    hub.put(REPO, FILE, stories, { gated: true });
    const error = await failure(downloadModel(entry(), { modelsDir: models, hub: base(), add, ...quick }));
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/HTTP 401: .*licence accepted on the hub/);
  });

  it('refuses a hub address that is plain http off this computer, or holds a password', () => {
    expect(() => hubBase({ CONTINUUM_MODEL_HUB: 'http://mirror.clinic.local' })).toThrow(/https/);
    expect(() => hubBase({ CONTINUUM_MODEL_HUB: 'https://user:secret@mirror.clinic.local' })).toThrow(/password/);
    expect(hubBase({}).href).toBe('https://huggingface.co/');
    // A hub on the network may not send a download to plain http on this computer (a local service).
    expect(allowedUrl(new URL('http://127.0.0.1:8080/x'), new URL('https://huggingface.co/a'))).toBe(false);
    expect(allowedUrl(new URL('http://127.0.0.1:8080/x'), new URL('http://127.0.0.1:9000/a'))).toBe(true);
    expect(allowedUrl(new URL('https://cdn.example.org/x'), new URL('https://huggingface.co/a'))).toBe(true);
    expect(resolveUrl(hubBase({}), entry().source).href).toBe(`https://huggingface.co/${REPO}/resolve/main/${FILE}`);
  });
});

describe('downloadFile on its own', () => {
  it('takes the SHA-256 from a plain mirror\'s ETag when there is no X-Linked-Etag, and a 416 on a complete part finishes', async () => {
    const part = join(models, 'x.part');
    const url = () => new URL(`${hub.url}/cdn/${storiesSha}/${encodeURIComponent(`${REPO}/${FILE}`)}`);
    // The CDN's ETag is not a SHA-256 and nothing else publishes one: refused.
    const error = await failure(downloadFile({ url, partFile: part, expectedSha256: null, expectedBytes: null, ...quick }));
    expect(error.code).toBe('no-published-hash');
    const done = await downloadFile({ url, partFile: part, expectedSha256: storiesSha, expectedBytes: stories.length, ...quick });
    expect(done.sha256).toBe(storiesSha);
  });
});
