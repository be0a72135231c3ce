import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../electron/imaging/decode';
import { greyPreview, pixelRange, previewFactor } from '../../../electron/imaging/preview';
import { haveRealDicom, realDicom } from '../../fixtures/imaging/dicom-files';

/**
 * The viewer's first pass (electron/imaging/preview.ts): a box-filtered
 * reduction no smaller than the image appears at fit-to-window, and the
 * frame's range found in the same pass.
 */
describe('the preview factor', () => {
  it('is the largest whole factor that keeps a preview pixel per screen pixel at fit-to-window', () => {
    // 2000 x 2500 fitted to 1020 x 560: height-bound at scale 0.224, so up to 1/0.224 = 4.46.
    expect(previewFactor(2000, 2500, 1020, 560)).toBe(4);
    const f = previewFactor(2000, 2500, 1020, 560);
    expect(Math.ceil(2500 / f)).toBeGreaterThanOrEqual(560);
    // Width-bound canvas.
    expect(previewFactor(3000, 1000, 700, 900)).toBe(4);
    // A canvas as large as the image, or larger: no preview.
    expect(previewFactor(512, 512, 600, 600)).toBe(1);
    expect(previewFactor(1024, 1024, 700, 700)).toBe(1);
    expect(previewFactor(1024, 1024, 0, 700)).toBe(1);
  });
});

describe('greyPreview', () => {
  it('averages each factor x factor block, narrower blocks at the right and bottom edges included', () => {
    // 5 columns x 3 rows, factor 2 (canvas 2 x 2): blocks 2x2, 2x2, 1x2 / 2x1, 2x1, 1x1.
    const src = Uint16Array.from([
      0, 2, 4, 6, 9,
      2, 4, 6, 8, 11,
      10, 20, 30, 40, 100,
    ]);
    const r = greyPreview(src, 3, 5, 2, 2)!;
    expect(r.preview).toMatchObject({ factor: 2, rows: 2, columns: 3 });
    expect(r.preview.pixels).toBeInstanceOf(Uint16Array);
    expect([...r.preview.pixels]).toEqual([2, 6, 10, 15, 35, 100]);
    expect({ min: r.min, max: r.max }).toEqual({ min: 0, max: 100 });
  });

  it('keeps the sample type: signed values stay signed, 8-bit stays 8-bit', () => {
    const signed = Int16Array.from([-1000, -1000, 1000, 1000, -500, -500, -500, -500]);
    const s = greyPreview(signed, 2, 4, 2, 1)!;
    expect(s.preview.pixels).toBeInstanceOf(Int16Array);
    expect([...s.preview.pixels]).toEqual([-750, 250]);
    expect({ min: s.min, max: s.max }).toEqual({ min: -1000, max: 1000 });
    const bytes = greyPreview(Uint8Array.from([255, 255, 0, 0, 255, 255, 0, 0]), 2, 4, 2, 1)!;
    expect(bytes.preview.pixels).toBeInstanceOf(Uint8Array);
    expect([...bytes.preview.pixels]).toEqual([255, 0]);
  });

  it('answers null when the canvas is as large as the image', () => {
    expect(greyPreview(new Uint16Array(16), 4, 4, 4, 4)).toBeNull();
  });

  it('finds the same range as a pass of its own, on a large noisy frame', () => {
    const rows = 937;
    const columns = 613;
    const src = new Int16Array(rows * columns);
    let s = 12345;
    for (let i = 0; i < src.length; i++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      src[i] = (s >>> 16) - 32768;
    }
    const r = greyPreview(src, rows, columns, 100, 100)!;
    expect({ min: r.min, max: r.max }).toEqual(pixelRange(src));
    expect(r.preview.factor).toBe(9);
    expect(r.preview.rows).toBe(Math.ceil(rows / 9));
    expect(r.preview.columns).toBe(Math.ceil(columns / 9));
  });
});

describe.skipIf(!haveRealDicom())('decodeFrame with a preview', () => {
  it('gives the same pixels and range as without, and a preview of the real chest DX', async () => {
    const plain = await decodeFrame(realDicom('nih_chest_dx.dcm'));
    const withPreview = await decodeFrame(realDicom('nih_chest_dx.dcm'), 0, { preview: { width: 300, height: 300 } });
    expect(plain.preview).toBeNull();
    expect(Buffer.from(withPreview.pixels.buffer, withPreview.pixels.byteOffset, withPreview.pixels.byteLength).equals(Buffer.from(plain.pixels.buffer, plain.pixels.byteOffset, plain.pixels.byteLength))).toBe(true);
    expect({ min: withPreview.minPixelValue, max: withPreview.maxPixelValue }).toEqual({ min: plain.minPixelValue, max: plain.maxPixelValue });
    expect(withPreview.preview).toMatchObject({ factor: 3, rows: 342, columns: 342 });
    // The top-left preview pixel is the mean of the top-left 3 x 3 block.
    let sum = 0;
    for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) sum += plain.pixels[y * 1024 + x]!;
    expect(withPreview.preview!.pixels[0]).toBe(Math.round(sum / 9));
  });

  it('makes no preview of a colour frame', async () => {
    const rgb = await decodeFrame(realDicom('OBXXXX1A_rle_2frame.dcm'), 0, { preview: { width: 100, height: 100 } });
    expect(rgb.photometric).toBe('RGB');
    expect(rgb.preview).toBeNull();
  });
});
