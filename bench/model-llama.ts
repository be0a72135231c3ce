/**
 * llama.cpp called directly (node-llama-cpp's own API, none of our code on
 * the path): the speed bar of bench:model. Started by bench/llama-bar.ts in
 * a process of its own (see model-ipc.ts). At start it measures its best
 * thread count on this machine in this run (short greedy decodes with each
 * candidate, alternating), then answers 'decode' and 'record' as our
 * runtime does (model-run.ts), timed the same way.
 */
import { Template } from '@huggingface/jinja';
import { getLlama, LlamaLogLevel, TokenBias, type LlamaContext, type LlamaModel, type Token } from 'node-llama-cpp';
import { banEndOfGeneration } from '../electron/model/gguf/llama-engine';
import { DECODE_PROMPT, DECODE_TOKENS, median, recordChat } from './model-workload';
import { decodeTimings, serveBench, stampNow, type DecodeRun, type ExitFigures, type RecordFigures, type TokenStamp } from './model-ipc';

export interface LlamaReady {
  readonly loadMs: number;
  readonly threads: number;
  /** Median-step tokens/s of each candidate thread count. */
  readonly threadSpeeds: Record<number, number>;
}

const [file, candidatesArg] = process.argv.slice(2);
let model: LlamaModel | undefined;
let context: LlamaContext | undefined;

/** A bias that never ends the generation (the bench times exactly DECODE_TOKENS tokens), as our engine's ignoreEos. */
function noEnd(): TokenBias {
  const bias = TokenBias.for(model!);
  const ids: number[] = [];
  const types = model!.fileInfo.metadata.tokenizer?.ggml?.token_type ?? [];
  types.forEach((type, id) => type === 3 && model!.isEogToken(id as Token) && ids.push(id)); // 3: control tokens
  banEndOfGeneration(bias, ids);
  return bias;
}

/** DECODE_TOKENS greedy tokens after `prompt`, end of sequence never chosen, each token time-stamped. */
async function decode(ctx: LlamaContext, prompt: readonly number[], tokens: number): Promise<DecodeRun> {
  const sequence = ctx.getSequence();
  try {
    const bias = noEnd();
    const stamps: TokenStamp[] = [];
    const ids: number[] = [];
    for await (const token of sequence.evaluate(prompt as Token[], { temperature: 0, tokenBias: bias })) {
      stamps.push(stampNow());
      ids.push(token);
      if (ids.length === tokens) break;
    }
    return { ...decodeTimings(stamps), tokenIds: ids };
  } finally {
    sequence.dispose();
  }
}

function render(messages: readonly { role: string; content: string }[]): string {
  const template = model!.fileInfo.metadata.tokenizer?.chat_template;
  if (typeof template !== 'string') throw new Error('the bench GGUF has no chat template');
  return new Template(template).render({ messages, add_generation_prompt: true, bos_token: '', eos_token: '' });
}

/** Cold: the whole chat prompt; reused: the record's tokens kept in the sequence, the second question evaluated after them. */
async function record(ctx: LlamaContext, textDir: string): Promise<RecordFigures> {
  const chat = recordChat(textDir);
  const sequence = ctx.getSequence();
  try {
    const cold = model!.tokenize(render(chat.ask(chat.questions[0])), true);
    let started = performance.now();
    const first = sequence.evaluate(cold, { temperature: 0 });
    await first.next();
    const ttftColdMs = performance.now() - started;
    await first.return();
    const second = model!.tokenize(render(chat.ask(chat.questions[1])), true);
    started = performance.now();
    let same = 0;
    const held = sequence.contextTokens;
    while (same < held.length && same < second.length - 1 && held[same] === second[same]) same++;
    await sequence.eraseContextTokenRanges([{ start: same, end: sequence.nextTokenIndex }]);
    const bias = noEnd();
    const stamps: TokenStamp[] = [];
    let ttftReuseMs = 0;
    for await (const _token of sequence.evaluate(second.slice(same), { temperature: 0, tokenBias: bias })) {
      if (stamps.length === 0) ttftReuseMs = performance.now() - started;
      stamps.push(stampNow());
      if (stamps.length === DECODE_TOKENS) break;
    }
    return {
      promptTokens: cold.length,
      prefillTokensPerSecond: (cold.length * 1000) / ttftColdMs,
      ttftColdMs,
      ttftReuseMs,
      reusedTokens: same,
      decodeAfterRecord: decodeTimings(stamps),
    };
  } finally {
    sequence.dispose();
  }
}

serveBench(
  async (): Promise<LlamaReady> => {
    if (!file) throw new Error('usage: model-llama.ts FILE.gguf [THREADS,THREADS...]');
    const started = performance.now();
    const llama = await getLlama({ gpu: false, build: 'never', skipDownload: true, progressLogs: false, logLevel: LlamaLogLevel.error });
    model = await llama.loadModel({ modelPath: file });
    const loadMs = performance.now() - started;
    const candidates = (candidatesArg ?? '1').split(',').map(Number);
    const prompt = model.tokenize(DECODE_PROMPT, true);
    const speeds: Record<number, number[]> = {};
    // Each candidate in turn, twice, alternating: its best thread count in this run, on this machine's load now.
    for (let round = 0; round < 2; round++) {
      for (const threads of round % 2 ? [...candidates].reverse() : candidates) {
        const ctx = await model.createContext({ contextSize: 4096, threads, sequences: 1 });
        (speeds[threads] ??= []).push((await decode(ctx, prompt, DECODE_TOKENS)).medianStepTokensPerSecond);
        await ctx.dispose();
      }
    }
    const threadSpeeds = Object.fromEntries(candidates.map((t) => [t, median(speeds[t]!)]));
    const threads = candidates.reduce((best, t) => (threadSpeeds[t]! > threadSpeeds[best]! ? t : best), candidates[0]!);
    context = await model.createContext({ contextSize: 4096, threads, sequences: 1 });
    await decode(context, prompt, 2);
    return { loadMs, threads, threadSpeeds };
  },
  async (request) => {
    if (!context || !model) throw new Error('the model is not loaded');
    switch (request.type) {
      case 'decode':
        return decode(context, model.tokenize(request.prompt, true), request.tokens);
      case 'record':
        return record(context, request.textDir);
      case 'figures':
        throw new Error('llama.cpp called directly answers decode and record only');
      case 'exit':
        await context.dispose();
        await model.dispose();
        return { peakRssMiB: process.resourceUsage().maxRSS / 1024 } satisfies ExitFigures;
    }
  },
);
