/**
 * Our runtime for bench:model, measured through the product's own path (the
 * model worker and its client), in a process of its own so that its peak
 * memory is its own. Started by bench/model.bench.ts (see model-ipc.ts): it
 * loads the model, then answers 'figures' (prefill, time to first token cold
 * and with prefix reuse, Stop latency) and 'decode' (one short greedy decode,
 * timed like the peer's, for the paired comparison).
 */
import { performance } from 'node:perf_hooks';
import { startModelWorker, type ModelClient } from '../electron/model/model-worker';
import type { ChatMessage } from '../electron/model/tokenizer';
import { DECODE_TOKENS, patientContext, recordChat } from './model-workload';
import { decodeTimings, serveBench, stampNow, type TokenStamp, type DecodeRun, type ExitFigures, type RecordFigures, type Sampling } from './model-ipc';

export interface ModelRunReady {
  readonly loadMs: number;
}

export interface ModelRunFigures {
  readonly promptTokens: number;
  readonly prefillTokensPerSecond: number;
  readonly ttftColdMs: number;
  readonly ttftReuseMs: number;
  readonly reusedTokens: number;
  /** Decode speed with the 2,000-token record in the KV cache. */
  readonly decodeLongTokensPerSecond: number;
  /**
   * Sampled decode after the cached record with draft tokens and without, alternating (whole runs,
   * tokens/s): what drafts cost where they mostly miss (sampled text that does not repeat the record).
   */
  readonly draftsAfterRecord: { readonly on: readonly number[]; readonly off: readonly number[]; readonly drafted: number; readonly kept: number };
  /** From cancel() to the caller's 'cancelled' result, and to the worker letting go; STOPS samples each. */
  readonly stop: Record<'prefill' | 'decode', { readonly callerMs: readonly number[]; readonly workerMs: readonly number[] }>;
}

const STOPS = 5;
/** Alternating pairs of sampled runs after the cached record, with and without draft tokens. */
const DRAFT_ROUNDS = 4;

/**
 * One Stop: cancel() `delayMs` after the generation starts (prefill: the
 * 2,000-token prompt is being encoded; decode: after its first token, with the
 * record reused from the prefix cache), timed to the caller's result and to
 * the worker's release. Several delays land the Stop at different points of a pass.
 */
async function stopLatency(client: ModelClient, messages: ChatMessage[], phase: 'prefill' | 'decode', delayMs: number): Promise<{ callerMs: number; workerMs: number }> {
  let cancelledAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const cancelSoon = () => {
    timer = setTimeout(() => {
      cancelledAt = performance.now();
      handle.cancel();
    }, delayMs);
  };
  const handle = client.generate({ messages, maxTokens: 1000, ignoreEos: true, reusePrefix: phase === 'decode' }, () => {
    if (phase === 'decode' && !timer) cancelSoon(); // decoding has begun
  });
  if (phase === 'prefill') cancelSoon(); // the worker is inside its chunked encoding of the 2,000-token prompt
  const result = await handle.result;
  const callerMs = performance.now() - cancelledAt;
  await handle.finished;
  const workerMs = performance.now() - cancelledAt;
  if (result.finish !== 'cancelled') throw new Error(`cancel in ${phase} was not honoured (${result.finish})`);
  if (phase === 'prefill' && result.tokenIds.length > 0) throw new Error('the Stop meant for the prefill came after it');
  return { callerMs, workerMs };
}

async function stopLatencies(client: ModelClient, messages: ChatMessage[], phase: 'prefill' | 'decode') {
  const callerMs: number[] = [];
  const workerMs: number[] = [];
  for (let i = 0; i < STOPS; i++) {
    const one = await stopLatency(client, messages, phase, 150 + 47 * i);
    callerMs.push(one.callerMs);
    workerMs.push(one.workerMs);
  }
  return { callerMs, workerMs };
}

/**
 * One decode of exactly `tokens` tokens (greedy, or sampled), timed by the arrival of each token at the
 * client (as the peer's streamer); with draft tokens (the runtime's default) or one pass per token.
 */
async function decode(client: ModelClient, prompt: string, tokens: number, sampling: Sampling | undefined, drafts: boolean): Promise<DecodeRun> {
  const stamps: TokenStamp[] = [];
  const choice = sampling ? { temperature: sampling.temperature, topP: sampling.topP, seed: sampling.seed } : { temperature: 0 };
  const result = await client.generate({ prompt, maxTokens: tokens, ignoreEos: true, ...choice, reusePrefix: false, draftTokens: drafts }, (event) => {
    if (event.tokenId >= 0) stamps.push(stampNow());
  }).result;
  if (result.tokenIds.length !== tokens) throw new Error(`our runtime generated ${result.tokenIds.length} tokens, expected ${tokens}`);
  return { ...decodeTimings(stamps), tokenIds: result.tokenIds, ...(result.decode ? { passes: result.decode } : {}) };
}

