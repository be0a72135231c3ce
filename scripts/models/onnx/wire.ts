/**
 * The protobuf wire format, just the parts an ONNX file needs: varints,
 * fixed32 floats, length-delimited bytes and nested messages. No ONNX-writing
 * npm package is maintained, and the handful of message types we emit is
 * small enough to encode by hand (see onnx/messages.ts for the field numbers).
 */

const enum WireType {
  Varint = 0,
  Fixed32 = 5,
  LengthDelimited = 2,
}

/** Accumulates one message's bytes; nested messages are encoded first, then embedded. */
export class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  private key(field: number, wire: WireType): void {
    this.varint(BigInt((field << 3) | wire));
  }

  /** Base-128 varint of an int64; negatives take ten bytes (two's complement), as protobuf requires. */
  private varint(value: bigint): void {
    let v = BigInt.asUintN(64, value);
    const out: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      out.push(byte);
    } while (v !== 0n);
    this.push(Uint8Array.from(out));
  }

  int(field: number, value: number | bigint): this {
    this.key(field, WireType.Varint);
    this.varint(BigInt(value));
    return this;
  }

  float(field: number, value: number): this {
    this.key(field, WireType.Fixed32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.push(bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.key(field, WireType.LengthDelimited);
    this.varint(BigInt(value.length));
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, inner: ProtoWriter): this {
    return this.bytes(field, inner.finish());
  }

  /** Packed repeated int64 (as ONNX writes dims and ints). */
  packedInts(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.varint(BigInt(v));
    return this.bytes(field, inner.finish());
  }

  /** Packed repeated float. */
  packedFloats(field: number, values: readonly number[]): this {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setFloat32(i * 4, v, true));
    return this.bytes(field, bytes);
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
