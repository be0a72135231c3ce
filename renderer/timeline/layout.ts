import type { EventKind, TimelineEvent } from '../../electron/api/schemas';
import { parseIsoDate } from '../ui/format';
import { DAY, timeToX, xToTime, type ViewRange } from './scale';
import { KIND_LABEL } from '../ui/record-kinds';

/**
 * The timeline's model: events parsed once into milliseconds, grouped into
 * one lane per kind, spans packed into rows so they do not overlap, and the
 * two queries drawing needs on every frame: what is visible (culling) and
 * what is under the pointer (hit-testing). Pure, so 10,000 events are tested
 * without a browser.
 */

export interface PreparedEvent {
  readonly kind: EventKind;
  readonly id: string;
  readonly label: string;
  readonly status: string | null;
  readonly start: number;
  /** Where the drawing ends: the end date, "now" for an ongoing span, or start for a point. */
  readonly end: number;
  readonly isSpan: boolean;
  readonly ongoing: boolean;
  /** The source's own text, for the tooltip. */
  readonly startText: string;
  readonly endText: string | null;
}

export const LANE_ORDER: readonly EventKind[] = [
  'allergy',
  'encounter',
  'condition',
  'medication',
  'procedure',
  'immunization',
  'observation',
  'results',
  'diagnostic-report',
  'imaging-study',
  'care-plan',
  'note',
  'document',
  'fact',
];

export { KIND_LABEL, KIND_SINGULAR } from '../ui/record-kinds';

/** Kinds whose spans are stacked in rows (long-running things); the others share one row. */
export const SPAN_KINDS: ReadonlySet<EventKind> = new Set(['condition', 'medication', 'care-plan', 'allergy']);

