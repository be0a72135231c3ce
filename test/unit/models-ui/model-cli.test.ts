import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tinyModel } from '../model/tiny-model';

/** `continuum model list` and `continuum model run` with the generated tiny model. */
let models: string;
let good: string;

beforeAll(async () => {
  models = mkdtempSync(join(tmpdir(), 'continuum-models-'));
  good = join(models, 'tiny');
  cpSync(await tinyModel('fp32', 5), good, { recursive: true });
  // A partial copy: the ONNX file cut short.
  const broken = join(models, 'broken');
  cpSync(good, broken, { recursive: true });
  const onnx = join(broken, 'onnx', readdirSync(join(broken, 'onnx'))[0]!);
  truncateSync(onnx, Math.floor(statSync(onnx).size / 2));
}, 120_000);
afterAll(() => rmSync(models, { recursive: true, force: true }));

describe('continuum model list', () => {
  it('lists each model with size, quantization and context length', async () => {
    const run = await runCli(['model', 'list', '--models', models, '--json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.out) as { models: Array<{ dir: string; ok: boolean; quantization?: string; contextLength?: number; bytes?: number }> };
    const tiny = listed.models.find((m) => m.dir === good);
    expect(tiny).toMatchObject({ ok: true, quantization: 'fp32', contextLength: 4096 });
    expect(tiny?.bytes).toBeGreaterThan(0);
    const text = await runCli(['model', 'list', '--models', models]);
    expect(text.out).toMatch(/tiny .* fp32 {2}context 4096/);
  });

  it('says plainly when none is installed', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'continuum-nomodels-'));
    try {
      const run = await runCli(['model', 'list', '--models', empty]);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^No models installed in .*no-model mode/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('takes CONTINUUM_MODELS as the models folder', async () => {
    const run = await runCli(['model', 'list', '--json'], { CONTINUUM_MODELS: models });
    expect((JSON.parse(run.out) as { modelsDir: string }).modelsDir).toBe(models);
  });
});

describe('continuum model run', () => {
  it('streams tokens to stdout; the same seed gives the same text', async () => {
    const args = ['model', 'run', '--model', good, '--prompt', 'Blood pressure today?', '--max-tokens', '12', '--seed', '4', '--temperature', '0.8'];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(first.out.length).toBeGreaterThan(1);
    expect(first.err).toMatch(/^\d+ tokens \((max-tokens|eos)\); prompt \d+ tokens; first token after \d+ ms; decode [\d.]+ tokens\/s\n$/);
    const again = await runCli(args);
    expect(again.out).toBe(first.out);
  }, 120_000);

  it('refuses a missing model folder and a corrupt file in one line', async () => {
    const missing = await runCli(['model', 'run', '--model', join(models, 'nope'), '--prompt', 'hi']);
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/^continuum: .*nope/);
    const broken = await runCli(['model', 'run', '--model', join(models, 'broken'), '--prompt', 'hi']);
    expect(broken.code).toBe(1);
    expect(broken.err.trim().split('\n')).toHaveLength(1);
    expect(broken.err).toMatch(/size|SHA-256|integrity|partial/i);
  }, 120_000);

  it('says what is wrong with the usage', async () => {
    const run = await runCli(['model', 'run', '--model', good]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/missing --prompt/);
    const bad = await runCli(['model', 'run', '--model', good, '--prompt', 'x', '--max-tokens', 'lots']);
    expect(bad.code).toBe(2);
  });
});

describe('continuum model add', () => {
  /** A copy of the tiny model as an export arrives: no manifest of ours. */
  const exportCopy = (name: string) => {
    const dir = join(models, name);
    cpSync(good, dir, { recursive: true });
    rmSync(join(dir, 'continuum-model.json'));
    return dir;
  };

  it('lists a copied export as not added, adds it (files recorded, loaded once), and lists it with its figures', async () => {
    const dir = exportCopy('copied-export');
    const before = await runCli(['model', 'list', '--models', models]);
    expect(before.out).toContain(`${dir}  NOT ADDED: continuum model add --model ${dir}`);
    const added = await runCli(['model', 'add', '--model', dir, '--name', 'Copied export']);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^added .*copied-export: Copied export, onnx\/model\.onnx \(fp32\), context 4096, \d+ files \([\d.]+ \w?B\) recorded; it loads\n$/);
    const after = await runCli(['model', 'list', '--models', models]);
    expect(after.out).toMatch(/copied-export {2}Copied export .* fp32 {2}context 4096/);
    const twice = await runCli(['model', 'add', '--model', dir]);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/already added/);
  }, 120_000);

  it('refuses a partial copy in one line and leaves it not added', async () => {
    const dir = exportCopy('cut-short');
    const onnx = join(dir, 'onnx', readdirSync(join(dir, 'onnx')).find((f) => f.endsWith('.onnx'))!);
    truncateSync(onnx, Math.floor(statSync(onnx).size / 2));
    const run = await runCli(['model', 'add', '--model', dir]);
    expect(run.code).toBe(1);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/^continuum: .*cut-short: not added: /);
    expect(existsSync(join(dir, 'continuum-model.json'))).toBe(false);
  }, 120_000);

  it('says what is wrong with the usage', async () => {
    expect((await runCli(['model', 'add'])).err).toMatch(/missing --model/);
    expect((await runCli(['model', 'add', '--model', good, '--context', 'long'])).code).toBe(2);
  });
});
