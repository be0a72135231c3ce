#!/usr/bin/env -S npx tsx
/**
 * Writes continuum-model.json for a model folder (an Optimum / transformers.js
 * export copied into models/), recording each file's size and SHA-256 so a
 * later partial or altered copy is refused:
 *
 *   npx tsx scripts/models/manifest.ts models/qwen2.5-0.5b-instruct [--onnx onnx/model_q4.onnx]
 *       [--name "Qwen2.5 0.5B Instruct"] [--licence apache-2.0] [--context 32768]
 *
 * Without options it picks the best ONNX variant for a CPU and reads the rest
 * from config.json, the model card and the tokenizer.
 */
import { parseArgs } from 'node:util';
import { exportDefaults } from '../../electron/model/export-defaults';
import { writeManifest } from '../../electron/model/manifest';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { onnx: { type: 'string' }, name: { type: 'string' }, licence: { type: 'string' }, context: { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new Error('usage: manifest.ts MODEL_DIR [--onnx FILE] [--name NAME] [--licence ID] [--context N]');
  const defaults = exportDefaults(dir, values.onnx);
  const manifest = await writeManifest(dir, {
    ...defaults,
    name: values.name ?? defaults.name,
    licence: values.licence ?? defaults.licence,
    contextLength: values.context ? Number(values.context) : defaults.contextLength,
  });
  console.log(`${dir}/continuum-model.json: ${manifest.name}, ${manifest.onnx} (${manifest.quantization ?? 'unknown'}), ${manifest.files.length} files checked`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
