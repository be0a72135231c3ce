import { formatRange } from '../ui/format';
import { KIND_COLOR, withAlpha } from './colors';
import { forEachVisible, MIN_SPAN_PX, SPAN_KINDS, type Layout, type PreparedEvent } from './layout';
import { timeToX, type ViewRange } from './scale';
import type { Tick } from './ticks';

/** Everything one frame needs; drawing reads it and nothing else. */
export interface Frame {
  readonly layout: Layout;
  readonly view: ViewRange;
  readonly ticks: readonly Tick[];
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly gutter: number;
  readonly now: number;
  /** What the line at `now` says: "Today", or "Died" for a deceased patient. */
  readonly nowLabel: string;
  readonly hover: PreparedEvent | null;
  readonly selected: PreparedEvent | null;
}

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const FONT_BOLD = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const TEXT = '#1d2530';
const MUTED = '#5b6675';
const GRID = '#e7eaef';
const GRID_MAJOR = '#cdd3db';

function isInactive(e: PreparedEvent): boolean {
  const s = e.status?.toLowerCase() ?? '';
  return s === 'resolved' || s === 'inactive' || s === 'stopped' || s === 'completed' || s === 'remission' || s === 'entered-in-error';
}

export function drawFrame(ctx: CanvasRenderingContext2D, f: Frame): void {
  const plotW = f.width - f.gutter;
  const axisH = f.layout.lanes[0]?.top ?? 30;
  ctx.clearRect(0, 0, f.width, f.height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, f.width, f.height);

  // Lane bands and names.
  f.layout.lanes.forEach((lane, i) => {
    ctx.fillStyle = i % 2 === 0 ? '#f8f9fb' : '#ffffff';
    ctx.fillRect(0, lane.top, f.width, lane.height);
    ctx.fillStyle = KIND_COLOR[lane.kind];
    ctx.fillRect(0, lane.top + 6, 3, lane.height - 12);
    ctx.font = FONT_BOLD;
    ctx.fillStyle = TEXT;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillText(lane.label, 12, lane.top + Math.min(lane.height / 2, 16));
    ctx.font = FONT;
    ctx.fillStyle = MUTED;
    if (lane.height >= 34) ctx.fillText(String(lane.count), 12, lane.top + 32);
    else ctx.fillText(String(lane.count), 12 + ctx.measureText(lane.label).width + 28, lane.top + lane.height / 2);
  });

  ctx.save();
  ctx.beginPath();
  ctx.rect(f.gutter, 0, plotW, f.height);
  ctx.clip();
  ctx.translate(f.gutter, 0);

  // Where the name of the "now" line goes in the axis row: after the line when
  // there is room (nothing is recorded after it), else before.
  const nowX = timeToX(f.view, plotW, f.now);
  const showNow = nowX >= 0 && nowX <= plotW;
  const lineX = Math.round(nowX) + 0.5;
  ctx.font = FONT_BOLD;
  const nowW = ctx.measureText(f.nowLabel).width + 10;
  const nowBoxX = lineX + 3 + nowW <= plotW ? lineX + 3 : lineX - 3 - nowW;

  // Grid and axis labels.
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const tick of f.ticks) {
    const x = Math.round(timeToX(f.view, plotW, tick.t)) + 0.5;
    ctx.strokeStyle = tick.major ? GRID_MAJOR : GRID;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, axisH - 6);
    ctx.lineTo(x, f.height);
    ctx.stroke();
    // A label cut by the right edge, or under the "now" label, is left out (its grid line stays).
    const labelEnd = x + 4 + textWidth(ctx, tick.label);
    if (labelEnd > plotW - 2) continue;
    if (showNow && labelEnd > nowBoxX - 4 && x < nowBoxX + nowW + 4) continue;
    ctx.fillStyle = tick.major ? TEXT : MUTED;
    ctx.fillText(tick.label, x + 4, axisH / 2);
  }
  ctx.strokeStyle = GRID_MAJOR;
  ctx.beginPath();
  ctx.moveTo(0, axisH - 0.5);
  ctx.lineTo(plotW, axisH - 0.5);
  ctx.stroke();

  // Today, or the date of death: a dashed line, named in the axis row.
  if (showNow) {
    ctx.strokeStyle = '#6b7685';
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(lineX, 2);
    ctx.lineTo(lineX, f.height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = TEXT;
    ctx.font = FONT_BOLD;
    ctx.fillText(f.nowLabel, nowBoxX + 5, axisH / 2);
    ctx.font = FONT;
  }

  // Events, culled to the view (plus a few pixels either side). Per row, the
  // shapes of one style are gathered into one path and filled once; labels
  // are drawn last, so that no bar covers a label of its row.
  const pad = ((f.view.end - f.view.start) / Math.max(1, plotW)) * 8;
  for (const lane of f.layout.lanes) {
    const color = KIND_COLOR[lane.kind];
    const stacked = SPAN_KINDS.has(lane.kind);
    const rowsTop = lane.top + (lane.height - lane.rows.length * lane.rowHeight) / 2;
    const barH = lane.rowHeight - 6;
    lane.rows.forEach((row, r) => {
      const yMid = rowsTop + r * lane.rowHeight + lane.rowHeight / 2;
      const top = yMid - barH / 2;
      let lastPointX = -Infinity;
      let lastSpanPx = -Infinity;
      // Right end of what this row has drawn so far: a label may use the room after it.
      let rowEndX = -Infinity;
      solidRects.length = 0;
      fadedRects.length = 0;
      solidPoints.length = 0;
      fadedPoints.length = 0;
      labels.length = 0;
      forEachVisible(row, f.view.start - pad, f.view.end + pad, (e) => {
        const x0 = timeToX(f.view, plotW, e.start);
        if (!e.isSpan) {
          // Many points on one pixel (a lab panel on one morning) are drawn once.
          const px = Math.round(x0);
          if (px === lastPointX) return;
          lastPointX = px;
          (isInactive(e) ? fadedPoints : solidPoints).push(x0);
          return;
        }
        const x1 = Math.max(timeToX(f.view, plotW, e.end), x0 + MIN_SPAN_PX);
        // Thousands of short spans (encounters at decade zoom) on one pixel are drawn once.
        if (x1 - x0 <= MIN_SPAN_PX) {
          const px = Math.round(x0);
          if (px === lastSpanPx) return;
          lastSpanPx = px;
        }
        const left = Math.max(x0, -4);
        const right = Math.min(x1, plotW + 4);
        if (right <= left) return;
        if (e.ongoing) drawOngoingSpan(ctx, x1, left, right, top, barH, yMid, color, plotW);
        else (isInactive(e) ? fadedRects : solidRects).push(left, right);
        // A span that starts under the previous one (a full last row) gets no label of its own.
        if (right - left > 12 || stacked) {
          labels.push({ e, x0, left, right, before: stacked ? Math.max(rowEndX, 0) : null, covered: x0 < rowEndX - 1 });
        }
        rowEndX = Math.max(rowEndX, x1);
      });
      fillRects(ctx, solidRects, top, barH, alphaStyle(color, 0.75));
      fillRects(ctx, fadedRects, top, barH, alphaStyle(color, 0.35));
      fillPoints(ctx, solidPoints, yMid, color);
      fillPoints(ctx, fadedPoints, yMid, alphaStyle(color, 0.55));
      let labelEnd = -Infinity;
      for (const job of labels) labelEnd = drawSpanLabel(ctx, job, yMid, labelEnd);
    });
  }

  for (const [e, strong] of [
    [f.selected, true],
    [f.hover, false],
  ] as const) {
    if (!e) continue;
    const lane = f.layout.lanes.find((l) => l.kind === e.kind);
    if (!lane) continue;
    const rowsTop = lane.top + (lane.height - lane.rows.length * lane.rowHeight) / 2;
    const r = lane.rows.findIndex((row) => row.items.includes(e));
    if (r < 0) continue;
    const yMid = rowsTop + r * lane.rowHeight + lane.rowHeight / 2;
    const x0 = timeToX(f.view, plotW, e.start);
    const x1 = e.isSpan ? Math.max(timeToX(f.view, plotW, e.end), x0 + MIN_SPAN_PX) : x0;
    ctx.strokeStyle = strong ? '#0b3d66' : '#1d2530';
    ctx.lineWidth = strong ? 2.5 : 1.5;
    ctx.beginPath();
    if (e.isSpan) ctx.rect(Math.max(-2, x0 - 2), yMid - lane.rowHeight / 2 + 1, Math.min(plotW + 4, x1 + 2) - Math.max(-2, x0 - 2), lane.rowHeight - 2);
    else ctx.arc(x0, yMid, 7, 0, Math.PI * 2);
    ctx.stroke();
    ctx.lineWidth = 1;
  }
  ctx.restore();

  // Gutter edge.
  ctx.strokeStyle = GRID_MAJOR;
  ctx.beginPath();
  ctx.moveTo(f.gutter - 0.5, 0);
  ctx.lineTo(f.gutter - 0.5, f.height);
  ctx.stroke();
}

