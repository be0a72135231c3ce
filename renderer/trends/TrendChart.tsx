import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Series } from '../../electron/api/schemas';
import { displayUnit } from '../../electron/api/clinical-format';
import { formatMsDateTime, formatValue } from '../ui/format';
import { timeAxisLabel, toTrendData, xRange, yRange } from '../ui/analytes';

export interface TrendChartProps {
  readonly series: Series;
  readonly onOpenPoint: (id: string) => void;
}

const LINE = '#1d5c8c';
const OUT = '#a3261e';
const BAND_FILL = 'rgba(42, 125, 80, 0.12)';
const BAND_EDGE = 'rgba(42, 125, 80, 0.55)';
const HEIGHT = 320;

/**
 * One analyte over time (uPlot): the reference range as a shaded band,
 * results outside it as red dots, the unit on the y axis. Click a point for
 * its details; drag across to zoom, double-click to zoom back out.
 */
export function TrendChart({ series, onOpenPoint }: TrendChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const openRef = useRef(onOpenPoint);
  openRef.current = onOpenPoint;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const data = toTrendData(series);
    // As clinicians write the unit (mmHg, °C); the record keeps its UCUM code (mm[Hg], Cel).
    const unit = displayUnit(series.unit);
    const { refLow, refHigh } = series;
    const withUnit = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${formatValue(v)}${unit ? ` ${unit}` : ''}`);

    const band = (u: uPlot) => {
      if (refLow === null && refHigh === null) return;
      const { ctx, bbox } = u;
      const yTop = refHigh !== null ? u.valToPos(refHigh, 'y', true) : bbox.top;
      const yBottom = refLow !== null ? u.valToPos(refLow, 'y', true) : bbox.top + bbox.height;
      const top = Math.max(bbox.top, Math.min(yTop, yBottom));
      const bottom = Math.min(bbox.top + bbox.height, Math.max(yTop, yBottom));
      ctx.save();
      ctx.fillStyle = BAND_FILL;
      if (bottom > top) ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
      ctx.strokeStyle = BAND_EDGE;
      ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
      ctx.lineWidth = devicePixelRatio;
      for (const y of [refHigh !== null ? yTop : null, refLow !== null ? yBottom : null]) {
        if (y === null || y < bbox.top || y > bbox.top + bbox.height) continue;
        ctx.beginPath();
        ctx.moveTo(bbox.left, y);
        ctx.lineTo(bbox.left + bbox.width, y);
        ctx.stroke();
      }
      ctx.restore();
    };

    // The value under the pointer, beside its point: date, value with unit, and a flag when outside the range.
    const tip = document.createElement('div');
    tip.className = 'trend-tip';
    tip.hidden = true;
    tip.setAttribute('role', 'tooltip');
    const showTip = (u: uPlot) => {
      const idx = u.cursor.idx;
      const xVal = idx === null || idx === undefined ? undefined : data.x[idx];
      const yVal = idx === null || idx === undefined ? undefined : data.y[idx];
      if (xVal === undefined || yVal === undefined || (u.cursor.left ?? -1) < 0) {
        tip.hidden = true;
        return;
      }
      const when = document.createElement('div');
      when.className = 'when';
      when.textContent = formatMsDateTime(xVal * 1000);
      const value = document.createElement('div');
      value.className = 'value';
      value.textContent = withUnit(yVal);
      tip.replaceChildren(when, value);
      if (data.outside[idx!] !== null) {
        const flag = document.createElement('div');
        flag.className = 'flag';
        flag.textContent = refHigh !== null && yVal > refHigh ? 'Above the reference range' : 'Below the reference range';
        tip.append(flag);
      }
      tip.hidden = false;
      const px = u.valToPos(xVal, 'x');
      const py = u.valToPos(yVal, 'y');
      const width = u.over.clientWidth;
      const flip = px + 16 + tip.offsetWidth > width;
      tip.style.left = `${flip ? px - 12 - tip.offsetWidth : px + 12}px`;
      tip.style.top = `${Math.max(0, py - tip.offsetHeight - 8)}px`;
    };

    const opts: uPlot.Options = {
      width: Math.max(300, el.clientWidth),
      height: HEIGHT,
      scales: {
        x: { time: true, range: (_u, min, max) => xRange(min, max) },
        y: { range: () => yRange(data.y, refLow, refHigh) },
      },
      axes: [
        {
          stroke: '#566170',
          grid: { stroke: '#edf0f3', width: 1 },
          ticks: { stroke: '#dde2e8', width: 1 },
          values: (_u, splits, _axis, _space, incr) => splits.map((s) => timeAxisLabel(s, incr)),
        },
        {
          stroke: '#566170',
          label: unit || 'Value',
          labelSize: 22,
          size: 64,
          grid: { stroke: '#edf0f3', width: 1 },
          ticks: { stroke: '#dde2e8', width: 1 },
          values: (_u, splits) => splits.map((s) => formatValue(s)),
        },
      ],
      series: [
        { value: (_u, v) => (v === null || v === undefined ? '—' : formatMsDateTime(v * 1000)) },
        {
          label: series.display,
          stroke: LINE,
          width: 1.5,
          points: { show: true, size: 7, fill: '#ffffff', stroke: LINE, width: 1.5 },
          value: (_u, v) => withUnit(v),
        },
        {
          label: 'Outside reference range',
          stroke: OUT,
          width: 0,
          paths: () => null,
          points: { show: true, size: 10, fill: OUT, stroke: OUT, width: 1 },
          value: (_u, v) => (v === null || v === undefined ? '—' : 'yes'),
          show: data.outsideCount > 0,
        },
      ],
      cursor: { drag: { x: true, y: false }, points: { size: 9 } },
      // The head above the chart is the legend; the value under the pointer shows beside its point.
      legend: { show: false },
      hooks: { drawClear: [band], setCursor: [showTip] },
    };

    const plot = new uPlot(opts, [data.x, data.y, data.outside], el);
    plot.over.append(tip);

    // A click on (or next to) a point opens that result; a drag-to-zoom is not a click.
    let down: { x: number; y: number } | null = null;
    const over = plot.over;
    const onDown = (e: MouseEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onClick = (e: MouseEvent) => {
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) return;
      const idx = plot.cursor.idx;
      if (idx === null || idx === undefined) return;
      const xVal = data.x[idx];
      const yVal = data.y[idx];
      if (xVal === undefined || yVal === undefined) return;
      const px = plot.valToPos(xVal, 'x');
      const py = plot.valToPos(yVal, 'y');
      const cx = plot.cursor.left ?? -1;
      const cy = plot.cursor.top ?? -1;
      if (Math.abs(px - cx) <= 12 && Math.abs(py - cy) <= 24) {
        const id = data.ids[idx];
        if (id) openRef.current(id);
      }
    };
    over.addEventListener('mousedown', onDown);
    over.addEventListener('click', onClick);
    over.style.cursor = 'crosshair';

    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(300, el.clientWidth), height: HEIGHT }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      over.removeEventListener('mousedown', onDown);
      over.removeEventListener('click', onClick);
      plot.destroy();
    };
  }, [series]);

  return (
    <div
      className="trend-chart"
      ref={host}
      data-testid="trend-chart"
      role="img"
      aria-label={`${series.display} over time: ${series.points.length} results${series.unit ? ` in ${displayUnit(series.unit)}` : ''}`}
    />
  );
}
