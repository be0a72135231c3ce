/**
 * Writes the generator's seeded decoder as a GGUF file for llama.cpp (the
 * `qwen2` architecture, GGUF v3): the same weights, drawn from the same
 * per-tensor streams as the ONNX graph (decoder-graph.ts), quantized as
 * llama.cpp's own quantizer does (ggml's reference Q8_0 and Q4_0, or F32),
 * with the same byte-level BPE vocabulary, merges and chat template. So the
 * bench compares the two engines on one model at the same bit width.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeGgufManifest, type GgufManifest } from '../../electron/model/manifest';
import { buildTokenizer } from './bpe-tokenizer';
import { CHATML_TEMPLATE } from './chat-template';
import type { DecoderShape } from './decoder-graph';
import { PRESETS, type GenerateOptions, type SizeName } from './model-folder';
import { randomUniform } from './weights';

export type GgufType = 'F32' | 'Q8_0' | 'Q4_0';
export const GGUF_TYPES: readonly GgufType[] = ['F32', 'Q8_0', 'Q4_0'];

/** Where the generator and bench:model keep a GGUF variant: models/bench-0.5b-q4_0-gguf (test-tiny-... for the tiny shape). */
export function ggufBenchDir(size: SizeName, type: GgufType): string {
  return join('models', `${size === 'tiny' ? 'test' : 'bench'}-${size}-${type.toLowerCase()}-gguf`);
}

/** ggml's type ids, bytes per block and values per block. */
const GGML: Record<GgufType, { id: number; blockBytes: number; blockValues: number }> = {
  F32: { id: 0, blockBytes: 4, blockValues: 1 },
  Q8_0: { id: 8, blockBytes: 34, blockValues: 32 },
  Q4_0: { id: 2, blockBytes: 18, blockValues: 32 },
};
/** general.file_type: LLAMA_FTYPE_ALL_F32, MOSTLY_Q8_0, MOSTLY_Q4_0. */
const FILE_TYPE: Record<GgufType, number> = { F32: 0, Q8_0: 7, Q4_0: 2 };
const ALIGNMENT = 32;

