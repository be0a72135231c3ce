/**
 * From pixels to the tensor an image model reads, as pure functions (tested
 * with known pixels): a DICOM frame windowed to 8 bits as a viewer shows it,
 * a resize with an antialiasing filter, then channels, scaling, mean/std
 * normalisation and layout as the model's manifest says.
 */
import type { ImageInputSpec } from './manifest';

/** An 8-bit image, rows top to bottom, channels interleaved (grey or RGB). */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
}

/** What windowing needs of a decoded DICOM frame (electron/imaging/decode.ts). */
export interface FramePixels {
  readonly rows: number;
  readonly columns: number;
  readonly samplesPerPixel: 1 | 3;
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB';
  readonly pixels: Uint8Array | Uint16Array | Int16Array;
  readonly slope: number;
  readonly intercept: number;
  readonly windowCenter: number | null;
  readonly windowWidth: number | null;
}

export interface Window {
  readonly center: number;
  readonly width: number;
  /** file: the frame's own Window Center/Width; range: its minimum to maximum (no window in the file). */
  readonly source: 'file' | 'range';
}

/**
 * A frame as the clinician sees it by default, in 8 bits: greyscale through
 * the modality rescale and the file's window (or, without one, the frame's
 * full range), MONOCHROME1 inverted so that bone is white; RGB as it is.
 * The DICOM linear window function (PS3.3 C.11.2.1.2.1).
 */
export function windowFrame(frame: FramePixels): { raster: Raster; window: Window | null } {
  const n = frame.rows * frame.columns;
  if (frame.samplesPerPixel === 3) {
    return { raster: { width: frame.columns, height: frame.rows, channels: 3, data: Uint8Array.from(frame.pixels.subarray(0, n * 3)) }, window: null };
  }
  const { slope, intercept, pixels } = frame;
  // Stored values are integers (8 or 16 bit): window each distinct value once, through a lookup table.
  let storedMin = Infinity;
  let storedMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = pixels[i]!;
    if (v < storedMin) storedMin = v;
    if (v > storedMax) storedMax = v;
  }
  let window: Window;
  if (frame.windowCenter !== null && frame.windowWidth !== null && frame.windowWidth >= 1) {
    window = { center: frame.windowCenter, width: frame.windowWidth, source: 'file' };
  } else {
    const a = storedMin * slope + intercept;
    const b = storedMax * slope + intercept;
    const width = Math.max(1, Math.abs(b - a) + 1);
    window = { center: Math.min(a, b) + width / 2, width, source: 'range' };
  }
  const low = window.center - 0.5 - (window.width - 1) / 2;
  const high = window.center - 0.5 + (window.width - 1) / 2;
  const invert = frame.photometric === 'MONOCHROME1';
  const lut = new Uint8Array(storedMax - storedMin + 1);
  for (let stored = storedMin; stored <= storedMax; stored++) {
    const x = stored * slope + intercept;
    const y = x <= low ? 0 : x > high ? 255 : window.width <= 1 ? 255 : Math.round(((x - (window.center - 0.5)) / (window.width - 1) + 0.5) * 255);
    lut[stored - storedMin] = invert ? 255 - y : y;
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = lut[pixels[i]! - storedMin]!;
  return { raster: { width: frame.columns, height: frame.rows, channels: 1, data: out }, window };
}

/** A region of the source image, in pixels (may be fractional). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The part of the image a resize reads: all of it (stretch), or the centred region with the output's aspect ratio (center-crop). */
export function sourceBox(width: number, height: number, outWidth: number, outHeight: number, mode: ImageInputSpec['resize']): Box {
  if (mode === 'stretch') return { x: 0, y: 0, width, height };
  const scale = Math.min(width / outWidth, height / outHeight);
  const w = outWidth * scale;
  const h = outHeight * scale;
  return { x: (width - w) / 2, y: (height - h) / 2, width: w, height: h };
}

interface Taps {
  readonly start: Int32Array;
  readonly count: Int32Array;
  readonly weights: Float64Array;
  readonly stride: number;
}

/**
 * Filter taps of a triangle (bilinear) filter whose support grows with the
 * reduction, as Pillow's BILINEAR resize does: every source pixel in the box
 * contributes, so a 2,500-pixel X-ray reduced to 64 is averaged, not sampled
 * (sampling would alias fine lines and noise into the model's input).
 */
