/**
 * The effective memory bandwidth the speed estimates divide by
 * (estimates.ts). Best: measured from a real decode on this machine (a
 * model's tokens/s times its weights' bytes: what llama.cpp actually
 * reads per second here, dequantization and all). Else a short probe: one
 * thread summing a 128 MiB buffer (larger than any cache), best of six
 * passes, about 0.2 s, done once per process. One thread, because the app
 * gives llama.cpp one thread on a busy 2-core workstation (llama-threads.ts).
 */
const PROBE_BYTES = 128 * 1024 * 1024;
const PROBE_PASSES = 6;

export interface Bandwidth {
  readonly bytesPerSecond: number;
  /** Where the figure comes from, in words, shown beside the estimate. */
  readonly source: string;
}

let probed: Bandwidth | null = null;

export function probeBandwidth(): Bandwidth {
  if (probed) return probed;
  const values = new Float64Array(PROBE_BYTES / 8);
  for (let i = 0; i < values.length; i += 512) values[i] = i; // touch every page, so the pass reads memory, not zero pages
  let best = Infinity;
  let sink = 0;
  for (let pass = 0; pass < PROBE_PASSES; pass += 1) {
    const start = process.hrtime.bigint();
    // Four sums: one long chain of additions would measure the adder's latency, not memory.
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < values.length; i += 4) {
      a += values[i]!;
      b += values[i + 1]!;
      c += values[i + 2]!;
      d += values[i + 3]!;
    }
    sink += a + b + c + d;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  if (sink === -1) best += 0; // keeps the sums alive
  const bytesPerSecond = PROBE_BYTES / Math.max(best, 1e-6);
  probed = { bytesPerSecond, source: `probe: one thread reading 128 MiB in this process, ${(bytesPerSecond / 1e9).toFixed(1)} GB/s (an upper bound: decoding also computes)` };
  return probed;
}

/** The bandwidth a measured decode implies: tokens/s x the bytes of weights each token reads. */
export function bandwidthFromDecode(name: string, tokensPerSecond: number, weightBytes: number): Bandwidth {
  const bytesPerSecond = tokensPerSecond * weightBytes;
  return { bytesPerSecond, source: `measured: ${name} decoding at ${tokensPerSecond.toFixed(1)} tokens/s here, ${(bytesPerSecond / 1e9).toFixed(1)} GB/s of weights read` };
}
