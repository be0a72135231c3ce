import { buildHuffman, nextSegment, type Huffman } from './jpeg-lossless';

/**
 * A decoder for 12-bit JPEG extended (ITU T.81 process 4: sequential DCT,
 * Huffman coded), greyscale, as DICOM uses 1.2.840.10008.1.2.4.51 for CT and
 * MR. The Cornerstone libjpeg-turbo codec decodes 8 bits only and no npm
 * package decodes 12. The inverse DCT is the IJG library's integer one
 * ("islow", jidctint.c, at 12 bits: 13 constant bits, 1 pass-one bit), the
 * one DCMTK's dcmdjpeg uses by default, so the samples are DCMTK's to the
 * value (the conformance test compares them).
 */
export interface SequentialImage {
  readonly width: number;
  readonly height: number;
  readonly precision: number;
  readonly samples: Uint16Array;
}

const ZIGZAG = Uint8Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23,
  30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]);

/** `expected`: the size the DICOM header gives; a frame header that says otherwise is refused before anything is allocated. */
export function decodeJpegExtended(data: Uint8Array, expected: { readonly width: number; readonly height: number }): SequentialImage {
  let pos = 0;
  const u16 = () => {
    if (pos + 2 > data.length) throw new Error('JPEG: data ends inside a header');
    const v = (data[pos]! << 8) | data[pos + 1]!;
    pos += 2;
    return v;
  };
  if (u16() !== 0xffd8) throw new Error('JPEG: no start-of-image marker');
  const quant = new Map<number, Int32Array>();
  const dc = new Map<number, Huffman>();
  const ac = new Map<number, Huffman>();
  let frame: { width: number; height: number; precision: number; tq: number } | null = null;
  let restartInterval = 0;
  let out: Uint16Array | null = null;
  for (;;) {
    const segment = nextSegment(data, pos, 'JPEG');
    if (!segment) break;
    const { marker, end } = segment;
    pos = segment.start;
    if (marker === 0xffdb) {
      while (pos < end) {
        const pq = data[pos]! >> 4;
        const table = new Int32Array(64);
        for (let k = 0; k < 64; k++) table[k] = pq ? (data[pos + 1 + k * 2]! << 8) | data[pos + 2 + k * 2]! : data[pos + 1 + k]!;
        quant.set(data[pos]! & 0x0f, table);
        pos += 1 + 64 * (pq ? 2 : 1);
      }
    } else if (marker === 0xffc4) {
      while (pos < end) {
        const tc = data[pos++]!;
        const counts = data.subarray(pos, pos + 16);
        pos += 16;
        const total = counts.reduce((n, c) => n + c, 0);
        (tc >> 4 ? ac : dc).set(tc & 0x0f, buildHuffman(counts, data.subarray(pos, pos + total)));
        pos += total;
      }
    } else if (marker === 0xffc0 || marker === 0xffc1) {
      const components = data[pos + 5]!;
      if (components !== 1) throw new Error(`JPEG: ${components} components at ${data[pos]} bits are not supported (greyscale only)`);
      frame = { precision: data[pos]!, height: (data[pos + 1]! << 8) | data[pos + 2]!, width: (data[pos + 3]! << 8) | data[pos + 4]!, tq: data[pos + 8]! };
      if (frame.width !== expected.width || frame.height !== expected.height) {
        throw new Error(`the JPEG stream is ${frame.width} x ${frame.height}, the header says ${expected.width} x ${expected.height}`);
      }
      if (frame.precision < 2 || frame.precision > 16) throw new Error(`JPEG: a precision of ${frame.precision} bits`);
      out = new Uint16Array(frame.width * frame.height);
      pos = end;
    } else if (marker >= 0xffc2 && marker <= 0xffcf && marker !== 0xffc4 && marker !== 0xffc8 && marker !== 0xffcc) {
      throw new Error(`JPEG: frame type 0x${marker.toString(16)} is not sequential Huffman DCT`);
    } else if (marker === 0xffdd) {
      restartInterval = (data[pos]! << 8) | data[pos + 1]!;
      pos = end;
    } else if (marker === 0xffda) {
      if (!frame || !out) throw new Error('JPEG: scan before frame header');
      const tables = data[pos + 2]!;
      const q = quant.get(frame.tq);
      const dcTable = dc.get(tables >> 4);
      const acTable = ac.get(tables & 0x0f);
      if (!q || !dcTable || !acTable) throw new Error('JPEG: a quantization or Huffman table is missing');
      pos = decodeScan(data, end, out, frame, q, dcTable, acTable, restartInterval);
    } else pos = end;
  }
  if (!frame || !out) throw new Error('JPEG: no frame');
  return { width: frame.width, height: frame.height, precision: frame.precision, samples: out };
}

