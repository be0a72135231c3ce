import { useEffect, useState } from 'react';
import { lesionChange } from '../../electron/api/imaging-schemas';
import type { Lesion, LesionPoint, PhotoSummary } from '../../electron/api/photo-schemas';
import { call, errorMessage } from '../api/client';
import { day, sizeText } from './format';
import { ImageStage } from './ImageStage';
import { photoBitmap } from './image-source';
import { useBitmap } from './use-bitmap';

function Side({ photo, lesionId, title }: { photo: PhotoSummary; lesionId: string; title: string }) {
  const { bitmap, error } = useBitmap(photo.id, () => photoBitmap(photo.id));
  const outline = photo.outlines.find((o) => o.lesionId === lesionId);
  return (
    <div className="derm-compare-side">
      <div className="derm-photo-title">
        {title} · {day(photo.takenAt)}
      </div>
      {error ? (
        <div className="error-line" role="alert">{error}</div>
      ) : (
        <ImageStage bitmap={bitmap} width={photo.width} height={photo.height} shapes={outline ? [{ kind: 'outline', points: outline.points, role: 'lesion' }] : []} label={`${title} photo, ${day(photo.takenAt)}`} />
      )}
      <div>{outline ? sizeText(outline) : 'Not outlined'}</div>
    </div>
  );
}

/**
 * The same lesion on two dates side by side, each photo at its own
 * calibration, and the change in size as one sentence (lesionChange). Sizes
 * are only compared in millimetres: a photo without calibration is named.
 */
export function LesionCompare({ lesion, photos }: { lesion: Lesion; photos: readonly PhotoSummary[] }) {
  const [points, setPoints] = useState<LesionPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const outlined = photos.map((p) => p.outlines.length).join(',');
  useEffect(() => {
    let live = true;
    call('lesions.history', { lesionId: lesion.id }).then(
      (h) => {
        if (!live) return;
        setPoints(h.points);
        setPair(h.points.length >= 2 ? [h.points[0]!.photoId, h.points[h.points.length - 1]!.photoId] : null);
      },
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [lesion.id, outlined, photos]);
  if (error) return <div className="error-line" role="alert">{error}</div>;
  if (!points) return <p className="loading">Loading the lesion's history…</p>;
  if (points.length < 2 || !pair) return <p className="muted">Outline “{lesion.name}” on photos from two dates to compare them.</p>;
  const earlier = points.find((p) => p.photoId === pair[0])!;
  const later = points.find((p) => p.photoId === pair[1])!;
  const a = photos.find((p) => p.id === earlier.photoId);
  const b = photos.find((p) => p.id === later.photoId);
  const uncalibrated = [earlier, later].filter((p) => p.diameterMm === null).map((p) => day(p.takenAt));
  const change =
    uncalibrated.length === 0
      ? lesionChange({ date: day(earlier.takenAt), diameterMm: earlier.diameterMm!, areaMm2: earlier.areaMm2 }, { date: day(later.takenAt), diameterMm: later.diameterMm!, areaMm2: later.areaMm2 }).text
      : null;
  const choose = (i: 0 | 1, photoId: string) => setPair(i === 0 ? [photoId, pair[1]] : [pair[0], photoId]);
  return (
    <div className="derm-compare" data-testid="lesion-compare">
      <div className="derm-toolbar">
        {(['Earlier', 'Later'] as const).map((label, i) => (
          <label key={label}>
            {label}{' '}
            <select aria-label={`${label} photo`} value={pair[i]} onChange={(e) => choose(i as 0 | 1, e.target.value)}>
              {points.map((p) => (
                <option key={p.photoId} value={p.photoId}>
                  {day(p.takenAt)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {change ? (
        <p className="derm-change" data-testid="lesion-change" role="status">
          {change}
        </p>
      ) : (
        <p className="spacing-warning" data-testid="lesion-change" role="status">
          Sizes cannot be compared: the photo of {uncalibrated.join(' and ')} is not calibrated (pixels depend on the camera distance). Calibrate it first.
        </p>
      )}
      <div className="derm-compare-sides">
        {a && <Side photo={a} lesionId={lesion.id} title="Earlier" />}
        {b && <Side photo={b} lesionId={lesion.id} title="Later" />}
      </div>
    </div>
  );
}
