/**
 * How many threads llama.cpp gets. Its worker threads spin while they wait
 * for each other, so a thread that finds its core taken by other work (the
 * UI, OCR, an import) stalls every other: on a busy 2-core machine, two
 * threads fell to 1-5 tokens/s where one kept its speed. So, unless pinned
 * (LoadOptions.threads): at load, the fastest of 1 .. half the cores,
 * measured on a few greedy tokens; before each request, fewer when other
 * work holds the cores (the load average beyond our own threads).
 * CONTINUUM_LLAMA_THREADS=N pins it for a clinic's machine.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { LlamaModel, Token } from 'node-llama-cpp';
import { ModelError } from '../errors';

/** Half the cores, at least one: the most llama.cpp is offered, leaving the rest to the app. */
export function defaultLlamaThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2));
}

/** Thread counts worth measuring: 1, then doubling, up to the default. */
export function threadCandidates(most = defaultLlamaThreads()): number[] {
  const out: number[] = [];
  for (let t = 1; t < most; t *= 2) out.push(t);
  out.push(most);
  return [...new Set(out)];
}

/**
 * Threads for the next request: `ideal`, less the cores other work holds
 * (the 1-minute load average less the `ours` threads llama.cpp itself ran),
 * at least one.
 */
export function threadsBesideOtherWork(ideal: number, ours: number, load = loadavg()[0]!, cores = availableParallelism()): number {
  const others = Math.max(0, load - ours);
  return Math.max(1, Math.min(ideal, Math.floor(cores - others)));
}

/** Tokens per second of `threads` threads on a few greedy tokens after a short prompt. */
async function speedOf(model: LlamaModel, threads: number): Promise<number> {
  const context = await model.createContext({ contextSize: 64, threads, sequences: 1 });
  try {
    const prompt = model.tokenize('The patient', true);
    const bos = model.tokens.bos;
    const input = model.tokens.shouldPrependBosToken && bos !== null ? [bos, ...prompt] : prompt;
    let first = 0;
    let count = 0;
    for await (const _token of context.getSequence().evaluate(input as Token[], { temperature: 0 })) {
      if (count++ === 0) first = performance.now();
      if (count === 5) break;
    }
    return count > 1 ? ((count - 1) * 1000) / (performance.now() - first) : 0;
  } finally {
    await context.dispose();
  }
}

/** The fastest candidate on this machine now (a single candidate is not measured). */
export async function measureThreads(model: LlamaModel, candidates = threadCandidates()): Promise<number> {
  if (candidates.length === 1) return candidates[0]!;
  let best = candidates[0]!;
  let bestSpeed = -1;
  for (const threads of candidates) {
    const speed = await speedOf(model, threads);
    if (speed > bestSpeed) [best, bestSpeed] = [threads, speed];
  }
  return best;
}

/** The administrator's pin (CONTINUUM_LLAMA_THREADS), if set; a value that is not a whole number of threads is refused in one line. */
export function pinnedThreads(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env['CONTINUUM_LLAMA_THREADS'];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > availableParallelism()) {
    throw new ModelError('invalid-request', `CONTINUUM_LLAMA_THREADS must be a whole number from 1 to ${availableParallelism()} (this machine's cores), not "${raw}"`);
  }
  return n;
}
