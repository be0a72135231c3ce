/**
 * A small builder for ONNX graphs: ops with generated names, de-duplicated
 * constants, and initializers whose bytes are produced only when the file is
 * written (the 0.5B-shape model has 2 GB of weights; holding them all at once
 * is needless). writeModel() puts large initializers in an external data file
 * as Optimum does (model.onnx + model.onnx_data).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { DataType, encodeModel, type AttributeValue, type NodeProto, type TensorProto, type ValueInfoProto } from './messages';

export const attr = {
  int: (value: number): AttributeValue => ({ kind: 'int', value }),
  float: (value: number): AttributeValue => ({ kind: 'float', value }),
  string: (value: string): AttributeValue => ({ kind: 'string', value }),
  ints: (value: readonly number[]): AttributeValue => ({ kind: 'ints', value }),
  floats: (value: readonly number[]): AttributeValue => ({ kind: 'floats', value }),
  tensor: (value: TensorProto): AttributeValue => ({ kind: 'tensor', value }),
};

type Bytes = Uint8Array | (() => Uint8Array);

interface PendingInitializer {
  readonly name: string;
  readonly dataType: DataType;
  readonly dims: readonly number[];
  readonly bytes: Bytes;
  readonly byteLength: number;
}

const ELEMENT_BYTES: Record<DataType, number> = { 1: 4, 2: 1, 3: 1, 6: 4, 7: 8, 9: 1 };

export function bytesOf(array: Float32Array | Int8Array | Uint8Array | BigInt64Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export class GraphBuilder {
  private readonly nodes: NodeProto[] = [];
  private readonly initializers: PendingInitializer[] = [];
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];
  private readonly constants = new Map<string, string>();
  private counter = 0;

  constructor(readonly name: string) {}

  input(name: string, elemType: DataType, shape: readonly (number | string)[]): string {
    this.inputs.push({ name, elemType, shape });
    return name;
  }

  output(name: string, elemType: DataType, shape: readonly (number | string)[]): void {
    this.outputs.push({ name, elemType, shape });
  }

  /** Adds a node and returns its output names (count given by `outputs`, or the names themselves). */
  ops(
    opType: string,
    inputs: readonly string[],
    attributes: Record<string, AttributeValue> = {},
    options: { outputs?: number | readonly string[]; domain?: string } = {},
  ): string[] {
    const id = `${opType}_${this.counter++}`;
    const spec = options.outputs ?? 1;
    const outputs = typeof spec === 'number' ? Array.from({ length: spec }, (_, i) => `${id}_out${i}`) : [...spec];
    this.nodes.push({ opType, domain: options.domain, name: id, inputs, outputs, attributes });
    return outputs;
  }

  /** Adds a single-output node and returns the output's name. */
  op(opType: string, inputs: readonly string[], attributes: Record<string, AttributeValue> = {}, options: { output?: string; domain?: string } = {}): string {
    return this.ops(opType, inputs, attributes, { domain: options.domain, outputs: options.output ? [options.output] : 1 })[0]!;
  }

  weight(name: string, dataType: DataType, dims: readonly number[], bytes: Bytes): string {
    const byteLength = dims.reduce((a, b) => a * b, 1) * ELEMENT_BYTES[dataType];
    this.initializers.push({ name, dataType, dims, bytes, byteLength });
    return name;
  }

  /** An int64 constant, shared by every node that needs the same values. */
  int64(values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.constant(`i64[${dims.join('x')}]:${values.join(',')}`, DataType.INT64, dims, () => bytesOf(BigInt64Array.from(values.map(BigInt))));
  }

  float32(values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.constant(`f32[${dims.join('x')}]:${values.join(',')}`, DataType.FLOAT, dims, () => bytesOf(Float32Array.from(values)));
  }

  private constant(key: string, dataType: DataType, dims: readonly number[], bytes: () => Uint8Array): string {
    const existing = this.constants.get(key);
    if (existing) return existing;
    const name = `const_${this.constants.size}`;
    this.constants.set(key, name);
    return this.weight(name, dataType, dims, bytes());
  }

  /** Total bytes of all initializers (the model's weight size). */
  get weightBytes(): number {
    return this.initializers.reduce((sum, i) => sum + i.byteLength, 0);
  }

  /**
   * Writes the model. With `externalData`, every initializer of 1 KiB or more
   * goes to FILE_data (page-aligned, so onnxruntime can map it), the rest inline.
   */
  write(file: string, opsets: Record<string, number>, options: { externalData: boolean; metadata?: Record<string, string> }): string[] {
    const written = [file];
    const tensors: TensorProto[] = [];
    let fd: number | undefined;
    let offset = 0;
    const dataFile = `${file}_data`;
    try {
      for (const init of this.initializers) {
        const bytes = typeof init.bytes === 'function' ? init.bytes() : init.bytes;
        if (bytes.length !== init.byteLength) throw new Error(`initializer ${init.name}: ${bytes.length} bytes, expected ${init.byteLength}`);
        if (options.externalData && bytes.length >= 1024) {
          if (fd === undefined) {
            fd = openSync(dataFile, 'w');
            written.push(dataFile);
          }
          const aligned = Math.ceil(offset / 4096) * 4096;
          if (aligned > offset) writeSync(fd, new Uint8Array(aligned - offset));
          writeSync(fd, bytes);
          tensors.push({ ...init, external: { location: basename(dataFile), offset: aligned, length: bytes.length } });
          offset = aligned + bytes.length;
        } else {
          tensors.push({ ...init, raw: bytes });
        }
      }
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const model = encodeModel({
      producer: 'continuum-model-generator',
      opsets: Object.entries(opsets).map(([domain, version]) => ({ domain, version })),
      metadata: options.metadata,
      graph: { name: this.name, nodes: this.nodes, initializers: tensors, inputs: this.inputs, outputs: this.outputs },
    });
    writeFileSync(file, model);
    return written;
  }
}
