/**
 * Messages between DecoderSession (decoder-client.ts) and the decoder's
 * thread (decoder-thread-entry.ts). A KV state crosses as its slot number and
 * the tokens of it that count (0 / 0: the empty state).
 */
import type { SessionOptions, DecoderShape } from './session';
import type { WireError } from './worker-protocol';

export interface DecoderThreadData {
  readonly file: string;
  readonly options: SessionOptions;
}

export interface KvRef {
  readonly slot: number;
  readonly length: number;
}

export type ToDecoder =
  /** Logits of the last `rows` positions come back, one row after the other. */
  | { readonly type: 'forward'; readonly id: number; readonly tokens: readonly number[]; readonly past: KvRef; readonly rows: number }
  /** The state's tensors, copied (tests compare states). */
  | { readonly type: 'read'; readonly id: number; readonly state: KvRef }
  /** How many states the thread holds (tests check that released states are freed). */
  | { readonly type: 'held'; readonly id: number }
  | { readonly type: 'free'; readonly slot: number }
  | { readonly type: 'close' };

export interface WireTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: Float32Array | Uint16Array;
}

export type FromDecoder =
  | { readonly type: 'ready'; readonly shape: DecoderShape }
  | { readonly type: 'failed'; readonly error: WireError }
  | { readonly type: 'forwarded'; readonly id: number; readonly logits: Float32Array; readonly slot: number; readonly length: number }
  | { readonly type: 'state'; readonly id: number; readonly tensors: Record<string, WireTensor> }
  | { readonly type: 'held'; readonly id: number; readonly states: number }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError }
  | { readonly type: 'closed' };
