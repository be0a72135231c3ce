/**
 * One decode step of each runtime, taken apart (a tool for finding why one is
 * slower; bench:model gives the figures): both load the same folder in this
 * process with the same session settings, take turns at short greedy
 * decodes, and every onnxruntime run() is timed, so a step splits into time
 * inside onnxruntime and time in the runtime's own loop.
 *
 *   npx tsx bench/model-profile.ts models/bench-0.5b-int4 [ROUNDS]
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AutoModelForCausalLM, AutoTokenizer, BaseStreamer, env, type TextStreamer, type Tensor } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { generate } from '../electron/model/generate';
import { loadModel } from '../electron/model/loaded-model';
import { startModelWorker } from '../electron/model/model-worker';
import { cpuSessionOptions } from '../electron/model/session';
import { DECODE_PROMPT, DECODE_TOKENS, median } from './model-workload';

const runMs: number[] = [];
// onnxruntime's session class (its factory type hides the prototype): every run() of either runtime is timed.
const proto = (ort.InferenceSession as unknown as { prototype: { run(...args: unknown[]): Promise<unknown> } }).prototype;
const run = proto.run;
proto.run = async function (this: unknown, ...args: unknown[]) {
  const start = performance.now();
  const out = await run.apply(this, args);
  runMs.push(performance.now() - start);
  return out;
};

class Clock extends BaseStreamer {
  readonly stamps: number[] = [];
  override put(): void {
    this.stamps.push(performance.now());
  }
  override end(): void {}
}

const perStep = (stamps: number[]) => (stamps[stamps.length - 1]! - stamps[0]!) / (stamps.length - 1);
/** A run's mean step, its mean time inside onnxruntime, and the median of both (robust to a burst of other work). */
const split = (step: number, ort: number[]) => ({ step, ort: ort.reduce((a, b) => a + b, 0) / ort.length, ortMedian: median(ort) });

async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? 'models/bench-0.5b-int4');
  const rounds = Number(process.argv[3] ?? 4);
  const dtype = { fp32: 'fp32', int8: 'int8', int4: 'q4' }[/-(fp32|int8|int4)$/.exec(folder)![1]!] as 'fp32' | 'int8' | 'q4';
  const ours = await loadModel(folder);
  env.allowRemoteModels = false;
  env.localModelPath = `${dirname(folder)}/`;
  const tokenizer = await AutoTokenizer.from_pretrained(basename(folder), { local_files_only: true });
  const peer = await AutoModelForCausalLM.from_pretrained(basename(folder), {
    local_files_only: true,
    device: 'cpu',
    dtype,
    session_options: cpuSessionOptions({ threads: availableParallelism(), spinning: false }),
  });
  const inputs = tokenizer(DECODE_PROMPT) as { input_ids: Tensor; attention_mask: Tensor };

  const runOurs = async () => {
    runMs.length = 0;
    const stamps: number[] = [];
    await generate(ours, { prompt: DECODE_PROMPT, maxTokens: DECODE_TOKENS, ignoreEos: true, temperature: 0, reusePrefix: false }, { onToken: () => stamps.push(performance.now()) });
    return split(perStep(stamps), runMs.slice(1));
  };
  const worker = await startModelWorker(folder);
  const runWorker = async () => {
    const stamps: number[] = [];
    await worker.generate({ prompt: DECODE_PROMPT, maxTokens: DECODE_TOKENS, ignoreEos: true, temperature: 0, reusePrefix: false }, () => stamps.push(performance.now())).result;
    return { step: perStep(stamps) };
  };
  const runPeer = async () => {
    runMs.length = 0;
    const clock = new Clock();
    await peer.generate({ ...inputs, max_new_tokens: DECODE_TOKENS, min_new_tokens: DECODE_TOKENS, do_sample: false, streamer: clock as unknown as TextStreamer });
    return split(perStep(clock.stamps.slice(1)), runMs.slice(1));
  };
  await runOurs();
  await runPeer();
  await runWorker();
  const show = (r: { step: number; ort: number; ortMedian: number }) => `${r.step.toFixed(1)} (${r.ort.toFixed(1)}; ${r.ortMedian.toFixed(1)})`;
  for (let i = 0; i < rounds; i++) {
    const a = await runOurs();
    const b = await runPeer();
    const c = await runWorker();
    console.log(
      `round ${i + 1}: ms per step (of which in onnxruntime; median in onnxruntime): ours in this thread ${show(a)}, peer ${show(b)}; ours in its worker ${c.step.toFixed(1)}`,
    );
  }
  await worker.close();
  await peer.dispose();
  await ours.session.release();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
