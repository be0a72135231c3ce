import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import dicomParser from 'dicom-parser';
import { MAX_DECODED_FRAME_BYTES } from './dicom-header';
import { ImagingError } from './imaging-error';
import { decodeJpegExtended } from './jpeg-extended';
import { decodeJpegLossless } from './jpeg-lossless';
import { asPart10, hasPart10Marker } from './part10';
import { greyPreview, pixelRange, type FramePreview } from './preview';

/**
 * Pixel decoding in the core, for every transfer syntax the import accepts:
 * native (little and big endian, deflated), RLE, JPEG lossless and 12-bit
 * JPEG extended (our own decoders), and, through the Cornerstone WASM codecs run under Node,
 * JPEG baseline (libjpeg-turbo), JPEG-LS (CharLS) and JPEG 2000 (OpenJPEG).
 *
 * Why here and not in the page: the codecs are Emscripten builds with embind,
 * which compiles glue with `new Function` (needing 'unsafe-eval', not only
 * 'wasm-unsafe-eval'), and the WADO image loader decodes in a blob: worker.
 * Decoding in the core keeps the renderer's CSP as strict as it was, needs no
 * fetch of .wasm files from file:// in Electron, and is tested under Node.
 * The viewer receives plain pixels (greyscale or RGB) through the contract.
 */

export interface DecodedFrame {
  readonly frame: number;
  readonly frames: number;
  readonly rows: number;
  readonly columns: number;
  /** 1 (greyscale) or 3 (RGB, interleaved, 8 bit). */
  readonly samplesPerPixel: 1 | 3;
  readonly bitsAllocated: 8 | 16;
  readonly signed: boolean;
  /** MONOCHROME1, MONOCHROME2 or RGB (palette and YBR are converted). */
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB';
  readonly pixels: Uint8Array | Uint16Array | Int16Array;
  readonly minPixelValue: number;
  readonly maxPixelValue: number;
  readonly slope: number;
  readonly intercept: number;
  readonly windowCenter: number | null;
  readonly windowWidth: number | null;
  /** Which decoder ran, for the overlay and the bench. */
  readonly decoder: string;
  /** A reduced copy for the viewer to draw first, when DecodeOptions.preview asked for one and it is smaller. */
  readonly preview: FramePreview | null;
}

const require = createRequire(import.meta.url);

interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean };
  getDecodedBuffer(): Uint8Array;
  /** CharLS only: 0 (none: the colour planes one after another), 1 (line) or 2 (sample); CharLS returns mode 0 as planes. */
  getInterleaveMode?(): number;
  delete(): void;
}
type CodecModule = Record<string, new () => WasmDecoder>;

const codecs = new Map<string, Promise<CodecModule>>();

/** One Emscripten module per codec, instantiated once; the .wasm is read from node_modules (offline). */
function codec(pkg: string): Promise<CodecModule> {
  let m = codecs.get(pkg);
  if (!m) {
    const factory = require(`${pkg}/wasmjs`) as (options?: object) => Promise<CodecModule>;
    m = factory({ print: () => undefined, printErr: () => undefined });
    codecs.set(pkg, m);
  }
  return m;
}

async function runWasm(pkg: string, cls: string, data: Uint8Array) {
  const mod = await codec(pkg);
  const decoder = new mod[cls]!();
  try {
    decoder.getEncodedBuffer(data.length).set(data);
    decoder.decode();
    const info = decoder.getFrameInfo();
    const decoded = decoder.getDecodedBuffer();
    return { info, planes: decoder.getInterleaveMode?.() === 0, bytes: new Uint8Array(decoded) };
  } finally {
    decoder.delete();
  }
}

