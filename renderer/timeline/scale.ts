/**
 * The timeline's horizontal scale: a visible time range mapped onto a width
 * in pixels, with zoom about an anchor, pan, limits and the preset ranges.
 * Pure functions over plain numbers (milliseconds), so they are unit-tested.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
export const YEAR = 365.2425 * DAY;
export const MONTH = YEAR / 12;

/** Closest zoom: one day across the whole width. */
export const MIN_SPAN = DAY;
/** Widest zoom: a long life and some margin. */
export const MAX_SPAN = 150 * YEAR;

export interface ViewRange {
  readonly start: number;
  readonly end: number;
}

export function span(view: ViewRange): number {
  return view.end - view.start;
}

/** Pixel x of time t. */
export function timeToX(view: ViewRange, width: number, t: number): number {
  return ((t - view.start) / span(view)) * width;
}

/** Time at pixel x. */
export function xToTime(view: ViewRange, width: number, x: number): number {
  return view.start + (x / width) * span(view);
}

/** A range no narrower than MIN_SPAN and no wider than MAX_SPAN, about its centre. */
export function clampSpan(view: ViewRange): ViewRange {
  const s = span(view);
  if (s >= MIN_SPAN && s <= MAX_SPAN && Number.isFinite(s)) return view;
  const target = Number.isFinite(s) ? Math.min(MAX_SPAN, Math.max(MIN_SPAN, s)) : MAX_SPAN;
  const centre = Number.isFinite(s) ? view.start + s / 2 : Date.now();
  return { start: centre - target / 2, end: centre + target / 2 };
}

/**
 * Zooms by factor (below 1 zooms in) keeping time `anchor` at the same pixel,
 * as a map does under the mouse wheel.
 */
export function zoomAt(view: ViewRange, factor: number, anchor: number): ViewRange {
  const s = span(view);
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, s * factor));
  const ratio = s > 0 ? (anchor - view.start) / s : 0.5;
  const start = anchor - ratio * next;
  return { start, end: start + next };
}

export function pan(view: ViewRange, deltaMs: number): ViewRange {
  return { start: view.start + deltaMs, end: view.end + deltaMs };
}

/**
 * Keeps the view overlapping the data: it may be panned past either end, but
 * never so far that the record leaves the screen entirely.
 */
export function keepInBounds(view: ViewRange, bounds: ViewRange): ViewRange {
  const s = span(view);
  const margin = s * 0.5;
  if (view.start > bounds.end - margin && view.start > bounds.start) {
    const start = Math.max(bounds.start, bounds.end - margin);
    return { start, end: start + s };
  }
  if (view.end < bounds.start + margin && view.end < bounds.end) {
    const end = Math.min(bounds.end, bounds.start + margin);
    return { start: end - s, end };
  }
  return view;
}

/** Mouse-wheel delta (any deltaMode) to a zoom factor; trackpad pinch sends small deltas. */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const clamped = Math.max(-300, Math.min(300, pixels));
  return Math.exp(clamped * 0.002);
}

export type ZoomPreset = 'all' | '10y' | '1y' | '3m' | '1w';

export const ZOOM_PRESETS: readonly { id: ZoomPreset; label: string; title: string; span: number | null }[] = [
  { id: 'all', label: 'All', title: 'The whole record', span: null },
  { id: '10y', label: '10 y', title: 'The last 10 years of the record', span: 10 * YEAR },
  { id: '1y', label: '1 y', title: 'The last year of the record', span: YEAR },
  { id: '3m', label: '3 mo', title: 'The last 3 months of the record', span: 3 * MONTH },
  { id: '1w', label: '1 wk', title: 'The last week of the record', span: WEEK },
];

/**
 * The range a preset shows. `data` is the first and last recorded date; the
 * shorter presets end at the last recorded date (a follow-up looks at the
 * most recent care), with a little room after it.
 */
export function presetView(preset: ZoomPreset, data: ViewRange): ViewRange {
  const found = ZOOM_PRESETS.find((p) => p.id === preset);
  if (!found || found.span === null) {
    const s = Math.max(span(data), MIN_SPAN);
    const pad = s * 0.03;
    return clampSpan({ start: data.start - pad, end: data.end + pad });
  }
  const pad = found.span * 0.04;
  const end = data.end + pad;
  return { start: end - found.span, end };
}

/** Which preset a view matches, for highlighting its button. */
export function matchingPreset(view: ViewRange, data: ViewRange): ZoomPreset | null {
  for (const p of ZOOM_PRESETS) {
    const target = presetView(p.id, data);
    const tolerance = span(target) * 0.01;
    if (Math.abs(target.start - view.start) <= tolerance && Math.abs(target.end - view.end) <= tolerance) return p.id;
  }
  return null;
}
