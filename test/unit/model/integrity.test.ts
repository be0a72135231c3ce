import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../electron/model/errors';
import { exportDefaults } from '../../../electron/model/export-defaults';
import { loadModel } from '../../../electron/model/loaded-model';
import { MANIFEST_FILE, readManifest, writeManifest } from '../../../electron/model/manifest';
import { buildTokenizer } from '../../../scripts/models/bpe-tokenizer';
import { GraphBuilder } from '../../../scripts/models/onnx/graph-builder';
import { DataType } from '../../../scripts/models/onnx/messages';
import { tinyModel } from './tiny-model';

async function refusal(dir: string): Promise<ModelError> {
  const error = await loadModel(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  expect((error as ModelError).message).not.toContain('\n');
  return error as ModelError;
}

async function rewriteManifest(dir: string): Promise<void> {
  const { files: _files, format: _format, ...info } = readManifest(dir);
  await writeManifest(dir, info);
}

describe('model integrity', () => {
  it('loads an intact model', async () => {
    const model = await loadModel(await tinyModel());
    expect(model.info.layers).toBe(2);
    expect(model.info.vocabSize).toBe(544);
    await model.session.release();
  });

  it('refuses a partial (truncated) weights file, naming it', async () => {
    const dir = await tinyModel();
    truncateSync(join(dir, 'onnx/model.onnx'), 1000);
    const error = await refusal(dir);
    expect(error.code).toBe('integrity');
    expect(error.message).toMatch(/^onnx\/model\.onnx is 1,000 bytes but the manifest says [\d,]+: a partial or altered copy/);
  });

  it('refuses a file altered in place (same size, other bytes)', async () => {
    const dir = await tinyModel();
    const file = join(dir, 'onnx/model.onnx');
    const bytes = readFileSync(file);
    const at = bytes.length - 100;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    writeFileSync(file, bytes);
    const error = await refusal(dir);
    expect(error.code).toBe('integrity');
    expect(error.message).toBe('onnx/model.onnx does not match its SHA-256 in the manifest: the file was altered or damaged; copy the model again');
  });

  it('refuses an altered tokenizer the same way', async () => {
    const dir = await tinyModel();
    const file = join(dir, 'tokenizer.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Ġpatient"', '"Ġpatienz"'));
    expect((await refusal(dir)).message).toMatch(/^tokenizer\.json is [\d,]+ bytes|^tokenizer\.json does not match its SHA-256/);
  });

  it('refuses a missing file, a missing manifest, and a file the manifest does not list', async () => {
    const missing = await tinyModel();
    rmSync(join(missing, 'tokenizer_config.json'));
    expect((await refusal(missing)).code).toBe('missing');

    const noManifest = await tinyModel();
    rmSync(join(noManifest, MANIFEST_FILE));
    expect((await refusal(noManifest)).message).toMatch(/has no continuum-model\.json: add it once \(Add in the model manager, or "continuum model add --model .*"\)/);

    const unlisted = await tinyModel();
    writeFileSync(join(unlisted, 'chat_template.jinja'), '{{ messages }}');
    expect((await refusal(unlisted)).message).toMatch(/^chat_template\.jinja is not listed in continuum-model\.json/);

    expect((await refusal(join(tmpdir(), 'no-such-continuum-model'))).message).toMatch(/^no model folder at /);
  });

  it('refuses a manifest that points outside the model folder', async () => {
    const dir = await tinyModel();
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { onnx: string };
    manifest.onnx = '../../etc/model.onnx';
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    const error = await refusal(dir);
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/onnx must be a path inside the model folder/);
  });
});

describe('clear messages for models that cannot run', () => {
  it('a tokenizer from another model', async () => {
    const dir = await tinyModel();
    writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(buildTokenizer(1000).json));
    await rewriteManifest(dir);
    const error = await refusal(dir);
    expect(error.code).toBe('tokenizer-mismatch');
    expect(error.message).toBe('tokenizer.json has 1,005 tokens but the model has 544: the tokenizer belongs to another model');
  });

  it('an operator onnxruntime does not have', async () => {
    const dir = await tinyModel();
    const g = new GraphBuilder('decoder');
    const ids = g.input('input_ids', DataType.INT64, [1, 'n']);
    g.op('FancyAttention', [ids], {}, { output: 'logits', domain: 'com.example' });
    g.output('logits', DataType.FLOAT, [1, 'n', 544]);
    g.write(join(dir, 'onnx/model.onnx'), { '': 17, 'com.example': 1 }, { externalData: false });
    await rewriteManifest(dir);
    const error = await refusal(dir);
    expect(error.code).toBe('unsupported-operator');
    expect(error.message).toMatch(/^.*model\.onnx uses the operator com\.example:FancyAttention, which onnxruntime [\d.]+ cannot run on the CPU/);
  });

  it('an ONNX file that is not a decoder with a KV cache', async () => {
    const dir = await tinyModel();
    const g = new GraphBuilder('classifier');
    const x = g.input('input_ids', DataType.FLOAT, [1, 4]);
    g.op('Relu', [x], {}, { output: 'logits' });
    g.output('logits', DataType.FLOAT, [1, 4]);
    g.write(join(dir, 'onnx/model.onnx'), { '': 17 }, { externalData: false });
    await rewriteManifest(dir);
    expect((await refusal(dir)).message).toMatch(/is not a decoder with a KV cache/);
  });

  it('a tokenizer whose damage a library quotes at length: one short line (test:trust seed 155471745, case 8484)', async () => {
    const dir = await tinyModel();
    const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify({ ...json, normalizer: { type: 'a'.repeat(10_000) } }));
    await rewriteManifest(dir);
    const error = await refusal(dir);
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/^the tokenizer or chat template cannot be read: Unknown Normalizer type: a+…$/);
    expect(error.message.length).toBeLessThanOrEqual(400);
  });

  it('a damaged ONNX file recorded as such in its manifest', async () => {
    const dir = await tinyModel();
    truncateSync(join(dir, 'onnx/model.onnx'), 5000);
    await rewriteManifest(dir); // an administrator recorded a broken copy: the ONNX parser must still refuse it clearly
    const error = await refusal(dir);
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/model\.onnx is not a valid ONNX model \(damaged or partial file\)/);
  });
});

describe('adding an export without a manifest', () => {
  it('picks the decoder and details from the folder, records the files, and then loads', async () => {
    const dir = await tinyModel('int4');
    rmSync(join(dir, MANIFEST_FILE));
    const info = exportDefaults(dir);
    expect(info).toMatchObject({ onnx: 'onnx/model_q4.onnx', quantization: 'int4', contextLength: 4096, thinking: { open: '<think>', close: '</think>' } });
    await writeManifest(dir, info);
    const model = await loadModel(dir);
    expect(model.info.quantization).toBe('int4');
    await model.session.release();
  });
});
