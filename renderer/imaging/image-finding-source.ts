import type { Provenance } from '../../electron/api/schemas';
import type { ImagingFindingDto } from '../../electron/api/photo-schemas';
import { call, errorMessage } from '../api/client';
import type { SourceLink, SourceOpener } from '../shell/sources';
import { useFindingFocus } from '../shell/finding-focus';

/** A confirmed image finding's source_ref (electron/imaging/findings/source-ref.ts), read back. */
export interface ImageFindingRef {
  readonly target: 'dicom' | 'photo';
  readonly imageId: string;
  readonly frame: number;
  readonly kind: ImagingFindingDto['kind'];
  readonly points: ReadonlyArray<{ x: number; y: number }>;
}

const REF = /^image:(dicom|photo)\/([^#]+)#frame=(\d+)&(length|angle|text|lesion)=([-\d.,;e]+)(?:&lesion=.+)?$/;

/** The parts of "image:dicom/ID#frame=0&length=x,y;x,y", or null for any other reference. */
export function parseImageFindingRef(ref: string | null): ImageFindingRef | null {
  const m = ref ? REF.exec(ref) : null;
  if (!m) return null;
  const points = m[5]!.split(';').map((pair) => {
    const [x, y] = pair.split(',').map(Number);
    return { x: x!, y: y! };
  });
  if (points.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) return null;
  return { target: m[1] as 'dicom' | 'photo', imageId: m[2]!, frame: Number(m[3]), kind: m[4] as ImageFindingRef['kind'], points };
}

function sameFinding(f: ImagingFindingDto, ref: ImageFindingRef): boolean {
  const imageId = ref.target === 'dicom' ? f.instanceId : f.photoId;
  return (
    f.target === ref.target &&
    imageId === ref.imageId &&
    f.frame === ref.frame &&
    f.kind === ref.kind &&
    f.points.length === ref.points.length &&
    f.points.every((p, i) => Math.abs(p.x - ref.points[i]!.x) < 1e-6 && Math.abs(p.y - ref.points[i]!.y) < 1e-6)
  );
}

/**
 * The details drawer's link for a record confirmed from an image finding
 * (its provenance names the image, frame and coordinates): opens the X-ray
 * viewer, or the photo viewer for a photo, at the annotation, as a citation
 * of the fact does.
 */
export function imageFindingLink(provenance: Provenance, patientId: string): SourceLink | null {
  const ref = parseImageFindingRef(provenance.sourceRef);
  if (!ref) return null;
  const what = ref.kind === 'length' ? 'a length' : ref.kind === 'angle' ? 'an angle' : ref.kind === 'text' ? 'a note' : 'a lesion outline';
  return {
    label: ref.target === 'dicom' ? 'Show on the X-ray' : 'Show on the photo',
    where: `${ref.target === 'dicom' ? `Frame ${ref.frame + 1} of a DICOM image` : 'A photo'}, ${what} at ${ref.points.length} ${ref.points.length === 1 ? 'point' : 'points'}`,
    open: () => {
      call('findings.list', { patientId })
        .then(({ findings }) => {
          const finding = findings.find((f) => f.status === 'confirmed' && sameFinding(f, ref));
          if (finding) useFindingFocus.getState().show(finding);
          else useFindingFocus.setState({ error: `The image finding this record came from is no longer in the chart (${provenance.sourceRef}).` });
        })
        .catch((e) => useFindingFocus.setState({ error: errorMessage(e) }));
    },
  };
}

/** An image finding's source, asked before a scanned page's: a fact confirmed from an image keeps its image's source kind ('document', like a scan); its reference names the image. */
export const imageFindingSource: SourceOpener = { name: 'image finding', sourceKind: '*', rank: 0, linkFor: imageFindingLink };
