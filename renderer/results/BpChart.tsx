import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Vitals } from '../../electron/api/schemas';
import { isoToMs, formatMsDateTime, formatValue } from '../ui/format';
import { timeAxisLabel, xRange } from '../ui/analytes';

const SYSTOLIC = '#a3261e';
const DIASTOLIC = '#1d5c8c';
const GOAL_FILL = 'rgba(42, 125, 80, 0.10)';
const GOAL_EDGE = 'rgba(42, 125, 80, 0.7)';
const HEIGHT = 260;

export interface BpChartProps {
  readonly bp: Vitals['bp'];
  readonly onOpen: (observationId: string) => void;
}

/**
 * Pure (uPlot): systolic and diastolic on one chart, with the goal as a
 * target band (below the diastolic goal shaded, the systolic goal as a
 * line, both labelled with their source in the heading above). A click on
 * a reading opens its systolic record.
 */
export function BpChart({ bp, onOpen }: BpChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  useEffect(() => {
    const el = host.current;
    if (!el || bp.points.length === 0) return;
    const points = bp.points.filter((p) => isoToMs(p.at) !== null);
    const x = points.map((p) => isoToMs(p.at)! / 1000);
    const sys = points.map((p) => p.systolic);
    const dia = points.map((p) => p.diastolic);
    const { systolicBelow, diastolicBelow } = bp.target;
    const values = [...sys, ...dia].filter((v): v is number => v !== null);
    const low = Math.min(50, ...values) - 5;
    const high = Math.max(systolicBelow + 20, ...values) + 5;

    const band = (u: uPlot) => {
      const { ctx, bbox } = u;
      const ySys = u.valToPos(systolicBelow, 'y', true);
      const yDia = u.valToPos(diastolicBelow, 'y', true);
      ctx.save();
      // The target band: readings at goal lie under the systolic line (and their diastolic under its line).
      ctx.fillStyle = GOAL_FILL;
      ctx.fillRect(bbox.left, ySys, bbox.width, bbox.top + bbox.height - ySys);
      ctx.strokeStyle = GOAL_EDGE;
      ctx.lineWidth = devicePixelRatio;
      ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
      for (const y of [ySys, yDia]) {
        ctx.beginPath();
        ctx.moveTo(bbox.left, y);
        ctx.lineTo(bbox.left + bbox.width, y);
        ctx.stroke();
      }
      ctx.setLineDash([]);
      ctx.fillStyle = GOAL_EDGE;
      ctx.font = `${11 * devicePixelRatio}px sans-serif`;
      ctx.fillText(`systolic goal < ${systolicBelow}`, bbox.left + 6 * devicePixelRatio, ySys - 4 * devicePixelRatio);
      ctx.fillText(`diastolic goal < ${diastolicBelow}`, bbox.left + 6 * devicePixelRatio, yDia - 4 * devicePixelRatio);
      ctx.restore();
    };

    const opts: uPlot.Options = {
      width: Math.max(300, el.clientWidth),
      height: HEIGHT,
      scales: { x: { time: true, range: (_u, min, max) => xRange(min, max) }, y: { range: () => [low, high] } },
      axes: [
        {
          stroke: '#566170',
          grid: { stroke: '#edf0f3', width: 1 },
          ticks: { stroke: '#dde2e8', width: 1 },
          values: (_u, splits, _axis, _space, incr) => splits.map((s) => timeAxisLabel(s, incr)),
        },
        { stroke: '#566170', label: 'mmHg', labelSize: 22, size: 56, grid: { stroke: '#edf0f3', width: 1 }, values: (_u, splits) => splits.map((s) => formatValue(s, 0)) },
      ],
      series: [
        { value: (_u, v) => (v === null || v === undefined ? '—' : formatMsDateTime(v * 1000)) },
        { label: 'Systolic', stroke: SYSTOLIC, width: 1.5, spanGaps: true, points: { show: true, size: 6, fill: '#fff', stroke: SYSTOLIC }, value: (_u, v) => (v == null ? '—' : `${formatValue(v, 0)} mmHg`) },
        { label: 'Diastolic', stroke: DIASTOLIC, width: 1.5, spanGaps: true, points: { show: true, size: 6, fill: '#fff', stroke: DIASTOLIC }, value: (_u, v) => (v == null ? '—' : `${formatValue(v, 0)} mmHg`) },
      ],
      cursor: { drag: { x: true, y: false }, points: { size: 8 } },
      // The key is in the card's heading; the values under the pointer show in the tooltip of each point.
      legend: { show: false },
      hooks: { drawClear: [band] },
    };
    const plot = new uPlot(opts, [x, sys, dia], el);
    const onClick = () => {
      const idx = plot.cursor.idx;
      const id = idx === null || idx === undefined ? null : (points[idx]?.systolicId ?? points[idx]?.diastolicId ?? null);
      if (id) openRef.current(id);
    };
    plot.over.addEventListener('click', onClick);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(300, el.clientWidth), height: HEIGHT }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.over.removeEventListener('click', onClick);
      plot.destroy();
    };
  }, [bp]);

  if (bp.points.length === 0) return <p className="muted">No blood pressure recorded.</p>;
  return <div className="bp-chart" ref={host} data-testid="bp-chart" role="img" aria-label={`Blood pressure over time: ${bp.points.length} readings, systolic and diastolic, with the goal`} />;
}
