/**
 * The generation loop: prompt -> tokens, prefill (reusing a cached prefix's
 * KV state, in chunks so a Stop is seen between them), then decode passes
 * with the KV cache: each runs the chosen token and draft tokens guessed from
 * earlier text (draft-tokens.ts), and every draft the sampler then chooses
 * itself saves a pass. Between tokens it checks the stop flag and the
 * deadline; each token is streamed as text deltas. Optional: constrained
 * decoding to a JSON Schema, and a budget on a thinking model's reasoning.
 */
import { performance } from 'node:perf_hooks';
import { JsonConstraint } from './constrained/json-constraint';
import { compileSchema } from './constrained/schema';
import { DecodePasses } from './decode-passes';
import { ModelError } from './errors';
import type { KvState } from './kv-cache';
import type { LoadedModel } from './loaded-model';
import { Rng, sampleToken, type SamplingOptions, type TokenMask } from './sampler';
import { TextStream } from './text-stream';
import type { ModelTokenizer } from './tokenizer';
import { ThinkingTracker } from './thinking';
import type { FinishReason, GenerateRequest, GenerateResult, PrefillResult, PromptInput, TokenEvent } from './types';

export interface GenerateHooks {
  onToken?(event: TokenEvent): void;
  /** Checked between prefill chunks and decode steps: true ends the generation as 'cancelled'. */
  shouldStop?(): boolean;
  /** Once the prompt is tokenized and matched against the prefix cache, before any pass runs. */
  onStart?(start: { promptTokens: number; reusedTokens: number }): void;
}

export const DEFAULT_MAX_TOKENS = 256;
export const DEFAULT_DEADLINE_MS = 120_000;
export const DEFAULT_THINKING_BUDGET = 1024;

export function promptText(model: LoadedModel, input: PromptInput, options: { generation: boolean; thinking: boolean }): string {
  return renderPrompt(model.tokenizer, input, options);
}

/** The prompt's text: a prompt as given, or the conversation through the model's chat template (either engine). */
export function renderPrompt(template: Pick<ModelTokenizer, 'renderChat'>, input: PromptInput, options: { generation: boolean; thinking: boolean }): string {
  if (input.messages && input.prompt !== undefined) throw new ModelError('invalid-request', 'give either messages or a prompt, not both');
  if (input.prompt !== undefined) return input.prompt;
  if (!input.messages?.length) throw new ModelError('invalid-request', 'the request has no prompt and no messages');
  return template.renderChat(input.messages, { addGenerationPrompt: options.generation, enableThinking: options.thinking });
}

/**
 * One forward pass from `kv`, answering the logits of its last `rows`
 * positions. The pass supersedes `kv`: its handle is released once the pass
 * has run (not if it fails: the caller still holds it then), and the new
 * state's handle is the caller's. Prompt chunks and single-token steps are
 * timed for the chunk sizer; a pass checking draft tokens is neither.
 */
async function advance(model: LoadedModel, tokens: readonly number[], kv: KvState, rows = 1) {
  const started = performance.now();
  const out = await model.session.forward(tokens, kv, rows);
  if (rows === 1) model.chunks.record(tokens.length, performance.now() - started);
  kv.release();
  return out;
}

/**
 * Encodes `tokens` after the longest cached prefix, in chunks the sizer picks
 * (a Stop is seen between them); returns the last logits and the new state
 * (the caller's handle to release; the prefix cache keeps its own).
 */
async function encodePrompt(model: LoadedModel, tokens: readonly number[], reuse: boolean, hooks: GenerateHooks) {
  const shouldStop = hooks.shouldStop ?? (() => false);
  const hit = reuse ? model.prefixCache.lookup(tokens) : undefined;
  hooks.onStart?.({ promptTokens: tokens.length, reusedTokens: hit?.reused ?? 0 });
  let kv: KvState = hit?.kv ?? model.session.emptyKv();
  let logits: Float32Array | undefined;
  try {
    for (let at = hit?.reused ?? 0; at < tokens.length; ) {
      if (shouldStop()) {
        kv.release();
        return { cancelled: true as const };
      }
      const size = model.chunks.next(tokens.length - at);
      ({ logits, kv } = await advance(model, tokens.slice(at, at + size), kv));
      at += size;
    }
  } catch (error) {
    kv.release();
    throw error;
  }
  model.prefixCache.store(tokens, kv);
  return { cancelled: false as const, logits: logits!, kv, reused: hit?.reused ?? 0 };
}

