/**
 * Sensible manifest entries for an Optimum / transformers.js export that an
 * administrator drops into models/ (Qwen2.5, Llama 3.2, Phi-3.5 instruct...):
 * which ONNX variant to run on a CPU, its quantization, context length,
 * licence and whether it thinks. Used to write continuum-model.json once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ModelError } from './errors';
import type { ManifestInfo } from './manifest';

// Best first for a CPU: 4-bit MatMulNBits, then int8, then full precision. fp16 variants last:
// onnxruntime's CPU kernels run most fp16 operators by converting, which is slow.
const PREFERENCE: readonly (readonly [string, NonNullable<ManifestInfo['quantization']>])[] = [
  ['model_q4.onnx', 'int4'],
  ['model_int4.onnx', 'int4'],
  ['model_int8.onnx', 'int8'],
  ['model_quantized.onnx', 'int8'],
  ['model_uint8.onnx', 'int8'],
  ['model.onnx', 'fp32'],
  ['model_q4f16.onnx', 'mixed'],
  ['model_fp16.onnx', 'fp16'],
];

function readJson(file: string): Record<string, unknown> {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function exportDefaults(dir: string, onnx?: string): ManifestInfo {
  const onnxDir = join(dir, 'onnx');
  const present = existsSync(onnxDir) ? readdirSync(onnxDir) : [];
  const chosen = onnx ?? PREFERENCE.map(([file]) => file).find((file) => present.includes(file));
  if (!chosen) throw new ModelError('missing', `${dir}/onnx holds no decoder (${PREFERENCE.map(([f]) => f).join(', ')})`);
  const path = chosen.includes('/') ? chosen : `onnx/${chosen}`;
  const config = readJson(join(dir, 'config.json'));
  const tokenizer = readFileSync(join(dir, 'tokenizer.json'), 'utf8');
  const card = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : '';
  const licence = /^license:\s*(\S+)/m.exec(card)?.[1];
  const context = Number(config.max_position_embeddings ?? 4096);
  return {
    // _name_or_path is a hub id ("Qwen/Qwen2.5-0.5B-Instruct") or, often, the exporter's local path.
    name: typeof config._name_or_path === 'string' && /^[\w.-]+\/[\w.-]+$/.test(config._name_or_path) ? config._name_or_path : basename(dir),
    licence: licence ?? 'unknown: see the model card',
    contextLength: Number.isInteger(context) && context > 0 ? context : 4096,
    onnx: path,
    quantization: PREFERENCE.find(([file]) => path.endsWith(`/${file}`))?.[1],
    thinking: tokenizer.includes('"<think>"') && tokenizer.includes('"</think>"') ? { open: '<think>', close: '</think>' } : undefined,
  };
}
