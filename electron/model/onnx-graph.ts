/**
 * One ONNX graph on the CPU, for callers outside the language model (the
 * image models, electron/imaging/image-model): electron/model is the one
 * folder that imports onnxruntime-node (lint's sole-owner rule), so they get
 * this narrow handle instead of the runtime itself. Sessions open with the
 * same CPU settings as the decoder (cpuSessionOptions).
 */
import * as ort from 'onnxruntime-node';
import { cpuSessionOptions } from './session';

/** What the graph declares about one input or output. */
export type GraphValueInfo =
  | { readonly name: string; readonly isTensor: true; readonly type: string; readonly shape: readonly (number | string)[] }
  | { readonly name: string; readonly isTensor: false };

export interface OnnxGraph {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputMetadata: readonly GraphValueInfo[];
  readonly outputMetadata: readonly GraphValueInfo[];
  /** Runs the graph on one float32 tensor; the named output's element type and data (undefined: the graph gave no such output). */
  runFloat32(inputName: string, data: Float32Array, dims: readonly number[], outputName: string): Promise<{ type: string; data: unknown } | undefined>;
  release(): Promise<void>;
}

/** Opens `file`; onnxruntime's own error is thrown as is, for the caller to explain (explainOrtError). */
export async function openOnnxGraph(file: string): Promise<OnnxGraph> {
  const session = await ort.InferenceSession.create(file, cpuSessionOptions());
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    inputMetadata: session.inputMetadata,
    outputMetadata: session.outputMetadata,
    async runFloat32(inputName, data, dims, outputName) {
      const result = await session.run({ [inputName]: new ort.Tensor('float32', data, dims) });
      const tensor = result[outputName] as ort.Tensor | undefined;
      return tensor ? { type: tensor.type, data: tensor.data } : undefined;
    },
    release: () => session.release(),
  };
}
