import { deflateSync } from 'node:zlib';

/**
 * A small TIFF writer for tests: no npm package here encodes TIFF (the `tiff`
 * package only decodes, @napi-rs/canvas neither), and the tests need
 * multi-page files in every layout scanners write. Pixels come in as RGBA
 * (from a canvas) and are stored as the page asks: 1-bit bilevel, 8- or
 * 16-bit grey, 8-bit RGB or 8-bit palette, black-is-zero or white-is-zero,
 * uncompressed, Deflate or PackBits, little- or big-endian. One strip per page.
 */
export interface TiffPageSpec {
  width: number;
  height: number;
  rgba: Uint8Array | Uint8ClampedArray;
  layout: 'bilevel' | 'grey8' | 'grey16' | 'rgb8' | 'palette8';
  /** PhotometricInterpretation 0 (white is zero) instead of 1; greys and bilevel only. */
  minIsWhite?: boolean;
  compression?: 'none' | 'deflate' | 'packbits';
  /** Written as the Compression tag without changing the data: a page no decoder can read as declared. */
  declareCompression?: number;
  /** NewSubfileType 1: a reduced-resolution copy (thumbnail) of another page. */
  thumbnail?: boolean;
}

const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

function grey(rgba: Uint8Array | Uint8ClampedArray, i: number): number {
  return Math.round(rgba[i * 4]! * 0.299 + rgba[i * 4 + 1]! * 0.587 + rgba[i * 4 + 2]! * 0.114);
}

/**
 * Palette pages use an inverted grey ramp (index i shows grey 255 - i), so a
 * decoder that ignores the colour map reads a negative and fails the test.
 */
