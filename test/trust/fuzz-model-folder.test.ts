import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../electron/model/errors';
import { loadModel } from '../../electron/model/loaded-model';
import { MANIFEST_FILE, readManifest, verifyModelFiles, writeManifest } from '../../electron/model/manifest';
import { listModels } from '../../electron/model/model-list';
import { ModelTokenizer } from '../../electron/model/tokenizer';
import { generateModelFolder } from '../../scripts/models/model-folder';
import { envCount, writeTrustResult } from './support';

// The model-folder loader fed damaged folders: a valid tiny model (the
// generator's Qwen2 layout) with its config.json, tokenizer files,
// generation_config.json, ONNX file or continuum-model.json deleted,
// truncated, bit-flipped, replaced by other JSON or by garbage, grown huge,
// or with keys changed; sometimes the manifest re-recorded afterwards (an
// administrator recording a broken copy), so that the parsers behind the
// integrity check are reached too. The layer that runs before an ONNX
// session (manifest, integrity, tokenizer and chat template) runs on every
// case, and listModels on the folder; the whole loadModel, session
// included, on one case in two hundred (a session costs about a second).
// Never a throw other than a ModelError with one line; never a hang.

const RUNS = envCount('CONTINUUM_TRUST_FUZZ_RUNS', 300);
const CASE_BOUND_MS = 5000;
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'generation_config.json', MANIFEST_FILE, 'onnx/model.onnx'] as const;
type ModelFile = (typeof FILES)[number];

let root: string;
let base: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'continuum-fuzz-model-'));
  base = join(root, 'base');
  await generateModelFolder({ size: 'tiny', precision: 'fp32', seed: 1, out: base });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Json = unknown;
const jsonValue = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 1.5, 1e308, 2 ** 53, '', 'x', '../../etc/passwd', '/abs/path', [], {}, [null], { content: 1 }, 'a'.repeat(10_000), 544, 100_000, '0'.repeat(64)),
  fc.jsonValue({ maxDepth: 2 }),
);
/** Keys that the loader and the tokenizer read, so that a changed value lands where it matters. */
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('vocab_size', 'eos_token_id', 'bos_token_id', 'model', 'added_tokens', 'decoder', 'pre_tokenizer', 'normalizer', 'chat_template', 'eos_token', 'bos_token', 'pad_token', 'do_sample', 'temperature', 'top_p', 'top_k', 'format', 'name', 'licence', 'contextLength', 'onnx', 'quantization', 'thinking', 'files', 'vocab', 'merges', 'type') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

type Damage =
  | { op: 'delete' }
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'replace'; with: Json }
  | { op: 'garbage'; bytes: Uint8Array }
  | { op: 'oversize'; megabytes: number }
  | { op: 'set-key'; key: string; value: Json; nested: boolean }
  | { op: 'delete-key'; key: string }
  | { op: 'manifest-entry'; entry: number; field: 'bytes' | 'sha256' | 'path' | 'drop' | 'duplicate'; value: Json };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ op: 'delete' as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('replace' as const), with: jsonValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('garbage' as const), bytes: fc.uint8Array({ maxLength: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('oversize' as const), megabytes: fc.constantFrom(1, 4) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set-key' as const), key, value: jsonValue, nested: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete-key' as const), key }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('manifest-entry' as const),
      entry: at,
      field: fc.constantFrom('bytes' as const, 'sha256' as const, 'path' as const, 'drop' as const, 'duplicate' as const),
      value: fc.oneof(jsonValue, fc.constantFrom<Json>('0'.repeat(64), 'f'.repeat(64), 'onnx/../onnx/model.onnx', 'config.json', 'missing.json', 2 ** 40)),
    }),
  },
);
const change = fc.record({ file: fc.constantFrom<ModelFile>(...FILES), damage, rerecord: fc.boolean() });
const input = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 3 }), fullLoad: fc.noBias(fc.integer({ min: 0, max: 199 })).map((n) => n === 0) });

function readJson(file: string): Json {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch {
    return undefined;
  }
}

