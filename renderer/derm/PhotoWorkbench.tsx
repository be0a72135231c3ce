import { useState } from 'react';
import type { Point } from '../../electron/api/imaging-schemas';
import type { Lesion, PhotoSummary } from '../../electron/api/photo-schemas';
import { call, errorMessage } from '../api/client';
import { calibrationText, day, sizeText, UNCALIBRATED_WARNING } from './format';
import { ImageStage, type Shape } from './ImageStage';
import { photoBitmap } from './image-source';
import { useBitmap } from './use-bitmap';

type Mode = { kind: 'view' } | { kind: 'calibrate'; points: Point[] } | { kind: 'outline'; points: Point[] };

/**
 * One photo with its tools: calibration (mark the two ends of a ruler
 * segment, type its length), lesion outline (click around the lesion, then
 * close it), the measurements in mm (or a plain warning that they are in
 * pixels only), and "Record finding", which proposes the measurement for the
 * clinician to confirm.
 */
export function PhotoWorkbench({
  photo,
  lesions,
  onChanged,
  onProposed,
}: {
  readonly photo: PhotoSummary;
  readonly lesions: readonly Lesion[];
  readonly onChanged: () => Promise<void>;
  readonly onProposed: () => Promise<void>;
}) {
  const { bitmap, error: loadError } = useBitmap(photo.id, () => photoBitmap(photo.id));
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [knownMm, setKnownMm] = useState('10');
  const [lesionId, setLesionId] = useState(photo.lesionId ?? lesions[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lesionName = (id: string) => lesions.find((l) => l.id === id)?.name ?? 'lesion';

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const addPoint = (p: Point) => {
    if (mode.kind === 'calibrate' && mode.points.length < 2) setMode({ kind: 'calibrate', points: [...mode.points, p] });
    if (mode.kind === 'outline') setMode({ kind: 'outline', points: [...mode.points, p] });
  };
  const saveCalibration = () =>
    run(async () => {
      if (mode.kind !== 'calibrate' || mode.points.length !== 2) return;
      const mm = Number(knownMm.replace(',', '.'));
      if (!(mm > 0)) throw new Error('Type the known length in millimetres (a number above 0).');
      await call('photos.calibrate', { photoId: photo.id, from: mode.points[0]!, to: mode.points[1]!, knownMm: mm });
      setMode({ kind: 'view' });
      await onChanged();
    });
  const saveOutline = () =>
    run(async () => {
      if (mode.kind !== 'outline') return;
      if (!lesionId) throw new Error('Choose the lesion this outline is of (or name a new lesion first).');
      await call('lesions.outline', { photoId: photo.id, lesionId, points: mode.points });
      setMode({ kind: 'view' });
      await onChanged();
    });
  const recordFinding = (outline: PhotoSummary['outlines'][number]) =>
    run(async () => {
      await call('findings.propose', { target: { kind: 'photo', photoId: photo.id, lesionId: outline.lesionId }, annotation: { kind: 'lesion', points: outline.points } });
      await onProposed();
    });

  const shapes: Shape[] = [];
  if (photo.calibration) shapes.push({ kind: 'line', points: [photo.calibration.from, photo.calibration.to], role: 'calibration', label: `${photo.calibration.knownMm} mm` });
  for (const o of photo.outlines) {
    shapes.push({ kind: 'outline', points: o.points, role: 'lesion', label: lesionName(o.lesionId) });
    if (o.diameterFrom && o.diameterTo) shapes.push({ kind: 'line', points: [o.diameterFrom, o.diameterTo], role: 'diameter' });
  }
  if (mode.kind !== 'view' && mode.points.length > 0) shapes.push({ kind: 'draft', points: mode.points, role: 'draft' });

  const hint =
    mode.kind === 'calibrate'
      ? mode.points.length < 2
        ? `Click the ${mode.points.length === 0 ? 'first' : 'second'} end of a ruler segment or other known length.`
        : 'Type the length between the two marks and save.'
      : mode.kind === 'outline'
        ? `Click around the edge of the lesion (${mode.points.length} point${mode.points.length === 1 ? '' : 's'}); close the outline when done.`
        : null;

  return (
    <div className="derm-workbench" data-testid="photo-workbench">
      <div className="derm-photo-title">
        <strong>{photo.bodySite}</strong> · taken {day(photo.takenAt)} {photo.takenFrom === 'exif' ? '(camera date)' : '(date given at import)'} · {photo.width} × {photo.height} px
      </div>
      <div className="derm-toolbar" role="toolbar" aria-label="Photo tools">
        <button type="button" className={`btn${mode.kind === 'calibrate' ? ' active' : ''}`} aria-pressed={mode.kind === 'calibrate'} onClick={() => setMode({ kind: 'calibrate', points: [] })}>
          Calibrate
        </button>
        <button type="button" className={`btn${mode.kind === 'outline' ? ' active' : ''}`} aria-pressed={mode.kind === 'outline'} onClick={() => setMode({ kind: 'outline', points: [] })}>
          Outline lesion
        </button>
        {mode.kind !== 'view' && (
          <>
            <button type="button" className="btn" disabled={mode.points.length === 0} onClick={() => setMode({ ...mode, points: mode.points.slice(0, -1) })}>
              Undo point
            </button>
            <button type="button" className="btn" onClick={() => setMode({ kind: 'view' })}>
              Cancel
            </button>
          </>
        )}
        {mode.kind === 'calibrate' && mode.points.length === 2 && (
          <>
            <label>
              Known length (mm){' '}
              <input className="derm-mm" inputMode="decimal" aria-label="Known length in millimetres" value={knownMm} onChange={(e) => setKnownMm(e.target.value)} />
            </label>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void saveCalibration()}>
              Save calibration
            </button>
          </>
        )}
        {mode.kind === 'outline' && (
          <>
            <select aria-label="Lesion outlined" value={lesionId} onChange={(e) => setLesionId(e.target.value)}>
              <option value="">Which lesion?</option>
              {lesions.map((l) => (
                <option key={l.id} value={l.id}>{`${l.name} (${l.bodySite})`}</option>
              ))}
            </select>
            <button type="button" className="btn btn-primary" disabled={busy || mode.points.length < 3} onClick={() => void saveOutline()}>
              Close outline
            </button>
          </>
        )}
      </div>
      {hint && <div className="derm-hint" role="status">{hint}</div>}
      {photo.calibration ? (
        <div className="derm-calibrated" data-testid="calibration-status">{calibrationText(photo)}</div>
      ) : (
        <div className="spacing-warning" role="status" data-testid="calibration-status">
          {UNCALIBRATED_WARNING}
        </div>
      )}
      {(error || loadError) && (
        <div className="error-line" role="alert">
          {error ?? loadError}
        </div>
      )}
      <ImageStage
        bitmap={bitmap}
        width={photo.width}
        height={photo.height}
        shapes={shapes}
        onPoint={mode.kind === 'view' ? undefined : addPoint}
        cursor={mode.kind === 'view' ? 'default' : 'crosshair'}
        label={`Photo of ${photo.bodySite}, ${day(photo.takenAt)}`}
        testId="photo-stage"
      />
      <ul className="derm-measures" data-testid="lesion-measures" aria-label="Lesion measurements">
        {photo.outlines.map((o) => (
          <li key={o.lesionId}>
            <span>
              <strong>{lesionName(o.lesionId)}</strong>: {sizeText(o)}
            </span>
            <button type="button" className="btn" disabled={busy} onClick={() => void recordFinding(o)}>
              Record finding
            </button>
          </li>
        ))}
        {photo.outlines.length === 0 && <li className="muted">No lesion outlined on this photo.</li>}
      </ul>
    </div>
  );
}
