import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampSpan,
  DAY,
  keepInBounds,
  MAX_SPAN,
  matchingPreset,
  MIN_SPAN,
  pan,
  presetView,
  span,
  timeToX,
  wheelZoomFactor,
  xToTime,
  YEAR,
  zoomAt,
} from '../../../renderer/timeline/scale';

const T0 = Date.UTC(2000, 0, 1);
const view = { start: T0, end: T0 + 10 * YEAR };

describe('timeline scale', () => {
  it('maps time to pixels and back', () => {
    expect(timeToX(view, 1000, view.start)).toBe(0);
    expect(timeToX(view, 1000, view.end)).toBe(1000);
    expect(xToTime(view, 1000, 500)).toBeCloseTo(view.start + 5 * YEAR, 0);
  });

  it('zooms about the anchor: the time under the pointer stays under it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0.2, max: 5, noNaN: true }), (x, factor) => {
        const anchor = xToTime(view, 1000, x);
        const next = zoomAt(view, factor, anchor);
        const expected = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span(view) * factor));
        expect(span(next)).toBeCloseTo(expected, -3);
        expect(timeToX(next, 1000, anchor)).toBeCloseTo(x, 3);
      }),
    );
  });

  it('stops at one day and at the widest span', () => {
    let v = view;
    for (let i = 0; i < 100; i++) v = zoomAt(v, 0.5, v.start + span(v) / 2);
    expect(span(v)).toBe(MIN_SPAN);
    for (let i = 0; i < 100; i++) v = zoomAt(v, 2, v.start);
    expect(span(v)).toBe(MAX_SPAN);
    expect(span(clampSpan({ start: 0, end: 10 }))).toBe(MIN_SPAN);
  });

  it('pans by time and keeps the record on screen', () => {
    expect(pan(view, DAY)).toEqual({ start: view.start + DAY, end: view.end + DAY });
    const data = { start: T0, end: T0 + 20 * YEAR };
    const farRight = keepInBounds(pan(view, 100 * YEAR), data);
    expect(farRight.start).toBeLessThan(data.end);
    expect(span(farRight)).toBeCloseTo(span(view), 0);
    const farLeft = keepInBounds(pan(view, -100 * YEAR), data);
    expect(farLeft.end).toBeGreaterThan(data.start);
    expect(keepInBounds(view, data)).toEqual(view);
  });

  it('turns wheel deltas into zoom factors: down zooms out, up zooms in, bounded', () => {
    expect(wheelZoomFactor(100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(-100)).toBeLessThan(1);
    expect(wheelZoomFactor(3, 1)).toBeCloseTo(wheelZoomFactor(48), 6);
    expect(wheelZoomFactor(1e9)).toBeCloseTo(Math.exp(0.6), 6);
  });

  it('presets end at the last recorded date; All shows the whole record', () => {
    const data = { start: T0, end: T0 + 30 * YEAR };
    const all = presetView('all', data);
    expect(all.start).toBeLessThan(data.start);
    expect(all.end).toBeGreaterThan(data.end);
    const oneYear = presetView('1y', data);
    expect(span(oneYear)).toBeCloseTo(YEAR, -3);
    expect(oneYear.end).toBeGreaterThan(data.end);
    expect(oneYear.start).toBeLessThan(data.end);
    expect(span(presetView('1w', data))).toBeCloseTo(7 * DAY, -3);
    expect(matchingPreset(oneYear, data)).toBe('1y');
    expect(matchingPreset(all, data)).toBe('all');
    expect(matchingPreset(pan(oneYear, 30 * DAY), data)).toBeNull();
  });
});
