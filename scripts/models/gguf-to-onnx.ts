/**
 * Converts a Llama-architecture GGUF file with a SentencePiece vocabulary
 * (llama.cpp's "llama" tokenizer model, as stories260K) into a model folder
 * the ONNX engine runs: the decoder graph of decoder-graph.ts filled with the
 * file's weights, a tokenizer.json that tokenizes as llama.cpp does, and the
 * config, generation config and manifest beside it. So one set of trained
 * weights runs through both engines, and their greedy tokens can be compared.
 *
 * What differs between the two layouts, and is undone here:
 * - Q and K projections: llama.cpp's Llama rope rotates adjacent pairs
 *   (x[2i], x[2i+1]) of each head, the ONNX graph rotates halves (x[i],
 *   x[i + d/2]) as Hugging Face's Llama does. llama.cpp's convert_hf_to_gguf.py
 *   permutes each head's rows HF -> GGUF (reshape(heads, 2, d/2, in).swapaxes(1, 2));
 *   the inverse puts GGUF row h*d + 2i + j at HF row h*d + j*d/2 + i. (A
 *   llama2.c model such as stories260K was trained with adjacent pairs, so the
 *   same permutation applies.)
 * - Matrices: ggml stores a linear layer as rows of `in` values, one per
 *   output; the graph's MatMul takes [in, out].
 * - The vocabulary: SentencePiece merges the adjacent pair whose joined text
 *   has the highest score (leftmost first on ties) and falls back to bytes
 *   (<0xNN>); a BPE model whose merges are every split of every piece, ranked
 *   by the piece's score, with byte_fallback, does the same. The leading space
 *   SentencePiece adds (add_space_prefix) is a Prepend("▁") normalizer, and
 *   the BOS token llama.cpp adds is tokenizer_config.json's add_bos_token.
 * - Norm epsilon, rope base and a missing output.weight (tied to the
 *   embeddings) come from the file.
 */
import { closeSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeManifest, type Manifest } from '../../electron/model/manifest';
import { buildDecoder, OPSETS, type DecoderShape, type Precision } from './decoder-graph';
import { ONNX_FILE } from './model-folder';

/** llama.cpp's token types (tokenizer.ggml.token_type). */
const TOKEN = { NORMAL: 1, UNKNOWN: 2, CONTROL: 3, USER_DEFINED: 4, UNUSED: 5, BYTE: 6 } as const;

/** A chat for a base model (no template in the file): the messages' text, as the llama.cpp engine continues it. */
export const BASE_MODEL_TEMPLATE = "{% for message in messages %}{% if not loop.first %}{{ '\\n\\n' }}{% endif %}{{ message.content }}{% endfor %}";

export interface ConvertOptions {
  readonly gguf: string;
  readonly out: string;
  /** fp32 only where a matrix's input size is not a multiple of 32 (int4 blocks). */
  readonly precision?: Precision;
}

