/**
 * An image model as onnxruntime-node runs it on the CPU. A model is loaded
 * once (manifest, integrity, session, shape checks) and the session reused
 * for every image; it is loaded again, and checked again, only when its
 * files change on disk. This runs in the core, which hosts start in a worker
 * thread (electron/core/worker-core.ts), and onnxruntime runs the graph on
 * its own threads: the UI thread never waits on it.
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MANIFEST_FILE } from '../../model/manifest';
import { openOnnxGraph, type OnnxGraph } from '../../model/onnx-graph';
import { explainOrtError } from '../../model/session';
import { ImageModelError } from './errors';
import { readImageManifest, verifyImageModelFiles, type ImageManifest } from './manifest';

export interface LoadedImageModel {
  /** The folder's name under models/: the model's id in the API and the CLI. */
  readonly id: string;
  readonly dir: string;
  readonly manifest: ImageManifest;
  readonly loadMs: number;
  /** Class probabilities in the manifest's label order, summing to 1. */
  classify(data: Float32Array, dims: readonly number[]): Promise<Float32Array>;
  release(): Promise<void>;
}

/** Size and modification time of the manifest and every listed file: a change means load (and verify) again. */
function signature(dir: string, manifest: ImageManifest): string {
  return [MANIFEST_FILE, ...manifest.files.map((f) => f.path)]
    .map((path) => {
      try {
        const s = statSync(join(dir, path));
        return `${path}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${path}:missing`;
      }
    })
    .join('|');
}

const cache = new Map<string, { signature: string; model: Promise<LoadedImageModel> }>();

/**
 * The model in `dir`, loaded on first use and reused after; `fresh` says
 * whether this call loaded it. A failed load is not kept, so a repaired
 * folder is tried again.
 */
export async function openImageModel(dir: string): Promise<{ model: LoadedImageModel; fresh: boolean }> {
  const manifest = readImageManifest(dir);
  const sig = signature(dir, manifest);
  const cached = cache.get(dir);
  if (cached && cached.signature === sig) return { model: await cached.model, fresh: false };
  if (cached) void cached.model.then((m) => m.release()).catch(() => undefined);
  const model = load(dir, manifest);
  cache.set(dir, { signature: sig, model });
  try {
    return { model: await model, fresh: true };
  } catch (error) {
    if (cache.get(dir)?.model === model) cache.delete(dir);
    throw error;
  }
}

/** Releases every loaded session (the vault locks, the core closes, a test ends). */
export async function releaseImageModels(): Promise<void> {
  const models = [...cache.values()];
  cache.clear();
  await Promise.all(models.map((c) => c.model.then((m) => m.release()).catch(() => undefined)));
}

async function load(dir: string, manifest: ImageManifest): Promise<LoadedImageModel> {
  const started = performance.now();
  const id = basename(dir);
  await verifyImageModelFiles(dir, manifest);
  let session: OnnxGraph;
  try {
    // Idle threads do not spin: the UI, the core and OCR share the cores (see electron/model/session.ts).
    session = await openOnnxGraph(join(dir, manifest.onnx));
  } catch (error) {
    const explained = explainOrtError(manifest.onnx, error);
    throw new ImageModelError(explained.code === 'unsupported-operator' ? 'unsupported' : 'corrupt', `image model ${id}: ${explained.message}`);
  }
  try {
    const { inputName, outputName } = checkSignature(id, session, manifest);
    return {
      id,
      dir,
      manifest,
      loadMs: performance.now() - started,
      classify: (data, dims) => classify(id, session, manifest, inputName, outputName, data, dims),
      release: () => session.release(),
    };
  } catch (error) {
    await session.release();
    throw error;
  }
}

