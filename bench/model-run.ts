/**
 * One model's figures for bench:model, measured through the product's own
 * path (the model worker and its client), in a process of its own so that
 * its peak memory is its own. Prints one JSON line (ModelRunFigures).
 *
 *   npx tsx bench/model-run.ts models/bench-0.5b-int4
 */
import { performance } from 'node:perf_hooks';
import { startModelWorker, type ModelClient } from '../electron/model/model-worker';
import type { ChatMessage } from '../electron/model/tokenizer';
import { ModelTokenizer } from '../electron/model/tokenizer';

export interface ModelRunFigures {
  readonly loadMs: number;
  readonly promptTokens: number;
  readonly prefillTokensPerSecond: number;
  readonly ttftColdMs: number;
  readonly ttftReuseMs: number;
  readonly reusedTokens: number;
  readonly decodeTokensPerSecond: number;
  /** Decode speed with the 2,000-token record in the KV cache. */
  readonly decodeLongTokensPerSecond: number;
  readonly cancelDecodeMs: number;
  readonly cancelPrefillMs: number;
  readonly peakRssMiB: number;
}

const PREFIX_TOKENS = 2000;
const DECODE_TOKENS = 48;

/** A patient record of about PREFIX_TOKENS tokens as the system prompt (cut by tokens, then decoded back). */
function patientContext(dir: string): string {
  const visit = (i: number) =>
    `Visit ${i}: blood pressure ${120 + (i % 30)}/${70 + (i % 20)} mmHg; HbA1c ${(6 + (i % 30) / 10).toFixed(1)}%; ` +
    `creatinine ${(0.8 + (i % 9) / 10).toFixed(1)} mg/dL; metformin 500 mg twice daily; note: stable, review in ${i % 12} weeks.\n`;
  const tokenizer = ModelTokenizer.load(dir);
  let text = '';
  for (let i = 1; tokenizer.encode(text).length < PREFIX_TOKENS; i++) text += visit(i);
  return tokenizer.decode(tokenizer.encode(text).slice(0, PREFIX_TOKENS));
}

/** From cancel() to the worker's answer, with the Stop landing at an arbitrary point of a step or chunk. */
async function cancelLatency(client: ModelClient, messages: ChatMessage[], phase: 'prefill' | 'decode'): Promise<number> {
  let cancelledAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const cancelSoon = () => {
    timer = setTimeout(() => {
      cancelledAt = performance.now();
      handle.cancel();
    }, 250);
  };
  const handle = client.generate({ messages, maxTokens: 1000, ignoreEos: true, reusePrefix: false }, () => {
    if (phase === 'decode' && !timer) cancelSoon(); // decoding has begun
  });
  if (phase === 'prefill') cancelSoon(); // the worker is inside its chunked encoding of the 2,000-token prompt
  const result = await handle.result;
  if (result.finish !== 'cancelled') throw new Error(`cancel in ${phase} was not honoured (${result.finish})`);
  return performance.now() - cancelledAt;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: model-run.ts MODEL_DIR');
  const context = patientContext(dir);
  const system: ChatMessage = { role: 'system', content: `You are a careful clinical assistant. The patient's record:\n${context}` };
  const ask = (question: string): ChatMessage[] => [system, { role: 'user', content: question }];

  const loadStart = performance.now();
  const client = await startModelWorker(dir);
  const loadMs = performance.now() - loadStart;
  try {
    await client.generate({ prompt: 'warm up', maxTokens: 2, ignoreEos: true }).result;
    const cold = await client.generate({ messages: ask('What is the latest HbA1c?'), maxTokens: 1, reusePrefix: false }).result;
    await client.prefill({ messages: [system] });
    const reuse = await client.generate({ messages: ask('Which medications are active?'), maxTokens: 16, ignoreEos: true }).result;
    const decode = await client.generate({ prompt: 'The patient', maxTokens: DECODE_TOKENS, ignoreEos: true, temperature: 0 }).result;
    const cancelDecodeMs = await cancelLatency(client, ask('Summarise the record.'), 'decode');
    const cancelPrefillMs = await cancelLatency(client, ask('Summarise the record again.'), 'prefill');
    const figures: ModelRunFigures = {
      loadMs,
      promptTokens: cold.promptTokens,
      prefillTokensPerSecond: (cold.promptTokens * 1000) / cold.timings.prefillMs,
      ttftColdMs: cold.timings.firstTokenMs,
      ttftReuseMs: reuse.timings.firstTokenMs,
      reusedTokens: reuse.reusedTokens,
      decodeTokensPerSecond: decode.timings.decodeTokensPerSecond,
      decodeLongTokensPerSecond: reuse.timings.decodeTokensPerSecond,
      cancelDecodeMs,
      cancelPrefillMs,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
    console.log(JSON.stringify(figures));
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