interface TensorEntry {
  readonly dims: readonly number[];
  readonly type: number;
  readonly offset: number;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** A tensor's values in ggml order (rows of ne0); F32 and F16 (a quantized file loses nothing by refusing here). */
function readTensor(fd: number, name: string, tensor: TensorEntry): Float32Array {
  const count = tensor.dims.reduce((a, b) => a * b, 1);
  if (tensor.type === 0) {
    const out = new Float32Array(count);
    readSync(fd, new Uint8Array(out.buffer), 0, count * 4, tensor.offset);
    return out;
  }
  if (tensor.type === 1) {
    const bytes = Buffer.alloc(count * 2);
    readSync(fd, bytes, 0, bytes.length, tensor.offset);
    return Float32Array.from({ length: count }, (_, i) => halfToFloat(bytes.readUInt16LE(2 * i)));
  }
  throw new Error(`${name} is of ggml type ${tensor.type}: only F32 and F16 files convert (quantize the ONNX graph instead)`);
}

/** ggml [in, out] rows -> [in, out] row-major for MatMul, with an optional row (output) order. */
function transpose(rows: Float32Array, k: number, n: number, outputRow: (r: number) => number = (r) => r): Float32Array {
  const t = new Float32Array(k * n);
  for (let r = 0; r < n; r++) {
    const from = outputRow(r) * k;
    for (let c = 0; c < k; c++) t[c * n + r] = rows[from + c]!;
  }
  return t;
}

/** HF row h*d + j*d/2 + i comes from GGUF row h*d + 2i + j (the inverse of convert_hf_to_gguf.py's permute). */
export function unpermuteRow(dim: number): (r: number) => number {
  const half = dim / 2;
  return (r) => {
    const head = Math.floor(r / dim);
    const within = r % dim;
    const j = Math.floor(within / half);
    const i = within % half;
    return head * dim + 2 * i + j;
  };
}

/** tokenizer.json for a SentencePiece (llama) vocabulary, tokenizing as llama.cpp's SPM tokenizer. */
export function sentencePieceTokenizer(tokens: readonly string[], scores: readonly number[], types: readonly number[], options: { addSpacePrefix: boolean; unk: number }): object {
  const vocab: Record<string, number> = {};
  tokens.forEach((t, id) => (vocab[t] ??= id));
  // Pieces that merges build: normal ones (and user-defined, which SentencePiece also matches), highest score first.
  const pieces = tokens
    .map((text, id) => ({ text, id, score: scores[id] ?? 0 }))
    .filter((p) => (types[p.id] === TOKEN.NORMAL || types[p.id] === TOKEN.USER_DEFINED) && [...p.text].length > 1)
    .sort((a, b) => b.score - a.score || a.id - b.id);
  const merges: [string, string][] = [];
  for (const piece of pieces) {
    const chars = [...piece.text];
    for (let i = 1; i < chars.length; i++) {
      const left = chars.slice(0, i).join('');
      const right = chars.slice(i).join('');
      // Each side must be something the tokenizer can hold: a single character or a piece.
      const reachable = (s: string) => [...s].length === 1 || (vocab[s] !== undefined && (types[vocab[s]] === TOKEN.NORMAL || types[vocab[s]] === TOKEN.USER_DEFINED));
      if (reachable(left) && reachable(right)) merges.push([left, right]);
    }
  }
  const added = tokens
    .map((content, id) => ({ id, content, type: types[id] }))
    .filter((t) => t.type === TOKEN.CONTROL || t.type === TOKEN.UNKNOWN || t.type === TOKEN.USER_DEFINED)
    .map((t) => ({ id: t.id, content: t.content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: t.type !== TOKEN.USER_DEFINED }));
  const replaceSpace = { type: 'Replace', pattern: { String: ' ' }, content: '▁' };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: options.addSpacePrefix ? { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '▁' }, replaceSpace] } : replaceSpace,
    pre_tokenizer: null,
    post_processor: null,
    decoder: {
      type: 'Sequence',
      decoders: [
        { type: 'Replace', pattern: { String: '▁' }, content: ' ' },
        { type: 'ByteFallback' },
        { type: 'Fuse' },
        ...(options.addSpacePrefix ? [{ type: 'Strip', content: ' ', start: 1, stop: 0 }] : []),
      ],
    },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: tokens[options.unk] ?? null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: true,
      byte_fallback: true,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
}