/** Encodes a prompt prefix (system prompt, patient record) once, so later requests starting with it reuse its state. */
export async function prefill(model: LoadedModel, input: PromptInput, hooks: GenerateHooks = {}): Promise<PrefillResult> {
  const started = performance.now();
  const tokens = model.tokenizer.encodePrompt(promptText(model, input, { generation: false, thinking: false }));
  if (tokens.length < 2) return { promptTokens: tokens.length, reusedTokens: 0, ms: 0 };
  if (tokens.length > model.info.contextLength) throw new ModelError('invalid-request', `the prefix has ${tokens.length} tokens; the model's context is ${model.info.contextLength}`);
  const encoded = await encodePrompt(model, tokens, true, hooks);
  if (!encoded.cancelled) encoded.kv.release(); // the prefix cache keeps its own handle
  return { promptTokens: tokens.length, reusedTokens: encoded.cancelled ? 0 : encoded.reused, ms: performance.now() - started };
}

/** Tokens an unconstrained generation may choose: not the padding rows beyond the tokenizer, nor `excluded`. */
function paddingMask(model: LoadedModel, excluded: readonly number[]): TokenMask | undefined {
  const size = model.info.vocabSize;
  if (size <= model.tokenizer.size && excluded.length === 0) return undefined;
  const mask = new Uint8Array(size);
  mask.fill(1, 0, model.tokenizer.size);
  for (const id of excluded) mask[id] = 0;
  return mask;
}

