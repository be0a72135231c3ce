/**
 * GGUF files in the models folder: offered to add, added with what their
 * header says, and refused with one line naming the file when they are not
 * GGUF, damaged or cut short, leaving the folder as it was.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addModel, isUnaddedExport, listModels, MANIFEST_FILE, ModelError, readAnyManifest, startModelWorker } from '../../../electron/model';

const STORIES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/models/stories260K/stories260K.gguf');
const loads = async (dir: string) => (await startModelWorker(dir, { threads: 1 })).close();

let models: string;
beforeAll(() => {
  models = mkdtempSync(join(tmpdir(), 'continuum models '));
});
afterAll(() => rmSync(models, { recursive: true, force: true }));

async function refusal(path: string): Promise<ModelError> {
  const error = await addModel(path, { check: loads }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  expect((error as ModelError).message).not.toContain('\n');
  return error as ModelError;
}

describe('adding a GGUF model', () => {
  it('offers a .gguf file dropped into models/, then gives it a folder, records it and loads it', async () => {
    const file = join(models, 'stories260K.gguf');
    copyFileSync(STORIES, file);
    expect(listModels(models).find((m) => m.dir === file)).toMatchObject({ ok: false, addable: true });
    const manifest = await addModel(file, { check: loads, licence: 'MIT' });
    const dir = join(models, 'stories260K');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_FILE, 'stories260K.gguf']);
    expect(manifest).toMatchObject({ engine: 'llama.cpp', gguf: 'stories260K.gguf', quantization: 'F32', licence: 'MIT' });
    expect(manifest.files).toEqual([{ path: 'stories260K.gguf', bytes: 1_185_376, sha256: '270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d' }]);
    expect(readAnyManifest(dir)).toEqual(manifest);
    expect(listModels(models).find((m) => m.dir === dir)).toMatchObject({ ok: true, quantization: 'F32', bytes: 1_185_376 });
  }, 60_000);

  it('copies a .gguf file from elsewhere (a USB drive) into the models folder, leaving the original', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'usb '));
    try {
      copyFileSync(STORIES, join(usb, 'tiny stories.gguf'));
      await addModel(join(usb, 'tiny stories.gguf'), { check: loads, modelsDir: models });
      expect(existsSync(join(usb, 'tiny stories.gguf'))).toBe(true);
      expect(readAnyManifest(join(models, 'tiny stories'))).toMatchObject({ gguf: 'tiny stories.gguf' });
    } finally {
      rmSync(usb, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a file that is not GGUF in one line, and moves nothing', async () => {
    const file = join(models, 'notes.gguf');
    writeFileSync(file, 'these are not model weights\n');
    const error = await refusal(file);
    expect(error.message).toBe(`${file} is not a GGUF file (it does not begin with "GGUF"): copy the model's .gguf file again`);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(models, 'notes'))).toBe(false);
  });

  it('refuses a GGUF file cut short (a partial copy) in one line, and leaves the folder as it was', async () => {
    const dir = join(models, 'partial');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(join(dir, 'partial.gguf'), readFileSync(STORIES).subarray(0, 600_000));
    expect(isUnaddedExport(dir)).toBe(true);
    const error = await refusal(dir);
    expect(error.message).toMatch(/^.*partial\.gguf is cut short: 600,000 bytes, but its weights go on past byte [\d,]+; a partial copy: copy it again$/);
    expect(readdirSync(dir)).toEqual(['partial.gguf']);
  }, 60_000);

  it('refuses a damaged header in one line', async () => {
    const dir = join(models, 'damaged');
    mkdirSync(dir);
    const bytes = Buffer.from(readFileSync(STORIES));
    bytes.writeUInt32LE(0xfffffff0, 8); // the tensor count: far more than the file holds
    bytes.fill(0xff, 16, 64);
    writeFileSync(join(dir, 'damaged.gguf'), bytes);
    const error = await refusal(dir);
    expect(error.message).toMatch(/^.*damaged\.gguf is a damaged or partial GGUF file \(.*\): copy it again$/);
    expect(readdirSync(dir)).toEqual(['damaged.gguf']);
  }, 60_000);

  it('refuses a GGUF file altered after it was added', async () => {
    const dir = join(models, 'stories260K');
    const bytes = Buffer.from(readFileSync(join(dir, 'stories260K.gguf')));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(join(dir, 'stories260K.gguf'), bytes);
    await expect(loads(dir)).rejects.toThrow('stories260K.gguf does not match its SHA-256 in the manifest: the file was altered or damaged; copy the model again');
  });
});
