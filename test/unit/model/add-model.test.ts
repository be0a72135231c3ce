import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addModel, isUnaddedExport, listModels, MANIFEST_FILE, ModelError, modelFile, readManifest, startModelWorker } from '../../../electron/model';
import { tinyModel } from './tiny-model';

/**
 * Adding an export an administrator copied into models/ (no manifest of
 * ours): its files are recorded and it must load, or nothing is left behind.
 */
let models: string;
let source: string;
const loads = async (dir: string) => (await startModelWorker(dir)).close();

/** A copy of the tiny model as an export arrives: everything but our manifest. */
function exportCopy(name: string): string {
  const dir = join(models, name);
  cpSync(source, dir, { recursive: true });
  rmSync(join(dir, MANIFEST_FILE));
  return dir;
}

beforeAll(async () => {
  models = mkdtempSync(join(tmpdir(), 'continuum-add-'));
  source = await tinyModel('fp32', 3);
}, 120_000);
afterAll(() => rmSync(models, { recursive: true, force: true }));

describe('adding a model export', () => {
  it('lists a copied export as not added yet, then records every file it reads and loads it', async () => {
    const dir = exportCopy('copied');
    expect(isUnaddedExport(dir)).toBe(true);
    expect(listModels(models).find((m) => m.dir === dir)).toMatchObject({ ok: false, addable: true });

    const manifest = await addModel(dir, { check: loads });
    expect(isUnaddedExport(dir)).toBe(false);
    expect(manifest.quantization).toBe('fp32');
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['config.json', 'tokenizer.json', 'tokenizer_config.json', modelFile(manifest)]));
    for (const f of manifest.files) expect(f.bytes).toBe(statSync(join(dir, f.path)).size);
    expect(readManifest(dir)).toEqual(manifest);
    expect(listModels(models).find((m) => m.dir === dir)).toMatchObject({ ok: true, quantization: 'fp32' });
  }, 120_000);

  it('takes the name, licence and context length it is given', async () => {
    const dir = exportCopy('named');
    const manifest = await addModel(dir, { name: 'Clinic test model', licence: 'apache-2.0', contextLength: 2048, check: loads });
    expect(manifest).toMatchObject({ name: 'Clinic test model', licence: 'apache-2.0', contextLength: 2048 });
  }, 120_000);

  it('refuses to add a model twice unless asked to record it again', async () => {
    const dir = exportCopy('twice');
    await addModel(dir, { check: loads });
    await expect(addModel(dir, { check: loads })).rejects.toThrow(/already added/);
    const again = await addModel(dir, { again: true, name: 'Renamed', check: loads });
    expect(again.name).toBe('Renamed');
  }, 120_000);

  it('leaves no manifest behind when the model does not load (a partial copy), and says why', async () => {
    const dir = exportCopy('partial');
    const onnx = join(dir, 'onnx', readdirSync(join(dir, 'onnx')).find((f) => f.endsWith('.onnx'))!);
    truncateSync(onnx, Math.floor(statSync(onnx).size / 2));
    const error = await addModel(dir, { check: loads }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toMatch(/^not added: .*(not a valid ONNX model|cannot load)/);
    expect(existsSync(join(dir, MANIFEST_FILE))).toBe(false);
    expect(isUnaddedExport(dir)).toBe(true);
  }, 120_000);

  it('puts the earlier manifest back when recording again fails', async () => {
    const dir = exportCopy('replaced-badly');
    await addModel(dir, { check: loads });
    const before = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
    await expect(addModel(dir, { again: true, check: () => Promise.reject(new ModelError('memory', 'not enough memory')) })).rejects.toThrow(/^not added: not enough memory/);
    expect(readFileSync(join(dir, MANIFEST_FILE), 'utf8')).toBe(before);
  }, 120_000);

  it('names what is missing from an incomplete export, and writes nothing', async () => {
    const dir = exportCopy('incomplete');
    rmSync(join(dir, 'tokenizer.json'));
    await expect(addModel(dir, { check: loads })).rejects.toThrow(/not a complete model export: tokenizer\.json missing/);
    expect(existsSync(join(dir, MANIFEST_FILE))).toBe(false);
    await expect(addModel(join(models, 'nowhere'), { check: loads })).rejects.toThrow(/no model folder at/);
    await expect(addModel(exportCopy('bad-onnx'), { onnx: 'onnx/nope.onnx', check: loads })).rejects.toThrow(/onnx\/nope\.onnx is not in/);
  });
});