/** float32 -> IEEE half bits, rounding to nearest even. */
export function toHalf(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

/** Rows of `cols` values (ggml's ne0), quantized block by block as ggml's quantize_row_*_ref. */
export function quantizeRows(values: Float32Array, type: GgufType): Buffer {
  if (type === 'F32') return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const blocks = values.length / 32;
  const out = Buffer.alloc(blocks * GGML[type].blockBytes);
  for (let b = 0; b < blocks; b++) {
    const x = values.subarray(b * 32, b * 32 + 32);
    const at = b * GGML[type].blockBytes;
    if (type === 'Q8_0') {
      let amax = 0;
      for (const v of x) amax = Math.max(amax, Math.abs(v));
      const d = amax / 127;
      const id = d ? 1 / d : 0;
      out.writeUInt16LE(toHalf(d), at);
      for (let j = 0; j < 32; j++) out.writeInt8(Math.round(x[j]! * id), at + 2 + j);
    } else {
      let amax = 0;
      let max = 0;
      for (const v of x) {
        if (Math.abs(v) > amax) {
          amax = Math.abs(v);
          max = v;
        }
      }
      const d = max / -8;
      const id = d ? 1 / d : 0;
      out.writeUInt16LE(toHalf(d), at);
      for (let j = 0; j < 16; j++) {
        const lo = Math.min(15, Math.trunc(x[j]! * id + 8.5));
        const hi = Math.min(15, Math.trunc(x[j + 16]! * id + 8.5));
        out[at + 2 + j] = lo | (hi << 4);
      }
    }
  }
  return out;
}

interface Tensor {
  readonly name: string;
  /** ggml dimensions, ne0 first (the row length). */
  readonly dims: readonly number[];
  readonly type: GgufType;
  /** The values in ggml order (row after row of ne0 values). */
  readonly values: () => Float32Array;
}

/** The decoder's tensors in llama.cpp's names; matrices transposed from the ONNX [in, out] to ggml's rows of `in`. */
function tensors(shape: DecoderShape, seed: number, type: GgufType): Tensor[] {
  const dim = shape.hidden / shape.heads;
  const norm = (name: string, onnx: string): Tensor => ({
    name,
    dims: [shape.hidden],
    type: 'F32',
    values: () => randomUniform(seed, onnx, shape.hidden, 0.1).map((v) => v + 1),
  });
  const bias = (name: string, onnx: string, n: number): Tensor => ({ name, dims: [n], type: 'F32', values: () => randomUniform(seed, onnx, n, 0.05) });
  const matrix = (name: string, onnx: string, k: number, n: number, gain = 1): Tensor => ({
    name,
    dims: [k, n],
    type,
    values: () => {
      const w = randomUniform(seed, onnx, k * n, gain / Math.sqrt(k));
      const t = new Float32Array(k * n);
      for (let row = 0; row < k; row++) for (let col = 0; col < n; col++) t[col * k + row] = w[row * n + col]!;
      return t;
    },
  });
  const list: Tensor[] = [
    { name: 'token_embd.weight', dims: [shape.hidden, shape.vocabSize], type, values: () => randomUniform(seed, 'model.embed_tokens.weight', shape.vocabSize * shape.hidden, 1) },
  ];
  for (let layer = 0; layer < shape.layers; layer++) {
    const p = `model.layers.${layer}`;
    const b = `blk.${layer}`;
    list.push(
      norm(`${b}.attn_norm.weight`, `${p}.input_layernorm.weight`),
      matrix(`${b}.attn_q.weight`, `${p}.self_attn.q_proj.weight`, shape.hidden, shape.heads * dim),
      matrix(`${b}.attn_k.weight`, `${p}.self_attn.k_proj.weight`, shape.hidden, shape.kvHeads * dim),
      matrix(`${b}.attn_v.weight`, `${p}.self_attn.v_proj.weight`, shape.hidden, shape.kvHeads * dim),
      matrix(`${b}.attn_output.weight`, `${p}.self_attn.o_proj.weight`, shape.heads * dim, shape.hidden),
      norm(`${b}.ffn_norm.weight`, `${p}.post_attention_layernorm.weight`),
      matrix(`${b}.ffn_gate.weight`, `${p}.mlp.gate_proj.weight`, shape.hidden, shape.intermediate),
      matrix(`${b}.ffn_up.weight`, `${p}.mlp.up_proj.weight`, shape.hidden, shape.intermediate),
      matrix(`${b}.ffn_down.weight`, `${p}.mlp.down_proj.weight`, shape.intermediate, shape.hidden),
    );
    if (shape.qkvBias) {
      list.push(
        bias(`${b}.attn_q.bias`, `${p}.self_attn.q_proj.bias`, shape.heads * dim),
        bias(`${b}.attn_k.bias`, `${p}.self_attn.k_proj.bias`, shape.kvHeads * dim),
        bias(`${b}.attn_v.bias`, `${p}.self_attn.v_proj.bias`, shape.kvHeads * dim),
      );
    }
  }
  list.push(norm('output_norm.weight', 'model.norm.weight'), matrix('output.weight', 'lm_head.weight', shape.hidden, shape.vocabSize, 4));
  return list;
}

/** GGUF's metadata value types. */
const KV = { UINT32: 4, INT32: 5, FLOAT32: 6, BOOL: 7, STRING: 8, ARRAY: 9, UINT64: 10 } as const;
type Value = { t: 'u32' | 'i32' | 'f32' | 'bool' | 'str'; v: number | boolean | string } | { t: 'str[]'; v: readonly string[] } | { t: 'i32[]'; v: readonly number[] };

class HeaderWriter {
  private readonly parts: Buffer[] = [];
  u32(v: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.parts.push(b);
  }
  u64(v: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.parts.push(b);
  }
  str(s: string) {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.parts.push(bytes);
  }
  value(value: Value) {
    switch (value.t) {
      case 'u32':
        return this.u32(value.v as number);
      case 'i32': {
        const b = Buffer.alloc(4);
        b.writeInt32LE(value.v as number);
        return this.parts.push(b);
      }
      case 'f32': {
        const b = Buffer.alloc(4);
        b.writeFloatLE(value.v as number);
        return this.parts.push(b);
      }
      case 'bool':
        return this.parts.push(Buffer.from([value.v ? 1 : 0]));
      case 'str':
        return this.str(value.v as string);
      case 'str[]':
        this.u32(KV.STRING);
        this.u64(value.v.length);
        for (const s of value.v) this.str(s);
        return;
      case 'i32[]': {
        this.u32(KV.INT32);
        this.u64(value.v.length);
        const b = Buffer.alloc(4 * value.v.length);
        value.v.forEach((n, i) => b.writeInt32LE(n, 4 * i));
        return this.parts.push(b);
      }
    }
  }
  kv(key: string, value: Value) {
    this.str(key);
    const type = { u32: KV.UINT32, i32: KV.INT32, f32: KV.FLOAT32, bool: KV.BOOL, str: KV.STRING, 'str[]': KV.ARRAY, 'i32[]': KV.ARRAY }[value.t];
    this.u32(type);
    this.value(value);
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

const pad = (n: number) => (ALIGNMENT - (n % ALIGNMENT)) % ALIGNMENT;

/** As the ONNX generator's options, with a GGUF type for the precision. */
export type GgufOptions = Omit<GenerateOptions, 'precision'> & { readonly type: GgufType };

export async function generateGgufFolder(options: GgufOptions): Promise<GgufManifest> {
  const preset = PRESETS[options.size];
  const { shape } = preset;
  const tokenizer = buildTokenizer(preset.regularTokens);
  const json = tokenizer.json as { model: { vocab: Record<string, number>; merges: [string, string][] }; added_tokens: { id: number; content: string }[] };
  const tokens = new Array<string>(shape.vocabSize);
  const types = new Array<number>(shape.vocabSize).fill(5); // UNUSED: the padding rows beyond the vocabulary
  for (const [token, id] of Object.entries(json.model.vocab)) {
    tokens[id] = token;
    types[id] = 1; // NORMAL
  }
  for (const added of json.added_tokens) {
    tokens[added.id] = added.content;
    types[added.id] = 3; // CONTROL
  }
  for (let id = 0; id < shape.vocabSize; id++) tokens[id] ??= `[PAD${id}]`;
  const ids = tokenizer.specialIds;
  const file = `model-${options.type.toLowerCase()}.gguf`;
  const name = `Continuum ${options.size} test decoder (Qwen2 architecture, random weights, ${options.type}, seed ${options.seed})`;
  const licence = 'CC0-1.0 (generated by scripts/models; random weights, no training data)';

  const header = new HeaderWriter();
  const list = tensors(shape, options.seed, options.type);
  const meta: [string, Value][] = [
    ['general.architecture', { t: 'str', v: 'qwen2' }],
    ['general.name', { t: 'str', v: name }],
    ['general.license', { t: 'str', v: licence }],
    ['general.file_type', { t: 'u32', v: FILE_TYPE[options.type] }],
    ['general.alignment', { t: 'u32', v: ALIGNMENT }],
    ['qwen2.context_length', { t: 'u32', v: preset.contextLength }],
    ['qwen2.embedding_length', { t: 'u32', v: shape.hidden }],
    ['qwen2.block_count', { t: 'u32', v: shape.layers }],
    ['qwen2.feed_forward_length', { t: 'u32', v: shape.intermediate }],
    ['qwen2.attention.head_count', { t: 'u32', v: shape.heads }],
    ['qwen2.attention.head_count_kv', { t: 'u32', v: shape.kvHeads }],
    ['qwen2.rope.freq_base', { t: 'f32', v: shape.ropeTheta }],
    ['qwen2.attention.layer_norm_rms_epsilon', { t: 'f32', v: shape.rmsEps }],
    ['tokenizer.ggml.model', { t: 'str', v: 'gpt2' }],
    ['tokenizer.ggml.pre', { t: 'str', v: 'qwen2' }],
    ['tokenizer.ggml.tokens', { t: 'str[]', v: tokens }],
    ['tokenizer.ggml.token_type', { t: 'i32[]', v: types }],
    ['tokenizer.ggml.merges', { t: 'str[]', v: json.model.merges.map(([a, b]) => `${a} ${b}`) }],
    ['tokenizer.ggml.eos_token_id', { t: 'u32', v: ids['<|im_end|>'] }],
    ['tokenizer.ggml.padding_token_id', { t: 'u32', v: ids['<|endoftext|>'] }],
    ['tokenizer.ggml.bos_token_id', { t: 'u32', v: ids['<|endoftext|>'] }],
    ['tokenizer.ggml.add_bos_token', { t: 'bool', v: false }],
    ['tokenizer.chat_template', { t: 'str', v: CHATML_TEMPLATE }],
  ];
  header.u32(0x46554747); // "GGUF"
  header.u32(3);
  header.u64(list.length);
  header.u64(meta.length);
  for (const [key, value] of meta) header.kv(key, value);
  let offset = 0;
  for (const t of list) {
    header.str(t.name);
    header.u32(t.dims.length);
    for (const d of t.dims) header.u64(d);
    header.u32(GGML[t.type].id);
    header.u64(offset);
    const bytes = (t.dims.reduce((a, b) => a * b, 1) / GGML[t.type].blockValues) * GGML[t.type].blockBytes;
    offset += bytes + pad(bytes);
  }

  mkdirSync(options.out, { recursive: true });
  const fd = openSync(join(options.out, file), 'w');
  try {
    const head = header.bytes();
    writeSync(fd, head);
    writeSync(fd, Buffer.alloc(pad(head.length)));
    // One tensor at a time: the 0.5B shape's F32 output matrix alone is 545 MB.
    for (const t of list) {
      const data = quantizeRows(t.values(), t.type);
      writeSync(fd, data);
      writeSync(fd, Buffer.alloc(pad(data.length)));
    }
  } finally {
    closeSync(fd);
  }
  return writeGgufManifest(options.out, {
    engine: 'llama.cpp',
    gguf: file,
    name,
    licence,
    contextLength: preset.contextLength,
    quantization: options.type,
    thinking: { open: '<think>', close: '</think>' },
  });
}
