import { describe, expect, it } from 'vitest';
import { lesionChange, longestDiameter, outlineAreaMm2, type PixelSpacing } from '../../../electron/api/imaging-schemas';
import { calibratedSpacing } from '../../../electron/imaging/spacing';

describe('dermatology geometry: calibration, longest diameter, outline area, change', () => {
  // A ruler marked from x=100 to x=300 as 10 mm: 0.05 mm per pixel.
  const spacing: PixelSpacing = calibratedSpacing({ x: 100, y: 50 }, { x: 300, y: 50 }, 10);

  it('a calibrated square of 100 px is 5 mm across, 7.07 mm on the diagonal and 25 mm²', () => {
    expect(spacing).toMatchObject({ status: 'calibrated', rowMm: 0.05, columnMm: 0.05 });
    const square = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }, { x: 0, y: 100 }];
    const d = longestDiameter(square, spacing)!;
    expect(d.mm).toBeCloseTo(5 * Math.SQRT2, 6);
    expect(outlineAreaMm2(square, spacing)).toBeCloseTo(25, 6);
    // Orientation of the outline does not change the area.
    expect(outlineAreaMm2([...square].reverse(), spacing)).toBeCloseTo(25, 6);
  });

  it('a circle outline of radius 80 px: diameter 8 mm, area close to π·4² mm²', () => {
    const circle = Array.from({ length: 360 }, (_, i) => ({ x: 500 + 80 * Math.cos((i * Math.PI) / 180), y: 400 + 80 * Math.sin((i * Math.PI) / 180) }));
    expect(longestDiameter(circle, spacing)!.mm).toBeCloseTo(8, 3);
    expect(outlineAreaMm2(circle, spacing)!).toBeCloseTo(Math.PI * 16, 1);
  });

  it('no calibration, no millimetres', () => {
    const none: PixelSpacing = { status: 'missing', rowMm: null, columnMm: null, source: null };
    expect(longestDiameter([{ x: 0, y: 0 }, { x: 3, y: 4 }], none)!.mm).toBeNull();
    expect(outlineAreaMm2([{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 0, y: 4 }], none)).toBeNull();
  });

  it('the change over time is reported in mm and per cent', () => {
    const c = lesionChange({ date: '2023-03-01', diameterMm: 6, areaMm2: 20 }, { date: '2024-03-01', diameterMm: 7.5, areaMm2: 30 });
    expect(c.diameterMm).toBeCloseTo(1.5);
    expect(c.diameterPct).toBeCloseTo(25);
    expect(c.areaPct).toBeCloseTo(50);
    expect(c.text).toBe('Longest diameter 6.0 mm on 2023-03-01 → 7.5 mm on 2024-03-01 (+1.5 mm, +25 %, larger); area 20.0 → 30.0 mm² (+50 %)');
    expect(lesionChange({ date: 'a', diameterMm: 5, areaMm2: null }, { date: 'b', diameterMm: 5, areaMm2: null }).text).toMatch(/unchanged\)$/);
  });
});
