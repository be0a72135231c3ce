/**
 * The peer runtime for bench:model: transformers.js (@huggingface/transformers)
 * running greedy generate() on the same model folder and the same ONNX file,
 * through the same onnxruntime-node, with exactly our session settings
 * (cpuSessionOptions: threads, graph optimizations, no spinning), so the
 * ratio compares the two generation loops and not their thread settings.
 * transformers.js passes session_options through to InferenceSession.create;
 * the options it really gave are recorded there and reported, not assumed.
 * Nothing is fetched: remote models are off and the folder is read from
 * models/. Started by bench/model.bench.ts (see model-ipc.ts), in a process
 * of its own; answers 'decode' with one timed run.
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AutoModelForCausalLM, AutoTokenizer, BaseStreamer, env, type PreTrainedModel, type PreTrainedTokenizer, type Tensor, type TextStreamer } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { cpuSessionOptions } from '../electron/model/session';
import { decodeTimings, serveBench, stampNow, type TokenStamp, type DecodeRun, type ExitFigures, type Sampling } from './model-ipc';

export interface PeerReady {
  readonly loadMs: number;
  /** The options transformers.js gave InferenceSession.create for the decoder, as it gave them. */
  readonly sessionOptions: Record<string, unknown>;
  /** Types of the past_key_values tensors fed to onnxruntime (filled after the warm-up run). */
  readonly kvTypes: readonly string[];
}

/** transformers.js picks the ONNX file by dtype: model.onnx, model_int8.onnx, model_q4.onnx (our generator's names). */
const DTYPE = { fp32: 'fp32', int8: 'int8', int4: 'q4' } as const;

/** Stamps of each put(): the first is the prompt, then one per new token. */
class TokenClock extends BaseStreamer {
  readonly stamps: TokenStamp[] = [];
  override put(): void {
    this.stamps.push(stampNow());
  }
  override end(): void {}
}

/** What onnxruntime is asked, seen from inside: create()'s options, and time spent in each run(). */
const seen = { options: undefined as Record<string, unknown> | undefined, kvTypes: new Set<string>(), runMs: [] as number[] };

function watchOnnxruntime(): void {
  const sessions = ort.InferenceSession as unknown as { create(...args: unknown[]): Promise<ort.InferenceSession> };
  const create = sessions.create.bind(sessions);
  sessions.create = async (...args: unknown[]) => {
    const options = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null && !ArrayBuffer.isView(a)) as Record<string, unknown> | undefined;
    seen.options = options;
    const session = await create(...args);
    const run = session.run.bind(session) as (feeds: Record<string, ort.Tensor>, ...rest: unknown[]) => Promise<ort.InferenceSession.OnnxValueMapType>;
    (session as { run: typeof run }).run = async (feeds, ...rest) => {
      for (const [name, tensor] of Object.entries(feeds)) if (name.startsWith('past_key_values')) seen.kvTypes.add(tensor.type);
      const start = performance.now();
      const out = await run(feeds, ...rest);
      seen.runMs.push(performance.now() - start);
      return out;
    };
    return session;
  };
}

async function decode(model: PreTrainedModel, tokenizer: PreTrainedTokenizer, prompt: string, newTokens: number, sampling: Sampling | undefined): Promise<DecodeRun> {
  const inputs = tokenizer(prompt) as { input_ids: Tensor; attention_mask: Tensor };
  const promptTokens = inputs.input_ids.dims[1]!;
  const clock = new TokenClock();
  seen.runMs.length = 0;
  // Exactly newTokens tokens (end-of-sequence suppressed until then), as our bench asks ignoreEos; greedy, or
  // sampled with the same temperature and top-p (the draws differ: each runtime has its own random numbers).
  // generate() types its streamer as a TextStreamer, but calls only BaseStreamer's put() and end().
  const streamer = clock as unknown as TextStreamer;
  const output = (await model.generate({ ...inputs, max_new_tokens: newTokens, min_new_tokens: newTokens, ...(sampling ? { do_sample: true, temperature: sampling.temperature, top_p: sampling.topP, top_k: 0 } : { do_sample: false }), streamer })) as Tensor;
  const stamps = clock.stamps.slice(1);
  if (stamps.length !== newTokens) throw new Error(`the peer streamed ${stamps.length} tokens, expected ${newTokens}`);
  // runMs[0] is the prompt's pass; the rest are decode steps.
  const steps = seen.runMs.slice(1);
  return {
    ...decodeTimings(stamps),
    tokenIds: Array.from(output.data as BigInt64Array, Number).slice(promptTokens),
    ortMsPerStep: steps.reduce((a, b) => a + b, 0) / steps.length,
  };
}

const folder = process.argv[2];
let loaded: { model: PreTrainedModel; tokenizer: PreTrainedTokenizer } | undefined;
serveBench(
  async (): Promise<PeerReady> => {
    if (!folder) throw new Error('usage: model-peer.ts MODEL_DIR');
    const dir = resolve(folder);
    const precision = /-(fp32|int8|int4)$/.exec(dir)?.[1] as keyof typeof DTYPE | undefined;
    if (!precision) throw new Error(`${folder}: the folder name must end in -fp32, -int8 or -int4`);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${dirname(dir)}/`;
    const name = basename(dir);
    watchOnnxruntime();
    const started = performance.now();
    const tokenizer = await AutoTokenizer.from_pretrained(name, { local_files_only: true });
    const model = await AutoModelForCausalLM.from_pretrained(name, {
      local_files_only: true,
      device: 'cpu',
      dtype: DTYPE[precision],
      session_options: cpuSessionOptions({ threads: availableParallelism(), spinning: false }),
    });
    const loadMs = performance.now() - started;
    loaded = { model, tokenizer };
    await decode(model, tokenizer, 'warm up', 2, undefined);
    if (!seen.options) throw new Error('transformers.js did not create its session through onnxruntime-node');
    return { loadMs, sessionOptions: seen.options, kvTypes: [...seen.kvTypes] };
  },
  async (request) => {
    if (!loaded) throw new Error('the model is not loaded');
    switch (request.type) {
      case 'decode':
        return decode(loaded.model, loaded.tokenizer, request.prompt, request.tokens, request.sampling);
      case 'figures':
        throw new Error('the peer measures decode only');
      case 'exit':
        await loaded.model.dispose();
        return { peakRssMiB: process.resourceUsage().maxRSS / 1024 } satisfies ExitFigures;
    }
  },
);
