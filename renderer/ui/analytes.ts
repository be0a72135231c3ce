import type { Analyte, Series } from '../../electron/api/schemas';
import { displayUnit } from '../../electron/api/clinical-format';
import { isoToMs } from './format';

/**
 * Pure helpers for the trends panel: grouping the analyte picker, choosing
 * the first analyte to show, and turning a series into chart columns with
 * the points outside the reference range picked out.
 */

export interface AnalyteGroup {
  readonly id: string;
  readonly label: string;
  readonly analytes: readonly Analyte[];
}

const GROUP_ORDER = ['laboratory', 'vital-signs'];
const GROUP_LABEL: Record<string, string> = {
  laboratory: 'Laboratory',
  'vital-signs': 'Vital signs',
  survey: 'Questionnaires and scores',
  'social-history': 'Social history',
  exam: 'Examination',
  imaging: 'Imaging',
  procedure: 'Procedures',
  therapy: 'Therapy',
  activity: 'Activity',
};

export function categoryLabel(category: string | null): string {
  if (!category) return 'Other';
  const known = GROUP_LABEL[category.toLowerCase()];
  if (known) return known;
  const words = category.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Laboratory first, then vital signs, then the rest; alphabetical within a group. */
export function groupAnalytes(analytes: readonly Analyte[]): AnalyteGroup[] {
  const groups = new Map<string, Analyte[]>();
  for (const a of analytes) {
    const id = a.category?.toLowerCase() ?? 'other';
    let list = groups.get(id);
    if (!list) groups.set(id, (list = []));
    list.push(a);
  }
  const rank = (id: string) => {
    const i = GROUP_ORDER.indexOf(id);
    return i === -1 ? (id === 'other' ? 1000 : 100) : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([id, list]) => ({
      id,
      label: id === 'other' ? 'Other' : categoryLabel(id),
      analytes: [...list].sort((x, y) => x.display.localeCompare(y.display)),
    }));
}

const PREFERRED: readonly RegExp[] = [/a1c/i, /glucose/i, /body weight/i, /systolic/i, /cholesterol/i];

/** The analyte to show first: a common follow-up marker with at least two results, else the one with most results. */
export function defaultAnalyte(analytes: readonly Analyte[]): Analyte | null {
  for (const re of PREFERRED) {
    const found = analytes.filter((a) => re.test(a.display) && a.count >= 2).sort((a, b) => b.count - a.count)[0];
    if (found) return found;
  }
  return [...analytes].sort((a, b) => b.count - a.count)[0] ?? null;
}

export interface TrendData {
  /** Seconds since the epoch (uPlot's unit), ascending. */
  readonly x: number[];
  readonly y: number[];
  /** Same length as y; the value where it lies outside the reference range, else null. */
  readonly outside: (number | null)[];
  /** Record id per point, for opening the details drawer. */
  readonly ids: string[];
  readonly outsideCount: number;
}

export function isOutside(value: number, low: number | null, high: number | null): boolean {
  return (low !== null && value < low) || (high !== null && value > high);
}

export function toTrendData(series: Series): TrendData {
  const points = series.points
    .map((p) => ({ ...p, ms: isoToMs(p.at) }))
    .filter((p): p is typeof p & { ms: number } => p.ms !== null && Number.isFinite(p.value))
    .sort((a, b) => a.ms - b.ms);
  const x: number[] = [];
  const y: number[] = [];
  const outside: (number | null)[] = [];
  const ids: string[] = [];
  let outsideCount = 0;
  for (const p of points) {
    x.push(p.ms / 1000);
    y.push(p.value);
    ids.push(p.id);
    if (isOutside(p.value, series.refLow, series.refHigh)) {
      outside.push(p.value);
      outsideCount++;
    } else {
      outside.push(null);
    }
  }
  return { x, y, outside, ids, outsideCount };
}

/** "70–99 mg/dL", "< 5.7 %", "> 60 mL/min" or null. */
export function formatRefRange(low: number | null, high: number | null, unit: string | null): string | null {
  const shown = displayUnit(unit);
  const u = shown ? ` ${shown}` : '';
  if (low !== null && high !== null) return `${low}–${high}${u}`;
  if (high !== null) return `≤ ${high}${u}`;
  if (low !== null) return `≥ ${low}${u}`;
  return null;
}

/** y-axis limits that show every point and the whole reference band, with some air. */
export function yRange(values: readonly number[], low: number | null, high: number | null): [number, number] {
  const all = [...values, ...(low !== null ? [low] : []), ...(high !== null ? [high] : [])];
  if (all.length === 0) return [0, 1];
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (min === max) {
    const d = Math.abs(min) * 0.1 || 1;
    min -= d;
    max += d;
  }
  const pad = (max - min) * 0.12;
  const lo = min - pad;
  return [min >= 0 && lo < 0 ? 0 : lo, max + pad];
}

const DAY_S = 86_400;

/** uPlot x-axis labels: "2019", "Mar 2019" or "12 Mar 2019" by the tick spacing (seconds). */
export function timeAxisLabel(seconds: number, incrementSeconds: number): string {
  const d = new Date(seconds * 1000);
  const month = MONTHS[d.getMonth()] ?? '';
  if (incrementSeconds >= 360 * DAY_S) return String(d.getFullYear());
  if (incrementSeconds >= 28 * DAY_S) return `${month} ${d.getFullYear()}`;
  return `${d.getDate()} ${month} ${d.getFullYear()}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** x-axis limits (seconds) with room either side, a month each way around a single result. */
export function xRange(min: number, max: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max - min < DAY_S) return [min - 30 * DAY_S, max + 30 * DAY_S];
  const pad = (max - min) * 0.03;
  return [min - pad, max + pad];
}