const NATIVE_LE = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.1.99']);
const BIG_ENDIAN = '1.2.840.10008.1.2.2';
const DEFLATED = '1.2.840.10008.1.2.1.99';
const RLE = '1.2.840.10008.1.2.5';
const JPEG_BASELINE = new Set(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51']);
const JPEG_LOSSLESS = new Set(['1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70']);
const JPEG_LS = new Set(['1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81']);
const JPEG_2000 = new Set(['1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91']);

function parseDataSet(bytes: Uint8Array): dicomParser.DataSet {
  try {
    return dicomParser.parseDicom(bytes, {
      inflater: (arr: Uint8Array, position: number) => {
        const inflated = inflateRawSync(arr.subarray(position));
        const out = new Uint8Array(position + inflated.length);
        out.set(arr.subarray(0, position));
        out.set(inflated, position);
        return out;
      },
    } as dicomParser.ParseDicomOptions);
  } catch (error) {
    const reason = typeof error === 'string' ? error : ((error as { exception?: string } | null)?.exception ?? (error as Error)?.message ?? 'unreadable');
    throw new ImagingError('invalid-input', `the image data is truncated or corrupt (${reason})`);
  }
}

export interface DecodeOptions {
  /** The canvas (device pixels) a greyscale frame will be fitted to: a reduced preview for it comes along (preview.ts). */
  readonly preview?: { readonly width: number; readonly height: number };
}

/**
 * Decode one frame (0-based) of a DICOM Part 10 file to displayable pixels. Uncompressed little
 * endian pixels are a view into `bytes` where they are aligned (no copy): copy them to keep them.
 */
export async function decodeFrame(bytes: Uint8Array, frame = 0, options: DecodeOptions = {}): Promise<DecodedFrame> {
  const ds = parseDataSet(hasPart10Marker(bytes) ? bytes : asPart10('the image', bytes));
  const syntax = (ds.string('x00020010') ?? '1.2.840.10008.1.2').replace(/\0/g, '').trim();
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const spp = ds.uint16('x00280002') ?? 1;
  const bitsAllocated = ds.uint16('x00280100') ?? 16;
  const bitsStored = ds.uint16('x00280101') ?? bitsAllocated;
  const signedRaw = ds.uint16('x00280103') === 1;
  const planar = ds.uint16('x00280006') === 1;
  const photometricIn = (ds.string('x00280004') ?? (spp === 3 ? 'RGB' : 'MONOCHROME2')).trim();
  const frames = Math.max(1, Number.parseInt(ds.string('x00280008') ?? '1', 10) || 1);
  if (rows === 0 || columns === 0) throw new ImagingError('invalid-input', 'the image has no rows or columns');
  if (frame < 0 || frame >= frames) throw new ImagingError('not-found', `frame ${frame + 1} of ${frames} does not exist`);
  if (spp !== 1 && spp !== 3) throw new ImagingError('unsupported', `${spp} samples per pixel are not supported`);
  if (bitsAllocated !== 8 && bitsAllocated !== 16 && bitsAllocated !== 1) throw new ImagingError('unsupported', `${bitsAllocated} bits allocated are not supported`);
  const outBytes = rows * columns * (spp === 3 || photometricIn === 'PALETTE COLOR' ? 3 : bitsAllocated === 16 ? 2 : 1);
  if (outBytes > MAX_DECODED_FRAME_BYTES) throw new ImagingError('too-large', `the image (${columns} x ${rows}) is too large to display`);
  const pixelElement = ds.elements['x7fe00010'];
  if (!pixelElement) throw new ImagingError('invalid-input', 'the file has no pixel data');

  let samples: Uint8Array | Uint16Array | Int16Array;
  // The output's sample width: what the greyscale values need, 8 for RGB.
  let bits: 8 | 16;
  let signed = signedRaw;
  let components = spp;
  let decoder: string;
  let interleaved = !planar;
  let alreadyRgb = false;
  // The bits that carry a value: Bits Stored, or a JPEG 2000 codestream's own precision where it is larger (a lossy
  // stream may be coded at 16 bits under a 12-bit header, and its values use them, as GDCM reads it; OpenJPEG returns
  // values, not bit patterns). JPEG-LS streams of signed images hold bit patterns, whatever precision they declare.
  let valueBits = bitsStored;

  if (NATIVE_LE.has(syntax) || syntax === BIG_ENDIAN) {
    decoder = syntax === DEFLATED ? 'native (deflated)' : syntax === BIG_ENDIAN ? 'native (big endian)' : 'native';
    const base = ds.byteArray;
    if (bitsAllocated === 1) {
      const frameBits = rows * columns;
      const out = new Uint8Array(frameBits);
      const bitStart = frame * frameBits;
      for (let i = 0; i < frameBits; i++) {
        const b = bitStart + i;
        out[i] = (base[pixelElement.dataOffset + (b >> 3)]! >> (b & 7)) & 1;
      }
      samples = out;
    } else {
      const frameBytes = rows * columns * spp * (bitsAllocated / 8);
      const start = pixelElement.dataOffset + frame * frameBytes;
      if (start + frameBytes > base.length) throw new ImagingError('invalid-input', 'the pixel data is truncated');
      // Little endian and aligned: a view, no copy (10 MB for a large X-ray); big endian is swapped in a copy.
      const inPlace = syntax !== BIG_ENDIAN && (bitsAllocated !== 16 || (base.byteOffset + start) % 2 === 0);
      const data = inPlace ? base.subarray(start, start + frameBytes) : base.slice(start, start + frameBytes);
      if (bitsAllocated === 16) {
        if (syntax === BIG_ENDIAN) for (let i = 0; i + 1 < data.length; i += 2) [data[i], data[i + 1]] = [data[i + 1]!, data[i]!];
        samples = signed ? new Int16Array(data.buffer, data.byteOffset, data.length / 2) : new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
      } else samples = data;
    }
  } else {
    const fragment = encapsulatedFrame(ds, pixelElement, frame, frames, syntax);
    if (syntax === RLE) {
      decoder = 'RLE';
      samples = decodeRle(fragment, rows, columns, spp, bitsAllocated, signed);
      interleaved = true;
    } else if (JPEG_BASELINE.has(syntax) && bitsStored > 8) {
      // 12-bit JPEG extended (process 4): our decoder, with IJG's integer inverse DCT as DCMTK decodes it.
      decoder = 'JPEG extended 12-bit';
      const img = wrap(() => decodeJpegExtended(fragment, { width: columns, height: rows }));
      samples = signed ? new Int16Array(img.samples.buffer) : img.samples;
    } else if (JPEG_LOSSLESS.has(syntax)) {
      decoder = 'JPEG lossless';
      const img = wrap(() => decodeJpegLossless(fragment));
      if (img.width !== columns || img.height !== rows) throw new ImagingError('invalid-input', `the JPEG stream is ${img.width} x ${img.height}, the header says ${columns} x ${rows}`);
      if (bitsAllocated === 8 || img.components === 3) samples = Uint8Array.from(img.samples);
      else samples = signed ? new Int16Array(img.samples.buffer) : img.samples;
      components = img.components;
      interleaved = true;
    } else {
      const [pkg, cls, name] = JPEG_BASELINE.has(syntax)
        ? ['@cornerstonejs/codec-libjpeg-turbo-8bit', 'JPEGDecoder', 'JPEG baseline (libjpeg-turbo)']
        : JPEG_LS.has(syntax)
          ? ['@cornerstonejs/codec-charls', 'JpegLSDecoder', 'JPEG-LS (CharLS)']
          : JPEG_2000.has(syntax)
            ? ['@cornerstonejs/codec-openjpeg', 'J2KDecoder', 'JPEG 2000 (OpenJPEG)']
            : [null, null, null];
      if (!pkg || !cls || !name) throw new ImagingError('unsupported', `transfer syntax ${syntax} cannot be decoded`);
      decoder = name;
      const { info, planes, bytes: decoded } = await wrapAsync(() => runWasm(pkg, cls, fragment));
      if (info.width !== columns || info.height !== rows) throw new ImagingError('invalid-input', `the codestream is ${info.width} x ${info.height}, the header says ${columns} x ${rows}`);
      components = info.componentCount;
      if (JPEG_2000.has(syntax)) valueBits = Math.max(bitsStored, info.bitsPerSample);
      if (info.bitsPerSample > 8) {
        signed = info.isSigned || signedRaw;
        samples = signed ? new Int16Array(decoded.buffer, 0, decoded.length >> 1) : new Uint16Array(decoded.buffer, 0, decoded.length >> 1);
      } else samples = decoded;
      // JPEG-LS interleave mode 0 (none) holds each colour in a scan of its own, and CharLS returns them as planes.
      interleaved = !planes;
      // The codecs apply the colour transform (YBR_FULL_422, YBR_RCT, YBR_ICT) themselves.
      alreadyRgb = components === 3;
    }
  }

  let photometric: DecodedFrame['photometric'];
  let pixels: Uint8Array | Uint16Array | Int16Array;
  if (photometricIn === 'PALETTE COLOR') {
    pixels = applyPalette(ds, samples, rows * columns);
    photometric = 'RGB';
    bits = 8;
    signed = false;
  } else if (components === 3) {
    let rgb = samples instanceof Uint8Array ? samples : Uint8Array.from(samples, (v) => v >> 8);
    if (!interleaved) rgb = planarToInterleaved(rgb, rows * columns);
    if (!alreadyRgb && photometricIn.startsWith('YBR_FULL')) rgb = ybrFullToRgb(rgb);
    pixels = rgb;
    photometric = 'RGB';
    bits = 8;
    signed = false;
  } else {
    pixels = storedValues(samples, valueBits, signed);
    bits = pixels instanceof Uint8Array ? 8 : 16;
    photometric = photometricIn === 'MONOCHROME1' ? 'MONOCHROME1' : 'MONOCHROME2';
  }

  // Greyscale: the range, and the preview when one is asked for, in one pass over the pixels.
  let preview: FramePreview | null = null;
  let range = { min: 0, max: 255 };
  if (photometric !== 'RGB') {
    const reduced = options.preview ? greyPreview(pixels, rows, columns, options.preview.width, options.preview.height) : null;
    preview = reduced?.preview ?? null;
    range = reduced ?? pixelRange(pixels);
  }
  const { min, max } = range;
  return {
    frame,
    frames,
    rows,
    columns,
    samplesPerPixel: photometric === 'RGB' ? 3 : 1,
    bitsAllocated: bits,
    signed,
    photometric,
    pixels,
    minPixelValue: min,
    maxPixelValue: max,
    preview,
    slope: ds.floatString('x00281053') ?? 1,
    intercept: ds.floatString('x00281052') ?? 0,
    windowCenter: finite(ds.floatString('x00281050')),
    windowWidth: finite(ds.floatString('x00281051')),
    decoder,
  };
}

function finite(v: number | undefined): number | null {
  return v === undefined || !Number.isFinite(v) ? null : v;
}

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ImagingError) throw error;
    throw new ImagingError('invalid-input', `the compressed image data is corrupt (${describe(error)})`);
  }
}

