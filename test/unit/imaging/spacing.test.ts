import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spacingWarning } from '../../../electron/api/imaging-schemas';
import { angleDegrees, calibratedSpacing, lengthMm, pixelSpacingOf } from '../../../electron/imaging/spacing';

describe('pixelSpacingOf', () => {
  it('prefers Pixel Spacing (calibrated in the patient) and reads row\\column in that order', () => {
    expect(pixelSpacingOf({ pixelSpacing: '0.5\\0.25', imagerPixelSpacing: '0.143\\0.143' })).toEqual({
      status: 'known',
      rowMm: 0.5,
      columnMm: 0.25,
      source: 'PixelSpacing',
    });
  });

  it('falls back to Imager Pixel Spacing as an estimate, also when Pixel Spacing is zero', () => {
    expect(pixelSpacingOf({ pixelSpacing: null, imagerPixelSpacing: '0.143\\0.143' }).status).toBe('estimated-from-imager');
    expect(pixelSpacingOf({ pixelSpacing: '0.000\\0.000', imagerPixelSpacing: '0.1\\0.1' })).toMatchObject({ status: 'estimated-from-imager', rowMm: 0.1 });
  });

  it('reports zero, negative or garbled spacing as invalid, and absence as missing', () => {
    for (const bad of ['0.000\\0.000', '0\\0.2', '-0.1\\-0.1', 'abc', '1\\2\\3', 'NaN\\NaN']) {
      expect(pixelSpacingOf({ pixelSpacing: bad, imagerPixelSpacing: null })).toMatchObject({ status: 'invalid-zero', rowMm: null });
    }
    expect(pixelSpacingOf({ pixelSpacing: null, imagerPixelSpacing: null }).status).toBe('missing');
    expect(pixelSpacingOf({ pixelSpacing: '  ', imagerPixelSpacing: '' }).status).toBe('missing');
  });

  it('accepts a single value as square pixels', () => {
    expect(pixelSpacingOf({ pixelSpacing: '0.2', imagerPixelSpacing: null })).toMatchObject({ rowMm: 0.2, columnMm: 0.2 });
  });
});

describe('lengthMm and angleDegrees', () => {
  const known = pixelSpacingOf({ pixelSpacing: '0.5\\0.25', imagerPixelSpacing: null });

  it('scales x by the column spacing and y by the row spacing', () => {
    expect(lengthMm({ x: 0, y: 0 }, { x: 100, y: 0 }, known)).toBeCloseTo(25, 10);
    expect(lengthMm({ x: 0, y: 0 }, { x: 0, y: 100 }, known)).toBeCloseTo(50, 10);
    expect(lengthMm({ x: 0, y: 0 }, { x: 30, y: 40 }, pixelSpacingOf({ pixelSpacing: '1\\1', imagerPixelSpacing: null }))).toBeCloseTo(50, 10);
  });

  it('gives no millimetres without a usable spacing, and says why', () => {
    for (const spacing of [pixelSpacingOf({ pixelSpacing: '0\\0', imagerPixelSpacing: null }), pixelSpacingOf({ pixelSpacing: null, imagerPixelSpacing: null })]) {
      expect(lengthMm({ x: 0, y: 0 }, { x: 10, y: 10 }, spacing)).toBeNull();
      expect(spacingWarning(spacing)).toMatch(/pixels only/);
    }
    expect(spacingWarning(pixelSpacingOf({ pixelSpacing: null, imagerPixelSpacing: '0.1\\0.1' }))).toMatch(/estimated/);
    expect(spacingWarning(known)).toBeNull();
  });

  it('measures right angles and straight lines, in mm space for non-square pixels', () => {
    expect(angleDegrees({ x: 10, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 10 })).toBeCloseTo(90, 10);
    expect(angleDegrees({ x: -10, y: 0 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(180, 10);
    // 45 degrees in pixels is not 45 degrees on the patient when rows are twice as far apart as columns.
    expect(angleDegrees({ x: 10, y: 0 }, { x: 0, y: 0 }, { x: 10, y: 10 }, known)).toBeCloseTo((Math.atan2(50, 25) * 180) / Math.PI, 10);
    expect(angleDegrees({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 1 })).toBeNull();
  });

  it('is symmetric, non-negative and scales linearly with the spacing (property)', () => {
    const coord = fc.double({ min: -5000, max: 5000, noNaN: true });
    const mm = fc.double({ min: 0.01, max: 5, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, mm, (ax, ay, bx, by, s) => {
        const spacing = pixelSpacingOf({ pixelSpacing: `${s}\\${s}`, imagerPixelSpacing: null });
        const d = lengthMm({ x: ax, y: ay }, { x: bx, y: by }, spacing)!;
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeCloseTo(lengthMm({ x: bx, y: by }, { x: ax, y: ay }, spacing)!, 6);
        expect(d).toBeCloseTo(Math.hypot(bx - ax, by - ay) * s, 6);
      }),
    );
  });
});

describe('calibratedSpacing', () => {
  it('turns a known length drawn in the image into mm per pixel', () => {
    const spacing = calibratedSpacing({ x: 0, y: 0 }, { x: 200, y: 0 }, 10);
    expect(spacing).toMatchObject({ status: 'calibrated', rowMm: 0.05, columnMm: 0.05 });
    expect(lengthMm({ x: 0, y: 0 }, { x: 0, y: 100 }, spacing)).toBeCloseTo(5, 10);
    expect(calibratedSpacing({ x: 0, y: 0 }, { x: 0, y: 0 }, 10).status).toBe('invalid-zero');
    expect(calibratedSpacing({ x: 0, y: 0 }, { x: 5, y: 0 }, 0).status).toBe('invalid-zero');
  });
});
