import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../electron/ocr/png-encode';
import { turnPage } from '../../../electron/ocr/raster';
import { wordsFromTsv } from '../../../electron/ocr/tsv-words';

async function pixelsOf(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

describe('page images for storage and for the recognizer', () => {
  it('writes grey and RGB PNGs that decode to exactly the pixels given', async () => {
    const grey = Uint8Array.from({ length: 7 * 5 }, (_, i) => (i * 37) % 256);
    const g = await pixelsOf(encodePng(grey, 7, 5, 1));
    for (let i = 0; i < grey.length; i += 1) expect([g[i * 4], g[i * 4 + 1], g[i * 4 + 2], g[i * 4 + 3]]).toEqual([grey[i], grey[i], grey[i], 255]);
    const rgb = Uint8Array.from({ length: 4 * 3 * 3 }, (_, i) => (i * 71) % 256);
    const c = await pixelsOf(encodePng(rgb, 4, 3, 3));
    for (let i = 0; i < 12; i += 1) expect([c[i * 4], c[i * 4 + 1], c[i * 4 + 2]]).toEqual([rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]]);
    expect(() => encodePng(grey, 7, 6, 1)).toThrow('35 bytes for a 7x6x1 image');
  });

  it('keeps a grey page in one channel and a page with colour in three, the recognizer getting the same pixels', async () => {
    const canvas = createCanvas(40, 20);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 40, 20);
    ctx.fillStyle = '#333';
    ctx.fillRect(5, 5, 10, 10);
    const grey = turnPage(canvas, 0);
    expect(grey.pnm.subarray(0, 2).toString()).toBe('P5');
    expect(grey.pnm.length).toBe('P5\n40 20\n255\n'.length + 800);
    expect(grey.png[25]).toBe(0); // PNG colour type: grey
    expect((await pixelsOf(grey.png))[(10 * 40 + 10) * 4]).toBe(0x33);
    ctx.fillStyle = '#c00';
    ctx.fillRect(20, 5, 10, 10);
    const colour = turnPage(canvas, 0);
    expect(colour.pnm.subarray(0, 2).toString()).toBe('P6');
    expect(colour.png[25]).toBe(2); // RGB
    const px = await pixelsOf(colour.png);
    expect([px[(10 * 40 + 25) * 4], px[(10 * 40 + 25) * 4 + 1]]).toEqual([0xcc, 0]);
    const turned = turnPage(canvas, 90);
    expect([turned.width, turned.height]).toEqual([20, 40]);
  });
});

describe('words from tesseract TSV', () => {
  it('keeps word rows with boxes and confidences, numbers lines across blocks, skips blanks', () => {
    const tsv = [
      '1\t1\t0\t0\t0\t0\t0\t0\t900\t400\t-1\t',
      '2\t1\t1\t0\t0\t0\t10\t10\t500\t60\t-1\t',
      '3\t1\t1\t1\t0\t0\t10\t10\t500\t60\t-1\t',
      '4\t1\t1\t1\t1\t0\t10\t10\t300\t20\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t10\t120\t20\t96.123456\tHbAlc',
      '5\t1\t1\t1\t1\t2\t140\t10\t40\t20\t91\t6.8',
      '4\t1\t1\t1\t2\t0\t10\t40\t300\t20\t-1\t',
      '5\t1\t1\t1\t2\t1\t10\t40\t20\t20\t0\t ',
      '2\t1\t2\t0\t0\t0\t10\t80\t500\t20\t-1\t',
      '3\t1\t2\t1\t0\t0\t10\t80\t500\t20\t-1\t',
      '4\t1\t2\t1\t1\t0\t10\t80\t300\t20\t-1\t',
      '5\t1\t2\t1\t1\t1\t10\t80\t90\t20\t55.55\tSodium',
      '',
    ].join('\n');
    expect(wordsFromTsv(tsv)).toEqual([
      { text: 'HbAlc', confidence: 96.1, box: { x: 10, y: 10, w: 120, h: 20 }, line: 0 },
      { text: '6.8', confidence: 91, box: { x: 140, y: 10, w: 40, h: 20 }, line: 0 },
      { text: 'Sodium', confidence: 55.6, box: { x: 10, y: 80, w: 90, h: 20 }, line: 2 },
    ]);
    expect(wordsFromTsv('')).toEqual([]);
  });
});
