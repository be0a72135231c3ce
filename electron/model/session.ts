/**
 * The decoder as onnxruntime-node runs it on the CPU: one InferenceSession
 * with graph optimizations on and one intra-op thread per core, fed the
 * Optimum decoder inputs (input_ids, attention_mask, position_ids,
 * past_key_values.*) and answering the last position's logits and the new
 * KV state. Batch size is always 1: one clinician, one conversation.
 * Runs in the decoder's own thread (decoder-thread-entry.ts); the rest of
 * the runtime talks to it through DecoderSession (decoder-client.ts).
 */
import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-node';
import { ModelError } from './errors';
import { KvTensors } from './kv-tensors';

export interface SessionOptions {
  /** Intra-op threads; default: every core (os.availableParallelism()). */
  readonly threads?: number;
  /**
   * Let idle onnxruntime threads spin between operators (default false). Spinning
   * saves the wake-up of a thread at each operator: on a quiet machine a 0.5B decode
   * step was 10-24 % faster with it (alternating runs, fp32, int4, int8). But the
   * workstation's UI, OCR and store share the cores: with one busy process beside it
   * a step was 33 % slower, and on the 2-core build machine under a load of 7-9, 3-5x
   * slower (100-200 ms against 35-40 ms).
   */
  readonly spinning?: boolean;
}