/** Applies one damage to one file of the folder (a key change on a file that is not a JSON object changes nothing). */
function apply(dir: string, file: ModelFile, d: Damage): void {
  const path = join(dir, file);
  const present = existsSync(path);
  switch (d.op) {
    case 'delete':
      rmSync(path, { force: true });
      return;
    case 'truncate':
      if (present) truncateSync(path, Math.floor(d.at * readFileSync(path).length));
      return;
    case 'flip': {
      if (!present) return;
      const bytes = readFileSync(path);
      if (bytes.length === 0) return;
      const i = Math.floor(d.at * bytes.length);
      bytes[i] = bytes[i]! ^ (1 << d.bit);
      writeFileSync(path, bytes);
      return;
    }
    case 'replace':
      writeFileSync(path, JSON.stringify(d.with) ?? '');
      return;
    case 'garbage':
      writeFileSync(path, d.bytes);
      return;
    case 'oversize': {
      // Valid JSON (or a valid prefix) followed by megabytes of padding: must be refused or read, never hang.
      const head = present ? readFileSync(path) : Buffer.alloc(0);
      writeFileSync(path, Buffer.concat([head, Buffer.alloc(d.megabytes << 20, 0x20)]));
      return;
    }
    case 'set-key':
    case 'delete-key': {
      const value = readJson(path);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      const target = (d.op === 'set-key' && d.nested ? Object.values(value).find((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) : value) as Record<string, Json> | undefined;
      if (!target) return;
      if (d.op === 'set-key') target[d.key] = d.value;
      else delete target[d.key];
      writeFileSync(path, JSON.stringify(value));
      return;
    }
    case 'manifest-entry': {
      const manifestPath = join(dir, MANIFEST_FILE);
      const manifest = readJson(manifestPath) as { files?: Array<Record<string, Json>> } | undefined;
      if (!manifest || !Array.isArray(manifest.files) || manifest.files.length === 0) return;
      const i = Math.floor(d.entry * manifest.files.length);
      const entry: unknown = manifest.files[i];
      if (d.field === 'drop') manifest.files.splice(i, 1);
      else if (d.field === 'duplicate') manifest.files.push({ ...(isRecord(entry) ? entry : {}), sha256: '0'.repeat(64) });
      // An earlier change may have replaced the entry by a non-object (set-key files: [false]): nothing to set a field on.
      else if (isRecord(entry)) entry[d.field] = d.value;
      else return;
      writeFileSync(manifestPath, JSON.stringify(manifest));
      return;
    }
  }
}

function isRecord(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An administrator recorded the damaged file as it is: its manifest entry gets the file's real size and hash. */
function rerecord(dir: string, file: ModelFile): void {
  const manifestPath = join(dir, MANIFEST_FILE);
  const path = join(dir, file);
  const manifest = readJson(manifestPath) as { files?: Array<Record<string, Json>> } | undefined;
  if (file === MANIFEST_FILE || !existsSync(path) || !manifest || !Array.isArray(manifest.files)) return;
  const bytes = readFileSync(path);
  for (const entry of manifest.files) {
    if (entry && typeof entry === 'object' && entry.path === file) {
      entry.bytes = bytes.length;
      entry.sha256 = createHash('sha256').update(bytes).digest('hex');
    }
  }
  writeFileSync(manifestPath, JSON.stringify(manifest));
}

/** The loader's steps before any ONNX session, in loadModel's order: 'accepted', or the refusal. */
async function beforeSession(dir: string): Promise<'accepted' | ModelError> {
  try {
    const manifest = readManifest(dir);
    await verifyModelFiles(dir, manifest);
    ModelTokenizer.load(dir);
    return 'accepted';
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw new Error(`not a ModelError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 400), { cause: error });
  }
}

function checkRefusal(error: ModelError, where: string): void {
  expect(error.message, where).not.toMatch(/[\r\n]/);
  expect(error.message.length, where).toBeGreaterThan(10);
  expect(error.message.length, `${where}: ${error.message.slice(0, 200)}`).toBeLessThan(600);
}

describe('fuzz: model-folder loader', () => {
  it(`refuses ${RUNS} damaged model folders with one clear line, never a crash or hang`, { timeout: 120_000 + RUNS * 500 }, async () => {
    const started = Date.now();
    const codes: Record<string, number> = {};
    let cases = 0;
    let fullLoads = 0;
    let slowCases = 0;
    let slowest = 0;
    let failure: string | null = null;
    try {
      await fc.assert(
        fc.asyncProperty(input, async ({ changes, fullLoad }) => {
          cases += 1;
          const models = join(root, `case-${cases}`);
          const dir = join(models, 'model');
          cpSync(base, dir, { recursive: true });
          try {
            for (const c of changes) {
              apply(dir, c.file, c.damage);
              if (c.rerecord) rerecord(dir, c.file);
            }
            const caseStarted = Date.now();
            const outcome = await beforeSession(dir);
            const code = outcome === 'accepted' ? 'accepted' : outcome.code;
            codes[code] = (codes[code] ?? 0) + 1;
            if (outcome !== 'accepted') checkRefusal(outcome, `case ${cases}`);
            // The model manager's listing reads manifests only: it must list the folder, as ok or with its problem.
            const listing = listModels(models);
            expect(listing.length).toBe(1);
            if (!listing[0]!.ok) expect(listing[0]!.problem).not.toMatch(/[\r\n]/);
            if (fullLoad) {
              fullLoads += 1;
              const loaded = await loadModel(dir, { threads: 1 }).then(
                async (model) => {
                  await model.session.release();
                  return 'loaded' as const;
                },
                (error: unknown) => error,
              );
              if (loaded !== 'loaded') {
                expect(loaded, String(loaded)).toBeInstanceOf(ModelError);
                checkRefusal(loaded as ModelError, `case ${cases} (full load)`);
              }
              // What the layer before the session refused, the full load refuses too (config.json is read between them).
              if (outcome !== 'accepted') expect(loaded).not.toBe('loaded');
            }
            const elapsed = Date.now() - caseStarted;
            slowest = Math.max(slowest, elapsed);
            if (elapsed > CASE_BOUND_MS) slowCases += 1;
          } finally {
            rmSync(models, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, seed: envCount('CONTINUUM_TRUST_SEED', 20261123) },
      );
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      const cause = (error as { cause?: unknown }).cause;
      failure = [...lines.slice(0, 3), `Error: ${cause instanceof Error ? cause.message.split('\n').slice(0, 4).join(' | ') : '?'}`].join('\n');
    }
    writeTrustResult('fuzz-model-folder', { cases, failures: (failure ? 1 : 0) + slowCases, failure: failure?.slice(0, 3000) ?? null, slowCases, caseBoundMs: CASE_BOUND_MS, slowestCaseMs: slowest, fullLoads, outcomes: codes, seconds: (Date.now() - started) / 1000 });
    expect(failure).toBeNull();
    expect(slowCases).toBe(0);
    // The generator must reach the integrity check, the parsers behind it and an intact-enough folder.
    if (RUNS >= 100) expect(Object.keys(codes)).toEqual(expect.arrayContaining(['integrity', 'corrupt', 'missing']));
  });

  it('refuses truncated ONNX files through the real load path, session included, with one line', { timeout: 300_000 }, async () => {
    const original = readFileSync(join(base, 'onnx/model.onnx')).length;
    const cuts = [0, 1, 16, 100, 4096, Math.floor(original / 3), Math.floor(original / 2), original - 1000, original - 1];
    const messages: string[] = [];
    for (const cut of cuts) {
      const dir = join(root, `cut-${cut}`);
      cpSync(base, dir, { recursive: true });
      truncateSync(join(dir, 'onnx/model.onnx'), cut);
      const { files: _files, format: _format, ...info } = readManifest(dir);
      await writeManifest(dir, info); // recorded as it is: the ONNX parser itself must refuse it
      const error = await loadModel(dir, { threads: 1 }).then(
        async (model) => {
          await model.session.release();
          return null;
        },
        (e: unknown) => e,
      );
      rmSync(dir, { recursive: true, force: true });
      expect(error, `cut at ${cut} bytes loaded`).toBeInstanceOf(ModelError);
      checkRefusal(error as ModelError, `cut at ${cut}`);
      expect((error as ModelError).code).toBe('corrupt');
      messages.push((error as ModelError).message);
    }
    expect(messages.every((m) => /model\.onnx/.test(m))).toBe(true);
  });
});
