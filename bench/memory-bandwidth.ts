/**
 * This machine's memory read bandwidth, measured next to each decode run of
 * bench:model (other work on a shared machine moves it by tens of percent
 * within minutes, so a value from minutes earlier would decide the fraction).
 * Two views of the same limit, both far beyond any cache:
 * - onnxruntime: a ReduceSum over 256 MiB of floats with the same threads and
 *   settings as the model runtime (no spinning);
 * - memcmp: Buffer.compare of two equal 128 MiB buffers (reads both).
 * The higher is the stricter bound for the model. Decode of a language model
 * reads every weight once per token, so bandwidth / bytes-per-token bounds it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { attr, GraphBuilder } from '../scripts/models/onnx/graph-builder';
import { DataType } from '../scripts/models/onnx/messages';

const COLUMNS = 4096;
const ORT_BYTES = 256 * 2 ** 20;
const MEMCMP_BYTES = 128 * 2 ** 20;

export interface BandwidthSample {
  /** Bytes per second: the higher of the two views. */
  readonly bytesPerSecond: number;
  readonly ortBytesPerSecond: number;
  readonly memcmpBytesPerSecond: number;
}

/** An open probe: the session and buffers are made once, so a measurement takes about 0.2 s. */
export class BandwidthProbe {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly feeds: Record<string, ort.Tensor>,
    private readonly a: Buffer,
    private readonly b: Buffer,
    private readonly dir: string,
  ) {}

  static async open(threads = availableParallelism()): Promise<BandwidthProbe> {
    const dir = mkdtempSync(join(tmpdir(), 'continuum-bw-'));
    const g = new GraphBuilder('bandwidth');
    const x = g.input('x', DataType.FLOAT, ['rows', COLUMNS]);
    g.op('ReduceSum', [x, g.int64([1])], { keepdims: attr.int(0) }, { output: 'sum' });
    g.output('sum', DataType.FLOAT, ['rows']);
    const file = join(dir, 'bandwidth.onnx');
    g.write(file, { '': 17 }, { externalData: false });
    const session = await ort.InferenceSession.create(file, {
      intraOpNumThreads: threads,
      extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
    const rows = ORT_BYTES / 4 / COLUMNS;
    const feeds = { x: new ort.Tensor('float32', new Float32Array(rows * COLUMNS).fill(1), [rows, COLUMNS]) };
    const probe = new BandwidthProbe(session, feeds, Buffer.alloc(MEMCMP_BYTES, 1), Buffer.alloc(MEMCMP_BYTES, 1), dir);
    await probe.measure(); // first touch of every page
    return probe;
  }

  /** The fastest of a few passes of each view (other work on the machine only slows a pass down). */
  async measure(passes = 4): Promise<BandwidthSample> {
    let ortMs = Number.POSITIVE_INFINITY;
    let memcmpMs = Number.POSITIVE_INFINITY;
    for (let i = 0; i < passes; i++) {
      let start = performance.now();
      await this.session.run(this.feeds);
      ortMs = Math.min(ortMs, performance.now() - start);
      start = performance.now();
      this.a.compare(this.b);
      memcmpMs = Math.min(memcmpMs, performance.now() - start);
    }
    const ortBytesPerSecond = ORT_BYTES / (ortMs / 1000);
    const memcmpBytesPerSecond = (2 * MEMCMP_BYTES) / (memcmpMs / 1000);
    return { bytesPerSecond: Math.max(ortBytesPerSecond, memcmpBytesPerSecond), ortBytesPerSecond, memcmpBytesPerSecond };
  }

  async close(): Promise<void> {
    await this.session.release();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