interface LabelJob {
  readonly e: PreparedEvent;
  readonly x0: number;
  readonly left: number;
  readonly right: number;
  /** Right end of the row's previous item (room for a label before the bar); null: no label there. */
  readonly before: number | null;
  /** Starts under an earlier span of the row (only in a full last row). */
  readonly covered: boolean;
}

// Reused from frame to frame: drawing allocates almost nothing.
const solidRects: number[] = [];
const fadedRects: number[] = [];
const solidPoints: number[] = [];
const fadedPoints: number[] = [];
const labels: LabelJob[] = [];

const styles = new Map<string, string>();

/** withAlpha, computed once per colour and opacity. */
function alphaStyle(color: string, alpha: number): string {
  const key = `${color}/${alpha}`;
  let style = styles.get(key);
  if (style === undefined) {
    style = withAlpha(color, alpha);
    styles.set(key, style);
  }
  return style;
}

/** Bars given as [left, right] pairs, in one path and one fill. */
function fillRects(ctx: CanvasRenderingContext2D, pairs: readonly number[], top: number, h: number, style: string): void {
  if (pairs.length === 0) return;
  ctx.beginPath();
  for (let i = 0; i < pairs.length; i += 2) ctx.rect(pairs[i]!, top, pairs[i + 1]! - pairs[i]!, h);
  ctx.fillStyle = style;
  ctx.fill();
}

