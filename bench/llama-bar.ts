/**
 * llama.cpp as the speed bar of bench:model: for one bit width, the same
 * seeded weights as ONNX (scripts/models) and as GGUF (gguf-writer.ts: int4
 * with Q4_0, int8 with Q8_0, fp32 with F32), run by our ONNX engine, our
 * llama.cpp engine (both through the model worker, as the app runs them)
 * and llama.cpp called directly (model-llama.ts, with its best thread count
 * measured in this run), each in a process of its own. Short greedy decodes
 * in rotating order (so load from other work falls on all three alike),
 * then the 2,000-token record (time to first token cold and reused, prefill,
 * decode after it) in paired rounds, the order reversed each round, its
 * ratios the median of per-round ratios as the short decodes' are, then the
 * same short decodes beside a busy process the bench starts, and each
 * process's peak memory.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Precision } from '../scripts/models/decoder-graph';
import { generateGgufFolder, ggufBenchDir, type GgufType } from '../scripts/models/gguf-writer';
import { BenchChild, type DecodeRun, type RecordFigures } from './model-ipc';
import type { LlamaReady } from './model-llama';
import type { ModelRunReady } from './model-run';
import { DECODE_PROMPT, DECODE_TOKENS, median } from './model-workload';
import { waitUntilQuiet } from './process-cpu';
import type { Figure } from './report';

export const GGUF_OF: Record<Precision, GgufType> = { fp32: 'F32', int8: 'Q8_0', int4: 'Q4_0' };
/** Rounds of short decodes, quiet and beside the busy process. */
const QUIET_ROUNDS = 6;
const BUSY_ROUNDS = 3;
/**
 * Rounds of the 2,000-token record on each engine (one engine after another, the order reversed each
 * round); BENCH_RECORD_ROUNDS=1 where the machine is so loaded that one round takes minutes.
 */
const RECORD_ROUNDS = Math.max(1, Number(process.env['BENCH_RECORD_ROUNDS'] ?? 2) || 2);

type Engine = 'onnx' | 'llama' | 'direct';
const ENGINES: readonly Engine[] = ['onnx', 'llama', 'direct'];
const LABEL: Record<Engine, string> = { onnx: 'our ONNX engine', llama: 'our llama.cpp engine', direct: 'llama.cpp called directly' };