/** Turns an onnxruntime load error into one line a clinician's administrator can act on. */
export function explainOrtError(file: string, error: unknown): ModelError {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  const op =
    /([\w.]*):(\w+)\(-?\d+\) is not a registered function\/op/.exec(text) ??
    /No Op registered for (\w+) with domain_version of (\d+)/.exec(text) ??
    /Could not find an implementation for (\w+)\((\d+)\)/.exec(text);
  if (op) {
    const name = text.includes('is not a registered') ? `${op[1] ? `${op[1]}:` : ''}${op[2]}` : op[1]!;
    return new ModelError('unsupported-operator', `${file} uses the operator ${name}, which onnxruntime ${ort.env.versions.common} cannot run on the CPU: use another export of this model`);
  }
  if (/File doesn't exist|No such file/i.test(text)) return new ModelError('missing', `${file} (or its external weights) is missing`);
  if (/Protobuf parsing failed|invalid model|ModelProto does not have a graph/i.test(text)) {
    return new ModelError('corrupt', `${file} is not a valid ONNX model (damaged or partial file): copy the model again`);
  }
  if (/bad_alloc|out of memory|Failed to allocate/i.test(text)) return new ModelError('memory', `not enough memory to load ${file}: close other programs or use a smaller quantization`);
  return new ModelError('corrupt', `onnxruntime cannot load ${file}: ${text.slice(0, 300)}`);
}

/**
 * The onnxruntime settings of every CPU session Continuum opens (the decoder, image models), and
 * what bench:model gives its peer, so that both run alike: all cores, full graph optimizations,
 * idle threads not spinning.
 */
export function cpuSessionOptions(options: SessionOptions = {}): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: options.threads ?? availableParallelism(),
    interOpNumThreads: 1,
    executionMode: 'sequential',
    extra: options.spinning ? {} : { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
}

/** The shape of a decoder's KV cache, read from its graph. */
export interface DecoderShape {
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly kvType: 'float32' | 'float16';
  /** Size of the logits' last axis, when the graph fixes it. */
  readonly logitsSize: number | undefined;
}

export class OrtDecoder implements DecoderShape {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly layers: number,
    readonly kvHeads: number,
    readonly headDim: number,
    readonly kvType: 'float32' | 'float16',
    /** Size of the logits' last axis, when the graph fixes it. */
    readonly logitsSize: number | undefined,
  ) {}

  static async open(file: string, options: SessionOptions = {}): Promise<OrtDecoder> {
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(file, cpuSessionOptions(options));
    } catch (error) {
      throw explainOrtError(file, error);
    }
    const required = ['input_ids', 'attention_mask'];
    const missing = required.filter((name) => !session.inputNames.includes(name));
    if (missing.length || !session.outputNames.includes('logits')) {
      throw new ModelError('corrupt', `${file} is not a decoder with a KV cache (inputs ${missing.join(', ') || 'ok'}; it needs input_ids, attention_mask, past_key_values.N.key/value and logits)`);
    }
    const pasts = session.inputMetadata.filter((m) => /^past_key_values\.\d+\.key$/.test(m.name));
    const first = pasts[0];
    if (!first || !first.isTensor) throw new ModelError('corrupt', `${file} has no past_key_values inputs: export it with the KV cache (Optimum "text-generation-with-past")`);
    const [, kvHeads, , headDim] = first.shape;
    if (typeof kvHeads !== 'number' || typeof headDim !== 'number') throw new ModelError('corrupt', `${file}: past_key_values shapes must fix the head count and size`);
    if (first.type !== 'float32' && first.type !== 'float16') throw new ModelError('unsupported-operator', `${file}: KV cache of type ${first.type} is not supported`);
    const logits = session.outputMetadata.find((m) => m.name === 'logits');
    const last = logits?.isTensor ? logits.shape[logits.shape.length - 1] : undefined;
    return new OrtDecoder(session, pasts.length, kvHeads, headDim, first.type, typeof last === 'number' ? last : undefined);
  }

  emptyKv(): KvTensors {
    return KvTensors.empty(this.layers, this.kvHeads, this.headDim, this.kvType);
  }

  private has(input: string): boolean {
    return this.session.inputNames.includes(input);
  }

  /**
   * Runs `tokens` after the state `kv` (which is not changed: states are
   * immutable, so a cached prefix can be shared) and returns the logits of
   * the last `rows` positions, one after the other, and the state that now
   * includes the tokens. A draft check (draft-tokens.ts) asks for a row per token.
   */
  async forward(tokens: readonly number[], kv: KvTensors, rows = 1): Promise<{ logits: Float32Array; kv: KvTensors }> {
    const n = tokens.length;
    if (!(Number.isInteger(rows) && rows >= 1 && rows <= n)) throw new ModelError('internal', `asked for the logits of ${rows} positions of a ${n}-token pass`);
    const total = kv.length + n;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(tokens, BigInt), [1, n]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
      ...kv.tensors,
    };
    if (this.has('position_ids')) {
      feeds.position_ids = new ort.Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => BigInt(kv.length + i)), [1, n]);
    }
    // Older Optimum exports merge the with- and without-cache graphs behind this flag.
    if (this.has('use_cache_branch')) feeds.use_cache_branch = new ort.Tensor('bool', [kv.length > 0], [1]);
    const out = await this.session.run(feeds);
    const logits = out.logits!;
    const vocab = logits.dims[logits.dims.length - 1]!;
    const positions = logits.data.length / vocab;
    const lastRows = toFloat32(logits).subarray((positions - rows) * vocab, positions * vocab);
    const present: Record<string, ort.Tensor> = {};
    for (const [name, tensor] of Object.entries(out)) {
      if (name.startsWith('present')) present[name.replace(/^present/, 'past_key_values')] = tensor;
    }
    // A decode step's logits are a buffer of their own (onnxruntime-node allocates each output anew):
    // hand that over as it is, so it can be transferred to the generation loop without a copy.
    const whole = lastRows.byteOffset === 0 && lastRows.byteLength === lastRows.buffer.byteLength;
    return { logits: whole ? lastRows : lastRows.slice(), kv: new KvTensors(total, present) };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/** Logits as float32 (fp16 exports answer float16, held by onnxruntime as Uint16Array bits). */
function toFloat32(tensor: ort.Tensor): Float32Array {
  if (tensor.type === 'float32') return tensor.data as Float32Array;
  if (tensor.type !== 'float16') throw new ModelError('corrupt', `logits of type ${tensor.type} are not supported`);
  const bits = tensor.data as Uint16Array;
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = halfToFloat(bits[i]!);
  return out;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
