import { describe, expect, it } from 'vitest';
import { DAY, MONTH, YEAR } from '../../../renderer/timeline/scale';
import { chooseStep, computeTicks } from '../../../renderer/timeline/ticks';

const start = new Date(1990, 0, 1).getTime();

describe('time-axis ticks', () => {
  it('uses decades for a long life, years for a decade, months for a year, days for a week', () => {
    expect(chooseStep({ start, end: start + 80 * YEAR }, 1000)).toMatchObject({ unit: 'year', count: 5 });
    expect(chooseStep({ start, end: start + 80 * YEAR }, 500)).toMatchObject({ unit: 'year', count: 10 });
    expect(chooseStep({ start, end: start + 10 * YEAR }, 1000)).toMatchObject({ unit: 'year', count: 1 });
    expect(chooseStep({ start, end: start + YEAR }, 1000).unit).toBe('month');
    expect(chooseStep({ start, end: start + 7 * DAY }, 1000)).toMatchObject({ unit: 'day', count: 1 });
  });

  it('never crowds labels, whatever the zoom and width', () => {
    for (const s of [2 * DAY, 9 * DAY, 40 * DAY, 3 * MONTH, 2 * YEAR, 12 * YEAR, 60 * YEAR, 140 * YEAR]) {
      for (const width of [300, 800, 1600]) {
        const view = { start: start + 12345678, end: start + 12345678 + s };
        const ticks = computeTicks(view, width);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThan(40);
        const px = (t: number) => ((t - view.start) / s) * width;
        for (let i = 1; i < ticks.length; i++) expect(px(ticks[i]!.t) - px(ticks[i - 1]!.t)).toBeGreaterThanOrEqual(50);
        for (const t of ticks) {
          expect(t.t).toBeGreaterThanOrEqual(view.start);
          expect(t.t).toBeLessThanOrEqual(view.end);
        }
      }
    }
  });

  it('puts ticks on calendar boundaries with unambiguous labels', () => {
    const years = computeTicks({ start, end: start + 10 * YEAR }, 1000);
    for (const t of years) {
      const d = new Date(t.t);
      expect([d.getMonth(), d.getDate(), d.getHours()]).toEqual([0, 1, 0]);
      expect(t.label).toBe(String(d.getFullYear()));
    }
    const months = computeTicks({ start, end: start + YEAR }, 1200);
    expect(months.map((t) => t.label)).toContain('Apr 1990');
    for (const t of months) expect(new Date(t.t).getDate()).toBe(1);
    const days = computeTicks({ start: start + 3 * DAY, end: start + 8 * DAY }, 1000);
    expect(days.map((t) => t.label)).toContain('5 Jan 1990');
  });

  it('marks year boundaries as major on a month axis', () => {
    const ticks = computeTicks({ start: new Date(1990, 6, 1).getTime(), end: new Date(1991, 6, 1).getTime() }, 1200);
    expect(ticks.find((t) => t.label === 'Jan 1991')?.major).toBe(true);
    expect(ticks.find((t) => t.label === 'Oct 1990')?.major).toBe(false);
  });

  it('answers nothing for an empty view', () => {
    expect(computeTicks({ start, end: start }, 1000)).toEqual([]);
    expect(computeTicks({ start, end: start + YEAR }, 0)).toEqual([]);
  });
});