export async function generate(model: LoadedModel, request: GenerateRequest, hooks: GenerateHooks = {}): Promise<GenerateResult> {
  const started = performance.now();
  const deadline = started + (request.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const shouldStop = hooks.shouldStop ?? (() => false);
  const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new ModelError('invalid-request', 'maxTokens must be a positive integer');
  const constraint = request.schema === undefined ? undefined : new JsonConstraint(compileSchema(request.schema), model.constraintVocabulary());
  if (constraint && constraint.minTokens() > maxTokens) {
    throw new ModelError('invalid-request', `the shortest answer to this schema takes ${constraint.minTokens()} tokens; maxTokens is ${maxTokens}`);
  }
  const tags = model.manifest.thinking;
  const thinkingOn = Boolean(request.thinking?.enabled && tags && !constraint);
  const text = promptText(model, request, { generation: true, thinking: thinkingOn });
  const tokens = model.tokenizer.encodePrompt(text);
  if (tokens.length === 0) throw new ModelError('invalid-request', 'the prompt is empty');
  if (tokens.length + maxTokens > model.info.contextLength) {
    throw new ModelError('invalid-request', `the prompt has ${tokens.length} tokens and up to ${maxTokens} may follow, beyond the model's context of ${model.info.contextLength}`);
  }
  const sampling: SamplingOptions = {
    temperature: request.temperature ?? model.defaults.temperature,
    topP: request.topP ?? model.defaults.topP,
    topK: request.topK ?? model.defaults.topK,
  };
  const rng = new Rng(request.seed ?? 0);
  const baseMask = paddingMask(model, request.ignoreEos ? model.defaults.eosIds : []);
  const eos = new Set(request.ignoreEos ? [] : model.defaults.eosIds);
  const thinking = new ThinkingTracker(model.tokenizer, tags, {
    promptEndsOpen: thinkingOn && tags !== undefined && text.trimEnd().endsWith(tags.open),
    budget: request.thinking?.budget ?? DEFAULT_THINKING_BUDGET,
  });
  const answer = new TextStream(constraint ? [] : (request.stop ?? []), thinkingOn);
  const reasoning = new TextStream([]);

  const encoded = await encodePrompt(model, tokens, request.reusePrefix ?? true, hooks);
  const prefillMs = performance.now() - started;
  const generated: number[] = [];
  let firstTokenMs = 0;
  let finish: FinishReason | undefined = encoded.cancelled ? 'cancelled' : undefined;
  const passes = new DecodePasses(
    encoded.cancelled ? model.session.emptyKv() : encoded.kv,
    encoded.cancelled ? undefined : encoded.logits,
    (ids, kv, rows) => advance(model, ids, kv, rows),
    request.draftTokens ?? true,
  );

  try {
    while (!finish) {
      const logits = passes.nextLogits();
      let id = thinking.forcedToken();
      if (id === undefined) {
        if (constraint) {
          const allowed = constraint.mask();
          let mask = allowed;
          id = sampleToken(logits, sampling, rng, mask);
          // The schema allows it, but can the document still be finished in the tokens left? If not, try another.
          while (!constraint.fits(id, maxTokens - generated.length - 1)) {
            if (mask === allowed) mask = Uint8Array.from(allowed); // the cached mask stays intact
            mask[id] = 0;
            id = sampleToken(logits, sampling, rng, mask);
          }
        } else id = sampleToken(logits, sampling, rng, baseMask);
        if (generated.length === 0) firstTokenMs = performance.now() - started;
        if (eos.has(id)) {
          finish = 'eos';
          break;
        }
      }
      generated.push(id);
      thinking.accept(generated);
      constraint?.accept(id);
      const regions = thinking.regions(generated.length);
      let event: TokenEvent;
      if (regions.inThinking) {
        event = { tokenId: id, thinking: true, text: reasoning.update(model.tokenizer.decode(generated.slice(regions.thinkStart))).delta };
      } else {
        const update = answer.update(model.tokenizer.decode(generated.slice(regions.answerStart)));
        event = { tokenId: id, thinking: false, text: update.delta };
        if (update.stopped) finish = 'stop';
      }
      hooks.onToken?.(event);
      if (finish) break;
      if (constraint?.done) finish = 'complete';
      // With a schema the budget guarantees a whole document by the last token (a top-level number may end anywhere).
      else if (generated.length >= maxTokens) finish = constraint?.canEnd ? 'complete' : 'max-tokens';
      else if (shouldStop()) finish = 'cancelled';
      else if (performance.now() > deadline) finish = 'deadline';
      else if (!passes.accept(id)) {
        // Drafts beyond the tokens left are never needed: the last token comes from the row after them.
        await passes.advance(id, () => [...tokens, ...generated], maxTokens - generated.length - 1);
        // A Stop that came during the step: do not even choose the next token.
        if (shouldStop()) finish = 'cancelled';
      }
    }

    if (!encoded.cancelled) {
      const chosen = passes.chosenState();
      model.prefixCache.store([...tokens, ...generated].slice(0, chosen.length), chosen);
      chosen.release();
    }
  } finally {
    passes.release();
  }
  const regions = thinking.regions(generated.length);
  const answerIds = generated.slice(regions.answerStart);
  const tail = answer.flush(model.tokenizer.decode(answerIds));
  if (tail && !regions.inThinking) hooks.onToken?.({ tokenId: -1, thinking: false, text: tail });
  const totalMs = performance.now() - started;
  const decodeMs = totalMs - firstTokenMs;
  return {
    text: regions.inThinking ? '' : answer.text(model.tokenizer.decode(answerIds)),
    thinking: model.tokenizer.decode(generated.slice(regions.thinkStart, regions.thinkEnd)).trim(),
    tokenIds: generated,
    thinkingTokens: thinking.count,
    finish,
    promptTokens: tokens.length,
    reusedTokens: encoded.cancelled ? 0 : encoded.reused,
    timings: {
      prefillMs,
      firstTokenMs,
      totalMs,
      decodeTokensPerSecond: generated.length > 1 && decodeMs > 0 ? ((generated.length - 1) * 1000) / decodeMs : 0,
    },
    decode: passes.stats,
  };
}
