import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listImageModels,
  openImageModel,
  readImageManifest,
  releaseImageModels,
  toProbabilities,
  verifyImageModelFiles,
  writeImageManifest,
} from '../../../electron/imaging/image-model';
import { listModels, readManifest } from '../../../electron/model';
import { generateImageClassifier } from '../../../scripts/models/image-classifier';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-vault';

/**
 * The image-model folder format: the manifest (kind image-classifier) read
 * and checked with messages naming the folder and field, the integrity check
 * shared with language models, and the graph's signature checked against the
 * manifest when the session is opened.
 */
let base: string;
let model: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'continuum-image-model-'));
  model = join(base, 'models', 'xray');
  await generateImageClassifier({ preset: 'chest-xray', seed: 3, out: model });
});

afterAll(async () => {
  await releaseImageModels();
  rmSync(base, { recursive: true, force: true });
});

/** A copy of the generated model with its manifest edited by `edit`. */
function variant(name: string, edit: (manifest: Record<string, unknown>) => void = () => undefined): string {
  const dir = join(tempDir(), name);
  cpSync(model, dir, { recursive: true });
  const file = join(dir, 'continuum-model.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

describe('the image-model manifest', () => {
  it('reads the generated test model: kind, test flag, modality, input spec, labels, files with size and SHA-256', async () => {
    const m = readImageManifest(model);
    expect(m).toMatchObject({
      kind: 'image-classifier',
      testModel: true,
      onnx: 'model.onnx',
      modality: { description: 'chest X-ray', dicomModalities: ['CR', 'DX'], bodyParts: ['CHEST'], photos: false },
      input: { width: 64, height: 64, channels: 3, layout: 'NCHW', valueRange: '0-1' },
      output: { kind: 'probabilities' },
    });
    expect(m.labels.map((l) => l.name)).toEqual(['Test class A', 'Test class B', 'Test class C', 'Test class D']);
    expect(m.labelsNote).toMatch(/mean nothing/);
    expect(m.files).toEqual([{ path: 'model.onnx', bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    await expect(verifyImageModelFiles(model, m)).resolves.toBeUndefined();
  });

  it('refuses a bad field with a message naming the folder and the field', () => {
    const channels = variant('bad-channels', (m) => ((m.input as Record<string, unknown>).channels = 4));
    expect(() => readImageManifest(channels)).toThrow(/^image model bad-channels: continuum-model\.json field input\.channels /);
    const mean = variant('bad-mean', (m) => ((m.input as Record<string, unknown>).mean = [0.5]));
    expect(() => readImageManifest(mean)).toThrow('image model bad-mean: continuum-model.json field input mean and std need one value per channel');
    const modality = variant('no-modality', (m) => (m.modality = { description: 'chest X-ray' }));
    expect(() => readImageManifest(modality)).toThrow(/field modality must accept photos or at least one DICOM modality/);
    const outside = variant('outside', (m) => (m.onnx = '../other/model.onnx'));
    expect(() => readImageManifest(outside)).toThrow(/field onnx must be a path inside the model folder/);
    const twice = variant('twice', (m) => (m.labels = [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }, { id: 'c', name: 'C' }, { id: 'd', name: 'D' }]));
    expect(() => readImageManifest(twice)).toThrow('image model twice: continuum-model.json field labels has the same id twice');
    const json = variant('json');
    writeFileSync(join(json, 'continuum-model.json'), '{ "format": 1,');
    expect(() => readImageManifest(json)).toThrow('image model json: continuum-model.json is not valid JSON');
  });

  it('is told apart from a language model: each list shows only its own kind, and the language runtime refuses it clearly', () => {
    expect(() => readManifest(model)).toThrow(`${model} holds a model of kind "image-classifier", not a language model`);
    const dir = join(base, 'models');
    const lm = join(dir, 'language');
    mkdirSync(lm, { recursive: true });
    writeFileSync(join(lm, 'continuum-model.json'), '{}');
    expect(listModels(dir).map((m) => m.dir)).toEqual([lm]);
    expect(listImageModels(dir).map((m) => m.id)).toEqual(['xray']);
    rmSync(lm, { recursive: true });
  });
});

describe('adding an export: continuum imaging model-files', () => {
  it("records the files of a hand-written manifest, checking its other fields", async () => {
    const dir = variant('hand-written', (m) => delete m.files);
    const run = await runCli(['imaging', 'model-files', '--model', dir]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe(`${dir}: Continuum test image classifier (chest-xray) 0.1.0-seed3, 1 file(s) recorded\n`);
    await expect(verifyImageModelFiles(dir, readImageManifest(dir))).resolves.toBeUndefined();
    const bad = variant('hand-written-bad', (m) => {
      delete m.files;
      delete m.intendedUse;
    });
    const refused = await runCli(['imaging', 'model-files', '--model', bad]);
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toMatch(/^continuum: image model hand-written-bad: continuum-model\.json field intendedUse /);
  });
});

describe('integrity: a partial, altered or unlisted file is refused before anything is loaded', () => {
  it('refuses an altered byte (same size) by its SHA-256', async () => {
    const dir = variant('altered');
    const onnx = join(dir, 'model.onnx');
    const bytes = readFileSync(onnx);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(onnx, bytes);
    await expect(openImageModel(dir)).rejects.toThrow('image model altered: model.onnx does not match its SHA-256 in the manifest: the file was altered or damaged; copy the model again');
  });

  it('refuses a partial copy by its size, and a missing file', async () => {
    const partial = variant('partial');
    truncateSync(join(partial, 'model.onnx'), 100);
    await expect(openImageModel(partial)).rejects.toThrow(/^image model partial: model\.onnx is 100 bytes but the manifest says [\d,]+: a partial or altered copy/);
    const missing = variant('missing');
    rmSync(join(missing, 'model.onnx'));
    await expect(openImageModel(missing)).rejects.toThrow(/^image model missing: the model file model\.onnx is missing/);
  });

  it('refuses an ONNX file the manifest does not list', async () => {
    const dir = variant('unlisted', (m) => (m.files = [{ path: 'other.bin', bytes: 1, sha256: '0'.repeat(64) }]));
    writeFileSync(join(dir, 'other.bin'), 'x');
    await expect(openImageModel(dir)).rejects.toThrow('image model unlisted: model.onnx is not listed in continuum-model.json: it cannot be checked, so the model is not loaded');
  });
});

describe("the graph's signature against the manifest", () => {
  it('refuses a manifest whose input size or layout does not match the graph', async () => {
    const size = variant('size', (m) => ((m.input as Record<string, unknown>).width = 128));
    await expect(openImageModel(size)).rejects.toThrow(
      "image model size: input pixel_values is ? x 3 x 64 x 64 but the manifest says 1 x 3 x 64 x 128 (NCHW): correct the manifest's input size, channels or layout",
    );
    const layout = variant('layout', (m) => ((m.input as Record<string, unknown>).layout = 'NHWC'));
    await expect(openImageModel(layout)).rejects.toThrow(/input pixel_values is \? x 3 x 64 x 64 but the manifest says 1 x 64 x 64 x 3 \(NHWC\)/);
  });

  it('refuses labels that do not match the number of classes, and unknown input or output names', async () => {
    const labels = variant('labels', (m) => (m.labels = (m.labels as unknown[]).slice(0, 3)));
    await expect(openImageModel(labels)).rejects.toThrow('image model labels: output probabilities has 4 classes but the manifest lists 3 labels');
    const input = variant('input-name', (m) => ((m.input as Record<string, unknown>).name = 'image'));
    await expect(openImageModel(input)).rejects.toThrow('image model input-name: the graph has no input "image" (it has pixel_values)');
  });

  it('refuses a file that is not an ONNX model', async () => {
    const dir = variant('not-onnx');
    writeFileSync(join(dir, 'model.onnx'), 'this is not a protobuf');
    const { files: _files, format: _format, kind: _kind, ...info } = readImageManifest(dir);
    await writeImageManifest(dir, info);
    await expect(openImageModel(dir)).rejects.toThrow(/^image model not-onnx: (model\.onnx is not a valid ONNX model|onnxruntime cannot load model\.onnx)/);
  });

  it('loads once and reuses the session; loads again (and verifies again) when a file changes', async () => {
    const dir = variant('reuse');
    const first = await openImageModel(dir);
    const second = await openImageModel(dir);
    expect(first.fresh).toBe(true);
    expect(second.fresh).toBe(false);
    expect(second.model).toBe(first.model);
    const onnx = join(dir, 'model.onnx');
    const bytes = readFileSync(onnx);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(onnx, bytes);
    await expect(openImageModel(dir)).rejects.toThrow(/does not match its SHA-256/);
  });
});

describe('output to probabilities', () => {
  it('applies softmax to logits (stable for large values) and sums to 1', () => {
    const p = toProbabilities('m', Float32Array.from([1000, 1001, 999]), 'logits');
    expect(p[1]).toBeCloseTo(Math.exp(1) / (1 + Math.E + Math.exp(-1)), 5);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('refuses "probabilities" that are not, and values that are not numbers', () => {
    expect(() => toProbabilities('m', Float32Array.from([2.5, -1, 0.3]), 'probabilities')).toThrow(
      'image model m: the output is not probabilities (they sum to 1.800): set output.kind to "logits" in the manifest',
    );
    expect(() => toProbabilities('m', Float32Array.from([NaN, 0.5]), 'logits')).toThrow('image model m: the output holds values that are not numbers');
  });
});