function samples(page: TiffPageSpec, littleEndian: boolean): { data: Uint8Array; bits: number[]; photometric: number; colorMap?: number[] } {
  const n = page.width * page.height;
  const invert = page.minIsWhite === true;
  switch (page.layout) {
    case 'bilevel': {
      const stride = Math.ceil(page.width / 8);
      const data = new Uint8Array(stride * page.height);
      for (let y = 0; y < page.height; y += 1) {
        for (let x = 0; x < page.width; x += 1) {
          const white = grey(page.rgba, y * page.width + x) >= 128;
          const bit = white !== invert ? 1 : 0;
          if (bit) data[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
        }
      }
      return { data, bits: [1], photometric: invert ? 0 : 1 };
    }
    case 'grey8': {
      const data = new Uint8Array(n);
      for (let i = 0; i < n; i += 1) data[i] = invert ? 255 - grey(page.rgba, i) : grey(page.rgba, i);
      return { data, bits: [8], photometric: invert ? 0 : 1 };
    }
    case 'grey16': {
      const data = new Uint8Array(n * 2);
      const view = new DataView(data.buffer);
      for (let i = 0; i < n; i += 1) {
        const g = grey(page.rgba, i) * 257;
        view.setUint16(i * 2, invert ? 65535 - g : g, littleEndian);
      }
      return { data, bits: [16], photometric: invert ? 0 : 1 };
    }
    case 'rgb8': {
      const data = new Uint8Array(n * 3);
      for (let i = 0; i < n; i += 1) {
        data[i * 3] = page.rgba[i * 4]!;
        data[i * 3 + 1] = page.rgba[i * 4 + 1]!;
        data[i * 3 + 2] = page.rgba[i * 4 + 2]!;
      }
      return { data, bits: [8, 8, 8], photometric: 2 };
    }
    case 'palette8': {
      const data = new Uint8Array(n);
      for (let i = 0; i < n; i += 1) data[i] = 255 - grey(page.rgba, i);
      const ramp = Array.from({ length: 256 }, (_, i) => (255 - i) * 257);
      return { data, bits: [8], photometric: 3, colorMap: [...ramp, ...ramp, ...ramp] };
    }
  }
}

/** PackBits (Apple's run-length code, TIFF compression 32773), row by row as the standard asks. */
export function packBits(data: Uint8Array, rowBytes: number): Uint8Array {
  const out: number[] = [];
  for (let start = 0; start < data.length; start += rowBytes) {
    const row = data.subarray(start, Math.min(data.length, start + rowBytes));
    let i = 0;
    while (i < row.length) {
      let run = 1;
      while (i + run < row.length && run < 128 && row[i + run] === row[i]) run += 1;
      if (run >= 2) {
        out.push(257 - run, row[i]!);
        i += run;
        continue;
      }
      let literal = 1;
      while (i + literal < row.length && literal < 128 && !(i + literal + 1 < row.length && row[i + literal] === row[i + literal + 1])) literal += 1;
      out.push(literal - 1, ...row.subarray(i, i + literal));
      i += literal;
    }
  }
  return Uint8Array.from(out);
}

const COMPRESSION = { none: 1, deflate: 8, packbits: 32773 } as const;

/** The pages as one TIFF file, in order. */
export function writeTiff(pages: readonly TiffPageSpec[], options: { littleEndian?: boolean } = {}): Buffer {
  const le = options.littleEndian ?? true;
  const chunks: Uint8Array[] = [];
  let size = 8;
  const header = new DataView(new ArrayBuffer(8));
  header.setUint16(0, le ? 0x4949 : 0x4d4d);
  header.setUint16(2, 42, le);
  chunks.push(new Uint8Array(header.buffer));
  let previousNextField = 4;
  const patches: { at: number; value: number }[] = [];
  for (const page of pages) {
    const s = samples(page, le);
    const rowBytes = page.layout === 'bilevel' ? Math.ceil(page.width / 8) : s.data.length / page.height;
    const kind = page.compression ?? 'none';
    const strip = kind === 'deflate' ? new Uint8Array(deflateSync(s.data)) : kind === 'packbits' ? packBits(s.data, rowBytes) : s.data;
    const stripAt = size;
    chunks.push(strip);
    size += strip.length + (strip.length % 2);
    if (strip.length % 2) chunks.push(new Uint8Array(1));
    // Values too long for an entry go after the IFD.
    const entries: { tag: number; type: number; values: number[] }[] = [
      { tag: 254, type: LONG, values: [page.thumbnail ? 1 : 0] },
      { tag: 256, type: LONG, values: [page.width] },
      { tag: 257, type: LONG, values: [page.height] },
      { tag: 258, type: SHORT, values: s.bits },
      { tag: 259, type: SHORT, values: [page.declareCompression ?? COMPRESSION[kind]] },
      { tag: 262, type: SHORT, values: [s.photometric] },
      { tag: 273, type: LONG, values: [stripAt] },
      { tag: 277, type: SHORT, values: [s.bits.length] },
      { tag: 278, type: LONG, values: [page.height] },
      { tag: 279, type: LONG, values: [strip.length] },
      { tag: 282, type: RATIONAL, values: [300, 1] },
      { tag: 283, type: RATIONAL, values: [300, 1] },
      { tag: 296, type: SHORT, values: [2] },
      ...(s.colorMap ? [{ tag: 320, type: SHORT, values: s.colorMap }] : []),
    ];
    const ifdAt = size;
    const ifdSize = 2 + entries.length * 12 + 4;
    let extraAt = ifdAt + ifdSize;
    const ifd = new DataView(new ArrayBuffer(ifdSize));
    const extras: Uint8Array[] = [];
    ifd.setUint16(0, entries.length, le);
    entries.forEach((e, k) => {
      const at = 2 + k * 12;
      ifd.setUint16(at, e.tag, le);
      ifd.setUint16(at + 2, e.type, le);
      const count = e.type === RATIONAL ? e.values.length / 2 : e.values.length;
      ifd.setUint32(at + 4, count, le);
      const width = e.type === SHORT ? 2 : 4;
      const bytes = e.values.length * width;
      const target = bytes <= 4 ? new DataView(ifd.buffer, at + 8, 4) : new DataView(new ArrayBuffer(bytes + (bytes % 2)));
      e.values.forEach((v, j) => (width === 2 ? target.setUint16(j * 2, v, le) : target.setUint32(j * 4, v, le)));
      if (bytes > 4) {
        ifd.setUint32(at + 8, extraAt, le);
        extras.push(new Uint8Array(target.buffer));
        extraAt += target.byteLength;
      }
    });
    patches.push({ at: previousNextField, value: ifdAt });
    previousNextField = ifdAt + ifdSize - 4;
    chunks.push(new Uint8Array(ifd.buffer), ...extras);
    size = extraAt;
  }
  const file = Buffer.concat(chunks);
  for (const p of patches) (le ? file.writeUInt32LE.bind(file) : file.writeUInt32BE.bind(file))(p.value, p.at);
  return file;
}