/** Diamonds at the given x, in one path and one fill. */
function fillPoints(ctx: CanvasRenderingContext2D, xs: readonly number[], y: number, style: string): void {
  if (xs.length === 0) return;
  ctx.beginPath();
  // fill() closes each diamond itself; an explicit closePath() per point costs
  // more than all the rest of a frame on a long path.
  for (const x of xs) {
    ctx.moveTo(x, y - 5);
    ctx.lineTo(x + 4, y);
    ctx.lineTo(x, y + 5);
    ctx.lineTo(x - 4, y);
  }
  ctx.fillStyle = style;
  ctx.fill();
}

/** An open span (an active problem, a current medication): solid, fading toward its end, with a chevron. */
function drawOngoingSpan(
  ctx: CanvasRenderingContext2D,
  x1: number,
  left: number,
  right: number,
  top: number,
  h: number,
  yMid: number,
  color: string,
  plotW: number,
): void {
  const grad = ctx.createLinearGradient(left, 0, right, 0);
  grad.addColorStop(0, alphaStyle(color, 0.85));
  grad.addColorStop(Math.max(0, Math.min(1, (right - left - 30) / Math.max(1, right - left))), alphaStyle(color, 0.7));
  grad.addColorStop(1, alphaStyle(color, 0.2));
  ctx.fillStyle = grad;
  ctx.fillRect(left, top, right - left, h);
  if (x1 <= plotW + 4) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x1 - 4, top + 1);
    ctx.lineTo(x1 + 1, yMid);
    ctx.lineTo(x1 - 4, top + h - 1);
    ctx.stroke();
    ctx.lineWidth = 1;
  }
}

