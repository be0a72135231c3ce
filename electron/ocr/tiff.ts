import { createCanvas, ImageData, type Canvas } from '@napi-rs/canvas';
import { decode, type TiffIfd } from 'tiff';
import { OcrError } from './errors';
import { MAX_PIXELS, MAX_SIDE } from './raster';

/**
 * Multi-page TIFF, decoded in JavaScript by `tiff` (image-js) one page at a
 * time. That decoder reads uncompressed, LZW and Deflate strips or tiles of
 * 1, 8 and 16 bits; it cannot read the CCITT fax codes (Group 3, Group 4),
 * PackBits or JPEG-in-TIFF. Such pages are named here, so the pipeline can
 * hand them to Leptonica (which reads only a file's first page) and say so.
 */

/** One page of the file (thumbnails skipped), as its header describes it. */
export interface TiffPageInfo {
  /** 1-based page number, thumbnails not counted. */
  page: number;
  /** The page's index among all of the file's IFDs, for decode({ pages }). */
  index: number;
  width: number;
  height: number;
  /** Why `tiff` cannot decode this page (e.g. "CCITT Group 4 fax compression"), or null. */
  unreadable: string | null;
}

const COMPRESSION_NAMES: Record<number, string> = {
  2: 'CCITT modified Huffman compression',
  3: 'CCITT Group 3 fax compression',
  4: 'CCITT Group 4 fax compression',
  6: 'old-style JPEG compression',
  7: 'JPEG compression',
  32773: 'PackBits compression',
  34712: 'JPEG 2000 compression',
};
/** None, LZW, Deflate (both tag values). */
const DECODABLE_COMPRESSION = new Set([1, 5, 8, 32946]);

/**
 * The chain of image directories, walked by hand before `tiff` sees the file:
 * that decoder follows next-IFD offsets without end, so a file whose chain
 * loops would hang it, and one with thousands of pages would be parsed whole.
 */
function countIfds(bytes: Uint8Array, label: string, limit: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const seen = new Set<number>();
  let offset = bytes.length >= 8 ? view.getUint32(4, le) : 0;
  if (offset === 0) throw new OcrError('corrupt', `${label}: not a readable TIFF (no pages in its header)`);
  while (offset !== 0) {
    if (seen.has(offset)) throw new OcrError('corrupt', `${label}: not a readable TIFF (its list of pages loops back on itself)`);
    seen.add(offset);
    if (offset + 2 > bytes.length) throw new OcrError('corrupt', `${label}: the TIFF is cut short (page ${seen.size} lies past the end of the file)`);
    const entries = view.getUint16(offset, le);
    const next = offset + 2 + entries * 12;
    if (next + 4 > bytes.length) throw new OcrError('corrupt', `${label}: the TIFF is cut short (page ${seen.size} lies past the end of the file)`);
    if (seen.size > limit) return seen.size;
    offset = view.getUint32(next, le);
  }
  return seen.size;
}

function unreadableBy(ifd: TiffIfd): string | null {
  if (!DECODABLE_COMPRESSION.has(ifd.compression)) return COMPRESSION_NAMES[ifd.compression] ?? `compression type ${ifd.compression}`;
  if (![0, 1, 2, 3].includes(ifd.type)) return `colour model ${ifd.type} (CMYK, YCbCr or Lab)`;
  if (![1, 8, 16].includes(ifd.bitsPerSample)) return `${ifd.bitsPerSample}-bit samples`;
  if (ifd.sampleFormat === 3) return 'floating-point samples';
  if (ifd.planarConfiguration !== 1 && ifd.samplesPerPixel > 1) return 'colour planes stored apart';
  if (ifd.orientation && ifd.orientation !== 1) return `orientation tag ${ifd.orientation}`;
  if (ifd.bitsPerSample === 1 && ifd.fillOrder !== 1) return 'reversed bit order';
  if (ifd.type === 3 && ifd.bitsPerSample !== 8) return `${ifd.bitsPerSample}-bit palette`;
  return null;
}

/**
 * The file's pages from their headers alone (no pixels decoded): refused
 * here when the file is damaged, has no page, more than maxPages, or a page
 * too large to decode in bounded memory.
 */
