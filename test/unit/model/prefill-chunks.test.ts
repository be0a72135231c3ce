import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generate } from '../../../electron/model/generate';
import type { KvState } from '../../../electron/model/kv-cache';
import { INT8_PREFILL_CHUNK, loadModel, type LoadedModel } from '../../../electron/model/loaded-model';
import { ChunkSizer } from '../../../electron/model/prefill-chunks';
import { LONG_CONTEXT, tinyModel } from './tiny-model';

/** Runs the sizer against a cost line: each pass costs fixed + perToken * tokens. */
function drive(sizer: ChunkSizer, cost: (tokens: number) => number, passes: number): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < passes; i++) {
    const n = sizer.next(10_000);
    sizes.push(n);
    sizer.record(n, cost(n));
  }
  return sizes;
}

describe('the prefill chunk sizer', () => {
  it('probes with one token, then a few, then grows to the chunk that fills the target time', () => {
    const sizer = new ChunkSizer({ targetMs: 100 });
    const cost = (n: number) => 10 + 3 * n;
    const sizes = drive(sizer, cost, 40);
    expect(sizes.slice(0, 2)).toEqual([1, 4]);
    for (let i = 2; i < sizes.length; i++) expect(sizes[i]!).toBeLessThanOrEqual(2 * sizes[i - 1]!); // at most doubling
    expect(Math.max(...sizes.map(cost))).toBeLessThanOrEqual(100);
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(28); // (100 - 10) / 3 = 30 is the most that fits
  });

  it('lets a pass take three decode steps when one step alone nearly fills the target', () => {
    // Every pass reads all the weights (60 ms) whatever its size: one token takes 85 ms against an 80 ms target.
    const sizer = new ChunkSizer({ targetMs: 80 });
    const last = drive(sizer, (n) => 60 + 25 * n, 40).at(-1)!;
    expect(sizer.passMs).toBe(3 * 85);
    expect(last).toBeGreaterThanOrEqual(5); // the fixed 60 ms at most a third of the pass
    expect(60 + 25 * last).toBeLessThanOrEqual(3 * 85);
  });

  it('follows the machine when it gets busier', () => {
    const sizer = new ChunkSizer({ targetMs: 100 });
    expect(drive(sizer, (n) => 10 + 3 * n, 40).at(-1)).toBeGreaterThanOrEqual(28);
    // Twice as slow: (100 - 20) / 6 = 13 tokens fit now.
    const busier = drive(sizer, (n) => 20 + 6 * n, 40).at(-1)!;
    expect(busier).toBeGreaterThanOrEqual(11);
    expect(busier).toBeLessThanOrEqual(13);
  });

  it('never runs more than the prompt has left, nor more than its maximum, and a fixed size stays fixed', () => {
    const sizer = new ChunkSizer({ targetMs: 1000, max: 64 });
    expect(drive(sizer, (n) => 1 + 0.01 * n, 20).at(-1)).toBe(64);
    expect(sizer.next(5)).toBe(5);
    expect(drive(new ChunkSizer({ fixed: 7 }), () => 500, 3)).toEqual([7, 7, 7]);
    expect(() => new ChunkSizer({ fixed: 0 })).toThrow(/positive integer/);
  });
});

