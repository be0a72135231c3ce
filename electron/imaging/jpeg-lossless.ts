/**
 * A decoder for lossless JPEG (ITU T.81 process 14, Huffman coded, predictors
 * 1-7, point transform), as DICOM uses for 1.2.840.10008.1.2.4.57 and .70
 * (first-order prediction, SV1). One or three components, 2 to 16 bits.
 * Written here because the only maintained JavaScript one
 * (jpeg-lossless-decoder-js) is not a dependency; it is vendored inside the
 * WADO image loader's bundle, which cannot be imported on its own.
 */

export interface LosslessImage {
  readonly width: number;
  readonly height: number;
  readonly components: number;
  readonly precision: number;
  /** Samples, interleaved by pixel when there are three components. */
  readonly samples: Uint16Array;
}

export interface Huffman {
  /** Per code length 1..16: the largest code of that length (or -1), and the index of its first symbol. */
  readonly maxCode: Int32Array;
  readonly valPtr: Int32Array;
  readonly minCode: Int32Array;
  readonly values: Uint8Array;
}

export function buildHuffman(counts: Uint8Array, values: Uint8Array): Huffman {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1]!;
    valPtr[len] = k;
    minCode[len] = code;
    if (n > 0) {
      code += n;
      k += n;
      maxCode[len] = code - 1;
    }
    code <<= 1;
  }
  return { maxCode, valPtr, minCode, values };
}

/**
 * The marker segment at `pos` (fill bytes 0xFF skipped): its marker, where its body starts and ends;
 * null at the end-of-image marker. Shared with the 12-bit sequential decoder (jpeg-extended.ts).
 */
export function nextSegment(data: Uint8Array, pos: number, what: string): { marker: number; start: number; end: number } | null {
  const u16 = (at: number) => {
    if (at + 2 > data.length) throw new Error(`${what}: data ends inside a header`);
    return (data[at]! << 8) | data[at + 1]!;
  };
  let at = pos;
  let marker = u16(at);
  while (marker === 0xffff) {
    at += 1;
    marker = u16(at);
  }
  if (marker === 0xffd9) return null;
  const end = at + 2 + u16(at + 2);
  if (end > data.length) throw new Error(`${what}: a segment runs past the end of the data`);
  return { marker, start: at + 4, end };
}

export function decodeJpegLossless(data: Uint8Array): LosslessImage {
  let pos = 0;
  const u16 = () => {
    if (pos + 2 > data.length) throw new Error('lossless JPEG: data ends inside a header');
    const v = (data[pos]! << 8) | data[pos + 1]!;
    pos += 2;
    return v;
  };
  if (u16() !== 0xffd8) throw new Error('lossless JPEG: no start-of-image marker');
  const tables = new Map<number, Huffman>();
  let width = 0;
  let height = 0;
  let precision = 0;
  let frameComponents: number[] = [];
  let restartInterval = 0;
  let out: Uint16Array | null = null;
  let sawFrame = false;

  for (;;) {
    const segment = nextSegment(data, pos, 'lossless JPEG');
    if (!segment) break;
    const { marker, end } = segment;
    pos = segment.start;
    if (marker === 0xffc4) {
      while (pos < end) {
        const tc = data[pos++]!;
        const counts = data.subarray(pos, pos + 16);
        pos += 16;
        let total = 0;
        for (const c of counts) total += c;
        const values = data.subarray(pos, pos + total);
        pos += total;
        tables.set(tc & 0x1f, buildHuffman(counts, values));
      }
    } else if (marker === 0xffc3 || marker === 0xffc7) {
      precision = data[pos]!;
      height = (data[pos + 1]! << 8) | data[pos + 2]!;
      width = (data[pos + 3]! << 8) | data[pos + 4]!;
      const nf = data[pos + 5]!;
      frameComponents = [];
      for (let i = 0; i < nf; i++) frameComponents.push(data[pos + 6 + i * 3]!);
      if (nf !== 1 && nf !== 3) throw new Error(`lossless JPEG: ${nf} components are not supported`);
      if (width === 0 || height === 0) throw new Error('lossless JPEG: zero width or height');
      out = new Uint16Array(width * height * nf);
      sawFrame = true;
      pos = end;
    } else if (marker >= 0xffc0 && marker <= 0xffcf && marker !== 0xffc4 && marker !== 0xffc8 && marker !== 0xffcc) {
      throw new Error(`lossless JPEG: frame type 0x${marker.toString(16)} is not lossless Huffman (process 14)`);
    } else if (marker === 0xffdd) {
      restartInterval = (data[pos]! << 8) | data[pos + 1]!;
      pos = end;
    } else if (marker === 0xffda) {
      if (!sawFrame || !out) throw new Error('lossless JPEG: scan before frame header');
      const ns = data[pos]!;
      const scanTables: Huffman[] = [];
      const scanIndex: number[] = [];
      for (let i = 0; i < ns; i++) {
        const id = data[pos + 1 + i * 2]!;
        const td = data[pos + 2 + i * 2]! >> 4;
        const table = tables.get(td);
        if (!table) throw new Error(`lossless JPEG: Huffman table ${td} is missing`);
        scanTables.push(table);
        scanIndex.push(Math.max(0, frameComponents.indexOf(id)));
      }
      const predictor = data[pos + 1 + ns * 2]!;
      const pt = data[pos + 3 + ns * 2]! & 0x0f;
      pos = end;
      pos = decodeScan(data, pos, out, width, height, frameComponents.length, scanTables, scanIndex, predictor, pt, precision, restartInterval);
    } else {
      pos = end;
    }
  }
  if (!out) throw new Error('lossless JPEG: no frame');
  return { width, height, components: frameComponents.length, precision, samples: out };
}

