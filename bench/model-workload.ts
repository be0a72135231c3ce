/**
 * What bench:model asks of both runtimes (ours in model-run.ts, the peer in
 * model-peer.ts), shared so the comparison is on the same prompt and length.
 */
import { percentile } from './report';

/** Greedy decode of DECODE_TOKENS tokens after this prompt (no chat template), end-of-sequence ignored. */
export const DECODE_PROMPT = 'The patient';
export const DECODE_TOKENS = 48;
/** Decode runs per runtime; the best counts (other work on the machine only slows a run down). */
export const DECODE_RUNS = 2;

export const p95 = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 95);