function decodeScan(
  data: Uint8Array,
  start: number,
  out: Uint16Array,
  frame: { width: number; height: number; precision: number },
  q: Int32Array,
  dcTable: Huffman,
  acTable: Huffman,
  restartInterval: number,
): number {
  const bits = new BitReader(data, start);
  const blocksWide = Math.ceil(frame.width / 8);
  const blocks = blocksWide * Math.ceil(frame.height / 8);
  const coefficients = new Int32Array(64);
  const block = new Int32Array(64);
  const center = 1 << (frame.precision - 1);
  const max = (1 << frame.precision) - 1;
  let predictor = 0;
  for (let b = 0; b < blocks; b++) {
    if (restartInterval > 0 && b > 0 && b % restartInterval === 0) {
      bits.restart();
      predictor = 0;
    }
    coefficients.fill(0);
    const size = bits.symbol(dcTable);
    predictor += size === 0 ? 0 : extend(bits.receive(size), size);
    coefficients[0] = predictor * q[0]!;
    for (let k = 1; k < 64; ) {
      const rs = bits.symbol(acTable);
      const run = rs >> 4;
      const s = rs & 15;
      if (s === 0) {
        if (run !== 15) break;
        k += 16;
        continue;
      }
      k += run;
      if (k > 63) throw new Error('JPEG: a coefficient beyond the block');
      coefficients[ZIGZAG[k]!] = extend(bits.receive(s), s) * q[k]!;
      k += 1;
    }
    inverseDct(coefficients, block);
    const bx = (b % blocksWide) * 8;
    const by = Math.floor(b / blocksWide) * 8;
    for (let y = 0; y < 8 && by + y < frame.height; y++) {
      for (let x = 0; x < 8 && bx + x < frame.width; x++) {
        const v = block[y * 8 + x]! + center;
        out[(by + y) * frame.width + bx + x] = v < 0 ? 0 : v > max ? max : v;
      }
    }
  }
  return bits.nextMarker();
}

function extend(value: number, size: number): number {
  return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
}

/** Entropy-coded bits: 0xFF00 is a data 0xFF, any other marker ends the data (zeros are read past it). */
class BitReader {
  private buffer = 0;
  private count = 0;
  private atMarker = false;
  constructor(
    private readonly data: Uint8Array,
    private pos: number,
  ) {}

  bit(): number {
    if (this.count === 0) {
      let byte = 0;
      if (!this.atMarker && this.pos < this.data.length) {
        byte = this.data[this.pos]!;
        if (byte === 0xff && this.data[this.pos + 1] !== 0) {
          this.atMarker = true;
          byte = 0;
        } else this.pos += byte === 0xff ? 2 : 1;
      }
      this.buffer = byte;
      this.count = 8;
    }
    this.count -= 1;
    return (this.buffer >> this.count) & 1;
  }

  receive(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.bit();
    return v;
  }

  symbol(h: Huffman): number {
    let code = this.bit();
    for (let len = 1; len <= 16; len++) {
      if (h.maxCode[len]! >= 0 && code <= h.maxCode[len]!) return h.values[h.valPtr[len]! + code - h.minCode[len]!]!;
      code = code * 2 + this.bit();
    }
    throw new Error('JPEG: bad Huffman code');
  }

  /** At a restart interval's end: drop the partial byte and step over the RSTn marker. */
  restart(): void {
    this.count = 0;
    while (this.pos < this.data.length && this.data[this.pos] === 0xff) this.pos += 1;
    if (this.pos < this.data.length && this.data[this.pos]! >= 0xd0 && this.data[this.pos]! <= 0xd7) this.pos += 1;
    this.atMarker = false;
  }

