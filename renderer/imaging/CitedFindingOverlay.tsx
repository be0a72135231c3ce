import type { Point } from '../../electron/api/imaging-schemas';
import type { ImagingFindingDto } from '../../electron/api/photo-schemas';
import { citedMeasureText } from './cited-finding';

/**
 * Pure: a cited finding drawn over the X-ray, in its own colour (orange,
 * dashed, labelled "Cited") so that it is never taken for one of the
 * clinician's live measurements, and cannot be dragged (it is the record,
 * not a tool). `points` are the finding's image points already mapped to the
 * canvas (the viewer maps them on every render, so zoom, pan, rotation and
 * flips carry the drawing along).
 */
export function CitedFindingOverlay({ finding, points, width }: { readonly finding: ImagingFindingDto; readonly points: readonly Point[]; readonly width: number }) {
  if (points.length === 0) return null;
  const label = `Cited: ${citedMeasureText(finding)}`;
  // The label goes by the first point (a length's start, an angle's first arm, a note's pin): the tools write
  // their own text by the last handle, so the two never sit on each other. It runs towards the middle of the
  // canvas, so that it is not cut at the edge.
  const anchor = points[0]!;
  const leftward = anchor.x > width / 2;
  return (
    <svg className="xray-cited-overlay" data-testid="cited-overlay" data-kind={finding.kind} aria-label={`Cited finding drawn on the image: ${label}`} role="img">
      <g className="xray-cited-shape">
        {finding.kind === 'length' && points.length === 2 && <line x1={points[0]!.x} y1={points[0]!.y} x2={points[1]!.x} y2={points[1]!.y} data-testid="cited-line" />}
        {finding.kind === 'angle' && points.length === 3 && <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} data-testid="cited-angle" />}
        {points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={finding.kind === 'text' ? 6 : 4} />
        ))}
      </g>
      <text className="xray-cited-label" x={leftward ? anchor.x - 10 : anchor.x + 10} y={anchor.y - 12} textAnchor={leftward ? 'end' : 'start'} data-testid="cited-label">
        {label}
      </text>
    </svg>
  );
}