async function wrapAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ImagingError) throw error;
    throw new ImagingError('invalid-input', `the compressed image data is corrupt (${describe(error)})`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0]!;
  if (typeof error === 'string') return error;
  if (typeof error === 'number') return `codec error ${error}`;
  return 'codec failure';
}

/**
 * The bytes of one encapsulated frame. With a Basic Offset Table, by it; without one,
 * one fragment per frame when the counts agree, all fragments for a single frame, or
 * (JPEG family) split at the JPEG markers. readEncapsulatedImageFrame throws on an empty table.
 */
function encapsulatedFrame(ds: dicomParser.DataSet, el: dicomParser.Element, frame: number, frames: number, syntax: string): Uint8Array {
  const fragments = el.fragments ?? [];
  if (fragments.length === 0) throw new ImagingError('invalid-input', 'the compressed pixel data has no fragments');
  try {
    if ((el.basicOffsetTable?.length ?? 0) > 0) return dicomParser.readEncapsulatedImageFrame(ds, el, frame);
    if (frames === 1) return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, fragments.length);
    if (fragments.length === frames) return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, frame, 1);
    if (syntax !== RLE) {
      const table = dicomParser.createJPEGBasicOffsetTable(ds, el);
      return dicomParser.readEncapsulatedImageFrame(ds, el, frame, table);
    }
  } catch (error) {
    throw new ImagingError('invalid-input', `frame ${frame + 1} cannot be read from the compressed data (${describe(error)})`);
  }
  throw new ImagingError('invalid-input', `the RLE data has ${fragments.length} fragments for ${frames} frames`);
}

