/**
 * The peer runtime for bench:model: transformers.js (@huggingface/transformers)
 * running greedy generate() on the same model folder and the same ONNX file,
 * through the same onnxruntime-node, with the same session settings as ours
 * (threads, graph optimizations, no spinning), so the ratio compares the two
 * generation loops and not their thread settings. Nothing is fetched: remote
 * models are off and the folder is read from models/. In a process of its own;
 * prints one JSON line (PeerRunFigures).
 *
 *   npx tsx bench/model-peer.ts models/bench-0.5b-int4 "The patient" 48
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AutoModelForCausalLM, AutoTokenizer, BaseStreamer, env, type Tensor, type TextStreamer } from '@huggingface/transformers';

export interface PeerRunFigures {
  readonly loadMs: number;
  readonly promptTokens: number;
  /** The best of the runs: (new tokens - 1) / (time from the first new token to the last). */
  readonly decodeTokensPerSecond: number;
  /** Every run's decode speed, in order. */
  readonly runs: readonly number[];
  readonly tokenIds: readonly number[];
  readonly peakRssMiB: number;
}

/** transformers.js picks the ONNX file by dtype: model.onnx, model_int8.onnx, model_q4.onnx (our generator's names). */
const DTYPE = { fp32: 'fp32', int8: 'int8', int4: 'q4' } as const;

/** Time stamps of each put(): the first is the prompt, then one per new token. */
class TokenClock extends BaseStreamer {
  readonly stamps: number[] = [];
  override put(): void {
    this.stamps.push(performance.now());
  }
  override end(): void {}
}

async function main(): Promise<void> {
  const [folder, prompt, count, repeats = '2'] = process.argv.slice(2);
  if (!folder || !prompt || !count) throw new Error('usage: model-peer.ts MODEL_DIR PROMPT NEW_TOKENS [RUNS]');
  const dir = resolve(folder);
  const precision = /-(fp32|int8|int4)$/.exec(dir)?.[1] as keyof typeof DTYPE | undefined;
  if (!precision) throw new Error(`${folder}: the folder name must end in -fp32, -int8 or -int4`);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${dirname(dir)}/`;
  const name = basename(dir);
  const newTokens = Number(count);

  const started = performance.now();
  const tokenizer = await AutoTokenizer.from_pretrained(name, { local_files_only: true });
  const model = await AutoModelForCausalLM.from_pretrained(name, {
    local_files_only: true,
    device: 'cpu',
    dtype: DTYPE[precision],
    session_options: {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: availableParallelism(),
      interOpNumThreads: 1,
      executionMode: 'sequential',
      extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
    },
  });
  const loadMs = performance.now() - started;
  const inputs = tokenizer(prompt) as { input_ids: Tensor; attention_mask: Tensor };
  const promptTokens = inputs.input_ids.dims[1]!;

  const runs: number[] = [];
  let tokenIds: number[] = [];
  for (let run = 0; run < Number(repeats); run++) {
    const clock = new TokenClock();
    // Greedy, exactly newTokens tokens (end-of-sequence suppressed until then), as our bench asks ignoreEos.
    // generate() types its streamer as a TextStreamer, but calls only BaseStreamer's put() and end().
    const streamer = clock as unknown as TextStreamer;
    const output = (await model.generate({ ...inputs, max_new_tokens: newTokens, min_new_tokens: newTokens, do_sample: false, streamer })) as Tensor;
    const stamps = clock.stamps;
    if (stamps.length !== newTokens + 1) throw new Error(`the peer streamed ${stamps.length - 1} tokens, expected ${newTokens}`);
    runs.push(((newTokens - 1) * 1000) / (stamps[newTokens]! - stamps[1]!));
    tokenIds = Array.from(output.data as BigInt64Array, Number).slice(promptTokens);
  }
  await model.dispose();
  const figures: PeerRunFigures = { loadMs, promptTokens, decodeTokensPerSecond: Math.max(...runs), runs, tokenIds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