function taps(inSize: number, boxStart: number, boxSize: number, outSize: number): Taps {
  const scale = boxSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = filterScale;
  const stride = Math.ceil(support) * 2 + 2;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float64Array(outSize * stride);
  for (let i = 0; i < outSize; i++) {
    const center = boxStart + (i + 0.5) * scale;
    const lo = Math.max(0, Math.floor(center - support + 0.5));
    const hi = Math.min(inSize, Math.ceil(center + support + 0.5));
    let total = 0;
    let k = 0;
    for (let x = lo; x < hi && k < stride; x++, k++) {
      const w = Math.max(0, 1 - Math.abs((x - center + 0.5) / filterScale));
      weights[i * stride + k] = w;
      total += w;
    }
    if (total === 0) {
      // The box is narrower than a pixel here: take the nearest pixel.
      weights[i * stride] = 1;
      start[i] = Math.min(inSize - 1, Math.max(0, Math.floor(center)));
      count[i] = 1;
      continue;
    }
    for (let j = 0; j < k; j++) weights[i * stride + j] = weights[i * stride + j]! / total;
    start[i] = lo;
    count[i] = k;
  }
  return { start, count, weights, stride };
}

/**
 * Resizes (a box of) an 8-bit image to outWidth x outHeight, separably
 * (rows, then columns), keeping fractional values: the result is floats in
 * 0-255, interleaved, not rounded back to 8 bits.
 */
export function resample(image: Raster, outWidth: number, outHeight: number, box: Box = { x: 0, y: 0, width: image.width, height: image.height }): Float32Array {
  const c = image.channels;
  const h = taps(image.width, box.x, box.width, outWidth);
  const v = taps(image.height, box.y, box.height, outHeight);
  // Only the rows the vertical pass reads are filtered horizontally.
  const firstRow = v.start[0]!;
  const lastRow = v.start[outHeight - 1]! + v.count[outHeight - 1]!;
  const rows = lastRow - firstRow;
  const temp = new Float64Array(rows * outWidth * c);
  for (let y = 0; y < rows; y++) {
    const src = (firstRow + y) * image.width * c;
    for (let x = 0; x < outWidth; x++) {
      const s = h.start[x]!;
      const n = h.count[x]!;
      for (let ch = 0; ch < c; ch++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += image.data[src + (s + k) * c + ch]! * h.weights[x * h.stride + k]!;
        temp[(y * outWidth + x) * c + ch] = sum;
      }
    }
  }
  const out = new Float32Array(outWidth * outHeight * c);
  for (let y = 0; y < outHeight; y++) {
    const s = v.start[y]! - firstRow;
    const n = v.count[y]!;
    for (let x = 0; x < outWidth; x++) {
      for (let ch = 0; ch < c; ch++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += temp[((s + k) * outWidth + x) * c + ch]! * v.weights[y * v.stride + k]!;
        out[(y * outWidth + x) * c + ch] = Math.min(255, Math.max(0, sum));
      }
    }
  }
  return out;
}

/**
 * Interleaved 0-255 pixels (1 or 3 channels) to the model's tensor: grey
 * replicated to three channels (or RGB to grey, ITU-R BT.601 luma), channel
 * order, value range, (v - mean) / std per channel, NCHW or NHWC.
 */
export function toTensor(pixels: Float32Array, channelsIn: 1 | 3, spec: ImageInputSpec): Float32Array {
  const { width, height, channels } = spec;
  const n = width * height;
  if (pixels.length !== n * channelsIn) throw new Error(`toTensor: ${pixels.length} values for ${width} x ${height} x ${channelsIn}`);
  const scale = spec.valueRange === '0-1' ? 1 / 255 : 1;
  const out = new Float32Array(n * channels);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < channels; c++) {
      // The model's channel c holds this source channel (BGR models read blue first).
      const source = channels === 1 ? -1 : spec.channelOrder === 'BGR' ? 2 - c : c;
      let value: number;
      if (channelsIn === 1) value = pixels[i]!;
      else if (source === -1) value = 0.299 * pixels[i * 3]! + 0.587 * pixels[i * 3 + 1]! + 0.114 * pixels[i * 3 + 2]!;
      else value = pixels[i * 3 + source]!;
      const normalised = (value * scale - spec.mean[c]!) / spec.std[c]!;
      out[spec.layout === 'NCHW' ? c * n + i : i * channels + c] = normalised;
    }
  }
  return out;
}

/** The whole path: resize with the manifest's mode, then the tensor and its dimensions. */
export function preprocess(image: Raster, spec: ImageInputSpec): { data: Float32Array; dims: [number, number, number, number] } {
  const box = sourceBox(image.width, image.height, spec.width, spec.height, spec.resize);
  const resized = resample(image, spec.width, spec.height, box);
  const data = toTensor(resized, image.channels, spec);
  const dims: [number, number, number, number] = spec.layout === 'NCHW' ? [1, spec.channels, spec.height, spec.width] : [1, spec.height, spec.width, spec.channels];
  return { data, dims };
}
