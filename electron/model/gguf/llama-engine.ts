/**
 * The GGUF engine: llama.cpp through node-llama-cpp, behind the same
 * interface as the ONNX engine (engine.ts). The loop is ours, as in
 * generate.ts: llama.cpp evaluates and samples each token; streaming, stop
 * texts, the deadline, Stop, the thinking budget and the result are handled
 * here exactly as for ONNX. JSON-schema answers use llama.cpp's grammars
 * (the schema is first checked against the subset we support, so both
 * engines refuse the same schemas). Prefix reuse: the context sequence keeps
 * the last prompt's KV state and only what differs is evaluated again.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LlamaContextSequence, LlamaModel, SequenceEvaluateOptions, Token, TokenBias } from 'node-llama-cpp';
import { compileSchema } from '../constrained/schema';
import type { ModelEngine } from '../engine';
import { ModelError } from '../errors';
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_TOKENS, DEFAULT_THINKING_BUDGET, renderPrompt, type GenerateHooks } from '../generate';
import { refuseWhatCannotFit, type LoadOptions } from '../loaded-model';
import { verifyModelFiles, type GgufManifest } from '../manifest';
import { TextStream } from '../text-stream';
import { ThinkingTracker } from '../thinking';
import type { FinishReason, GenerateRequest, GenerateResult, ModelInfo, PrefillResult, PromptInput, TokenEvent } from '../types';
import { GgufTokens } from './gguf-tokens';
import { firstLine, llamaRuntime } from './llama-runtime';
import { measureThreads, pinnedThreads, threadsBesideOtherWork } from './llama-threads';

/** Prompt tokens per evaluation: a Stop is seen between them (llama.cpp cannot be interrupted inside one). */
const PROMPT_CHUNK = 256;

export async function openLlamaEngine(dir: string, manifest: GgufManifest, options: LoadOptions): Promise<ModelEngine> {
  await verifyModelFiles(dir, manifest);
  const bytes = refuseWhatCannotFit(manifest);
  const llama = await llamaRuntime();
  let model: LlamaModel;
  try {
    model = await llama.loadModel({ modelPath: join(dir, manifest.gguf) });
  } catch (error) {
    throw new ModelError('corrupt', `${manifest.gguf} in ${dir} cannot be loaded by llama.cpp: ${firstLine(error)}`);
  }
  // Pinned, or measured now (llama-threads.ts); unpinned, each request may get fewer while other work holds the cores.
  const pinned = options.threads ?? pinnedThreads();
  const threads = pinned ?? (await measureThreads(model));
  const adapt = pinned === undefined ? () => (llama.maxThreads = threadsBesideOtherWork(threads, llama.maxThreads === 0 ? threads : Math.min(threads, llama.maxThreads))) : undefined;
  // As recorded: the model's own context by default (gguf-file.ts), more where the administrator recorded more.
  const contextSize = manifest.contextLength;
  let sequence: LlamaContextSequence;
  try {
    const context = await model.createContext({ contextSize, threads: { ideal: threads, min: 1 }, sequences: 1, batchSize: Math.min(512, contextSize) });
    sequence = context.getSequence();
  } catch (error) {
    await model.dispose();
    throw new ModelError('memory', `${manifest.name} could not get a context of ${contextSize} tokens: ${firstLine(error)}`);
  }
  const metadata = model.fileInfo.metadata as { general: { architecture?: string } } & Record<string, { block_count?: number } | undefined>;
  const tokens = new GgufTokens(model);
  const info: ModelInfo = {
    dir,
    name: manifest.name,
    licence: manifest.licence,
    contextLength: contextSize,
    quantization: manifest.quantization ?? 'unknown',
    engine: 'llama.cpp',
    file: manifest.gguf,
    bytes,
    layers: metadata[metadata.general.architecture ?? '']?.block_count ?? 0,
    vocabSize: model.fileInfo.metadata.tokenizer?.ggml?.tokens?.length ?? 0,
    thinking: manifest.thinking !== undefined,
    threads,
  };
  const engine = new LlamaEngine(model, sequence, tokens, manifest, info, adapt);
  return {
    info,
    generate: (request, hooks) => engine.generate(request, hooks),
    prefill: (input, hooks) => engine.prefill(input, hooks),
    release: async () => {
      await sequence.context.dispose();
      await model.dispose();
    },
  };
}