/** DICOM RLE (PS3.5 annex G): one PackBits segment per byte plane, most significant byte first. */
export function decodeRle(data: Uint8Array, rows: number, columns: number, spp: number, bitsAllocated: number, signed: boolean): Uint8Array | Uint16Array | Int16Array {
  if (data.length < 64) throw new ImagingError('invalid-input', 'the RLE header is truncated');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const segments = view.getUint32(0, true);
  const bytesPerSample = bitsAllocated / 8;
  if (segments !== spp * bytesPerSample) throw new ImagingError('invalid-input', `the RLE data has ${segments} segments, expected ${spp * bytesPerSample}`);
  const pixels = rows * columns;
  const out = new Uint8Array(pixels * spp * bytesPerSample);
  for (let s = 0; s < segments; s++) {
    const start = view.getUint32(4 + s * 4, true);
    const end = s + 1 < segments ? view.getUint32(8 + s * 4, true) : data.length;
    const sample = Math.floor(s / bytesPerSample);
    const byteInSample = s % bytesPerSample;
    // Little endian output: the most significant byte (segment 0 of a sample) goes last.
    const offset = sample * bytesPerSample + (bytesPerSample - 1 - byteInSample);
    const stride = spp * bytesPerSample;
    let p = start;
    let i = 0;
    while (p < end && i < pixels) {
      const n = (data[p++]! << 24) >> 24;
      if (n >= 0) {
        for (let k = 0; k <= n && i < pixels && p < end; k++) out[offset + stride * i++] = data[p++]!;
      } else if (n !== -128) {
        const v = data[p++]!;
        for (let k = 0; k < 1 - n && i < pixels; k++) out[offset + stride * i++] = v;
      }
    }
  }
  if (bitsAllocated === 8) return out;
  return signed ? new Int16Array(out.buffer) : new Uint16Array(out.buffer);
}