export async function convertGgufToOnnx(options: ConvertOptions): Promise<Manifest> {
  const precision = options.precision ?? 'fp32';
  const { readGgufFileInfo } = await import('node-llama-cpp');
  const info = await readGgufFileInfo(options.gguf, { logWarnings: false, sourceType: 'filesystem' });
  const metadata = info.metadata as unknown as Record<string, Record<string, unknown> | undefined>;
  const architecture = (metadata.general?.architecture as string | undefined) ?? 'unknown';
  if (architecture !== 'llama') throw new Error(`${basename(options.gguf)} is a ${architecture} model: only the llama architecture converts`);
  const arch = metadata.llama as { context_length?: number; embedding_length: number; feed_forward_length: number; block_count: number; attention: Record<string, number | undefined>; rope?: Record<string, number | undefined> };
  const ggml = (metadata.tokenizer as { ggml: Record<string, unknown> } | undefined)?.ggml;
  if (ggml?.model !== 'llama') throw new Error(`${basename(options.gguf)} has a ${String(ggml?.model)} vocabulary: only SentencePiece (llama) converts`);
  const heads = arch.attention.head_count!;
  const shape: DecoderShape = {
    vocabSize: (ggml.tokens as string[]).length,
    hidden: arch.embedding_length,
    layers: arch.block_count,
    heads,
    kvHeads: arch.attention.head_count_kv ?? heads,
    intermediate: arch.feed_forward_length,
    ropeTheta: arch.rope?.freq_base ?? 10000,
    rmsEps: arch.attention.layer_norm_rms_epsilon ?? 1e-5,
    qkvBias: false,
  };
  const dim = shape.hidden / heads;
  if (arch.rope?.dimension_count !== undefined && arch.rope.dimension_count !== dim) throw new Error('partial rotary embeddings do not convert');

  const tensors = new Map<string, TensorEntry>((info.tensorInfo ?? []).map((t) => [t.name, { dims: t.dimensions.map(Number), type: t.ggmlType as number, offset: Number(t.fileOffset) }]));
  const fd = openSync(options.gguf, 'r');
  try {
    const read = (name: string) => {
      const tensor = tensors.get(name);
      if (!tensor) throw new Error(`${basename(options.gguf)} has no tensor ${name}`);
      return { values: readTensor(fd, name, tensor), tensor };
    };
    const matrix = (name: string, k: number, n: number, outputRow?: (r: number) => number) => {
      const { values, tensor } = read(name);
      if (tensor.dims[0] !== k || tensor.dims[1] !== n) throw new Error(`${name} is ${tensor.dims.join('x')}, expected ${k}x${n}`);
      return transpose(values, k, n, outputRow);
    };
    const ggufName: Record<string, string> = {
      input_layernorm: 'attn_norm',
      post_attention_layernorm: 'ffn_norm',
      'self_attn.q_proj': 'attn_q',
      'self_attn.k_proj': 'attn_k',
      'self_attn.v_proj': 'attn_v',
      'self_attn.o_proj': 'attn_output',
      'mlp.gate_proj': 'ffn_gate',
      'mlp.up_proj': 'ffn_up',
      'mlp.down_proj': 'ffn_down',
    };
    const source = (name: string, dims: readonly number[]): Float32Array => {
      if (name === 'model.embed_tokens.weight') return read('token_embd.weight').values;
      if (name === 'model.norm.weight') return read('output_norm.weight').values;
      if (name === 'lm_head.weight') return matrix(tensors.has('output.weight') ? 'output.weight' : 'token_embd.weight', dims[0]!, dims[1]!);
      const layer = /^model\.layers\.(\d+)\.(.+)\.weight$/.exec(name);
      const mapped = layer && ggufName[layer[2]!];
      if (!layer || !mapped) throw new Error(`no GGUF tensor for ${name}`);
      const ggufTensor = `blk.${layer[1]}.${mapped}.weight`;
      if (dims.length === 1) return read(ggufTensor).values;
      const rotary = mapped === 'attn_q' || mapped === 'attn_k';
      return matrix(ggufTensor, dims[0]!, dims[1]!, rotary ? unpermuteRow(dim) : undefined);
    };

    mkdirSync(join(options.out, 'onnx'), { recursive: true });
    const tokens = ggml.tokens as string[];
    const types = (ggml.token_type as number[] | undefined) ?? tokens.map(() => TOKEN.NORMAL);
    const id = (key: string) => (typeof ggml[key] === 'number' && (ggml[key] as number) < tokens.length ? (ggml[key] as number) : undefined);
    const bos = id('bos_token_id');
    const eos = id('eos_token_id');
    const unk = id('unknown_token_id') ?? 0;
    if (eos === undefined) throw new Error(`${basename(options.gguf)} names no end-of-sequence token`);
    const json = (path: string, value: unknown) => writeFileSync(join(options.out, path), `${JSON.stringify(value, null, 2)}\n`);
    json(
      'tokenizer.json',
      sentencePieceTokenizer(tokens, (ggml.scores as number[] | undefined) ?? [], types, { addSpacePrefix: ggml.add_space_prefix !== false, unk }),
    );
    const template = (metadata.tokenizer as { chat_template?: unknown }).chat_template;
    const contextLength = Math.min(arch.context_length ?? 4096, 8192);
    json('tokenizer_config.json', {
      add_bos_token: ggml.add_bos_token !== false && bos !== undefined,
      add_eos_token: false,
      bos_token: bos === undefined ? null : tokens[bos],
      eos_token: tokens[eos],
      unk_token: tokens[unk] ?? null,
      chat_template: typeof template === 'string' && template.trim() ? template : BASE_MODEL_TEMPLATE,
      clean_up_tokenization_spaces: false,
      legacy: true,
      model_max_length: contextLength,
      tokenizer_class: 'LlamaTokenizer',
    });
    json('config.json', {
      architectures: ['LlamaForCausalLM'],
      model_type: 'llama',
      hidden_size: shape.hidden,
      intermediate_size: shape.intermediate,
      num_hidden_layers: shape.layers,
      num_attention_heads: shape.heads,
      num_key_value_heads: shape.kvHeads,
      vocab_size: shape.vocabSize,
      max_position_embeddings: arch.context_length ?? contextLength,
      rms_norm_eps: shape.rmsEps,
      rope_theta: shape.ropeTheta,
      hidden_act: 'silu',
      tie_word_embeddings: !tensors.has('output.weight'),
      torch_dtype: 'float32',
      use_cache: true,
      bos_token_id: bos ?? null,
      eos_token_id: eos,
    });
    json('generation_config.json', { bos_token_id: bos ?? null, eos_token_id: eos, do_sample: false });
    const file = ONNX_FILE[precision];
    const graph = buildDecoder(shape, precision, 0, source);
    graph.write(join(options.out, file), OPSETS[precision], {
      externalData: graph.weightBytes > 256 * 2 ** 20,
      metadata: { source: basename(options.gguf), generator: 'scripts/models/gguf-to-onnx.ts' },
    });
    const name = (metadata.general?.name as string | undefined)?.trim();
    return writeManifest(options.out, {
      name: `${name && name !== architecture ? name : basename(options.gguf).replace(/\.gguf$/i, '')} (converted from GGUF, ${precision})`,
      licence: (metadata.general?.license as string | undefined)?.trim() || 'as the GGUF file it was converted from',
      contextLength,
      onnx: file,
      quantization: precision,
    });
  } finally {
    closeSync(fd);
  }
}
