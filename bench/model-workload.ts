/**
 * What bench:model asks of both runtimes (ours in model-run.ts, the peer in
 * model-peer.ts), shared so the comparison is on the same prompt and length.
 */
import { percentile } from './report';

/** Greedy decode of DECODE_TOKENS tokens after this prompt (no chat template), end-of-sequence ignored. */
export const DECODE_PROMPT = 'The patient';
export const DECODE_TOKENS = 16;
/**
 * Paired rounds per precision: each round runs both runtimes once, one after
 * the other (the order alternating), so each round's ratio sees the same load.
 * Short runs and many rounds: load on the shared machine changes within
 * seconds, and an A/A test (our runtime against itself) gave per-round ratios
 * of 0.42-1.12 with 24-token runs under a load average of 7-9.
 */
export const DECODE_ROUNDS = 11;

export const p95 = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 95);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
