/**
 * bench:model — the local model runtime's figures on this machine, for the
 * 0.5B shape (Qwen2.5-0.5B: hidden 896, 24 layers, 14 heads, 2 KV heads,
 * vocabulary 151,936) in fp32, int8 and int4: prefill and decode speed, time
 * to first token for a 2,000-token patient record cold and with prefix
 * reuse, peak memory, Stop latency, decode speed as a fraction of the
 * memory-bandwidth bound, and decode speed against a peer runtime
 * (transformers.js generate() on the same ONNX file, bench/model-peer.ts).
 * Models are generated if missing (scripts/models, random weights: speed
 * does not depend on the values). Each run (ours, the peer's) is a process
 * of its own, so its peak memory is its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readManifest } from '../electron/model/manifest';
import type { Precision } from '../scripts/models/decoder-graph';
import { generateModelFolder } from '../scripts/models/model-folder';
import { measureBandwidth } from './memory-bandwidth';
import type { PeerRunFigures } from './model-peer';
import type { ModelRunFigures } from './model-run';
import { DECODE_PROMPT, DECODE_RUNS, DECODE_TOKENS, p95 } from './model-workload';
import { report, type Figure } from './report';

const PRECISIONS: Precision[] = ['fp32', 'int8', 'int4'];
const dirOf = (precision: Precision) => join('models', `bench-0.5b-${precision}`);

async function ensureModel(precision: Precision): Promise<void> {
  if (existsSync(join(dirOf(precision), 'continuum-model.json'))) return;
  const start = performance.now();
  await generateModelFolder({ size: '0.5b', precision, seed: 1, out: dirOf(precision) });
  console.log(`generated ${dirOf(precision)} in ${((performance.now() - start) / 1000).toFixed(0)} s`);
}

/** Bytes a decode step reads: every weight but the embedding table, of which it reads one row. */
function weightBytesPerToken(precision: Precision): number {
  const dir = dirOf(precision);
  const manifest = readManifest(dir);
  const onnx = manifest.files.filter((f) => f.path.startsWith('onnx/')).reduce((sum, f) => sum + f.bytes, 0);
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { vocab_size: number; hidden_size: number };
  return onnx - config.vocab_size * config.hidden_size * 4;
}

/** Runs a bench script in a process of its own; its last stdout line is its JSON figures. */
function runScript<T>(script: string, args: string[]): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join('bench', script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')}: ${child.stderr.trim() || `exit ${child.status}`}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as T;
}

/** How many of the first tokens two greedy runs share (both runtimes run the same file: they should agree). */
function sharedPrefix(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const fmt = (values: readonly number[]) => values.map((v) => v.toFixed(0)).join(', ');

async function memoryBandwidth(): Promise<number> {
  // Two views of the same limit; the higher is the stricter bound for the model.
  const ort = await measureBandwidth();
  const a = Buffer.alloc(256 << 20, 1);
  const b = Buffer.alloc(256 << 20, 1);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    a.compare(b);
    best = Math.min(best, performance.now() - start);
  }
  const memcmp = (2 * a.length) / (best / 1000);
  console.log(`memory read bandwidth: ${(ort / 1e9).toFixed(1)} GB/s (onnxruntime ReduceSum), ${(memcmp / 1e9).toFixed(1)} GB/s (memcmp)`);
  return Math.max(ort, memcmp);
}

