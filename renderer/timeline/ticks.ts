import { monthName } from '../ui/format';
import { DAY, MONTH, WEEK, YEAR, type ViewRange } from './scale';

/**
 * Time-axis ticks at calendar boundaries (local time): days, weeks, months,
 * quarters, years, decades... chosen so labels never crowd. Labels are
 * unambiguous: "2019", "Mar 2019", "12 Mar 2019".
 */

export type TickUnit = 'day' | 'week' | 'month' | 'year';

export interface TickStep {
  readonly unit: TickUnit;
  readonly count: number;
  /** Rough length, to compare with the space available. */
  readonly approxMs: number;
}

export const TICK_STEPS: readonly TickStep[] = [
  { unit: 'day', count: 1, approxMs: DAY },
  { unit: 'day', count: 2, approxMs: 2 * DAY },
  { unit: 'week', count: 1, approxMs: WEEK },
  { unit: 'week', count: 2, approxMs: 2 * WEEK },
  { unit: 'month', count: 1, approxMs: MONTH },
  { unit: 'month', count: 3, approxMs: 3 * MONTH },
  { unit: 'month', count: 6, approxMs: 6 * MONTH },
  { unit: 'year', count: 1, approxMs: YEAR },
  { unit: 'year', count: 2, approxMs: 2 * YEAR },
  { unit: 'year', count: 5, approxMs: 5 * YEAR },
  { unit: 'year', count: 10, approxMs: 10 * YEAR },
  { unit: 'year', count: 20, approxMs: 20 * YEAR },
  { unit: 'year', count: 50, approxMs: 50 * YEAR },
  { unit: 'year', count: 100, approxMs: 100 * YEAR },
];

export interface Tick {
  readonly t: number;
  readonly label: string;
  /** A boundary of the next unit up (a new year on a month axis): drawn stronger. */
  readonly major: boolean;
}

/** Space a label needs, in pixels, by unit. */
export function minSpacingFor(unit: TickUnit): number {
  return unit === 'year' ? 56 : unit === 'month' ? 80 : 100;
}

/** The finest step whose ticks are at least a label's width apart. */
export function chooseStep(view: ViewRange, width: number): TickStep {
  const msPerPx = (view.end - view.start) / Math.max(1, width);
  for (const step of TICK_STEPS) {
    if (step.approxMs / msPerPx >= minSpacingFor(step.unit)) return step;
  }
  return TICK_STEPS[TICK_STEPS.length - 1]!;
}

/** The first tick boundary at or before t. */
export function floorToStep(t: number, step: TickStep): Date {
  const d = new Date(t);
  switch (step.unit) {
    case 'day': {
      const r = new Date(d.getFullYear(), d.getMonth(), d.getDate());
      if (step.count > 1) {
        // Keep multi-day ticks stable while panning: align to the day number since the epoch.
        const dayNumber = Math.floor(Date.UTC(r.getFullYear(), r.getMonth(), r.getDate()) / DAY);
        r.setDate(r.getDate() - (((dayNumber % step.count) + step.count) % step.count));
      }
      return r;
    }
    case 'week': {
      const r = new Date(d.getFullYear(), d.getMonth(), d.getDate());
      const sinceMonday = (r.getDay() + 6) % 7;
      r.setDate(r.getDate() - sinceMonday);
      return r;
    }
    case 'month': {
      const month = d.getMonth() - (d.getMonth() % step.count);
      return new Date(d.getFullYear(), month, 1);
    }
    case 'year': {
      const year = Math.floor(d.getFullYear() / step.count) * step.count;
      const r = new Date(2000, 0, 1);
      r.setFullYear(year, 0, 1);
      return r;
    }
  }
}

function advance(d: Date, step: TickStep): Date {
  const r = new Date(d.getTime());
  switch (step.unit) {
    case 'day':
      r.setDate(r.getDate() + step.count);
      break;
    case 'week':
      r.setDate(r.getDate() + 7 * step.count);
      break;
    case 'month':
      r.setMonth(r.getMonth() + step.count);
      break;
    case 'year':
      r.setFullYear(r.getFullYear() + step.count);
      break;
  }
  return r;
}

export function tickLabel(d: Date, step: TickStep): string {
  if (step.unit === 'year') return String(d.getFullYear());
  if (step.unit === 'month') return `${monthName(d.getMonth())} ${d.getFullYear()}`;
  return `${d.getDate()} ${monthName(d.getMonth())} ${d.getFullYear()}`;
}

function isMajor(d: Date, step: TickStep): boolean {
  switch (step.unit) {
    case 'day':
    case 'week':
      return d.getDate() === 1;
    case 'month':
      return d.getMonth() === 0;
    case 'year':
      return d.getFullYear() % (step.count * 5) === 0;
  }
}

/** Ticks covering the view, at most a few hundred whatever the input. */
export function computeTicks(view: ViewRange, width: number): Tick[] {
  if (!(view.end > view.start) || width <= 0) return [];
  const step = chooseStep(view, width);
  const ticks: Tick[] = [];
  let d = floorToStep(view.start, step);
  for (let i = 0; i < 500 && d.getTime() <= view.end; i++) {
    if (d.getTime() >= view.start) ticks.push({ t: d.getTime(), label: tickLabel(d, step), major: isMajor(d, step) });
    d = advance(d, step);
  }
  return ticks;
}
