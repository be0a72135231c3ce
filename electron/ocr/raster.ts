import { createCanvas, loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import { OcrError } from './errors';
import { encodePng } from './png-encode';

/** Pages larger than this are refused before decoding (about 600 dpi A3). */
export const MAX_PIXELS = 80_000_000;
/** Longer side above this is scaled down before OCR: more pixels add time, not accuracy. */
export const MAX_SIDE = 4000;

/** Width and height from the header, without decoding the pixels. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
      }
      i += 2 + length;
    }
  }
  return null;
}

export async function decode(bytes: Buffer, label: string): Promise<Image> {
  const size = imageSize(bytes);
  // @napi-rs/canvas ends the whole process on some malformed files (a PNG
  // without a valid IHDR): only images whose header reads are decoded.
  if (!size || size.width === 0 || size.height === 0) throw new OcrError('corrupt', `${label}: not a readable image`);
  if (size.width * size.height > MAX_PIXELS) {
    throw new OcrError('too-large', `${label}: the image is ${size.width}x${size.height} pixels; scan at 300 dpi or less`);
  }
  try {
    return await loadImage(bytes);
  } catch {
    throw new OcrError('corrupt', `${label}: not a readable image`);
  }
}

/**
 * The skew of a page of text, in degrees, by projection profiles: the angle
 * at which the rows of dark pixels are most sharply separated (text lines
 * and the gaps between them). Searched from -maxDegrees to +maxDegrees on a
 * reduced copy; the result is the rotation that straightens the page.
 */
export function estimateSkew(image: Image | Canvas, maxDegrees = 6): number {
  const scale = Math.min(1, 800 / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0, width, height);
  const data = ctx.getImageData(0, 0, width, height).data;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      if (data[i]! * 0.3 + data[i + 1]! * 0.59 + data[i + 2]! * 0.11 < 110) {
        xs.push(x - width / 2);
        ys.push(y - height / 2);
      }
    }
  }
  if (xs.length < 50) return 0;
  const score = (degrees: number): number => {
    const t = (degrees * Math.PI) / 180;
    const sin = Math.sin(t);
    const cos = Math.cos(t);
    const bins = new Float64Array(height * 2 + 4);
    for (let k = 0; k < xs.length; k += 1) {
      const row = Math.round(xs[k]! * sin + ys[k]! * cos + height);
      if (row >= 0 && row < bins.length) bins[row] = bins[row]! + 1;
    }
    let sum = 0;
    for (let r = 1; r < bins.length; r += 1) sum += (bins[r]! - bins[r - 1]!) ** 2;
    return sum;
  };
  let best = 0;
  let bestScore = score(0);
  for (const step of [0.5, 0.1]) {
    const centre = best;
    const span = step === 0.5 ? maxDegrees : 0.5;
    for (let d = centre - span; d <= centre + span + 1e-9; d += step) {
      const s = score(d);
      if (s > bestScore * 1.0001) {
        bestScore = s;
        best = d;
      }
    }
  }
  return Math.round(best * 10) / 10;
}

/** A page turned upright: the PNG kept for review, and the same pixels uncompressed for the recognizer. */
export interface TurnedPage {
  /** The page as stored and shown with its word boxes: grey PNG, or RGB where the page has colour. */
  png: Buffer;
  /**
   * The same pixels as PGM (grey) or PPM (RGB) for tesseract: Leptonica
   * reads these without decompressing, and they cost nothing to write.
   */
  pnm: Buffer;
  width: number;
  height: number;
}

/**
 * The image turned by `degrees` about its centre (canvas convention:
 * positive = clockwise), scaled, on white. Grey pages (every pixel with
 * equal red, green and blue, as scanners write them) are kept in one
 * channel; pages with colour keep all three. Lossless either way.
 */
export function turnPage(image: Image | Canvas, degrees: number, maxSide = MAX_SIDE): TurnedPage {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const quarter = Math.abs(Math.round(degrees / 90)) % 2 === 1;
  const w = Math.round((quarter ? image.height : image.width) * scale);
  const h = Math.round((quarter ? image.width : image.height) * scale);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.scale(scale, scale);
  ctx.drawImage(image, -image.width / 2, -image.height / 2);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  let grey = true;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) {
      grey = false;
      break;
    }
  }
  const channels = grey ? 1 : 3;
  const header = Buffer.from(`${grey ? 'P5' : 'P6'}\n${w} ${h}\n255\n`, 'latin1');
  const pnm = Buffer.alloc(header.length + w * h * channels);
  header.copy(pnm);
  const pixels = pnm.subarray(header.length);
  if (grey) {
    for (let p = 0, i = 0; p < pixels.length; p += 1, i += 4) pixels[p] = rgba[i]!;
  } else {
    for (let p = 0, i = 0; p < pixels.length; p += 3, i += 4) {
      pixels[p] = rgba[i]!;
      pixels[p + 1] = rgba[i + 1]!;
      pixels[p + 2] = rgba[i + 2]!;
    }
  }
  return { png: encodePng(pixels, w, h, channels), pnm, width: w, height: h };
}
