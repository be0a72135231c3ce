import { useEffect, useRef } from 'react';
import type { ImagingFindingDto } from '../../electron/api/photo-schemas';
import { ImageStage, type Shape } from './ImageStage';
import { dicomFrameBitmap, photoBitmap } from './image-source';
import { useBitmap } from './use-bitmap';

export function findingShapes(f: ImagingFindingDto): Shape[] {
  const kind = f.kind === 'lesion' ? 'outline' : f.kind === 'length' ? 'line' : f.kind === 'angle' ? 'angle' : 'pin';
  return [{ kind, points: f.points, role: 'finding', label: f.kind === 'text' ? (f.measures.text ?? '') : undefined }];
}

/**
 * The image a citation points at, opened at the annotation: the photo or the
 * DICOM frame, the finding drawn where the clinician drew it, and the
 * sentence the record holds. Scrolled into view on every open.
 */
export function CitedFinding({ finding, size, seq, onClose }: { finding: ImagingFindingDto; size: { width: number; height: number } | null; seq: number; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const key = finding.photoId ? `photo:${finding.photoId}` : `dicom:${finding.instanceId}#${finding.frame}`;
  const { bitmap, error } = useBitmap(key, () => (finding.photoId ? photoBitmap(finding.photoId) : dicomFrameBitmap(finding.instanceId!, finding.frame)));
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  }, [seq]);
  const width = bitmap?.width ?? size?.width ?? 600;
  const height = bitmap?.height ?? size?.height ?? 450;
  return (
    <div ref={box} className="derm-cited" data-testid="cited-finding" role="region" aria-label="Cited image finding">
      <div className="derm-cited-head">
        <strong>Cited finding</strong>
        <span className="derm-cited-text">{finding.statement}</span>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="muted">
        {finding.target === 'photo' ? 'Photo' : `DICOM image, frame ${finding.frame + 1}`} · recorded {finding.status === 'confirmed' ? `by ${finding.decidedBy} on ${finding.decidedAt?.slice(0, 10)}` : 'as a proposal, not yet confirmed'}
      </div>
      {error ? <div className="error-line" role="alert">{error}</div> : <ImageStage bitmap={bitmap} width={width} height={height} shapes={findingShapes(finding)} label="Image of the cited finding" testId="cited-stage" />}
    </div>
  );
}