async function figures(client: ModelClient, dir: string): Promise<ModelRunFigures> {
  const context = patientContext(dir);
  const system: ChatMessage = { role: 'system', content: `You are a careful clinical assistant. The patient's record:\n${context}` };
  const ask = (question: string): ChatMessage[] => [system, { role: 'user', content: question }];
  const cold = await client.generate({ messages: ask('What is the latest HbA1c?'), maxTokens: 1, reusePrefix: false }).result;
  await client.prefill({ messages: [system] });
  const reuse = await client.generate({ messages: ask('Which medications are active?'), maxTokens: 16, ignoreEos: true }).result;
  const draftsAfterRecord = { on: [] as number[], off: [] as number[], drafted: 0, kept: 0 };
  for (let round = 0; round < DRAFT_ROUNDS; round++) {
    for (const drafts of round % 2 === 0 ? [true, false] : [false, true]) {
      const run = await client.generate({ messages: ask('Which medications are active?'), maxTokens: 32, ignoreEos: true, seed: round, draftTokens: drafts }).result;
      (drafts ? draftsAfterRecord.on : draftsAfterRecord.off).push(run.timings.decodeTokensPerSecond);
      draftsAfterRecord.drafted += run.decode?.drafted ?? 0;
      draftsAfterRecord.kept += run.decode?.kept ?? 0;
    }
  }
  const stopDecode = await stopLatencies(client, ask('Summarise the record.'), 'decode');
  const stopPrefill = await stopLatencies(client, ask('Summarise the record again.'), 'prefill');
  return {
    promptTokens: cold.promptTokens,
    prefillTokensPerSecond: (cold.promptTokens * 1000) / cold.timings.prefillMs,
    ttftColdMs: cold.timings.firstTokenMs,
    ttftReuseMs: reuse.timings.firstTokenMs,
    reusedTokens: reuse.reusedTokens,
    decodeLongTokensPerSecond: reuse.timings.decodeTokensPerSecond,
    draftsAfterRecord,
    stop: { prefill: stopPrefill, decode: stopDecode },
  };
}

/** The llama.cpp bar's record row, through the product's path (the same requests for either engine). */
async function record(client: ModelClient, textDir: string): Promise<RecordFigures> {
  const chat = recordChat(textDir);
  const cold = await client.generate({ messages: chat.ask(chat.questions[0]), maxTokens: 1, reusePrefix: false }).result;
  await client.prefill({ messages: [chat.system] });
  const stamps: TokenStamp[] = [];
  const reuse = await client.generate({ messages: chat.ask(chat.questions[1]), maxTokens: DECODE_TOKENS, ignoreEos: true, temperature: 0, draftTokens: false }, (event) => {
    if (event.tokenId >= 0) stamps.push(stampNow());
  }).result;
  return {
    promptTokens: cold.promptTokens,
    prefillTokensPerSecond: (cold.promptTokens * 1000) / cold.timings.firstTokenMs,
    ttftColdMs: cold.timings.firstTokenMs,
    ttftReuseMs: reuse.timings.firstTokenMs,
    reusedTokens: reuse.reusedTokens,
    decodeAfterRecord: decodeTimings(stamps),
  };
}

const dir = process.argv[2];
/** A second argument pins the threads (the llama.cpp bar runs each engine as it would run by default, unless asked). */
const threads = process.argv[3] ? Number(process.argv[3]) : undefined;
let client: ModelClient | undefined;
serveBench(
  async (): Promise<ModelRunReady> => {
    if (!dir) throw new Error('usage: model-run.ts MODEL_DIR');
    const loadStart = performance.now();
    client = await startModelWorker(dir, threads ? { threads } : {});
    const loadMs = performance.now() - loadStart;
    await client.generate({ prompt: 'warm up', maxTokens: 2, ignoreEos: true }).result;
    return { loadMs };
  },
  async (request) => {
    if (!client || !dir) throw new Error('the model is not loaded');
    switch (request.type) {
      case 'decode':
        return decode(client, request.prompt, request.tokens, request.sampling, request.drafts ?? true);
      case 'figures':
        return figures(client, dir);
      case 'record':
        return record(client, request.textDir);
      case 'exit': {
        await client.close();
        return { peakRssMiB: process.resourceUsage().maxRSS / 1024 } satisfies ExitFigures;
      }
    }
  },
);