/** The graph must take one float image of the manifest's shape and answer one value per label. */
function checkSignature(id: string, session: OnnxGraph, manifest: ImageManifest): { inputName: string; outputName: string } {
  const { input, output, labels } = manifest;
  const inputName = input.name ?? session.inputNames[0];
  if (!inputName || !session.inputNames.includes(inputName)) {
    throw new ImageModelError('wrong-input-shape', `image model ${id}: the graph has no input "${input.name ?? ''}" (it has ${session.inputNames.join(', ') || 'none'})`);
  }
  const others = session.inputNames.filter((n) => n !== inputName);
  if (others.length > 0) throw new ImageModelError('wrong-input-shape', `image model ${id}: the graph needs inputs besides the image (${others.join(', ')})`);
  const meta = session.inputMetadata.find((m) => m.name === inputName);
  const expected = input.layout === 'NCHW' ? [1, input.channels, input.height, input.width] : [1, input.height, input.width, input.channels];
  if (meta?.isTensor) {
    if (meta.type !== 'float32') throw new ImageModelError('wrong-input-shape', `image model ${id}: input ${inputName} is ${meta.type}; only float32 image inputs are supported`);
    const fixed = meta.shape.map((d) => (typeof d === 'number' && d > 0 ? d : null));
    const mismatch = fixed.length !== 4 || fixed.some((d, i) => d !== null && d !== expected[i]);
    if (mismatch) {
      const shown = meta.shape.map((d) => (typeof d === 'number' && d > 0 ? String(d) : '?')).join(' x ');
      throw new ImageModelError(
        'wrong-input-shape',
        `image model ${id}: input ${inputName} is ${shown} but the manifest says ${expected.join(' x ')} (${input.layout}): correct the manifest's input size, channels or layout`,
      );
    }
  }
  const outputName = output.name ?? session.outputNames[0];
  if (!outputName || !session.outputNames.includes(outputName)) {
    throw new ImageModelError('wrong-input-shape', `image model ${id}: the graph has no output "${output.name ?? ''}" (it has ${session.outputNames.join(', ') || 'none'})`);
  }
  const outMeta = session.outputMetadata.find((m) => m.name === outputName);
  const last = outMeta?.isTensor ? outMeta.shape[outMeta.shape.length - 1] : undefined;
  if (typeof last === 'number' && last > 0 && last !== labels.length) {
    throw new ImageModelError('wrong-input-shape', `image model ${id}: output ${outputName} has ${last} classes but the manifest lists ${labels.length} labels`);
  }
  return { inputName, outputName };
}

async function classify(
  id: string,
  session: OnnxGraph,
  manifest: ImageManifest,
  inputName: string,
  outputName: string,
  data: Float32Array,
  dims: readonly number[],
): Promise<Float32Array> {
  let tensor: Awaited<ReturnType<OnnxGraph['runFloat32']>>;
  try {
    tensor = await session.runFloat32(inputName, data, dims, outputName);
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
    throw new ImageModelError('wrong-input-shape', `image model ${id}: onnxruntime refused the input (${text})`);
  }
  if (!tensor || tensor.type !== 'float32') throw new ImageModelError('wrong-input-shape', `image model ${id}: output ${outputName} is not float32`);
  const values = tensor.data as Float32Array;
  if (values.length !== manifest.labels.length) {
    throw new ImageModelError('wrong-input-shape', `image model ${id}: output ${outputName} has ${values.length} values but the manifest lists ${manifest.labels.length} labels`);
  }
  return toProbabilities(id, values, manifest.output.kind);
}

/** Softmax of logits, or the graph's own probabilities checked (a manifest that calls logits probabilities is refused, not shown). */
export function toProbabilities(id: string, values: Float32Array, kind: 'logits' | 'probabilities'): Float32Array {
  if (!values.every(Number.isFinite)) throw new ImageModelError('corrupt', `image model ${id}: the output holds values that are not numbers`);
  if (kind === 'probabilities') {
    const sum = values.reduce((a, b) => a + b, 0);
    if (values.some((v) => v < -1e-6 || v > 1 + 1e-6) || Math.abs(sum - 1) > 1e-3) {
      throw new ImageModelError('corrupt', `image model ${id}: the output is not probabilities (they sum to ${sum.toFixed(3)}): set output.kind to "logits" in the manifest`);
    }
    return Float32Array.from(values, (v) => Math.min(1, Math.max(0, v)) / sum);
  }
  const max = Math.max(...values);
  const exps = Float64Array.from(values, (v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return Float32Array.from(exps, (e) => e / total);
}
