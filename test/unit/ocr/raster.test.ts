import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { estimateSkew, imageSize } from '../../../electron/ocr/raster';
import { sniffMediaType } from '../../../electron/ocr/pipeline';
import { degrade } from '../../../scripts/ocr/degrade';
import { labReport } from '../../../scripts/ocr/documents';

describe('page geometry', () => {
  it('finds the skew of a rotated page to within half a degree', async () => {
    const doc = labReport(7, { width: 900, height: 700, fontPx: 20, maxLabs: 6 });
    for (const angle of [0, 2.5, -3]) {
      const { bytes } = await degrade(doc.png, { name: 'r', rotate: angle });
      // The correction turns the page back: the opposite of the degradation's counter-clockwise angle... in canvas terms, equal.
      expect(Math.abs(estimateSkew(await loadImage(bytes)) - angle)).toBeLessThanOrEqual(0.5);
    }
  });

  it('reads image sizes from headers and sniffs media types', async () => {
    const doc = labReport(8, { width: 320, height: 200, fontPx: 12, maxLabs: 2 });
    expect(imageSize(doc.png)).toEqual({ width: 320, height: 200 });
    const jpeg = await degrade(doc.png, { name: 'j', jpeg: 50 });
    expect(imageSize(jpeg.bytes)).toEqual({ width: 320, height: 200 });
    expect(sniffMediaType(doc.png)).toBe('image/png');
    expect(sniffMediaType(jpeg.bytes)).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from('hello'))).toBeNull();
  });
});
