/**
 * What a catalogue model needs here, before it is downloaded: memory and an
 * expected decode speed. Both are estimates with their formula shown beside
 * them (the model manager's tooltip, `continuum model catalogue`):
 *
 * memory = weights + KV cache + runtime
 *   weights: the file's bytes (GGUF holds the weights and little else)
 *   KV cache = 2 (K and V) x layers x KV heads x head size x context x 2 bytes (f16, llama.cpp's default)
 *   runtime: llama.cpp's compute buffers and the engine, a fixed 256 MiB
 *   at the context the app gives a GGUF model (gguf-file.ts, DEFAULT_CONTEXT_CAP).
 *
 * speed: decoding one token reads every weight once, so on a CPU it is
 * bound by memory bandwidth: tokens/s ~ effective bandwidth / bytes of
 * weights. The bandwidth is measured on this machine (bandwidth.ts). It is
 * an upper bound for the bigger quantizations, whose dequantization costs
 * compute too, and the input embedding (read one row per token) makes the
 * bytes read per token a slight overestimate for small models.
 */
import type { CatalogueEntry } from '../../api/catalogue-schemas';
import { DEFAULT_CONTEXT_CAP } from '../gguf/gguf-file';

export const KV_BYTES_PER_VALUE = 2;
export const RUNTIME_BYTES = 256 * 1024 * 1024;
/** What the rest of the workstation keeps (the OS, the app, OCR, the vault): a model fits when it needs no more than total RAM less this. */
export const RESERVED_BYTES = 4 * 1024 ** 3;

export const MEMORY_FORMULA = 'memory needed = file size + KV cache (2 x layers x KV heads x head size x context x 2 bytes, f16) + 256 MiB for llama.cpp';
export const SPEED_FORMULA = 'tokens/s ≈ measured memory bandwidth / bytes of weights read per token (the file size)';

/** The file size the estimates use: the exact one when known, else the approximate one. */
export function weightBytes(entry: Pick<CatalogueEntry, 'bytes' | 'approximateBytes'>): number {
  return entry.bytes ?? entry.approximateBytes;
}

export function kvCacheBytes(architecture: CatalogueEntry['architecture'], contextTokens: number): number {
  return 2 * architecture.layers * architecture.kvHeads * architecture.headDim * contextTokens * KV_BYTES_PER_VALUE;
}

/** The context the app runs a GGUF model with: its trained context, capped as gguf-file.ts caps it. */
export function runContext(architecture: CatalogueEntry['architecture']): number {
  return Math.min(architecture.trainedContext, DEFAULT_CONTEXT_CAP);
}

export function memoryNeeded(entry: Pick<CatalogueEntry, 'bytes' | 'approximateBytes' | 'architecture'>, contextTokens = runContext(entry.architecture)): number {
  return weightBytes(entry) + kvCacheBytes(entry.architecture, contextTokens) + RUNTIME_BYTES;
}

export function expectedTokensPerSecond(entry: Pick<CatalogueEntry, 'bytes' | 'approximateBytes'>, bandwidthBytesPerSecond: number): number {
  return bandwidthBytesPerSecond / weightBytes(entry);
}

export function fitsMachine(memoryBytes: number, totalMemoryBytes: number): boolean {
  return memoryBytes <= totalMemoryBytes - RESERVED_BYTES;
}