/** llama.cpp's LLAMA_TOKEN_TYPE_CONTROL and _UNUSED in tokenizer.ggml.token_type. */
const CONTROL_TOKEN = 3;
const UNUSED_TOKEN = 5;

class LlamaEngine {
  private unusableIds: number[] | undefined;

  constructor(
    private readonly model: LlamaModel,
    private readonly sequence: LlamaContextSequence,
    private readonly tokens: GgufTokens,
    private readonly manifest: GgufManifest,
    private readonly info: ModelInfo,
    /** Sets the threads for the next request from the machine's load (absent when pinned). */
    private readonly adaptThreads?: () => void,
  ) {}

  /**
   * Keeps the sequence's state for the longest common prefix with `prompt`
   * (at most `limit` tokens) and erases the rest; returns how many it kept.
   */
  private async keepPrefix(prompt: readonly number[], reuse: boolean, limit: number): Promise<number> {
    const held = this.sequence.contextTokens;
    let same = 0;
    if (reuse) while (same < held.length && same < limit && held[same] === prompt[same]) same++;
    if (same < this.sequence.nextTokenIndex) await this.sequence.eraseContextTokenRanges([{ start: same, end: this.sequence.nextTokenIndex }]);
    return same;
  }

  /** Evaluates prompt tokens in chunks until at most `leave` remain; false when a Stop came first. */
  private async encode(prompt: readonly number[], from: number, leave: number, shouldStop: () => boolean): Promise<{ stopped: boolean; at: number }> {
    let at = from;
    while (prompt.length - at > leave) {
      if (shouldStop()) return { stopped: true, at };
      const end = Math.min(at + PROMPT_CHUNK, prompt.length - leave);
      await this.sequence.evaluateWithoutGeneratingNewTokens(prompt.slice(at, end) as Token[]);
      at = end;
    }
    return { stopped: false, at };
  }

  async prefill(input: PromptInput, hooks: GenerateHooks = {}): Promise<PrefillResult> {
    const started = performance.now();
    this.adaptThreads?.();
    const prompt = this.tokens.encodePrompt(renderPrompt(this.tokens, input, { generation: false, thinking: false }));
    if (prompt.length < 2) return { promptTokens: prompt.length, reusedTokens: 0, ms: 0 };
    if (prompt.length > this.info.contextLength) throw new ModelError('invalid-request', `the prefix has ${prompt.length} tokens; the model's context is ${this.info.contextLength}`);
    const reused = await this.keepPrefix(prompt, true, prompt.length);
    const encoded = await this.encode(prompt, reused, 0, hooks.shouldStop ?? (() => false));
    return { promptTokens: prompt.length, reusedTokens: encoded.stopped ? 0 : reused, ms: performance.now() - started };
  }

