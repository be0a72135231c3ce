import type { FrameHeader } from '../../electron/api/imaging-schemas';
import { call } from '../api/client';

/**
 * Pixels to draw for the findings viewer: a photo's own file, or one DICOM
 * frame decoded in the core ('imaging.frame'), windowed to 8-bit grey or
 * RGB. Both end as an ImageBitmap in the image's own pixel grid, so that
 * annotation coordinates (image pixels) need no conversion.
 */
export async function photoBitmap(photoId: string): Promise<ImageBitmap> {
  const image = await call('photos.image', { photoId });
  const bytes = Uint8Array.from(atob(image.base64), (c) => c.charCodeAt(0));
  // The stored pixel grid, as measured and exported: EXIF orientation is not applied.
  return createImageBitmap(new Blob([bytes], { type: image.mediaType }), { imageOrientation: 'none' });
}

export async function dicomFrameBitmap(instanceId: string, frame: number): Promise<ImageBitmap> {
  const d = await call('imaging.frame', { instanceId, frame });
  const raw = Uint8Array.from(atob(d.base64), (c) => c.charCodeAt(0));
  const rgba = new Uint8ClampedArray(d.rows * d.columns * 4);
  const grey = greyMapper(d, raw);
  for (let i = 0; i < d.rows * d.columns; i++) {
    if (d.samplesPerPixel === 3) {
      rgba[i * 4] = raw[i * 3]!;
      rgba[i * 4 + 1] = raw[i * 3 + 1]!;
      rgba[i * 4 + 2] = raw[i * 3 + 2]!;
    } else {
      const v = grey(i);
      rgba[i * 4] = v;
      rgba[i * 4 + 1] = v;
      rgba[i * 4 + 2] = v;
    }
    rgba[i * 4 + 3] = 255;
  }
  return createImageBitmap(new ImageData(rgba, d.columns, d.rows));
}

/** Stored value → modality value (slope, intercept) → the file's window (else the full range) → 0..255, inverted for MONOCHROME1. */
function greyMapper(d: FrameHeader, raw: Uint8Array): (i: number) => number {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const read = d.bitsAllocated === 16 ? (i: number) => (d.signed ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true)) : (i: number) => raw[i]!;
  const low = d.minPixelValue * d.slope + d.intercept;
  const high = d.maxPixelValue * d.slope + d.intercept;
  const width = d.windowWidth ?? Math.max(1, high - low);
  const center = d.windowCenter ?? (low + high) / 2;
  const from = center - width / 2;
  return (i) => {
    const v = Math.min(255, Math.max(0, ((read(i) * d.slope + d.intercept - from) / width) * 255));
    return d.photometric === 'MONOCHROME1' ? 255 - v : v;
  };
}
