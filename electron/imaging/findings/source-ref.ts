import type { Point } from '../../api/imaging-schemas';

/**
 * Where a confirmed finding came from, as its fact's source_ref: the image
 * (a photo or a DICOM instance), the frame, and the coordinates drawn, in
 * image pixels. The same shape as an OCR value's "document:ID#page=..&boxes=..".
 */
export function findingSourceRef(target: { photoId: string | null; instanceId: string | null; frame: number; lesionId: string | null }, kind: string, points: readonly Point[]): string {
  const image = target.photoId ? `photo/${target.photoId}` : `dicom/${target.instanceId}`;
  const lesion = target.lesionId ? `&lesion=${target.lesionId}` : '';
  return `image:${image}#frame=${target.frame}&${kind}=${points.map((p) => `${p.x},${p.y}`).join(';')}${lesion}`;
}
