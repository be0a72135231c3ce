import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { describeOthers, describeWhen, drawFrame } from './draw';
import { hitTest, KIND_SINGULAR, type Hit, type Layout, type PreparedEvent } from './layout';
import { pan, wheelZoomFactor, xToTime, zoomAt, type ViewRange } from './scale';
import { computeTicks } from './ticks';
import { formatStatus } from '../ui/format';

export const GUTTER = 150;

/**
 * User Timing names: the canvas drawing alone, and a whole view change (the
 * animation frame, React's update and the drawing). Visible in the browser's
 * performance tools; the timeline benchmark observes them.
 */
export const DRAW_MEASURE = 'continuum:timeline-draw';
export const FRAME_MEASURE = 'continuum:timeline-frame';

function recordTiming(name: string, start: number): void {
  // Observers still receive the entry; clearing it keeps a long session's buffer empty.
  performance.measure(name, { start, end: performance.now() });
  performance.clearMeasures(name);
}
const BOTTOM_PAD = 6;

export interface TimelineCanvasProps {
  readonly layout: Layout;
  readonly view: ViewRange;
  readonly now: number;
  /** The patient died at `now`. */
  readonly deceased?: boolean;
  readonly selectedId: string | null;
  readonly onViewChange: (view: ViewRange) => void;
  readonly onOpen: (event: PreparedEvent) => void;
  readonly label: string;
}

interface HoverState {
  readonly hit: Hit;
  readonly x: number;
  readonly y: number;
}

/**
 * The timeline drawn on a canvas: only what is in view is drawn (culled by
 * binary search), hover and click are hit-tested against the model, and
 * the wheel zooms about the pointer, drag pans, a two-finger pinch zooms.
 */
