/**
 * The ONNX messages we write (onnx/onnx.proto, IR version 8), with their
 * protobuf field numbers. Only what a decoder graph needs: tensors with raw
 * or external data, nodes with int/float/ints/floats/string/tensor
 * attributes, typed graph inputs and outputs, opset imports.
 */
import { ProtoWriter } from './wire';

export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  BOOL: 9,
} as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

export interface TensorProto {
  readonly name: string;
  readonly dataType: DataType;
  readonly dims: readonly number[];
  /** Little-endian bytes in the file itself (small tensors)... */
  readonly raw?: Uint8Array;
  /** ...or a span of the external data file beside the model (ONNX's 2 GB protobuf limit). */
  readonly external?: { readonly location: string; readonly offset: number; readonly length: number };
}

export type AttributeValue =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'ints'; readonly value: readonly number[] }
  | { readonly kind: 'floats'; readonly value: readonly number[] }
  | { readonly kind: 'tensor'; readonly value: TensorProto };

export interface NodeProto {
  readonly opType: string;
  readonly domain?: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** A tensor's type; a dimension is a fixed size or a symbolic name ("batch_size"). */
export interface ValueInfoProto {
  readonly name: string;
  readonly elemType: DataType;
  readonly shape: readonly (number | string)[];
}

export interface GraphProto {
  readonly name: string;
  readonly nodes: readonly NodeProto[];
  readonly initializers: readonly TensorProto[];
  readonly inputs: readonly ValueInfoProto[];
  readonly outputs: readonly ValueInfoProto[];
}

export interface ModelProto {
  readonly graph: GraphProto;
  readonly opsets: readonly { readonly domain: string; readonly version: number }[];
  readonly producer: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

// AttributeProto.AttributeType
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7 } as const;

export function encodeTensor(t: TensorProto): ProtoWriter {
  const w = new ProtoWriter();
  w.packedInts(1, t.dims); // dims
  w.int(2, t.dataType); // data_type
  w.string(8, t.name); // name
  if (t.raw) w.bytes(9, t.raw); // raw_data
  if (t.external) {
    const entries: [string, string][] = [
      ['location', t.external.location],
      ['offset', String(t.external.offset)],
      ['length', String(t.external.length)],
    ];
    for (const [key, value] of entries) w.message(13, new ProtoWriter().string(1, key).string(2, value)); // external_data
    w.int(14, 1); // data_location = EXTERNAL
  }
  return w;
}

function encodeAttribute(name: string, a: AttributeValue): ProtoWriter {
  const w = new ProtoWriter().string(1, name).int(20, ATTRIBUTE_TYPE[a.kind]);
  switch (a.kind) {
    case 'float':
      return w.float(2, a.value);
    case 'int':
      return w.int(3, a.value);
    case 'string':
      return w.string(4, a.value);
    case 'tensor':
      return w.message(5, encodeTensor(a.value));
    case 'floats':
      return w.packedFloats(7, a.value);
    case 'ints':
      return w.packedInts(8, a.value);
  }
}

function encodeNode(n: NodeProto): ProtoWriter {
  const w = new ProtoWriter();
  for (const input of n.inputs) w.string(1, input);
  for (const output of n.outputs) w.string(2, output);
  w.string(3, n.name).string(4, n.opType);
  for (const [name, value] of Object.entries(n.attributes)) w.message(5, encodeAttribute(name, value));
  if (n.domain) w.string(7, n.domain);
  return w;
}

function encodeValueInfo(v: ValueInfoProto): ProtoWriter {
  const shape = new ProtoWriter();
  for (const dim of v.shape) {
    shape.message(1, typeof dim === 'number' ? new ProtoWriter().int(1, dim) : new ProtoWriter().string(2, dim));
  }
  const tensorType = new ProtoWriter().int(1, v.elemType).message(2, shape);
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}

function encodeGraph(g: GraphProto): ProtoWriter {
  const w = new ProtoWriter();
  for (const node of g.nodes) w.message(1, encodeNode(node));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, encodeTensor(t));
  for (const v of g.inputs) w.message(11, encodeValueInfo(v));
  for (const v of g.outputs) w.message(12, encodeValueInfo(v));
  return w;
}

/** The serialized ModelProto, ready to write as model.onnx. */
export function encodeModel(m: ModelProto): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, 8); // ir_version 8 (ONNX 1.13+), understood by every onnxruntime since 1.14
  w.string(2, m.producer);
  w.message(7, encodeGraph(m.graph));
  for (const opset of m.opsets) w.message(8, new ProtoWriter().string(1, opset.domain).int(2, opset.version));
  for (const [key, value] of Object.entries(m.metadata ?? {})) w.message(14, new ProtoWriter().string(1, key).string(2, value));
  return w.finish();
}
