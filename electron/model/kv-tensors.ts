/**
 * A decoder's KV state after some tokens, as onnxruntime holds it:
 * past_key_values.N.key/value, each [1, kvHeads, length, headDim]. Lives in
 * the decoder's thread only (decoder-thread-entry.ts); the generation loop
 * holds a KvState handle to it. Immutable: a pass makes a new state, so one
 * encoded prefix can be shared by any number of later turns.
 */
import * as ort from 'onnxruntime-node';

export class KvTensors {
  constructor(
    /** Tokens the state covers. */
    readonly length: number,
    /** Keyed by the decoder's input names (past_key_values.N.key / .value). */
    readonly tensors: Readonly<Record<string, ort.Tensor>>,
  ) {}

  static empty(layers: number, kvHeads: number, headDim: number, type: 'float32' | 'float16'): KvTensors {
    const tensors: Record<string, ort.Tensor> = {};
    for (let layer = 0; layer < layers; layer++) {
      for (const part of ['key', 'value']) {
        const data = type === 'float32' ? new Float32Array(0) : new Uint16Array(0);
        tensors[`past_key_values.${layer}.${part}`] = new ort.Tensor(type, data, [1, kvHeads, 0, headDim]);
      }
    }
    return new KvTensors(0, tensors);
  }

  /** The state of the first `length` tokens only (copies; the original is untouched). */
  truncate(length: number): KvTensors {
    if (length >= this.length) return this;
    const tensors: Record<string, ort.Tensor> = {};
    for (const [name, tensor] of Object.entries(this.tensors)) {
      const [batch, heads, total, dim] = tensor.dims as [number, number, number, number];
      const source = tensor.data as Float32Array | Uint16Array;
      const out = new (source.constructor as Float32ArrayConstructor | Uint16ArrayConstructor)(batch * heads * length * dim);
      for (let h = 0; h < batch * heads; h++) {
        out.set(source.subarray(h * total * dim, h * total * dim + length * dim), h * length * dim);
      }
      tensors[name] = new ort.Tensor(tensor.type as 'float32', out as Float32Array, [batch, heads, length, dim]);
    }
    return new KvTensors(length, tensors);
  }
}
