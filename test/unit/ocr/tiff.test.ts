import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { OcrError } from '../../../electron/ocr/errors';
import { MAX_SIDE } from '../../../electron/ocr/raster';
import { inspectTiff, tiffRaster } from '../../../electron/ocr/tiff';
import { labReport } from '../../../scripts/ocr/documents';
import { writeTiff, type TiffPageSpec } from '../../integration/ocr/tiff-writer';

async function rgbaOf(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: ctx.getImageData(0, 0, image.width, image.height).data };
}

const grey = (d: Uint8ClampedArray, i: number) => d[i * 4]! * 0.299 + d[i * 4 + 1]! * 0.587 + d[i * 4 + 2]! * 0.114;

/** Mean absolute grey difference between the decoded page and the drawn one, 0-255. */
function difference(a: Uint8ClampedArray, b: Uint8ClampedArray, pixels: number): number {
  let sum = 0;
  for (let i = 0; i < pixels; i += 1) sum += Math.abs(grey(a, i) - grey(b, i));
  return sum / pixels;
}

describe('TIFF pages', () => {
  it('decodes every layout scanners write to the page that was drawn (bit depth, colour model, min-is-white, palette, compression, byte order)', async () => {
    const doc = labReport(11, { width: 360, height: 160, fontPx: 14, maxLabs: 2 });
    const page = await rgbaOf(doc.png);
    const layouts: Omit<TiffPageSpec, 'width' | 'height' | 'rgba'>[] = [
      { layout: 'bilevel' },
      { layout: 'bilevel', minIsWhite: true, compression: 'deflate' },
      { layout: 'grey8', minIsWhite: true },
      { layout: 'grey16', compression: 'deflate' },
      { layout: 'rgb8', compression: 'deflate' },
      { layout: 'palette8' },
    ];
    for (const littleEndian of [true, false]) {
      const file = writeTiff(
        layouts.map((l) => ({ ...page, ...l })),
        { littleEndian },
      );
      const pages = inspectTiff(file, 'scan.tif', 200);
      expect(pages.map((p) => [p.page, p.width, p.height, p.unreadable])).toEqual(layouts.map((_, i) => [i + 1, 360, 160, null]));
      for (const info of pages) {
        const raster = tiffRaster(file, info, 'scan.tif');
        const decoded = raster.getContext('2d').getImageData(0, 0, 360, 160).data;
        // Bilevel loses the anti-aliasing of the letters; everything else is the page as drawn.
        const limit = layouts[info.page - 1]!.layout === 'bilevel' ? 12 : 1.5;
        expect(difference(decoded, page.rgba, 360 * 160), `${layouts[info.page - 1]!.layout} ${littleEndian ? 'LE' : 'BE'}`).toBeLessThan(limit);
      }
    }
  });

  it('skips thumbnails, and names pages only Leptonica can read (fax and PackBits compression)', async () => {
    const doc = labReport(12, { width: 200, height: 100, fontPx: 10, maxLabs: 1 });
    const page = await rgbaOf(doc.png);
    const file = writeTiff([
      { ...page, layout: 'grey8' },
      { ...page, layout: 'grey8', thumbnail: true },
      { ...page, layout: 'bilevel', declareCompression: 4 },
      { ...page, layout: 'grey8', compression: 'packbits' },
    ]);
    const pages = inspectTiff(file, 'fax.tif', 200);
    expect(pages.map((p) => [p.page, p.index, p.unreadable])).toEqual([
      [1, 0, null],
      [2, 2, 'CCITT Group 4 fax compression'],
      [3, 3, 'PackBits compression'],
    ]);
  });

  it('scales a huge page down to the OCR size while decoding, averaging pixels', () => {
    const width = 6000;
    const height = 300;
    const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
    // A black band over the left half: averaged, never lost.
    for (let y = 0; y < height; y += 1) for (let x = 0; x < width / 2; x += 1) rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    const file = writeTiff([{ width, height, rgba, layout: 'grey8', compression: 'deflate' }]);
    const raster = tiffRaster(file, inspectTiff(file, 'wide.tif', 200)[0]!, 'wide.tif');
    expect(raster.width).toBe(MAX_SIDE);
    expect(raster.height).toBe(200);
    const data = raster.getContext('2d').getImageData(0, 0, raster.width, raster.height).data;
    expect(data[(100 * raster.width + 10) * 4]).toBe(0);
    expect(data[(100 * raster.width + raster.width - 10) * 4]).toBe(255);
  });

  it('refuses a damaged, truncated, looping, empty or over-long file with a one-line message naming the file and page', async () => {
    const doc = labReport(13, { width: 200, height: 100, fontPx: 10, maxLabs: 1 });
    const page = await rgbaOf(doc.png);
    const good = writeTiff([{ ...page, layout: 'grey8' }, { ...page, layout: 'grey8' }, { ...page, layout: 'grey8' }]);
    const problem = (fn: () => unknown): string => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(OcrError);
        expect((error as Error).message).not.toContain('\n');
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    // Each page is written as its strip, then its header: cut inside page 2's strip, page 2's header is gone.
    expect(problem(() => inspectTiff(good.subarray(0, 30_000), 'cut.tif', 200))).toBe('cut.tif: the TIFF is cut short (page 2 lies past the end of the file)');
    // Page 2's strip pointing past the end of the file: its header reads, its pixels do not.
    const ifdOffset = 8 + 200 * 100; // page 1's strip, then page 1's header
    const entries = good.readUInt16LE(ifdOffset);
    const page2 = good.readUInt32LE(ifdOffset + 2 + entries * 12);
    const damaged = Buffer.from(good);
    for (let k = 0; k < damaged.readUInt16LE(page2); k += 1) {
      const at = page2 + 2 + k * 12;
      if (damaged.readUInt16LE(at) === 273) damaged.writeUInt32LE(damaged.length - 10, at + 8); // StripOffsets
    }
    const pages = inspectTiff(damaged, 'strip.tif', 200);
    expect(tiffRaster(damaged, pages[0]!, 'strip.tif').width).toBe(200);
    expect(problem(() => tiffRaster(damaged, pages[1]!, 'strip.tif'))).toBe('strip.tif: page 2 of the TIFF is damaged or cut short');
    const loop = Buffer.from(good);
    loop.writeUInt32LE(ifdOffset, ifdOffset + 2 + entries * 12); // page 1's "next page" is page 1
    expect(problem(() => inspectTiff(loop, 'loop.tif', 200))).toBe('loop.tif: not a readable TIFF (its list of pages loops back on itself)');
    const none = Buffer.from(good.subarray(0, 8));
    none.writeUInt32LE(0, 4);
    expect(problem(() => inspectTiff(none, 'none.tif', 200))).toBe('none.tif: not a readable TIFF (no pages in its header)');
    expect(problem(() => inspectTiff(good, 'long.tif', 1))).toBe('long.tif: more than 1 pages; import at most 1 at a time');
    expect(problem(() => inspectTiff(good, 'long.tif', 2))).toBe('long.tif: 3 pages; import at most 2 at a time');
  });
});