  async generate(request: GenerateRequest, hooks: GenerateHooks = {}): Promise<GenerateResult> {
    const started = performance.now();
    this.adaptThreads?.();
    const deadline = started + (request.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const shouldStop = hooks.shouldStop ?? (() => false);
    const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
    if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new ModelError('invalid-request', 'maxTokens must be a positive integer');
    const schema = request.schema === undefined ? undefined : (compileSchema(request.schema), request.schema);
    const tags = this.manifest.thinking;
    const thinkingOn = Boolean(request.thinking?.enabled && tags && schema === undefined);
    const text = renderPrompt(this.tokens, request, { generation: true, thinking: thinkingOn });
    const prompt = this.tokens.encodePrompt(text);
    if (prompt.length === 0) throw new ModelError('invalid-request', 'the prompt is empty');
    if (prompt.length + maxTokens > this.info.contextLength) {
      throw new ModelError('invalid-request', `the prompt has ${prompt.length} tokens and up to ${maxTokens} may follow, beyond the model's context of ${this.info.contextLength}`);
    }
    const options = await this.evaluateOptions(request, schema);
    const thinking = new ThinkingTracker(this.tokens, tags, {
      promptEndsOpen: thinkingOn && tags !== undefined && text.trimEnd().endsWith(tags.open),
      budget: request.thinking?.budget ?? DEFAULT_THINKING_BUDGET,
    });
    const answer = new TextStream(schema ? [] : (request.stop ?? []), thinkingOn);
    const reasoning = new TextStream([]);

    // One prompt token at least is evaluated with the generation: its logits choose the first token.
    const reused = await this.keepPrefix(prompt, request.reusePrefix ?? true, prompt.length - 1);
    hooks.onStart?.({ promptTokens: prompt.length, reusedTokens: reused });
    // Long prompts are evaluated in chunks first, so that a Stop is seen between them.
    const encoded = await this.encode(prompt, reused, PROMPT_CHUNK, shouldStop);
    const generated: number[] = [];
    let finish: FinishReason | undefined = encoded.stopped ? 'cancelled' : undefined;
    let prefillMs = performance.now() - started;
    let firstTokenMs = 0;
    let passes = 0;
    const tokens = this.sequence.evaluate(prompt.slice(encoded.at) as Token[], options);
    try {
      let step = finish ? undefined : await tokens.next();
      if (step) prefillMs = firstTokenMs = performance.now() - started;
      while (step && !finish) {
        // The generator ends at an end-of-generation token (never offered when ignoreEos).
        if (step.done) {
          finish = schema ? 'complete' : 'eos';
          break;
        }
        // The chosen token, then any the thinking budget forces after it, are evaluated together.
        const chosen: number[] = [];
        for (let id: number | undefined = step.value; id !== undefined && !finish; id = thinking.forcedToken()) {
          generated.push(id);
          chosen.push(id);
          thinking.accept(generated);
          const regions = thinking.regions(generated.length);
          let event: TokenEvent;
          if (regions.inThinking) {
            event = { tokenId: id, thinking: true, text: reasoning.update(this.tokens.decode(generated.slice(regions.thinkStart))).delta };
          } else {
            const decoded = this.tokens.decode(generated.slice(regions.answerStart));
            const update = answer.update(decoded);
            event = { tokenId: id, thinking: false, text: update.delta };
            if (update.stopped) finish = 'stop';
            else if (schema !== undefined && isWholeDocument(decoded)) finish = 'complete';
          }
          hooks.onToken?.(event);
          if (finish) break;
          if (generated.length >= maxTokens) finish = 'max-tokens';
          else if (shouldStop()) finish = 'cancelled';
          else if (performance.now() > deadline) finish = 'deadline';
        }
        if (finish) break;
        passes++;
        step = await tokens.next(chosen.length === 1 ? undefined : (chosen as Token[]));
        // A Stop that came during the step: the token it chose is not shown.
        if (shouldStop()) finish = 'cancelled';
      }
    } finally {
      await tokens.return();
    }
    const regions = thinking.regions(generated.length);
    const answerIds = generated.slice(regions.answerStart);
    const tail = answer.flush(this.tokens.decode(answerIds));
    if (tail && !regions.inThinking) hooks.onToken?.({ tokenId: -1, thinking: false, text: tail });
    const totalMs = performance.now() - started;
    const decodeMs = totalMs - firstTokenMs;
    return {
      text: regions.inThinking ? '' : answer.text(this.tokens.decode(answerIds)),
      thinking: this.tokens.decode(generated.slice(regions.thinkStart, regions.thinkEnd)).trim(),
      tokenIds: generated,
      thinkingTokens: thinking.count,
      finish: finish ?? 'cancelled',
      promptTokens: prompt.length,
      reusedTokens: encoded.stopped ? 0 : reused,
      timings: {
        prefillMs,
        firstTokenMs,
        totalMs,
        decodeTokensPerSecond: generated.length > 1 && decodeMs > 0 ? ((generated.length - 1) * 1000) / decodeMs : 0,
      },
      decode: { passes, drafted: 0, kept: 0 },
    };
  }

  /** Sampling as the ONNX engine does it (greedy unless asked; top-k and top-p off unless asked), a schema's grammar, no EOS when ignoreEos. */
  private async evaluateOptions(request: GenerateRequest, schema: unknown): Promise<SequenceEvaluateOptions> {
    const { LlamaGrammarEvaluationState, TokenBias: Bias } = await import('node-llama-cpp');
    const options: SequenceEvaluateOptions = {
      temperature: request.temperature ?? 0,
      topK: request.topK ?? 0,
      topP: request.topP ?? 1,
      seed: request.seed ?? 0,
    };
    if (schema !== undefined) {
      const llama = await llamaRuntime();
      const grammar = await llama.createGrammarForJsonSchema(schema as never);
      options.grammarEvaluationState = new LlamaGrammarEvaluationState({ model: this.model, grammar });
    }
    if (this.unusable.length || request.ignoreEos) {
      const bias = Bias.for(this.model);
      for (const id of this.unusable) bias.set(id as Token, 'never');
      if (request.ignoreEos) banEndOfGeneration(bias, this.endOfGeneration);
      options.tokenBias = bias;
    }
    return options;
  }

  /**
   * Vocabulary rows no text maps to (token type UNUSED: the padding Qwen2's
   * converters add up to the matrix size). llama.cpp would sample them; the
   * ONNX engine masks them, and so does this one, so both choose alike.
   */
  /** Every token llama.cpp ends a generation at (EOS, EOT, and in Qwen2 <|endoftext|> too): banned when ignoreEos. */
  private get endOfGeneration(): readonly number[] {
    const types = this.model.fileInfo.metadata.tokenizer?.ggml?.token_type ?? [];
    const ids = new Set([this.model.tokens.eos, this.model.tokens.eot].filter((id): id is Token => id !== null));
    types.forEach((type, id) => type === CONTROL_TOKEN && this.model.isEogToken(id as Token) && ids.add(id as Token));
    return [...ids];
  }

  private get unusable(): readonly number[] {
    if (this.unusableIds) return this.unusableIds;
    const types = this.model.fileInfo.metadata.tokenizer?.ggml?.token_type ?? [];
    this.unusableIds = [];
    types.forEach((type, id) => type === UNUSED_TOKEN && this.unusableIds!.push(id));
    return this.unusableIds;
  }
}

/**
 * Whether a schema's answer is complete: an object, array or string is once
 * it parses (llama.cpp's JSON grammar would let whitespace follow until EOS,
 * which a small model may never choose). A bare number could go on, so it
 * ends at EOS or the token budget.
 */
function isWholeDocument(text: string): boolean {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[' && start !== '"') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bans the end-of-generation tokens (ignoreEos: benchmarks and tests that
 * need exactly maxTokens). TokenBias.set() skips them on purpose, so the ban
 * goes into the map node-llama-cpp 3.21.1 (pinned) hands to llama.cpp's
 * logit-bias sampler; a test fails if a later release changes that.
 */
export function banEndOfGeneration(bias: TokenBias, ids: readonly number[]): void {
  const biases = (bias as unknown as { _biases?: Map<number, number> })._biases;
  if (!(biases instanceof Map)) throw new ModelError('internal', 'this node-llama-cpp cannot ban the end-of-generation token (ignoreEos)');
  for (const id of ids) biases.set(id, -Infinity);
}
