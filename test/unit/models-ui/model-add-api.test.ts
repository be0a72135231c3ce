import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/core/core-client';
import { coreCalls } from '../../helpers/core-calls';
import { startCoreWithModels } from '../../helpers/core-with-models';
import { tinyModel } from '../model/tiny-model';

/**
 * models.add through the real dispatch: an export copied into the models
 * folder is listed as not added, and one click (this call) records its
 * files and makes it the assistant's model; a partial copy stays not added
 * with the reason, and the app goes on without a model.
 */
let dir: string;
let models: string;
let core: CoreClient;
let closeCore: () => Promise<void>;
const { call, failure } = coreCalls(() => core);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-model-add-api-'));
  models = join(dir, 'models');
  const tiny = await tinyModel('fp32', 9);
  for (const name of ['qwen-export', 'half-copied']) {
    cpSync(tiny, join(models, name), { recursive: true });
    rmSync(join(models, name, 'continuum-model.json'));
  }
  const onnxDir = join(models, 'half-copied', 'onnx');
  const onnx = join(onnxDir, readdirSync(onnxDir).find((f) => f.endsWith('.onnx'))!);
  truncateSync(onnx, Math.floor(statSync(onnx).size / 3));
  ({ core, close: closeCore } = await startCoreWithModels(dir, models));
}, 180_000);

afterAll(async () => {
  await closeCore?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('adding a copied model export in the model manager', () => {
  it('lists copied exports as not added yet', async () => {
    const state = await call('models.list', {});
    expect(state.models.map((m) => [m.folder, m.status])).toEqual([
      ['half-copied', 'not-added'],
      ['qwen-export', 'not-added'],
    ]);
    expect(state.models[0]!.problem).toMatch(/add it once the copy has finished/);
  });

  it('a partial copy is not added: the reason is shown, nothing is written, no model is active', async () => {
    const state = await call('models.add', { dir: join(models, 'half-copied') });
    expect(state.active).toBeNull();
    expect(state.problem).toMatch(/^half-copied: not added: /);
    expect(state.models.find((m) => m.folder === 'half-copied')).toMatchObject({ status: 'not-added', problem: expect.stringMatching(/^not added: /) });
    expect(existsSync(join(models, 'half-copied', 'continuum-model.json'))).toBe(false);
  });

  it('adding an export records it and makes it the active model', async () => {
    const state = await call('models.add', { dir: join(models, 'qwen-export') });
    expect(state.problem).toBeNull();
    expect(state.active).toBe(join(models, 'qwen-export'));
    expect(state.models.find((m) => m.folder === 'qwen-export')).toMatchObject({ status: 'active', quantization: 'fp32', contextLength: 4096 });
    expect(existsSync(join(models, 'qwen-export', 'continuum-model.json'))).toBe(true);
  }, 120_000);

  it('refuses what is not waiting to be added, and keeps the model in use', async () => {
    const again = await call('models.add', { dir: join(models, 'qwen-export') });
    expect(again.problem).toMatch(/is not a model waiting to be added/);
    expect(again.active).toBe(join(models, 'qwen-export'));
    const elsewhere = await call('models.add', { dir: join(dir, 'somewhere-else') });
    expect(elsewhere.problem).toMatch(/is not a model waiting to be added/);
    expect(await failure('models.add', { dir: '' })).toMatch(/dir/);
  });
});
