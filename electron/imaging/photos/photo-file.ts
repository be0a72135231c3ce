import { ImagingError } from '../imaging-error';

/** A photo larger than this is refused before it is read into the vault. */
export const MAX_PHOTO_BYTES = 50 * 1024 * 1024;
/** 60 megapixels: well above any clinical camera or dermatoscope, small enough to decode for export. */
export const MAX_PHOTO_PIXELS = 60_000_000;

export interface PhotoFileInfo {
  readonly mediaType: 'image/jpeg' | 'image/png';
  readonly width: number;
  readonly height: number;
  /** JPEG only: the frame type and the components' sampling, for the DICOM export. */
  readonly jpeg: JpegFrame | null;
}

export interface JpegFrame {
  /** SOF marker: 0xc0 baseline, 0xc1 extended sequential, 0xc2 progressive, ... */
  readonly sof: number;
  readonly precision: number;
  readonly components: number;
  /** Horizontal and vertical sampling factors of each component. */
  readonly sampling: ReadonlyArray<readonly [number, number]>;
}

/**
 * Checks a photo from its header alone (no pixels decoded): JPEG or PNG,
 * within the size limits, with a readable size. Throws an ImagingError with
 * a one-line message naming the file otherwise.
 */
export function readPhotoHeader(fileName: string, bytes: Uint8Array): PhotoFileInfo {
  if (bytes.length === 0) throw new ImagingError('invalid-input', `${fileName}: the file is empty`);
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw new ImagingError('too-large', `${fileName}: ${(bytes.length / 1024 / 1024).toFixed(0)} MB is larger than the ${MAX_PHOTO_BYTES / 1024 / 1024} MB a photo may be`);
  }
  const info = isPng(bytes) ? pngInfo(bytes) : isJpeg(bytes) ? jpegInfo(bytes) : null;
  if (info === null) {
    if (!isPng(bytes) && !isJpeg(bytes)) throw new ImagingError('unsupported', `${fileName}: not a JPEG or PNG photo`);
    throw new ImagingError('invalid-input', `${fileName}: a damaged ${isPng(bytes) ? 'PNG' : 'JPEG'} (its size cannot be read)`);
  }
  if (info.width === 0 || info.height === 0) throw new ImagingError('invalid-input', `${fileName}: the image is ${info.width} x ${info.height} pixels`);
  if (info.width * info.height > MAX_PHOTO_PIXELS) {
    throw new ImagingError('too-large', `${fileName}: ${info.width} x ${info.height} pixels is more than the ${MAX_PHOTO_PIXELS / 1_000_000} megapixels a photo may have`);
  }
  return info;
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

function pngInfo(bytes: Uint8Array): PhotoFileInfo | null {
  if (bytes.length < 33 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { mediaType: 'image/png', width: view.getUint32(16), height: view.getUint32(20), jpeg: null };
}

/** Walks the JPEG markers up to the first start-of-frame (ITU T.81 B.2). */
function jpegInfo(bytes: Uint8Array): PhotoFileInfo | null {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan before any frame header
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (length < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 10 > bytes.length) return null;
      const components = bytes[i + 9]!;
      const sampling: Array<[number, number]> = [];
      for (let c = 0; c < components; c++) {
        const at = i + 10 + c * 3 + 1;
        if (at >= bytes.length) return null;
        sampling.push([bytes[at]! >> 4, bytes[at]! & 15]);
      }
      return {
        mediaType: 'image/jpeg',
        height: (bytes[i + 5]! << 8) | bytes[i + 6]!,
        width: (bytes[i + 7]! << 8) | bytes[i + 8]!,
        jpeg: { sof: marker, precision: bytes[i + 4]!, components, sampling },
      };
    }
    i += 2 + length;
  }
  return null;
}