describe('chunked prefill on the tiny decoder', () => {
  let model: LoadedModel;
  let tokens: number[];
  beforeAll(async () => {
    model = await loadModel(await tinyModel());
    tokens = model.tokenizer.encode(`You are a careful clinical assistant.\n${LONG_CONTEXT}`);
  });

  async function inChunks(sizes: readonly number[]): Promise<{ logits: Float32Array; kv: KvState }> {
    let kv = model.session.emptyKv();
    let logits: Float32Array = new Float32Array(0);
    let at = 0;
    for (let i = 0; at < tokens.length; i++) {
      const size = sizes[Math.min(i, sizes.length - 1)]!;
      ({ logits, kv } = await model.session.forward(tokens.slice(at, at + size), kv));
      at += size;
    }
    return { logits, kv };
  }

  it('gives the logits and KV state of one pass over the whole prompt', async () => {
    expect(tokens.length).toBeGreaterThan(300);
    const once = await model.session.forward(tokens, model.session.emptyKv());
    for (const sizes of [[1, 3, 7, 16, 64], [5], [128]]) {
      const chunked = await inChunks(sizes);
      expect(chunked.kv.length).toBe(tokens.length);
      let worst = 0;
      for (let i = 0; i < once.logits.length; i++) worst = Math.max(worst, Math.abs(once.logits[i]! - chunked.logits[i]!));
      expect(worst).toBeLessThan(1e-3); // float32 sums in another order, nothing more
      const [onceState, chunkedState] = [await model.session.readKv(once.kv), await model.session.readKv(chunked.kv)];
      for (const [name, tensor] of Object.entries(onceState)) {
        const a = tensor.data as Float32Array;
        const b = chunkedState[name]!.data as Float32Array;
        expect(b.length).toBe(a.length);
        let diff = 0;
        for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
        expect(diff, name).toBeLessThan(1e-3);
      }
    }
  });

  it('generates the same greedy tokens whatever the chunk sizes', async () => {
    const request = { prompt: `You are a careful clinical assistant.\n${LONG_CONTEXT}`, maxTokens: 24, temperature: 0, ignoreEos: true, reusePrefix: false };
    const oneShot = await generate(await loadModel(model.dir, { prefillChunk: 10_000 }), request);
    const small = await generate(await loadModel(model.dir, { prefillChunk: 3 }), request);
    const adaptive = await generate(model, request);
    expect(oneShot.tokenIds).toHaveLength(24);
    expect(small.tokenIds).toEqual(oneShot.tokenIds);
    expect(adaptive.tokenIds).toEqual(oneShot.tokenIds);
  });

  it("cuts an int8 model's prompt the same way however fast the machine is, since its logits depend on the cut", async () => {
    const dir = await tinyModel('int8', 42);
    const prompt = `You are a careful clinical assistant.\n${LONG_CONTEXT}`;
    // Why: one scale per pass for the activations (DynamicQuantizeLinear), so other cuts give other logits.
    const probe = await loadModel(dir);
    const ids = probe.tokenizer.encode(prompt);
    const once = (await probe.session.forward(ids, probe.session.emptyKv())).logits;
    let kv = probe.session.emptyKv();
    let cut: Float32Array = new Float32Array(0);
    for (let at = 0; at < ids.length; at += 25) {
      const out = await probe.session.forward(ids.slice(at, at + 25), kv);
      kv.release();
      ({ logits: cut, kv } = out);
    }
    expect(Math.max(...once.map((x, i) => Math.abs(x - cut[i]!)))).toBeGreaterThan(0.01);
    await probe.session.release();

    const request = { prompt, maxTokens: 24, temperature: 0, ignoreEos: true, reusePrefix: false };
    const runs = [];
    for (const prefillTargetMs of [0.001, 60_000]) {
      const m = await loadModel(dir, { prefillTargetMs });
      const forward = vi.spyOn(m.session, 'forward');
      const result = await generate(m, request);
      const passes = forward.mock.calls.map(([chunk]) => chunk.length).slice(0, -result.tokenIds.length + 1);
      expect(passes.slice(0, -1).every((n) => n === INT8_PREFILL_CHUNK)).toBe(true);
      runs.push(result.tokenIds);
      await m.session.release();
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it('sees a Stop between prompt chunks and runs no further pass', async () => {
    const fixed = await loadModel(model.dir, { prefillChunk: 8 });
    const forward = vi.spyOn(fixed.session, 'forward');
    let checks = 0;
    const result = await generate(fixed, { prompt: `You are a careful clinical assistant.\n${LONG_CONTEXT}`, maxTokens: 5, reusePrefix: false }, { shouldStop: () => ++checks > 3 });
    expect(result.finish).toBe('cancelled');
    expect(result.tokenIds).toEqual([]);
    expect(forward).toHaveBeenCalledTimes(3);
    expect(forward.mock.calls.every(([chunk]) => chunk.length === 8)).toBe(true);
  });
});
