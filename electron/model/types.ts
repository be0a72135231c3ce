/**
 * What callers ask of the model runtime and what it answers. Plain data
 * only: these cross the worker boundary as structured clones.
 */
import type { ChatMessage } from './tokenizer';

export interface PromptInput {
  /** A conversation, rendered with the model's own chat template... */
  readonly messages?: readonly ChatMessage[];
  /** ...or a prompt used as it is (no template). */
  readonly prompt?: string;
}

export interface GenerateRequest extends PromptInput {
  /** Tokens to generate at most, thinking included (default 256). */
  readonly maxTokens?: number;
  /** 0 is greedy; default from generation_config.json (greedy when it does not sample). */
  readonly temperature?: number;
  readonly topP?: number;
  readonly topK?: number;
  /** Seed of the sampler: the same seed and request give the same tokens (default 0). */
  readonly seed?: number;
  /** Texts that end the answer; not shown. Ignored with a schema (it would cut the JSON). */
  readonly stop?: readonly string[];
  /** Milliseconds this generation may take in all (default 120,000): runaway generations end. */
  readonly deadlineMs?: number;
  /** A JSON Schema (the subset in constrained/schema.ts): the answer is constrained to it. */
  readonly schema?: unknown;
  /** For thinking models: let the model reason first, for at most `budget` tokens. */
  readonly thinking?: { readonly enabled: boolean; readonly budget?: number };
  /** Reuse the KV state of a cached prompt prefix (default true). */
  readonly reusePrefix?: boolean;
  /** Never end at an end-of-sequence token (benchmarks and tests that need exactly maxTokens). */
  readonly ignoreEos?: boolean;
  /**
   * Check tokens guessed from earlier text in the same pass as each chosen token (default true;
   * draft-tokens.ts). The tokens are the same either way; off, every token takes a pass of its own.
   */
  readonly draftTokens?: boolean;
}

export type FinishReason = 'eos' | 'stop' | 'max-tokens' | 'deadline' | 'cancelled' | 'complete';

export interface TokenEvent {
  /** The token just generated; -1 for text held back until the end (a possible stop that was not one). */
  readonly tokenId: number;
  /** New visible text (may be empty while a multi-byte character or a possible stop sequence is held back). */
  readonly text: string;
  /** The text belongs to the model's reasoning, not its answer. */
  readonly thinking: boolean;
}

export interface GenerateResult {
  readonly text: string;
  readonly thinking: string;
  readonly tokenIds: readonly number[];
  readonly thinkingTokens: number;
  readonly finish: FinishReason;
  readonly promptTokens: number;
  /** Prompt tokens whose KV state came from the prefix cache. */
  readonly reusedTokens: number;
  readonly timings: {
    readonly prefillMs: number;
    /** From the request to the first generated token. */
    readonly firstTokenMs: number;
    readonly totalMs: number;
    /** Tokens after the first, per second of decoding. */
    readonly decodeTokensPerSecond: number;
  };
  /**
   * Decode passes run after the prompt, draft tokens they checked, and how many of those were
   * kept. Absent from a result settled by a Stop while the worker was still inside a pass.
   */
  readonly decode?: DecodePassStats;
}

/** Decode passes after the prompt, the draft tokens they checked, and how many of those were kept. */
export interface DecodePassStats {
  readonly passes: number;
  readonly drafted: number;
  readonly kept: number;
}

export interface PrefillResult {
  readonly promptTokens: number;
  readonly reusedTokens: number;
  readonly ms: number;
}

export interface ModelInfo {
  readonly dir: string;
  readonly name: string;
  readonly licence: string;
  readonly contextLength: number;
  readonly quantization: string;
  /** Which engine runs it: onnxruntime (an ONNX export) or llama.cpp (a GGUF file). */
  readonly engine: 'onnxruntime' | 'llama.cpp';
  /** The file it runs, inside `dir`. */
  readonly file: string;
  /** Bytes of all listed files. */
  readonly bytes: number;
  readonly layers: number;
  readonly vocabSize: number;
  readonly thinking: boolean;
  readonly threads: number;
}