function applyPalette(ds: dicomParser.DataSet, samples: Uint8Array | Uint16Array | Int16Array, n: number): Uint8Array {
  const out = new Uint8Array(n * 3);
  const luts = [0x1201, 0x1202, 0x1203].map((tag, c) => {
    const descTag = `x0028${(0x1101 + c).toString(16)}`;
    const entries = ds.uint16(descTag, 0) || 65536;
    const first = ds.uint16(descTag, 1) ?? 0;
    const bits = ds.uint16(descTag, 2) ?? 16;
    const el = ds.elements[`x0028${tag.toString(16)}`];
    if (!el) throw new ImagingError('invalid-input', 'PALETTE COLOR image without its lookup tables');
    const data = new Uint8Array(entries);
    const b = ds.byteArray;
    for (let i = 0; i < entries; i++) {
      if (bits === 8 && el.length === entries) data[i] = b[el.dataOffset + i]!;
      else {
        const v = b[el.dataOffset + i * 2]! | (b[el.dataOffset + i * 2 + 1]! << 8);
        data[i] = bits === 8 ? v & 0xff : v >> 8;
      }
    }
    return { data, first, entries };
  });
  for (let i = 0; i < n; i++) {
    const v = samples[i]!;
    for (let c = 0; c < 3; c++) {
      const lut = luts[c]!;
      const idx = Math.min(lut.entries - 1, Math.max(0, v - lut.first));
      out[i * 3 + c] = lut.data[idx]!;
    }
  }
  return out;
}

