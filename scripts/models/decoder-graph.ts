/**
 * A Qwen2 / Llama decoder as an ONNX graph with the inputs and outputs that
 * Optimum exports and transformers.js expect (input_ids, attention_mask,
 * position_ids, past_key_values.N.key/value -> logits, present.N.key/value):
 * token embeddings, RMSNorm, rotary position embeddings, grouped-query
 * attention over the KV cache, a SwiGLU MLP and the lm_head. Written with
 * plain opset-17 operators so onnxruntime's own fusions apply (RMSNorm into
 * SimplifiedLayerNormalization, the int8 pattern into DynamicQuantizeMatMul).
 */
import { attr, bytesOf, GraphBuilder } from './onnx/graph-builder';
import { DataType } from './onnx/messages';
import { quantizeInt4Blocks, quantizeInt8PerColumn, randomUniform } from './weights';

export interface DecoderShape {
  readonly vocabSize: number;
  readonly hidden: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly intermediate: number;
  readonly ropeTheta: number;
  readonly rmsEps: number;
  /** Qwen2 has biases on the q, k and v projections; Llama has none. */
  readonly qkvBias: boolean;
}

export type Precision = 'fp32' | 'int8' | 'int4';

/**
 * Trained weights for the graph, by the tensor's Optimum name, in the graph's
 * layout ([in, out] for a linear layer's weight, [vocab, hidden] for the
 * embeddings); see gguf-to-onnx.ts. Without one, weights are drawn from a seed.
 */
export type WeightSource = (name: string, dims: readonly number[]) => Float32Array;

export const INT4_BLOCK_SIZE = 32;

export function headDim(shape: DecoderShape): number {
  return shape.hidden / shape.heads;
}

