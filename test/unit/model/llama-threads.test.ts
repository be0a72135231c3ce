import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { defaultLlamaThreads, pinnedThreads, threadCandidates, threadsBesideOtherWork } from '../../../electron/model/gguf/llama-threads';

describe("llama.cpp's thread count", () => {
  it('offers at most half the cores, at least one, and measures 1 and doublings up to that', () => {
    expect(defaultLlamaThreads(1)).toBe(1);
    expect(defaultLlamaThreads(2)).toBe(1);
    expect(defaultLlamaThreads(16)).toBe(8);
    expect(threadCandidates(1)).toEqual([1]);
    expect(threadCandidates(6)).toEqual([1, 2, 4, 6]);
    expect(threadCandidates(8)).toEqual([1, 2, 4, 8]);
  });

  it('gives up threads to other work, never below one, never above the measured best', () => {
    // 8 cores, 4 measured best: a quiet machine (only our 4 threads in the load) keeps 4.
    expect(threadsBesideOtherWork(4, 4, 4, 8)).toBe(4);
    // Other work holding 6 cores leaves 2.
    expect(threadsBesideOtherWork(4, 4, 10, 8)).toBe(2);
    // A 2-core machine under a load of 9 from others: one thread, not zero.
    expect(threadsBesideOtherWork(1, 1, 9, 2)).toBe(1);
    expect(threadsBesideOtherWork(4, 0, 0, 8)).toBe(4);
  });

  it('is pinned by CONTINUUM_LLAMA_THREADS, and a bad value is refused in one line naming it', () => {
    expect(pinnedThreads({})).toBeUndefined();
    expect(pinnedThreads({ CONTINUUM_LLAMA_THREADS: '1' })).toBe(1);
    expect(() => pinnedThreads({ CONTINUUM_LLAMA_THREADS: 'two' })).toThrow(`CONTINUUM_LLAMA_THREADS must be a whole number from 1 to ${availableParallelism()} (this machine's cores), not "two"`);
    expect(() => pinnedThreads({ CONTINUUM_LLAMA_THREADS: '0' })).toThrow(/CONTINUUM_LLAMA_THREADS/);
  });
});