/**
 * A span's label: inside the bar when it fits; else, on a stacked row, before
 * the bar in the room the row's previous item left; else inside, shortened.
 * Never over the previous label of the row. Answers where this row's labels now end.
 */
function drawSpanLabel(ctx: CanvasRenderingContext2D, job: LabelJob, yMid: number, labelEnd: number): number {
  const { e, x0, left, right } = job;
  if (job.covered) return labelEnd;
  const inactive = isInactive(e);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  const insideLeft = Math.max(left, 0) + 5;
  const insideW = right - insideLeft - (e.ongoing ? 9 : 3);
  const full = textWidth(ctx, e.label);
  const roomBefore = job.before === null ? 0 : x0 - Math.max(job.before, labelEnd, 0) - 10;
  if (insideLeft >= labelEnd && full <= insideW) {
    ctx.fillStyle = inactive ? TEXT : '#ffffff';
    ctx.textAlign = 'left';
    ctx.fillText(e.label, insideLeft, yMid + 0.5);
    return insideLeft + full;
  }
  if (x0 > 0 && roomBefore >= Math.min(full, 80)) {
    ctx.fillStyle = TEXT;
    ctx.textAlign = 'right';
    ctx.fillText(fitText(ctx, e.label, roomBefore), x0 - 5, yMid + 0.5);
    ctx.textAlign = 'left';
    return Math.max(labelEnd, x0);
  }
  if (insideLeft >= labelEnd && insideW > 36) {
    const text = fitText(ctx, e.label, insideW);
    ctx.fillStyle = inactive ? TEXT : '#ffffff';
    ctx.textAlign = 'left';
    ctx.fillText(text, insideLeft, yMid + 0.5);
    return insideLeft + insideW;
  }
  return labelEnd;
}

// Label widths, by label: the font never changes, and a chart repeats its labels.
const widths = new Map<string, number>();

function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let w = widths.get(text);
  if (w === undefined) {
    if (widths.size > 20_000) widths.clear();
    w = ctx.measureText(text).width;
    widths.set(text, w);
  }
  return w;
}

/**
 * The text, shortened with an ellipsis to fit `max` pixels. Starts from the
 * proportional guess and corrects it, so a label costs two or three
 * measurements even while a pan changes the room every frame.
 */
export function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  const full = textWidth(ctx, text);
  if (full <= max) return text;
  const fits = (n: number) => n === 0 || ctx.measureText(`${text.slice(0, n).trimEnd()}…`).width <= max;
  let n = Math.max(0, Math.min(text.length - 1, Math.floor((text.length * max) / full)));
  if (fits(n)) {
    while (n + 1 < text.length && fits(n + 1)) n++;
  } else {
    while (n > 0 && !fits(n)) n--;
  }
  return n === 0 ? '' : `${text.slice(0, n).trimEnd()}…`;
}

/** Text for the hover tooltip's date line; for a deceased patient an open span ran "until death". */
export function describeWhen(e: PreparedEvent, deceased = false): string {
  const text = formatRange(e.startText, e.isSpan ? e.endText : null, e.ongoing);
  return deceased && e.ongoing ? text.replace(/ongoing$/, 'until death') : text;
}

/**
 * The other records under the pointer, for the tooltip: distinct labels with
 * how many times each occurs ("Check-up ×7; Follow-up ×2"), at most `max`.
 */
export function describeOthers(items: readonly PreparedEvent[], max = 3): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.label, (counts.get(item.label) ?? 0) + 1);
  const parts = [...counts].slice(0, max).map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
  return `${parts.join('; ')}${counts.size > max ? '; …' : ''}`;
}