/** Parses and sorts events; those without a readable start date are counted, not drawn. */
export function prepareEvents(events: readonly TimelineEvent[], now: number): { events: PreparedEvent[]; undated: number } {
  const out: PreparedEvent[] = [];
  let undated = 0;
  for (const e of events) {
    const start = parseIsoDate(e.start);
    if (!start) {
      undated++;
      continue;
    }
    const endParsed = parseIsoDate(e.end);
    let end = start.ms;
    let isSpan = false;
    if (e.ongoing) {
      end = Math.max(now, start.ms);
      isSpan = true;
    } else if (endParsed && endParsed.ms > start.ms) {
      end = endParsed.ms;
      isSpan = true;
    }
    out.push({
      kind: e.kind,
      id: e.id,
      label: e.label,
      status: e.status,
      start: start.ms,
      end,
      isSpan,
      ongoing: e.ongoing,
      startText: e.start,
      endText: e.end,
    });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return { events: out, undated };
}

/** First and last dated moment of the record (ongoing spans do not stretch it to now). */
export function dataExtent(events: readonly PreparedEvent[]): ViewRange | null {
  if (events.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const e of events) {
    if (e.start < start) start = e.start;
    const last = e.ongoing ? e.start : e.end;
    if (last > end) end = last;
  }
  return { start, end };
}

export interface Row {
  /** Sorted by start. */
  readonly items: readonly PreparedEvent[];
  /** maxEnd[i] = the latest end among items[0..i]; non-decreasing, for culling by binary search. */
  readonly maxEnd: Float64Array;
}

export interface Lane {
  readonly kind: EventKind;
  readonly label: string;
  readonly count: number;
  readonly rows: readonly Row[];
  /** Top of the lane in the canvas, and its height, in CSS pixels. */
  readonly top: number;
  readonly height: number;
  readonly rowHeight: number;
}

export interface Layout {
  readonly lanes: readonly Lane[];
  readonly height: number;
}

export interface LayoutOptions {
  readonly top: number;
  readonly rowHeight: number;
  readonly pointRowHeight: number;
  readonly lanePadding: number;
  readonly maxRows: number;
  /** Spans closer than this (ms) go on separate rows, so labels have room. */
  readonly spanGap: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  top: 30,
  rowHeight: 20,
  pointRowHeight: 24,
  lanePadding: 6,
  maxRows: 14,
  spanGap: 30 * DAY,
};

function makeRow(items: PreparedEvent[]): Row {
  const maxEnd = new Float64Array(items.length);
  let m = -Infinity;
  items.forEach((item, i) => {
    m = Math.max(m, item.end);
    maxEnd[i] = m;
  });
  return { items, maxEnd };
}

/** Greedy interval packing: each span on the first row where it fits, the overflow on the last row. */
export function packRows(items: readonly PreparedEvent[], maxRows: number, gap: number): PreparedEvent[][] {
  const rows: PreparedEvent[][] = [];
  const rowEnds: number[] = [];
  for (const item of items) {
    let placed = false;
    for (let r = 0; r < rows.length; r++) {
      if (item.start >= (rowEnds[r] ?? -Infinity) + gap) {
        rows[r]!.push(item);
        rowEnds[r] = item.end;
        placed = true;
        break;
      }
    }
    if (placed) continue;
    if (rows.length < maxRows) {
      rows.push([item]);
      rowEnds.push(item.end);
    } else {
      const last = rows.length - 1;
      rows[last]!.push(item);
      rowEnds[last] = Math.max(rowEnds[last] ?? -Infinity, item.end);
    }
  }
  for (const row of rows) row.sort((a, b) => a.start - b.start);
  return rows;
}

/** Lanes for the kinds that are shown and have events, top to bottom in LANE_ORDER. */
export function buildLayout(
  events: readonly PreparedEvent[],
  visible: ReadonlySet<EventKind>,
  options: LayoutOptions = DEFAULT_LAYOUT,
): Layout {
  const byKind = new Map<EventKind, PreparedEvent[]>();
  for (const e of events) {
    if (!visible.has(e.kind)) continue;
    let list = byKind.get(e.kind);
    if (!list) byKind.set(e.kind, (list = []));
    list.push(e);
  }
  const lanes: Lane[] = [];
  let top = options.top;
  for (const kind of LANE_ORDER) {
    const items = byKind.get(kind);
    if (!items || items.length === 0) continue;
    const stacked = SPAN_KINDS.has(kind);
    const rowsItems = stacked ? packRows(items, options.maxRows, options.spanGap) : [items];
    const rowHeight = stacked ? options.rowHeight : options.pointRowHeight;
    const height = rowsItems.length * rowHeight + options.lanePadding * 2;
    lanes.push({
      kind,
      label: KIND_LABEL[kind],
      count: items.length,
      rows: rowsItems.map(makeRow),
      top,
      height,
      rowHeight,
    });
    top += height;
  }
  return { lanes, height: top };
}

/** Index of the first item whose maxEnd >= t (items before it all end before t). */
function firstReaching(row: Row, t: number): number {
  let lo = 0;
  let hi = row.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (row.maxEnd[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index just past the last item that starts at or before t. */
function pastStartingBy(row: Row, t: number): number {
  let lo = 0;
  let hi = row.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (row.items[mid]!.start <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Calls fn for each item of the row that overlaps [from, to]; culls by binary search. */
export function forEachVisible(row: Row, from: number, to: number, fn: (item: PreparedEvent) => void): void {
  const lo = firstReaching(row, from);
  const hi = pastStartingBy(row, to);
  for (let i = lo; i < hi; i++) {
    const item = row.items[i]!;
    if (item.end >= from) fn(item);
  }
}

export function visibleItems(row: Row, from: number, to: number): PreparedEvent[] {
  const out: PreparedEvent[] = [];
  forEachVisible(row, from, to, (item) => out.push(item));
  return out;
}

/** Smallest drawn width of a span, so a one-day medication at decade zoom can still be hovered. */
export const MIN_SPAN_PX = 3;
/** How near (px) a point must be to the pointer to count as under it. */
export const HIT_RADIUS_PX = 5;

export interface Hit {
  readonly lane: Lane;
  /** Nearest first. */
  readonly items: readonly PreparedEvent[];
}

/** What lies under the pointer at (x, y), in plot coordinates (x from the plot's left edge). */
export function hitTest(layout: Layout, view: ViewRange, width: number, x: number, y: number, radius = HIT_RADIUS_PX): Hit | null {
  const lane = layout.lanes.find((l) => y >= l.top && y < l.top + l.height);
  if (!lane) return null;
  const rowIndex = Math.floor((y - lane.top - (lane.height - lane.rows.length * lane.rowHeight) / 2) / lane.rowHeight);
  const row = lane.rows[Math.max(0, Math.min(lane.rows.length - 1, rowIndex))];
  if (!row) return null;
  const from = xToTime(view, width, x - radius);
  const to = xToTime(view, width, x + radius);
  const found: { item: PreparedEvent; distance: number }[] = [];
  forEachVisible(row, from, to, (item) => {
    const x0 = timeToX(view, width, item.start);
    let distance: number;
    if (item.isSpan) {
      const x1 = Math.max(timeToX(view, width, item.end), x0 + MIN_SPAN_PX);
      distance = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    } else {
      distance = Math.abs(x - x0);
    }
    if (distance <= radius) found.push({ item, distance });
  });
  if (found.length === 0) return null;
  // Nearest first; among spans under the pointer, the shortest (the most specific) first.
  found.sort((a, b) => a.distance - b.distance || a.item.end - a.item.start - (b.item.end - b.item.start));
  return { lane, items: found.map((f) => f.item) };
}

/** Number of events per kind, for the filter chips. */
export function countByKind(events: readonly PreparedEvent[]): Map<EventKind, number> {
  const counts = new Map<EventKind, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return counts;
}
