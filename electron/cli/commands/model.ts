import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, requireString, type Command } from '../command';
import { UsageError, type CliIo } from '../io';
import type { GenerateResult } from '../../model/types';

/** models/: CONTINUUM_MODELS, else the repository's models/ when run from source, else ./models. */
export function defaultModelsDir(env: NodeJS.ProcessEnv): string {
  if (env['CONTINUUM_MODELS']) return resolve(env['CONTINUUM_MODELS']);
  const fromSource = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models');
  return existsSync(fromSource) ? fromSource : resolve('models');
}

function positiveInt(values: Record<string, unknown>, name: string, fallback: number, min: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}`);
  return n;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(0)} kB`;
}

export const modelCommands: Command[] = [
  {
    name: 'model list',
    usage: 'model list [--models DIR] [--json]',
    summary: 'list the local models (name, size, quantization, context length, problems)',
    options: { models: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, _positionals, io) {
      const { listModels } = await import('../../model');
      const dir = optionalString(values, 'models') ? resolve(optionalString(values, 'models')!) : defaultModelsDir(io.env);
      const models = listModels(dir);
      if (values.json) {
        printJson(io, { modelsDir: dir, models });
        return;
      }
      if (models.length === 0) {
        io.out(`No models installed in ${dir}. Without one, sessions run in no-model mode (brief only, chat disabled); models/README.md says how to add one.\n`);
        return;
      }
      for (const m of models) {
        if (m.ok) io.out(`${m.dir}  ${m.name}  ${formatBytes(m.bytes)}  ${m.quantization}  context ${m.contextLength}\n`);
        else if (m.addable) io.out(`${m.dir}  NOT ADDED: continuum model add --model ${m.dir}\n`);
        else io.out(`${m.dir}  PROBLEM: ${m.problem}\n`);
      }
    },
  },
  {
    name: 'model add',
    usage: 'model add --model DIR|FILE.gguf [--onnx FILE] [--name NAME] [--licence ID] [--context N] [--again]',
    summary: 'add a model export or a GGUF file copied into models/ (a .gguf file elsewhere is copied in): record its files (size, SHA-256) and check that it loads',
    options: {
      model: { type: 'string' },
      onnx: { type: 'string' },
      name: { type: 'string' },
      licence: { type: 'string' },
      context: { type: 'string' },
      again: { type: 'boolean' },
    },
    async run(values, _positionals, io) {
      const dir = resolve(requireString(values, 'model'));
      const context = values.context === undefined ? undefined : positiveInt(values, 'context', 0, 1);
      const { addModel, modelFile, startModelWorker, ModelError } = await import('../../model');
      const onnx = optionalString(values, 'onnx');
      const name = optionalString(values, 'name');
      const licence = optionalString(values, 'licence');
      try {
        const manifest = await addModel(dir, {
          ...(onnx ? { onnx } : {}),
          ...(name ? { name } : {}),
          ...(licence ? { licence } : {}),
          ...(context ? { contextLength: context } : {}),
          again: values.again === true,
          modelsDir: defaultModelsDir(io.env),
          // Loaded once in the model worker, as the app will load it, then closed.
          check: async (d) => (await startModelWorker(d)).close(),
        });
        const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
        io.out(`added ${dir}: ${manifest.name}, ${modelFile(manifest)} (${manifest.quantization ?? 'unknown'}), context ${manifest.contextLength}, ${manifest.files.length} files (${formatBytes(bytes)}) recorded; it loads\n`);
      } catch (error) {
        throw new VaultError('invalid-input', error instanceof ModelError ? `${dir}: ${error.message}` : `${dir}: ${(error as Error).message.split('\n')[0]}`);
      }
    },
  },
  {
    name: 'model run',
    usage: 'model run --model DIR --prompt TEXT [--max-tokens N] [--seed S] [--temperature T]',
    summary: 'generate from a local model, streaming the tokens to stdout',
    options: { model: { type: 'string' }, prompt: { type: 'string' }, 'max-tokens': { type: 'string' }, seed: { type: 'string' }, temperature: { type: 'string' } },
    async run(values, _positionals, io) {
      const dir = resolve(requireString(values, 'model'));
      const prompt = requireString(values, 'prompt');
      const maxTokens = positiveInt(values, 'max-tokens', 128, 1);
      const seed = positiveInt(values, 'seed', 0, 0);
      const temperature = values.temperature === undefined ? undefined : Number(values.temperature);
      if (temperature !== undefined && !(temperature >= 0)) throw new UsageError('--temperature must be a number of at least 0');
      const { startModelWorker, ModelError } = await import('../../model');
      let client;
      try {
        client = await startModelWorker(dir);
      } catch (error) {
        throw new VaultError('invalid-input', error instanceof ModelError ? `${dir}: ${error.message}` : `${dir}: the model could not be loaded`);
      }
      try {
        const handle = client.generate(
          { messages: [{ role: 'user', content: prompt }], maxTokens, seed, ...(temperature === undefined ? {} : { temperature }) },
          (event) => {
            if (!event.thinking) io.out(event.text);
          },
        );
        const result = await handle.result;
        io.out('\n');
        reportTimings(io, result);
      } finally {
        await client.close();
      }
    },
  },
];

function reportTimings(io: CliIo, r: Pick<GenerateResult, 'tokenIds' | 'promptTokens' | 'finish' | 'timings' | 'decode'>): void {
  const passes = r.decode && r.decode.drafted > 0 ? ` (${r.decode.passes} passes; ${r.decode.kept} of ${r.decode.drafted} draft tokens kept)` : '';
  io.err(`${r.tokenIds.length} tokens (${r.finish}); prompt ${r.promptTokens} tokens; first token after ${Math.round(r.timings.firstTokenMs)} ms; decode ${r.timings.decodeTokensPerSecond.toFixed(1)} tokens/s${passes}\n`);
}