  /** Where the next marker after the entropy-coded data starts. */
  nextMarker(): number {
    let p = this.pos;
    while (p < this.data.length - 1 && !(this.data[p] === 0xff && this.data[p + 1] !== 0 && !(this.data[p + 1]! >= 0xd0 && this.data[p + 1]! <= 0xd7))) p += 1;
    return p;
  }
}

// jidctint.c's constants: FIX(x) = round(x * 2^13).
const CONST_BITS = 13;
const PASS1_BITS = 1; // at 12 bits a sample (2 at 8)
const FIX_0_298631336 = 2446;
const FIX_0_390180644 = 3196;
const FIX_0_541196100 = 4433;
const FIX_0_765366865 = 6270;
const FIX_0_899976223 = 7373;
const FIX_1_175875602 = 9633;
const FIX_1_501321110 = 12299;
const FIX_1_847759065 = 15137;
const FIX_1_961570560 = 16069;
const FIX_2_053119869 = 16819;
const FIX_2_562915447 = 20995;
const FIX_3_072711026 = 25172;

/** Round and shift right by n, as the C macro DESCALE does (floor division: the products exceed 32 bits at 12 bits). */
function descale(x: number, n: number): number {
  return Math.floor((x + 2 ** (n - 1)) / 2 ** n);
}

/** The IJG integer inverse DCT (jpeg_idct_islow), dequantized coefficients in natural order to level-unshifted samples. */
function inverseDct(input: Int32Array, output: Int32Array): void {
  const ws = new Float64Array(64);
  for (let c = 0; c < 8; c++) {
    const [e0, e1, e2, e3, e4, e5, e6, e7] = [0, 1, 2, 3, 4, 5, 6, 7].map((r) => input[r * 8 + c]!) as [number, number, number, number, number, number, number, number];
    const r = idct1d(e0, e1, e2, e3, e4, e5, e6, e7, CONST_BITS - PASS1_BITS);
    for (let i = 0; i < 8; i++) ws[i * 8 + c] = r[i]!;
  }
  for (let row = 0; row < 8; row++) {
    const o = row * 8;
    const r = idct1d(ws[o]!, ws[o + 1]!, ws[o + 2]!, ws[o + 3]!, ws[o + 4]!, ws[o + 5]!, ws[o + 6]!, ws[o + 7]!, CONST_BITS + PASS1_BITS + 3);
    for (let i = 0; i < 8; i++) output[o + i] = r[i]!;
  }
}

function idct1d(i0: number, i1: number, i2: number, i3: number, i4: number, i5: number, i6: number, i7: number, shift: number): number[] {
  // Even part.
  let z1 = (i2 + i6) * FIX_0_541196100;
  const t2e = z1 - i6 * FIX_1_847759065;
  const t3e = z1 + i2 * FIX_0_765366865;
  const t0e = (i0 + i4) * 2 ** CONST_BITS;
  const t1e = (i0 - i4) * 2 ** CONST_BITS;
  const t10 = t0e + t3e;
  const t13 = t0e - t3e;
  const t11 = t1e + t2e;
  const t12 = t1e - t2e;
  // Odd part.
  z1 = i7 + i1;
  let z2 = i5 + i3;
  let z3 = i7 + i3;
  let z4 = i5 + i1;
  const z5 = (z3 + z4) * FIX_1_175875602;
  let t0 = i7 * FIX_0_298631336;
  let t1 = i5 * FIX_2_053119869;
  let t2 = i3 * FIX_3_072711026;
  let t3 = i1 * FIX_1_501321110;
  z1 *= -FIX_0_899976223;
  z2 *= -FIX_2_562915447;
  z3 = z3 * -FIX_1_961570560 + z5;
  z4 = z4 * -FIX_0_390180644 + z5;
  t0 += z1 + z3;
  t1 += z2 + z4;
  t2 += z2 + z3;
  t3 += z1 + z4;
  return [
    descale(t10 + t3, shift),
    descale(t11 + t2, shift),
    descale(t12 + t1, shift),
    descale(t13 + t0, shift),
    descale(t13 - t0, shift),
    descale(t12 - t1, shift),
    descale(t11 - t2, shift),
    descale(t10 - t3, shift),
  ];
}