function decodeScan(
  data: Uint8Array,
  start: number,
  out: Uint16Array,
  width: number,
  height: number,
  nf: number,
  tables: Huffman[],
  index: number[],
  predictor: number,
  pt: number,
  precision: number,
  restartInterval: number,
): number {
  let pos = start;
  let bitBuffer = 0;
  let bitCount = 0;
  let hitMarker = false;
  const readBit = (): number => {
    if (bitCount === 0) {
      let byte = 0;
      if (!hitMarker && pos < data.length) {
        byte = data[pos]!;
        if (byte === 0xff) {
          const next = data[pos + 1] ?? 0;
          if (next === 0) pos += 2;
          else {
            hitMarker = true;
            byte = 0;
          }
        } else pos++;
      }
      bitBuffer = byte;
      bitCount = 8;
    }
    bitCount--;
    return (bitBuffer >> bitCount) & 1;
  };
  const receive = (n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | readBit();
    return v;
  };
  const decodeSymbol = (h: Huffman): number => {
    let code = readBit();
    for (let len = 1; len <= 16; len++) {
      if (code <= h.maxCode[len]! && h.maxCode[len]! >= 0) return h.values[h.valPtr[len]! + code - h.minCode[len]!]!;
      code = (code << 1) | readBit();
    }
    throw new Error('lossless JPEG: bad Huffman code');
  };
  const ns = tables.length;
  const initial = 1 << (precision - pt - 1);
  const mask = (1 << 16) - 1;
  const pixels = width * height;
  let firstRowOfInterval = 0;
  for (let p = 0; p < pixels; p++) {
    if (restartInterval > 0 && p > 0 && p % restartInterval === 0) {
      // Restart marker: byte-align, skip RSTn, predictors reset as at the start.
      bitCount = 0;
      if (hitMarker || data[pos] === 0xff) {
        while (pos < data.length && data[pos] === 0xff) pos++;
        pos++;
        hitMarker = false;
      }
      firstRowOfInterval = Math.floor(p / width);
    }
    const x = p % width;
    const y = Math.floor(p / width);
    for (let c = 0; c < ns; c++) {
      const comp = index[c]!;
      const at = p * nf + comp;
      let prediction: number;
      const restartStart = restartInterval > 0 && p % restartInterval === 0;
      if (restartStart || (y === firstRowOfInterval && x === 0)) prediction = initial;
      else if (y === firstRowOfInterval) prediction = out[at - nf]!;
      else if (x === 0) prediction = out[at - width * nf]!;
      else {
        const ra = out[at - nf]!;
        const rb = out[at - width * nf]!;
        const rc = out[at - width * nf - nf]!;
        switch (predictor) {
          case 1: prediction = ra; break;
          case 2: prediction = rb; break;
          case 3: prediction = rc; break;
          case 4: prediction = ra + rb - rc; break;
          case 5: prediction = ra + ((rb - rc) >> 1); break;
          case 6: prediction = rb + ((ra - rc) >> 1); break;
          case 7: prediction = (ra + rb) >> 1; break;
          default: prediction = ra;
        }
      }
      const ssss = decodeSymbol(tables[c]!);
      let diff: number;
      if (ssss === 0) diff = 0;
      else if (ssss === 16) diff = 32768;
      else {
        diff = receive(ssss);
        if (diff < 1 << (ssss - 1)) diff -= (1 << ssss) - 1;
      }
      out[at] = (prediction + diff) & mask;
    }
  }
  if (pt > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i]! << pt) & mask;
  // Continue after the entropy-coded data: find the next marker.
  while (pos < data.length - 1 && !(data[pos] === 0xff && data[pos + 1] !== 0 && !(data[pos + 1]! >= 0xd0 && data[pos + 1]! <= 0xd7))) pos++;
  return pos;
}
