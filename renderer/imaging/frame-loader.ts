import type { DecodedFrameResult } from '../../electron/api/imaging-schemas';
import { call } from '../api/client';

/**
 * The cornerstone image loader for 'continuum:' image ids
 * (continuum:INSTANCE:FRAME). The core decodes every accepted transfer
 * syntax (electron/imaging/decode.ts: native, RLE, JPEG lossless, and the
 * WASM codecs for JPEG baseline, JPEG-LS and JPEG 2000) and sends plain
 * pixels through the contract ('imaging.frame'); here they only become a
 * cornerstone image. No URL, no worker, no WebAssembly in the page, so the
 * renderer's CSP stays as strict as it was.
 */
export function frameImageId(instanceId: string, frame = 0): string {
  return `continuum:${instanceId}:${frame}`;
}

export function parseFrameImageId(imageId: string): { instanceId: string; frame: number } {
  const [, instanceId, frame] = imageId.split(':');
  if (!instanceId) throw new Error(`bad image id ${imageId}`);
  return { instanceId, frame: Number(frame ?? 0) || 0 };
}

/** What the last decode took, for the overlay and the bench (per image id). */
export const decodeInfo = new Map<string, { decoder: string; decodeMs: number; frames: number }>();

export function loadFrameImage(imageId: string): { promise: Promise<unknown> } {
  const { instanceId, frame } = parseFrameImageId(imageId);
  return { promise: call('imaging.frame', { instanceId, frame }).then((r) => toImage(imageId, r)) };
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toImage(imageId: string, r: DecodedFrameResult): unknown {
  decodeInfo.set(imageId, { decoder: r.decoder, decodeMs: r.decodeMs, frames: r.frames });
  const raw = bytesOf(r.base64);
  const n = r.rows * r.columns;
  if (r.samplesPerPixel === 3) {
    // cornerstone-core draws colour from RGBA storage.
    const rgba = new Uint8Array(n * 4);
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      rgba[i * 4] = raw[j]!;
      rgba[i * 4 + 1] = raw[j + 1]!;
      rgba[i * 4 + 2] = raw[j + 2]!;
      rgba[i * 4 + 3] = 255;
    }
    return base(imageId, r, () => rgba, rgba.byteLength, { color: true, minPixelValue: 0, maxPixelValue: 255, windowCenter: 127.5, windowWidth: 256, invert: false });
  }
  const pixels = r.bitsAllocated === 8 ? raw : r.signed ? new Int16Array(raw.buffer, 0, n) : new Uint16Array(raw.buffer, 0, n);
  const range = Math.max(1, (r.maxPixelValue - r.minPixelValue) * r.slope);
  return base(imageId, r, () => pixels, pixels.byteLength, {
    color: false,
    minPixelValue: r.minPixelValue,
    maxPixelValue: r.maxPixelValue,
    windowCenter: r.windowCenter ?? ((r.minPixelValue + r.maxPixelValue) / 2) * r.slope + r.intercept,
    windowWidth: r.windowWidth ?? range,
    invert: r.photometric === 'MONOCHROME1',
  });
}

function base(imageId: string, r: DecodedFrameResult, getPixelData: () => ArrayLike<number>, sizeInBytes: number, rest: Record<string, unknown>) {
  return {
    imageId,
    slope: r.slope,
    intercept: r.intercept,
    getPixelData,
    rows: r.rows,
    columns: r.columns,
    height: r.rows,
    width: r.columns,
    sizeInBytes,
    ...rest,
  };
}