async function ensureGguf(type: GgufType): Promise<string> {
  const dir = ggufBenchDir('0.5b', type);
  if (!existsSync(join(dir, 'continuum-model.json'))) {
    const started = performance.now();
    await generateGgufFolder({ size: '0.5b', type, seed: 1, out: dir });
    console.log(`generated ${dir} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return dir;
}

/** Thread counts llama.cpp called directly tries (BENCH_LLAMA_THREADS=1,2 names them; on a shared 2-core machine give it 1). */
function threadCandidates(): string {
  return process.env['BENCH_LLAMA_THREADS'] ?? [...new Set([1, availableParallelism()])].join(',');
}

/** One short greedy decode on each engine, in rotating order. */
async function rounds(children: Record<Engine, BenchChild>, count: number, offset = 0): Promise<Record<Engine, DecodeRun>[]> {
  const out: Record<Engine, DecodeRun>[] = [];
  for (let round = 0; round < count; round++) {
    const order = ENGINES.map((_, i) => ENGINES[(i + round + offset) % ENGINES.length]!);
    const runs = {} as Record<Engine, DecodeRun>;
    for (const engine of round % 2 ? [...order].reverse() : order) {
      runs[engine] = await children[engine].request({ type: 'decode', prompt: DECODE_PROMPT, tokens: DECODE_TOKENS, drafts: false });
    }
    out.push(runs);
  }
  return out;
}

/** A process that keeps one core busy, as OCR or an import would, until it is ended. */
function busyProcess() {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

export async function llamaBar(p: Precision, onnxDir: string): Promise<Figure[]> {
  const type = GGUF_OF[p];
  const ggufDir = await ensureGguf(type);
  const file = join(ggufDir, `model-${type.toLowerCase()}.gguf`);
  const children = {} as Record<Engine, BenchChild>;
  try {
    const direct = await BenchChild.start<LlamaReady>(join('bench', 'model-llama.ts'), [file, threadCandidates()], LABEL.direct);
    children.direct = direct.child;
    const threads = direct.ready.threads;
    console.log(`${p}/${type}: llama.cpp called directly, tokens/s by thread count ${JSON.stringify(direct.ready.threadSpeeds)}: ${threads} thread(s)`);
    // Our llama.cpp engine with the same threads (the setting that pins them): the ratio is then the harness's cost alone.
    const llama = await BenchChild.start<ModelRunReady>(join('bench', 'model-run.ts'), [ggufDir, String(threads)], LABEL.llama);
    children.llama = llama.child;
    const onnx = await BenchChild.start<ModelRunReady>(join('bench', 'model-run.ts'), [onnxDir], LABEL.onnx);
    children.onnx = onnx.child;
    const settled = await waitUntilQuiet(ENGINES.map((e) => children[e].pid));
    console.log(`${p}/${type}: all three loaded, ${settled.quiet ? 'quiet' : 'NOT quiet'} after ${(settled.waitedMs / 1000).toFixed(1)} s`);
    await rounds(children, 1); // untimed: pages in after the last load

    const quiet = await rounds(children, QUIET_ROUNDS);
    const speed = (runs: readonly Record<Engine, DecodeRun>[], e: Engine) => runs.map((r) => r[e].medianStepTokensPerSecond);
    const ratio = (runs: readonly Record<Engine, DecodeRun>[], a: Engine, b: Engine) => runs.map((r) => r[a].medianStepTokensPerSecond / r[b].medianStepTokensPerSecond);
    quiet.forEach((r, i) => console.log(`${p}/${type} round ${i + 1}: ${ENGINES.map((e) => `${e} ${r[e].medianStepTokensPerSecond.toFixed(1)}`).join(', ')} tokens/s`));
    const equal = (a: readonly number[], b: readonly number[]) => a.findIndex((id, i) => id !== b[i]) === -1 ? a.length : a.findIndex((id, i) => id !== b[i]);

    const records: Record<Engine, RecordFigures>[] = [];
    for (let round = 0; round < RECORD_ROUNDS; round++) {
      const runs = {} as Record<Engine, RecordFigures>;
      for (const e of round % 2 ? [...ENGINES].reverse() : ENGINES) {
        runs[e] = await children[e].request<RecordFigures>({ type: 'record', textDir: onnxDir });
        console.log(`${p}/${type} record round ${round + 1}, ${LABEL[e]}: ${JSON.stringify({ ...runs[e], decodeAfterRecord: runs[e].decodeAfterRecord.medianStepTokensPerSecond })}`);
      }
      records.push(runs);
    }
    const afterRecord = (r: Record<Engine, RecordFigures>, e: Engine) => r[e].decodeAfterRecord.medianStepTokensPerSecond;
    const recordMedian = (e: Engine, of: (f: RecordFigures) => number) => median(records.map((r) => of(r[e])));
    const recordRatio = (a: Engine, of: (r: Record<Engine, RecordFigures>, e: Engine) => number) => records.map((r) => of(r, a) / of(r, 'direct'));

    const busy = busyProcess();
    let busyRuns: Record<Engine, DecodeRun>[];
    try {
      busyRuns = await rounds(children, BUSY_ROUNDS, 1);
    } finally {
      busy.kill();
    }
    busyRuns.forEach((r, i) => console.log(`${p}/${type} beside a busy process, round ${i + 1}: ${ENGINES.map((e) => `${e} ${r[e].medianStepTokensPerSecond.toFixed(1)}`).join(', ')} tokens/s`));
    const peak = {} as Record<Engine, number>;
    for (const e of ENGINES) peak[e] = (await children[e].request({ type: 'exit' })).peakRssMiB;

    const figures: Figure[] = [
      { name: `${p}/${type} llama.cpp called directly: threads (best measured of ${threadCandidates()})`, value: threads, unit: 'threads' },
      ...ENGINES.map((e): Figure => ({ name: `${p}/${type} decode, ${LABEL[e]} (median of ${QUIET_ROUNDS} rotating rounds)`, value: median(speed(quiet, e)), unit: 'tokens/s' })),
      { name: `${p}/${type} decode, our llama.cpp engine / llama.cpp called directly (median of per-round ratios)`, value: median(ratio(quiet, 'llama', 'direct')), unit: 'x', goal: '>= 0.95' },
      { name: `${p}/${type} decode, our llama.cpp engine / llama.cpp directly, lowest round`, value: Math.min(...ratio(quiet, 'llama', 'direct')), unit: 'x' },
      { name: `${p}/${type} decode, our ONNX engine / llama.cpp called directly (median of per-round ratios)`, value: median(ratio(quiet, 'onnx', 'direct')), unit: 'x', goal: '>= 1' },
      { name: `${p}/${type} decode, our ONNX engine / llama.cpp directly, lowest round`, value: Math.min(...ratio(quiet, 'onnx', 'direct')), unit: 'x' },
      { name: `${p}/${type} greedy tokens of our llama.cpp engine equal to llama.cpp's (of ${DECODE_TOKENS})`, value: equal(quiet[0]!.llama.tokenIds, quiet[0]!.direct.tokenIds), unit: 'tokens' },
      ...ENGINES.flatMap((e): Figure[] => [
        { name: `${p}/${type} prefill of the ${records[0]![e].promptTokens}-token record, ${LABEL[e]} (median of ${RECORD_ROUNDS} rounds)`, value: recordMedian(e, (f) => f.prefillTokensPerSecond), unit: 'tokens/s' },
        { name: `${p}/${type} time to first token cold, ${LABEL[e]} (median of ${RECORD_ROUNDS} rounds)`, value: recordMedian(e, (f) => f.ttftColdMs), unit: 'ms' },
        { name: `${p}/${type} time to first token with the record reused (${records[0]![e].reusedTokens} tokens), ${LABEL[e]} (median of ${RECORD_ROUNDS} rounds)`, value: recordMedian(e, (f) => f.ttftReuseMs), unit: 'ms' },
        { name: `${p}/${type} decode after the record, ${LABEL[e]} (median of ${RECORD_ROUNDS} rounds)`, value: recordMedian(e, (f) => f.decodeAfterRecord.medianStepTokensPerSecond), unit: 'tokens/s' },
        { name: `${p}/${type} peak memory, ${LABEL[e]} (process)`, value: peak[e], unit: 'MiB' },
        {
          name: `${p}/${type} decode beside a busy process / quiet, ${LABEL[e]} (medians of ${BUSY_ROUNDS} and ${QUIET_ROUNDS} rounds)`,
          value: median(speed(busyRuns, e)) / median(speed(quiet, e)),
          unit: 'x',
          goal: '>= 0.6',
        },
      ]),
      { name: `${p}/${type} decode after the record, our llama.cpp engine / llama.cpp directly (median of per-round ratios)`, value: median(recordRatio('llama', afterRecord)), unit: 'x', goal: '>= 0.95' },
      { name: `${p}/${type} decode after the record, our llama.cpp engine / llama.cpp directly, lowest round`, value: Math.min(...recordRatio('llama', afterRecord)), unit: 'x' },
      { name: `${p}/${type} decode after the record, our ONNX engine / llama.cpp directly (median of per-round ratios)`, value: median(recordRatio('onnx', afterRecord)), unit: 'x', goal: '>= 1' },
      { name: `${p}/${type} decode after the record, our ONNX engine / llama.cpp directly, lowest round`, value: Math.min(...recordRatio('onnx', afterRecord)), unit: 'x' },
      { name: `${p}/${type} prefill, our ONNX engine / llama.cpp directly (median of per-round ratios)`, value: median(recordRatio('onnx', (r, e) => r[e].prefillTokensPerSecond)), unit: 'x' },
    ];
    return figures;
  } finally {
    for (const e of ENGINES) children[e]?.kill();
  }
}
