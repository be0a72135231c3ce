import { useEffect, useRef, type ReactNode } from 'react';
import type { Point } from '../../electron/api/imaging-schemas';

export interface Shape {
  readonly kind: 'outline' | 'line' | 'angle' | 'pin' | 'draft';
  readonly points: readonly Point[];
  readonly label?: string;
  /** A colour role, not a colour: the stylesheet decides. */
  readonly role: 'lesion' | 'calibration' | 'diameter' | 'finding' | 'draft';
}

/**
 * Pure: an image at its own pixel grid with shapes drawn over it in image
 * pixels (SVG viewBox = the image), scaled to the width available. Clicks
 * come back in image pixels.
 */
export function ImageStage({
  bitmap,
  width,
  height,
  shapes,
  onPoint,
  cursor,
  label,
  testId,
  children,
}: {
  readonly bitmap: ImageBitmap | null;
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly Shape[];
  readonly onPoint?: (p: Point) => void;
  readonly cursor?: 'crosshair' | 'default';
  readonly label: string;
  readonly testId?: string;
  readonly children?: ReactNode;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !bitmap) return;
    c.getContext('2d')?.drawImage(bitmap, 0, 0);
  }, [bitmap]);
  const stroke = Math.max(1.5, Math.max(width, height) / 300);
  return (
    <div className="derm-stage" data-testid={testId} data-loaded={bitmap ? 'true' : 'false'} style={{ aspectRatio: `${width} / ${height}` }}>
      <canvas ref={canvas} width={width} height={height} aria-label={label} role="img" />
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className={`derm-overlay${cursor === 'crosshair' ? ' picking' : ''}`}
        onClick={(e) => {
          if (!onPoint) return;
          const rect = e.currentTarget.getBoundingClientRect();
          onPoint({ x: round((e.clientX - rect.left) * (width / rect.width)), y: round((e.clientY - rect.top) * (height / rect.height)) });
        }}
      >
        {shapes.map((s, i) => (
          <g key={i} className={`shape shape-${s.role}`} strokeWidth={stroke}>
            {s.kind === 'outline' && <polygon points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} />}
            {(s.kind === 'line' || s.kind === 'angle' || s.kind === 'draft') && <polyline points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" />}
            {s.points.map((p, j) => (
              <circle key={j} cx={p.x} cy={p.y} r={stroke * 1.6} />
            ))}
            {s.label && s.points[0] && (
              <text x={s.points[0].x + stroke * 3} y={s.points[0].y - stroke * 3} fontSize={stroke * 9}>
                {s.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      {children}
    </div>
  );
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