async function main(): Promise<void> {
  console.log(`${cpus()[0]?.model ?? 'CPU'}, ${availableParallelism()} cores; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine slows every figure)`);
  for (const precision of PRECISIONS) await ensureModel(precision);
  const bandwidth = await memoryBandwidth();
  const figures: Figure[] = [{ name: 'memory read bandwidth', value: bandwidth / 1e9, unit: 'GB/s' }];
  const decode: Partial<Record<Precision, number>> = {};
  for (const p of PRECISIONS) {
    console.log(`running ${dirOf(p)} ...`);
    const r = runScript<ModelRunFigures>('model-run.ts', [dirOf(p)]);
    console.log(`running the peer (transformers.js) on ${dirOf(p)} ...`);
    const peer = runScript<PeerRunFigures>('model-peer.ts', [dirOf(p), DECODE_PROMPT, String(DECODE_TOKENS), String(DECODE_RUNS)]);
    const bytes = weightBytesPerToken(p);
    const bound = bandwidth / bytes;
    decode[p] = r.decodeTokensPerSecond;
    const { decodeTokenIds, ...shown } = r;
    console.log(`${p}: ${JSON.stringify(shown)}; ${(bytes / 1e6).toFixed(0)} MB of weights per token, bound ${bound.toFixed(1)} tokens/s`);
    console.log(`${p} peer: load ${(peer.loadMs / 1000).toFixed(1)} s, decode runs ${peer.runs.map((v) => v.toFixed(1)).join(', ')} tokens/s (ours ${r.decodeRuns.map((v) => v.toFixed(1)).join(', ')})`);
    console.log(`${p} Stop in ms, caller / worker released: prefill ${fmt(r.stop.prefill.callerMs)} / ${fmt(r.stop.prefill.workerMs)}; decode ${fmt(r.stop.decode.callerMs)} / ${fmt(r.stop.decode.workerMs)}`);
    figures.push(
      { name: `${p} load (with SHA-256 check of every file)`, value: r.loadMs / 1000, unit: 's' },
      { name: `${p} prefill`, value: r.prefillTokensPerSecond, unit: 'tokens/s' },
      { name: `${p} decode (best of ${r.decodeRuns.length})`, value: r.decodeTokensPerSecond, unit: 'tokens/s' },
      { name: `${p} decode, peer: transformers.js generate (best of ${peer.runs.length})`, value: peer.decodeTokensPerSecond, unit: 'tokens/s' },
      { name: `${p} decode / peer`, value: r.decodeTokensPerSecond / peer.decodeTokensPerSecond, unit: 'x', goal: '>= 1' },
      { name: `${p} greedy tokens equal to the peer's (of ${DECODE_TOKENS})`, value: sharedPrefix(decodeTokenIds, peer.tokenIds), unit: 'tokens' },
      { name: `${p} decode after the ${r.promptTokens}-token record`, value: r.decodeLongTokensPerSecond, unit: 'tokens/s' },
      { name: `${p} decode / memory-bandwidth bound`, value: r.decodeTokensPerSecond / bound, unit: 'fraction', ...(p === 'int4' ? { goal: '>= 0.5' } : {}) },
      { name: `${p} time to first token, ${r.promptTokens}-token prompt, cold`, value: r.ttftColdMs, unit: 'ms' },
      { name: `${p} time to first token, same record reused (${r.reusedTokens} tokens)`, value: r.ttftReuseMs, unit: 'ms' },
      { name: `${p} time to first token, cold / reused`, value: r.ttftColdMs / r.ttftReuseMs, unit: 'x', goal: '>= 10' },
      // The caller's result settles at the Stop; the worker lets go when its current pass ends (onnxruntime cannot interrupt one).
      { name: `${p} Stop during prefill, to the caller's result (p95 of ${r.stop.prefill.callerMs.length})`, value: p95(r.stop.prefill.callerMs), unit: 'ms', goal: '<= 100' },
      { name: `${p} Stop during decode, to the caller's result (p95 of ${r.stop.decode.callerMs.length})`, value: p95(r.stop.decode.callerMs), unit: 'ms', goal: '<= 100' },
      { name: `${p} Stop during prefill, to the worker's release (p95)`, value: p95(r.stop.prefill.workerMs), unit: 'ms' },
      { name: `${p} Stop during decode, to the worker's release (p95)`, value: p95(r.stop.decode.workerMs), unit: 'ms' },
      { name: `${p} peak memory (process)`, value: r.peakRssMiB, unit: 'MiB' },
      { name: `${p} peak memory, peer (process)`, value: peer.peakRssMiB, unit: 'MiB' },
    );
  }
  for (const p of ['int8', 'int4'] as const) {
    console.log(`decode ${p} / fp32: ${(decode[p]! / decode.fp32!).toFixed(2)}x`);
    figures.push({ name: `decode ${p} / fp32`, value: decode[p]! / decode.fp32!, unit: 'x' });
  }
  report('bench:model', figures);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