export function inspectTiff(bytes: Uint8Array, label: string, maxPages: number): TiffPageInfo[] {
  // Thumbnails may sit beside each page: allow for one per page before refusing.
  if (countIfds(bytes, label, maxPages * 2) > maxPages * 2) throw new OcrError('too-large', `${label}: more than ${maxPages} pages; import at most ${maxPages} at a time`);
  let ifds: TiffIfd[];
  try {
    ifds = decode(bytes, { ignoreImageData: true });
  } catch {
    throw new OcrError('corrupt', `${label}: not a readable TIFF (its page headers are damaged)`);
  }
  const pages: TiffPageInfo[] = [];
  ifds.forEach((ifd, index) => {
    // NewSubfileType bit 0: a reduced-resolution copy of another page.
    if (((ifd.newSubfileType ?? 0) & 1) === 1) return;
    const page = pages.length + 1;
    const width = ifd.width;
    const height = ifd.height;
    if (!(width > 0) || !(height > 0)) throw new OcrError('corrupt', `${label}: page ${page} of the TIFF has no width or height`);
    if (width * height > MAX_PIXELS) throw new OcrError('too-large', `${label}: page ${page} is ${width}x${height} pixels; scan at 300 dpi or less`);
    pages.push({ page, index, width, height, unreadable: unreadableBy(ifd) });
  });
  if (pages.length === 0) throw new OcrError('empty', `${label}: the TIFF has no pages`);
  if (pages.length > maxPages) throw new OcrError('too-large', `${label}: ${pages.length} pages; import at most ${maxPages} at a time`);
  return pages;
}

/** A sample's value on 0-255 whatever the bit depth (`tiff` has already turned white-is-zero round). */
function to255(bits: number): (v: number) => number {
  if (bits === 1) return (v) => (v ? 255 : 0);
  if (bits === 16) return (v) => v / 257;
  return (v) => v;
}

/**
 * One page as RGBA on white, the longer side scaled down to MAX_SIDE by
 * averaging (more pixels add OCR time, not accuracy), so a page in memory is
 * at most MAX_SIDE squared. Greys, RGB and palette pages; alpha over white.
 */
export function tiffRaster(bytes: Uint8Array, info: TiffPageInfo, label: string): Canvas {
  let ifd: TiffIfd | undefined;
  try {
    ifd = decode(bytes, { pages: [info.index] })[0];
  } catch {
    ifd = undefined;
  }
  if (!ifd || !ifd.data || ifd.data.length < info.width * info.height * ifd.samplesPerPixel) {
    throw new OcrError('corrupt', `${label}: page ${info.page} of the TIFF is damaged or cut short`);
  }
  const { width, height } = info;
  const data = ifd.data;
  const spp = ifd.samplesPerPixel;
  const level = to255(ifd.bitsPerSample);
  const palette = ifd.type === 3 ? ifd.palette : undefined;
  if (ifd.type === 3 && !palette) throw new OcrError('corrupt', `${label}: page ${info.page} of the TIFF is a palette image without its colour map`);
  const colour = ifd.type === 2 && spp >= 3;
  const alphaAt = ifd.alpha ? (colour ? 3 : 1) : -1;
  const rgb = new Float32Array(3);
  const pixel = (i: number): Float32Array => {
    const base = i * spp;
    if (palette) {
      const entry = palette[data[base]!] ?? [65535, 65535, 65535];
      rgb[0] = entry[0] / 257;
      rgb[1] = entry[1] / 257;
      rgb[2] = entry[2] / 257;
    } else if (colour) {
      rgb[0] = level(data[base]!);
      rgb[1] = level(data[base + 1]!);
      rgb[2] = level(data[base + 2]!);
    } else rgb[0] = rgb[1] = rgb[2] = level(data[base]!);
    if (alphaAt > 0) {
      const a = level(data[base + alphaAt]!) / 255;
      for (let k = 0; k < 3; k += 1) rgb[k] = rgb[k]! * a + 255 * (1 - a);
    }
    return rgb;
  };
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y += 1) {
    const y0 = Math.floor(y / scale);
    const y1 = Math.max(y0 + 1, Math.min(height, Math.floor((y + 1) / scale)));
    for (let x = 0; x < w; x += 1) {
      const x0 = Math.floor(x / scale);
      const x1 = Math.max(x0 + 1, Math.min(width, Math.floor((x + 1) / scale)));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy += 1) {
        for (let sx = x0; sx < x1; sx += 1) {
          const p = pixel(sy * width + sx);
          r += p[0]!;
          g += p[1]!;
          b += p[2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  const canvas = createCanvas(w, h);
  canvas.getContext('2d').putImageData(new ImageData(out, w, h), 0, 0);
  return canvas;
}