/** Builds the decoder; weights are drawn from `seed` (or read from `weights`) when the file is written. */
export function buildDecoder(shape: DecoderShape, precision: Precision, seed: number, weights?: WeightSource): GraphBuilder {
  const { hidden, heads, kvHeads, vocabSize } = shape;
  const dim = headDim(shape);
  if (!Number.isInteger(dim) || heads % kvHeads !== 0) throw new Error('hidden must divide into heads, and heads into KV heads');
  const g = new GraphBuilder('decoder');
  const f32 = (name: string, dims: number[], scale: number, offset = 0) =>
    g.weight(name, DataType.FLOAT, dims, () => {
      if (weights) return bytesOf(weights(name, dims));
      const values = randomUniform(seed, name, dims.reduce((a, b) => a * b, 1), scale);
      if (offset) for (let i = 0; i < values.length; i++) values[i] = values[i]! + offset;
      return bytesOf(values);
    });

  /** x[..., K] @ W[K, N] in the chosen precision; W ~ U(-s, s) with s = gain / sqrt(K). */
  const linear = (x: string, name: string, k: number, n: number, gain = 1): string => {
    const scale = gain / Math.sqrt(k);
    const draw = () => (weights ? weights(name, [k, n]) : randomUniform(seed, name, k * n, scale));
    if (precision === 'fp32') return g.op('MatMul', [x, g.weight(name, DataType.FLOAT, [k, n], () => bytesOf(draw()))]);
    if (precision === 'int8') {
      // Quantized once per tensor, shared by the weight and its scales.
      let cached: ReturnType<typeof quantizeInt8PerColumn> | undefined;
      const quantized = () => (cached ??= quantizeInt8PerColumn(draw(), k, n));
      const w = g.weight(`${name}_quantized`, DataType.INT8, [k, n], () => bytesOf(quantized().q));
      const ws = g.weight(`${name}_scale`, DataType.FLOAT, [n], () => bytesOf(quantized().scales));
      const [xq, xs, xz] = g.ops('DynamicQuantizeLinear', [x], {}, { outputs: 3 }) as [string, string, string];
      const acc = g.op('MatMulInteger', [xq, w, xz]);
      const scaled = g.op('Mul', [xs, ws]);
      return g.op('Mul', [g.op('Cast', [acc], { to: attr.int(DataType.FLOAT) }), scaled]);
    }
    let cached: ReturnType<typeof quantizeInt4Blocks> | undefined;
    const quantized = () => (cached ??= quantizeInt4Blocks(draw(), k, n, INT4_BLOCK_SIZE));
    const blocks = k / INT4_BLOCK_SIZE;
    const w = g.weight(`${name}_Q4`, DataType.UINT8, [n, blocks, INT4_BLOCK_SIZE / 2], () => quantized().packed);
    const ws = g.weight(`${name}_scales`, DataType.FLOAT, [n * blocks], () => bytesOf(quantized().scales));
    return g.op(
      'MatMulNBits',
      [x, w, ws],
      // accuracy_level 4: int8 activations in the kernel, the fast CPU path.
      { K: attr.int(k), N: attr.int(n), bits: attr.int(4), block_size: attr.int(INT4_BLOCK_SIZE), accuracy_level: attr.int(4) },
      { domain: 'com.microsoft' },
    );
  };

  const rmsNorm = (x: string, name: string): string => {
    const variance = g.op('ReduceMean', [g.op('Pow', [x, g.float32([2], [])])], { axes: attr.ints([-1]), keepdims: attr.int(1) });
    const normed = g.op('Div', [x, g.op('Sqrt', [g.op('Add', [variance, g.float32([shape.rmsEps], [])])])]);
    return g.op('Mul', [normed, f32(name, [hidden], 0.1, 1)]);
  };

  const inputIds = g.input('input_ids', DataType.INT64, ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', DataType.INT64, ['batch_size', 'total_sequence_length']);
  const positionIds = g.input('position_ids', DataType.INT64, ['batch_size', 'sequence_length']);
  const past = Array.from({ length: shape.layers }, (_, i) => ({
    key: g.input(`past_key_values.${i}.key`, DataType.FLOAT, ['batch_size', kvHeads, 'past_sequence_length', dim]),
    value: g.input(`past_key_values.${i}.value`, DataType.FLOAT, ['batch_size', kvHeads, 'past_sequence_length', dim]),
  }));

  // Rotary tables from position_ids: angle = position * theta^(-2i/dim), halves repeated (HF layout).
  const invFreq = Array.from({ length: dim / 2 }, (_, i) => 1 / Math.pow(shape.ropeTheta, (2 * i) / dim));
  const positions = g.op('Unsqueeze', [g.op('Cast', [positionIds], { to: attr.int(DataType.FLOAT) }), g.int64([2])]);
  const freqs = g.op('Mul', [positions, g.float32(invFreq)]);
  const angles = g.op('Concat', [freqs, freqs], { axis: attr.int(-1) });
  const cos = g.op('Unsqueeze', [g.op('Cos', [angles]), g.int64([1])]);
  const sin = g.op('Unsqueeze', [g.op('Sin', [angles]), g.int64([1])]);
  const rope = (x: string): string => {
    const [x1, x2] = g.ops('Split', [x], { axis: attr.int(-1) }, { outputs: 2 }) as [string, string];
    const rotated = g.op('Concat', [g.op('Neg', [x2]), x1], { axis: attr.int(-1) });
    return g.op('Add', [g.op('Mul', [x, cos]), g.op('Mul', [rotated, sin])]);
  };

  // Additive mask [B,1,S,T]: query i (absolute position past+i) sees key j when j <= past+i and the mask allows j.
  const scalarAt = (tensor: string, index: number) => g.op('Gather', [g.op('Shape', [tensor]), g.int64([index], [])], { axis: attr.int(0) });
  const seqLen = scalarAt(inputIds, 1);
  const totalLen = scalarAt(attentionMask, 1);
  const zero = g.int64([0], []);
  const one = g.int64([1], []);
  const keyPos = g.op('Range', [zero, totalLen, one]);
  const queryPos = g.op('Unsqueeze', [g.op('Range', [g.op('Sub', [totalLen, seqLen]), totalLen, one]), g.int64([1])]);
  const causal = g.op('LessOrEqual', [keyPos, queryPos]);
  const padding = g.op('Unsqueeze', [g.op('Cast', [attentionMask], { to: attr.int(DataType.BOOL) }), g.int64([1, 2])]);
  // -1e9, not -inf: a fully masked row must stay finite through Softmax.
  const maskBias = g.op('Where', [g.op('And', [causal, padding]), g.float32([0], []), g.float32([-1e9], [])]);

  const toHeads = (x: string, count: number) => g.op('Transpose', [g.op('Reshape', [x, g.int64([0, 0, count, dim])])], { perm: attr.ints([0, 2, 1, 3]) });
  const bias = (x: string, name: string, n: number) => (shape.qkvBias ? g.op('Add', [x, f32(name, [n], 0.05)]) : x);

  let hiddenState = g.op('Gather', [f32('model.embed_tokens.weight', [vocabSize, hidden], 1), inputIds], { axis: attr.int(0) });
  for (let layer = 0; layer < shape.layers; layer++) {
    const p = `model.layers.${layer}`;
    const h = rmsNorm(hiddenState, `${p}.input_layernorm.weight`);
    const q = rope(toHeads(bias(linear(h, `${p}.self_attn.q_proj.weight`, hidden, heads * dim), `${p}.self_attn.q_proj.bias`, heads * dim), heads));
    const k = rope(toHeads(bias(linear(h, `${p}.self_attn.k_proj.weight`, hidden, kvHeads * dim), `${p}.self_attn.k_proj.bias`, kvHeads * dim), kvHeads));
    const v = toHeads(bias(linear(h, `${p}.self_attn.v_proj.weight`, hidden, kvHeads * dim), `${p}.self_attn.v_proj.bias`, kvHeads * dim), kvHeads);
    const presentKey = g.op('Concat', [past[layer]!.key, k], { axis: attr.int(2) }, { output: `present.${layer}.key` });
    const presentValue = g.op('Concat', [past[layer]!.value, v], { axis: attr.int(2) }, { output: `present.${layer}.value` });
    g.output(presentKey, DataType.FLOAT, ['batch_size', kvHeads, 'total_sequence_length', dim]);
    g.output(presentValue, DataType.FLOAT, ['batch_size', kvHeads, 'total_sequence_length', dim]);
    // Grouped-query attention without copying K/V per head: the query heads that share a
    // KV head are stacked along the sequence axis ([B,KV,rep*S,D]), one MatMul per KV head.
    const grouped = g.op('Reshape', [q, g.int64([0, kvHeads, -1, dim])]);
    const scores = g.op('MatMul', [grouped, g.op('Transpose', [presentKey], { perm: attr.ints([0, 1, 3, 2]) })]);
    const perHead = g.op('Reshape', [scores, g.int64([0, heads, -1, 0])]);
    const masked = g.op('Add', [g.op('Mul', [perHead, g.float32([1 / Math.sqrt(dim)], [])]), maskBias]);
    const probs = g.op('Reshape', [g.op('Softmax', [masked], { axis: attr.int(-1) }), g.int64([0, kvHeads, -1, 0])]);
    const context = g.op('Reshape', [g.op('MatMul', [probs, presentValue]), g.int64([0, heads, -1, 0])]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: attr.ints([0, 2, 1, 3]) }), g.int64([0, 0, -1])]);
    hiddenState = g.op('Add', [hiddenState, linear(merged, `${p}.self_attn.o_proj.weight`, heads * dim, hidden)]);

    const h2 = rmsNorm(hiddenState, `${p}.post_attention_layernorm.weight`);
    const gate = linear(h2, `${p}.mlp.gate_proj.weight`, hidden, shape.intermediate);
    const up = linear(h2, `${p}.mlp.up_proj.weight`, hidden, shape.intermediate);
    const act = g.op('Mul', [g.op('Mul', [gate, g.op('Sigmoid', [gate])]), up]);
    hiddenState = g.op('Add', [hiddenState, linear(act, `${p}.mlp.down_proj.weight`, shape.intermediate, hidden)]);
  }
  // A large lm_head gain spreads the logits, so greedy choices are clear rather than near-ties.
  const logits = linear(rmsNorm(hiddenState, 'model.norm.weight'), 'lm_head.weight', hidden, vocabSize, 4);
  g.op('Identity', [logits], {}, { output: 'logits' });
  g.output('logits', DataType.FLOAT, ['batch_size', 'sequence_length', vocabSize]);
  return g;
}

export const OPSETS: Record<Precision, Record<string, number>> = {
  fp32: { '': 17 },
  int8: { '': 17 },
  int4: { '': 17, 'com.microsoft': 1 },
};
