/**
 * KV states live in the decoder's thread and are freed when the last handle
 * on them is released (kv-cache.ts). A leak there costs ~50 MB a decode step
 * with a patient record in the cache, so these tests count what the thread
 * holds after every way a generation can end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, prefill } from '../../../electron/model/generate';
import { KvSlot, KvState } from '../../../electron/model/kv-cache';
import { loadModel, type LoadedModel } from '../../../electron/model/loaded-model';
import { PrefixCache } from '../../../electron/model/prefix-cache';
import { LONG_CONTEXT, tinyModel } from './tiny-model';

function slotWithLog(id = 1): { slot: KvSlot; freed: number[] } {
  const freed: number[] = [];
  return { slot: new KvSlot(id, (n) => freed.push(n)), freed };
}

describe('KV state handles', () => {
  it('frees a state once, when the last of its handles is released', () => {
    const { slot, freed } = slotWithLog(7);
    const first = KvState.owning(slot, 10);
    const shorter = first.truncate(4);
    const whole = first.share();
    expect([shorter.length, whole.length, first.truncate(99).length]).toEqual([4, 10, 10]);
    first.release();
    first.release(); // twice is once
    shorter.release();
    expect(freed).toEqual([]);
    whole.release();
    expect(freed).toEqual([]); // the truncate(99) handle above is still held
  });

  it('refuses a handle used after its release', () => {
    const { slot } = slotWithLog();
    const kv = KvState.owning(slot, 3);
    kv.release();
    expect(() => kv.ref).toThrow(/after it was released/);
    expect(() => kv.truncate(1)).toThrow(/after it was released/);
  });

  it('the empty state has nothing to free and may be used after release', () => {
    const empty = KvState.empty();
    empty.release();
    expect(empty.length).toBe(0);
  });
});

describe('the prefix cache and its handles', () => {
  const tokens = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

  it('keeps its own handle, and releases it when an entry is superseded, evicted or cleared', () => {
    const cache = new PrefixCache(2);
    const logs = [1, 2, 3, 4].map((id) => slotWithLog(id));
    const states = logs.map(({ slot }, i) => KvState.owning(slot, i === 1 ? 6 : 4));
    const freed = () => logs.flatMap((l) => l.freed);
    cache.store(tokens(4), states[0]!);
    states[0]!.release(); // the caller's handle goes; the cache's stays
    expect(freed()).toEqual([]);
    cache.store(tokens(6), states[1]!); // extends tokens(4): supersedes it
    states[1]!.release();
    expect(freed()).toEqual([1]);
    cache.store(tokens(4, 100), states[2]!);
    states[2]!.release();
    cache.store(tokens(4, 200), states[3]!); // a third entry in a cache of two: the least recently used goes
    states[3]!.release();
    expect(freed()).toEqual([1, 2]);
    const hit = cache.lookup([...tokens(4, 200), 9])!;
    expect(hit.reused).toBe(4);
    cache.clear();
    expect(freed()).toEqual([1, 2, 3]); // the looked-up state is still the caller's
    hit.kv.release();
    expect(freed()).toEqual([1, 2, 3, 4]);
  });
});

describe('KV states in the decoder thread', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadModel(await tinyModel(), { prefixCacheEntries: 2 });
  });
  afterAll(async () => {
    await model.session.release();
  });

  const system = { role: 'system' as const, content: `You are a careful clinical assistant.\n${LONG_CONTEXT}` };
  /** After every request the thread should hold exactly what the prefix cache holds. */
  const expectOnlyCached = async () => expect(await model.session.heldStates()).toBe(model.prefixCache.size);

  it('holds only the prefix cache states after generations that end every way', async () => {
    const ask = (content: string) => [system, { role: 'user' as const, content }];
    await generate(model, { messages: ask('What is the latest HbA1c?'), maxTokens: 30, ignoreEos: true, temperature: 0 });
    await expectOnlyCached();
    await prefill(model, { messages: [system] });
    await generate(model, { messages: ask('Which medications are active?'), maxTokens: 12, ignoreEos: true });
    await expectOnlyCached();
    let steps = 0;
    const cancelled = await generate(model, { messages: ask('Summarise.'), maxTokens: 50, ignoreEos: true }, { onToken: () => void steps++, shouldStop: () => steps >= 3 });
    expect(cancelled.finish).toBe('cancelled');
    await expectOnlyCached();
    const inPrefill = await generate(model, { messages: ask('Again.'), maxTokens: 5, reusePrefix: false }, { shouldStop: () => true });
    expect(inPrefill.finish).toBe('cancelled');
    await expectOnlyCached();
    const failing = { onToken: () => { throw new Error('the listener failed'); } };
    await expect(generate(model, { messages: ask('Fail on the first token.'), maxTokens: 5, ignoreEos: true }, failing)).rejects.toThrow('the listener failed');
    await expectOnlyCached();
    expect(model.prefixCache.size).toBeGreaterThan(0);
    model.prefixCache.clear();
    expect(await model.session.heldStates()).toBe(0);
  });
});
