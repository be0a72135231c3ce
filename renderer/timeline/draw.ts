import { formatRange } from '../ui/format';
import { KIND_COLOR, withAlpha } from './colors';
import { forEachVisible, MIN_SPAN_PX, type Layout, type PreparedEvent } from './layout';
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
    ctx.fillStyle = tick.major ? TEXT : MUTED;
    ctx.fillText(tick.label, x + 4, axisH / 2);
  }
  ctx.strokeStyle = GRID_MAJOR;
  ctx.beginPath();
  ctx.moveTo(0, axisH - 0.5);
  ctx.lineTo(plotW, axisH - 0.5);
  ctx.stroke();

  // Today.
  const nowX = timeToX(f.view, plotW, f.now);
  if (nowX >= 0 && nowX <= plotW) {
    ctx.strokeStyle = '#8a94a3';
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(Math.round(nowX) + 0.5, axisH);
    ctx.lineTo(Math.round(nowX) + 0.5, f.height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#ffffff';
    const w = ctx.measureText('Today').width + 8;
    ctx.fillRect(nowX - w - 2, axisH + 1, w, 16);
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'right';
    ctx.fillText('Today', nowX - 6, axisH + 9);
    ctx.textAlign = 'left';
  }

  // Events, culled to the view (plus a few pixels either side).
  const pad = ((f.view.end - f.view.start) / Math.max(1, plotW)) * 8;
  for (const lane of f.layout.lanes) {
    const color = KIND_COLOR[lane.kind];
    const rowsTop = lane.top + (lane.height - lane.rows.length * lane.rowHeight) / 2;
    lane.rows.forEach((row, r) => {
      const yMid = rowsTop + r * lane.rowHeight + lane.rowHeight / 2;
      let lastPointX = -Infinity;
      forEachVisible(row, f.view.start - pad, f.view.end + pad, (e) => {
        const x0 = timeToX(f.view, plotW, e.start);
        if (e.isSpan) {
          const x1 = Math.max(timeToX(f.view, plotW, e.end), x0 + MIN_SPAN_PX);
          drawSpan(ctx, e, x0, x1, yMid, lane.rowHeight, color, plotW);
        } else {
          // Many points on one pixel (a lab panel on one morning) are drawn once.
          const px = Math.round(x0);
          if (px === lastPointX) return;
          lastPointX = px;
          drawPoint(ctx, x0, yMid, color, isInactive(e));
        }
      });
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

function drawPoint(ctx: CanvasRenderingContext2D, x: number, y: number, color: string, faded: boolean): void {
  ctx.fillStyle = faded ? withAlpha(color, 0.55) : color;
  ctx.beginPath();
  ctx.moveTo(x, y - 5);
  ctx.lineTo(x + 4, y);
  ctx.lineTo(x, y + 5);
  ctx.lineTo(x - 4, y);
  ctx.closePath();
  ctx.fill();
}

function drawSpan(
  ctx: CanvasRenderingContext2D,
  e: PreparedEvent,
  x0: number,
  x1: number,
  yMid: number,
  rowHeight: number,
  color: string,
  plotW: number,
): void {
  const h = rowHeight - 6;
  const top = yMid - h / 2;
  const left = Math.max(x0, -4);
  const right = Math.min(x1, plotW + 4);
  if (right <= left) return;
  const inactive = isInactive(e);
  if (e.ongoing) {
    // Open end: solid, fading out toward today, with a chevron.
    const grad = ctx.createLinearGradient(left, 0, right, 0);
    grad.addColorStop(0, withAlpha(color, 0.85));
    grad.addColorStop(Math.max(0, Math.min(1, (right - left - 30) / Math.max(1, right - left))), withAlpha(color, 0.7));
    grad.addColorStop(1, withAlpha(color, 0.2));
    ctx.fillStyle = grad;
  } else {
    ctx.fillStyle = withAlpha(color, inactive ? 0.35 : 0.75);
  }
  ctx.fillRect(left, top, right - left, h);
  if (e.ongoing && x1 <= plotW + 4) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x1 - 4, top + 1);
    ctx.lineTo(x1 + 1, yMid);
    ctx.lineTo(x1 - 4, top + h - 1);
    ctx.stroke();
    ctx.lineWidth = 1;
  }
  const visibleW = right - Math.max(left, 0);
  if (visibleW > 40) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(Math.max(left, 0), top, visibleW - (e.ongoing ? 8 : 2), h);
    ctx.clip();
    ctx.font = FONT;
    ctx.fillStyle = inactive ? TEXT : '#ffffff';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillText(e.label, Math.max(left, 0) + 5, yMid + 0.5);
    ctx.restore();
  }
}

/** Text for the hover tooltip's date line. */
export function describeWhen(e: PreparedEvent): string {
  return formatRange(e.startText, e.isSpan ? e.endText : null, e.ongoing);
}