function planarToInterleaved(planar: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = planar[i]!;
    out[i * 3 + 1] = planar[n + i]!;
    out[i * 3 + 2] = planar[2 * n + i]!;
  }
  return out;
}

/**
 * YBR_FULL to RGB (PS3.3 C.7.6.3.1.2) with DCMTK's arithmetic for 8-bit samples (dcmimage's
 * YBR pixel template: coefficients to four places, each table entry truncated toward zero), so
 * that the viewer shows the very pixels DCMTK shows; rounding instead would move a third of
 * them by 1 or 2.
 */
function ybrFullToRgb(ybr: Uint8Array): Uint8Array {
  const { rCr, gCb, gCr, bCb } = ybrTables();
  const out = new Uint8Array(ybr.length);
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);
  for (let i = 0; i < ybr.length; i += 3) {
    const y = ybr[i]!;
    const cb = ybr[i + 1]!;
    const cr = ybr[i + 2]!;
    out[i] = clamp(y + rCr[cr]!);
    out[i + 1] = clamp(y - gCb[cb]! - gCr[cr]!);
    out[i + 2] = clamp(y + bCb[cb]!);
  }
  return out;
}

let tables: { rCr: Int16Array; gCb: Int16Array; gCr: Int16Array; bCb: Int16Array } | null = null;
function ybrTables() {
  if (!tables) {
    tables = { rCr: new Int16Array(256), gCb: new Int16Array(256), gCr: new Int16Array(256), bCb: new Int16Array(256) };
    for (let l = 0; l < 256; l++) {
      tables.rCr[l] = Math.trunc(1.402 * l - 0.701 * 255);
      tables.gCb[l] = Math.trunc(0.3441 * l);
      tables.gCr[l] = Math.trunc(0.7141 * l - 0.5291 * 255);
      tables.bCb[l] = Math.trunc(1.772 * l - 0.8859 * 255);
    }
  }
  return tables;
}

/**
 * The values greyscale samples stand for, as DCMTK reads them: only the Bits Stored low bits
 * count (the bits above may hold overlays or anything), sign-extended where Pixel Representation
 * says signed (a 12-bit -1 is stored 0x0FFF or 0xFFFF; both are -1). Signed 8-bit samples widen
 * to 16 bits. Returns the samples themselves when no value changes (the usual case: no copy).
 */
export function storedValues(samples: Uint8Array | Uint16Array | Int16Array, bitsStored: number, signed: boolean): Uint8Array | Uint16Array | Int16Array {
  const width = samples instanceof Uint8Array ? 8 : 16;
  const stored = Number.isInteger(bitsStored) && bitsStored >= 1 && bitsStored <= width ? bitsStored : width;
  const mask = 2 ** stored - 1;
  const sign = 2 ** (stored - 1);
  const value = signed ? (v: number) => ((v & mask) ^ sign) - sign : (v: number) => v & mask;
  // The same kind of array out as in (signed 16-bit, unsigned 8 or 16): a copy is needed only where a value changes.
  const sameKind = signed ? samples instanceof Int16Array : !(samples instanceof Int16Array);
  if (sameKind) {
    let i = 0;
    while (i < samples.length && value(samples[i]!) === samples[i]) i++;
    if (i === samples.length) return samples;
  }
  const out = signed ? new Int16Array(samples.length) : width === 8 ? new Uint8Array(samples.length) : new Uint16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = value(samples[i]!);
  return out;
}
