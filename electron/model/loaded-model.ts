/**
 * Loading a model folder, in the order that gives the clearest refusal:
 * manifest and file integrity first (nothing unverified is parsed), then
 * memory, configuration and tokenizer, then the ONNX session, and finally
 * checks that the tokenizer belongs to the decoder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';
import { ConstraintVocabulary } from './constrained/json-constraint';
import { ModelError } from './errors';
import { readManifest, verifyModelFiles, type Manifest, type OnnxManifest } from './manifest';
import { ChunkSizer } from './prefill-chunks';
import { PrefixCache } from './prefix-cache';
import { DecoderSession } from './decoder-client';
import type { SessionOptions } from './session';
import { ModelTokenizer } from './tokenizer';
import type { ModelInfo } from './types';

export interface GenerationDefaults {
  readonly eosIds: readonly number[];
  readonly temperature: number;
  readonly topP: number;
  readonly topK: number;
}

export interface LoadOptions extends SessionOptions {
  /** Prompt states kept for prefix reuse (default 4). */
  readonly prefixCacheEntries?: number;
  /**
   * Time one prompt pass should take (default 250 ms): prompts are encoded in chunks
   * sized from the measured cost of a pass (see prefill-chunks.ts), because
   * onnxruntime cannot be interrupted inside a run.
   */
  readonly prefillTargetMs?: number;
  /** A fixed number of prompt tokens per pass instead (tests, comparisons). */
  readonly prefillChunk?: number;
}

/**
 * Prompt tokens per pass for int8 models. Their exports (MatMulInteger after
 * DynamicQuantizeLinear) quantize a pass's activations with one scale for the
 * whole pass, so where a prompt is cut changes its logits (up to 0.54 on the
 * tiny test model; fp32 and MatMulNBits int4 give identical logits however it
 * is cut). Sizes chosen from the machine's measured speed would then make the
 * same request give other tokens on a busier day; a fixed size keeps it
 * reproducible. 32 tokens is ~160 ms a pass for the 0.5B int8 bench model.
 */
export const INT8_PREFILL_CHUNK = 32;

export interface LoadedModel {
  readonly dir: string;
  readonly manifest: OnnxManifest;
  readonly tokenizer: ModelTokenizer;
  readonly session: DecoderSession;
  readonly defaults: GenerationDefaults;
  readonly prefixCache: PrefixCache;
  /** Sizes prompt chunks; learns from every pass this model runs. */
  readonly chunks: ChunkSizer;
  readonly info: ModelInfo;
  /** The vocabulary for constrained decoding, built on first use. */
  constraintVocabulary(): ConstraintVocabulary;
}

function readConfig(dir: string, file: string): Record<string, unknown> | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new ModelError('corrupt', `${file} in ${dir} is not valid JSON: copy the model again`);
  }
}

const ids = (value: unknown): number[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter((v): v is number => typeof v === 'number');

/**
 * The model's bytes, refused when they cannot fit: weights are held once in
 * memory (plus onnxruntime's packed copies of some, llama.cpp's KV cache).
 */
export function refuseWhatCannotFit(manifest: Pick<Manifest, 'name' | 'files'>): number {
  const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  if (bytes > totalmem() * 0.8) {
    throw new ModelError('memory', `${manifest.name} needs about ${(bytes / 2 ** 30).toFixed(1)} GiB but this machine has ${(totalmem() / 2 ** 30).toFixed(1)} GiB: use a smaller quantization`);
  }
  return bytes;
}

export async function loadModel(dir: string, options: LoadOptions = {}): Promise<LoadedModel> {
  const manifest = readManifest(dir);
  await verifyModelFiles(dir, manifest);
  const bytes = refuseWhatCannotFit(manifest);
  const config = readConfig(dir, 'config.json');
  if (!config) throw new ModelError('missing', `config.json is missing from ${dir}`);
  const generation = readConfig(dir, 'generation_config.json') ?? {};
  const tokenizer = ModelTokenizer.load(dir);
  const threads = options.threads ?? availableParallelism();
  const session = await DecoderSession.open(join(dir, manifest.onnx), { threads, spinning: options.spinning });

  const logitsSize = session.logitsSize ?? (typeof config.vocab_size === 'number' ? config.vocab_size : tokenizer.size);
  if (tokenizer.size > logitsSize) {
    throw new ModelError('tokenizer-mismatch', `tokenizer.json has ${tokenizer.size.toLocaleString('en')} tokens but the model has ${logitsSize.toLocaleString('en')}: the tokenizer belongs to another model`);
  }
  const eosIds = [...new Set([...ids(generation.eos_token_id), ...ids(config.eos_token_id)])];
  const eosText = tokenizer.special('eos_token');
  const eosId = eosText === undefined ? undefined : tokenizer.idOf(eosText);
  if (eosId !== undefined && !eosIds.includes(eosId)) eosIds.push(eosId);
  if (eosIds.length === 0) throw new ModelError('corrupt', `${dir} names no end-of-sequence token (config.json eos_token_id)`);
  const badEos = eosIds.find((id) => id >= tokenizer.size);
  if (badEos !== undefined) {
    throw new ModelError('tokenizer-mismatch', `the model ends turns with token ${badEos}, which tokenizer.json does not have: the tokenizer belongs to another model`);
  }
  const doSample = generation.do_sample === true;
  const defaults: GenerationDefaults = {
    eosIds,
    temperature: doSample && typeof generation.temperature === 'number' ? generation.temperature : 0,
    topP: typeof generation.top_p === 'number' ? generation.top_p : 1,
    topK: typeof generation.top_k === 'number' ? generation.top_k : 0,
  };
  let vocabulary: ConstraintVocabulary | undefined;
  return {
    dir,
    manifest,
    tokenizer,
    session,
    defaults,
    prefixCache: new PrefixCache(options.prefixCacheEntries ?? 4),
    chunks: new ChunkSizer({ targetMs: options.prefillTargetMs, fixed: options.prefillChunk ?? (manifest.quantization === 'int8' ? INT8_PREFILL_CHUNK : undefined) }),
    info: {
      dir,
      name: manifest.name,
      licence: manifest.licence,
      contextLength: manifest.contextLength,
      quantization: manifest.quantization ?? 'unknown',
      engine: 'onnxruntime',
      file: manifest.onnx,
      bytes,
      layers: session.layers,
      vocabSize: logitsSize,
      thinking: manifest.thinking !== undefined,
      threads,
    },
    constraintVocabulary: () => (vocabulary ??= new ConstraintVocabulary(tokenizer.tokenTexts(), logitsSize, eosIds)),
  };
}
