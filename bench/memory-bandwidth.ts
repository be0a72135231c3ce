/**
 * This machine's memory read bandwidth as onnxruntime sees it: a ReduceSum
 * over 512 MiB of floats (far beyond any cache) with the same threads and
 * settings the model runtime uses. Decode of a language model reads every
 * weight once per token, so bandwidth / bytes-per-token bounds its speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { attr, GraphBuilder } from '../scripts/models/onnx/graph-builder';
import { DataType } from '../scripts/models/onnx/messages';

const COLUMNS = 4096;
const BYTES = 512 * 2 ** 20;

/** Bytes per second, from the fastest of several passes (other work on the machine only slows a pass down). */
export async function measureBandwidth(threads = availableParallelism()): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-bw-'));
  try {
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
    const rows = BYTES / 4 / COLUMNS;
    const data = new Float32Array(rows * COLUMNS).fill(1);
    const feeds = { x: new ort.Tensor('float32', data, [rows, COLUMNS]) };
    await session.run(feeds);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      await session.run(feeds);
      times.push(performance.now() - start);
    }
    await session.release();
    return BYTES / (Math.min(...times) / 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