export function TimelineCanvas({ layout, view, now, deceased = false, selectedId, onViewChange, onOpen, label }: TimelineCanvasProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(900);
  const [hover, setHover] = useState<HoverState | null>(null);
  const [dragging, setDragging] = useState(false);
  const height = layout.height + BOTTOM_PAD;
  const plotW = Math.max(50, width - GUTTER);

  // Latest values for the native listeners and the animation frame.
  const viewRef = useRef(view);
  viewRef.current = view;
  const pendingView = useRef<ViewRange | null>(null);
  const frame = useRef<number | null>(null);
  /** When the animation frame that applies a new view began, for the frame timing. */
  const frameStarted = useRef<number | null>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ startX: number; startView: ViewRange; moved: boolean; pinchDist: number | null } | null>(null);

  const requestView = (next: ViewRange) => {
    pendingView.current = next;
    viewRef.current = next;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      frameStarted.current = performance.now();
      if (pendingView.current) onViewChange(pendingView.current);
      pendingView.current = null;
    });
  };

  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    setWidth(wrap.clientWidth);
    const observer = new ResizeObserver(() => setWidth(wrap.clientWidth));
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  const selected = useMemo(() => {
    if (!selectedId) return null;
    for (const lane of layout.lanes) for (const row of lane.rows) for (const item of row.items) if (item.id === selectedId) return item;
    return null;
  }, [layout, selectedId]);

  // Draw whenever anything visible changes: in a layout effect, so that the
  // canvas is redrawn in the same frame as the view change, before paint.
  useLayoutEffect(() => {
    const drawStarted = performance.now();
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawFrame(ctx, {
      layout,
      view,
      ticks: computeTicks(view, plotW),
      width,
      height,
      gutter: GUTTER,
      now,
      nowLabel: deceased ? 'Died' : 'Today',
      hover: hover?.hit.items[0] ?? null,
      selected,
    });
    recordTiming(DRAW_MEASURE, drawStarted);
    if (frameStarted.current !== null) {
      recordTiming(FRAME_MEASURE, frameStarted.current);
      frameStarted.current = null;
    }
  }, [layout, view, width, height, plotW, now, deceased, hover, selected]);

  // Wheel: a native, non-passive listener so the page does not scroll while zooming.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      const x = e.offsetX - GUTTER;
      if (x < 0) return;
      e.preventDefault();
      const current = viewRef.current;
      const msPerPx = (current.end - current.start) / plotW;
      const horizontal = Math.abs(e.deltaX) > Math.abs(e.deltaY);
      if (horizontal || e.shiftKey) {
        const delta = horizontal ? e.deltaX : e.deltaY;
        requestView(pan(current, delta * msPerPx));
      } else {
        requestView(zoomAt(current, wheelZoomFactor(e.deltaY, e.deltaMode), xToTime(current, plotW, x)));
      }
      setHover(null);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [plotW]);

  const localPoint = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const p = localPoint(e);
    pointers.current.set(e.pointerId, p);
    e.currentTarget.setPointerCapture(e.pointerId);
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()];
      gesture.current = { startX: (a!.x + b!.x) / 2, startView: viewRef.current, moved: true, pinchDist: Math.hypot(a!.x - b!.x, a!.y - b!.y) };
    } else {
      gesture.current = { startX: p.x, startView: viewRef.current, moved: false, pinchDist: null };
    }
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const p = localPoint(e);
    const g = gesture.current;
    if (g && pointers.current.has(e.pointerId)) {
      pointers.current.set(e.pointerId, p);
      if (g.pinchDist !== null && pointers.current.size === 2) {
        const [a, b] = [...pointers.current.values()];
        const dist = Math.hypot(a!.x - b!.x, a!.y - b!.y);
        if (dist > 10) {
          const anchor = xToTime(g.startView, plotW, g.startX - GUTTER);
          requestView(zoomAt(g.startView, g.pinchDist / dist, anchor));
        }
        return;
      }
      const dx = p.x - g.startX;
      if (!g.moved && Math.abs(dx) > 4) {
        g.moved = true;
        setDragging(true);
        setHover(null);
      }
      if (g.moved) {
        const msPerPx = (g.startView.end - g.startView.start) / plotW;
        requestView(pan(g.startView, -dx * msPerPx));
      }
      return;
    }
    if (p.x < GUTTER) {
      setHover(null);
      return;
    }
    const hit = hitTest(layout, viewRef.current, plotW, p.x - GUTTER, p.y);
    setHover(hit ? { hit, x: p.x, y: p.y } : null);
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const g = gesture.current;
    pointers.current.delete(e.pointerId);
    if (pointers.current.size > 0) return;
    gesture.current = null;
    setDragging(false);
    if (g && !g.moved) {
      const p = localPoint(e);
      if (p.x >= GUTTER) {
        const hit = hitTest(layout, viewRef.current, plotW, p.x - GUTTER, p.y);
        const first = hit?.items[0];
        if (first) onOpen(first);
      }
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const current = viewRef.current;
    const s = current.end - current.start;
    const centre = current.start + s / 2;
    if (e.key === 'ArrowLeft') requestView(pan(current, -s * 0.2));
    else if (e.key === 'ArrowRight') requestView(pan(current, s * 0.2));
    else if (e.key === '+' || e.key === '=') requestView(zoomAt(current, 0.6, centre));
    else if (e.key === '-' || e.key === '_') requestView(zoomAt(current, 1 / 0.6, centre));
    else return;
    e.preventDefault();
  };

  const top = hover?.hit.items[0];
  const more = hover ? hover.hit.items.length - 1 : 0;
  const tooltipLeft = hover ? (hover.x + 340 > width ? Math.max(4, hover.x - 350) : hover.x + 14) : 0;

  return (
    <div className="timeline-wrap" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height }}
        className={dragging ? 'dragging' : top ? 'pointing' : undefined}
        tabIndex={0}
        role="img"
        aria-label={label}
        data-testid="timeline-canvas"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
      />
      {hover && top && (
        <div className="tooltip" style={{ left: tooltipLeft, top: hover.y + 16 }} role="tooltip">
          <div className="t-kind">{KIND_SINGULAR[top.kind]}</div>
          <div>
            <strong>{top.label}</strong>
          </div>
          <div className="t-when">
            {describeWhen(top, deceased)}
            {top.status ? ` · ${formatStatus(top.status)}` : ''}
          </div>
          {more > 0 && (
            <div className="t-more">
              and {more} more here: {describeOthers(hover.hit.items.slice(1))}
            </div>
          )}
          <div className="t-more">Click for details</div>
        </div>
      )}
    </div>
  );
}
