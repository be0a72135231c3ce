import { framePixelBytes, type FramePixelsHeader } from '../../electron/api/imaging-schemas';
import { callBinary } from '../api/client';

/**
 * The cornerstone image loader for 'continuum:' image ids
 * (continuum:INSTANCE:FRAME). The core decodes every accepted transfer
 * syntax (electron/imaging/decode.ts: native, RLE, JPEG lossless, and the
 * WASM codecs for JPEG baseline, JPEG-LS and JPEG 2000) and sends plain
 * pixels through the contract's binary method 'imaging.framePixels': a
 * checked header and the raw bytes, which become the cornerstone image's
 * pixel data as they are (no base64, no byte loop; one copy only when a
 * preview came in front of them). No URL, no worker, no WebAssembly in the
 * page, so the renderer's CSP stays as strict as it was.
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

/**
 * Frames are fetched one at a time, in the order the viewers ask: the image
 * being read (asked first) is not slowed by its prior's 10 MB travelling and
 * being unpacked beside it. The next fetch starts once the previous one has
 * something on screen (its preview, else its full image) and the page has had
 * a frame to paint it; a hidden page (no animation frames) waits at most
 * TURN_MS for that paint, and a slow frame (a large JPEG 2000) holds the
 * others back at most MAX_TURN_MS.
 */
const TURN_MS = 250;
const MAX_TURN_MS = 2000;
let turn: Promise<void> = Promise.resolve();

function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, TURN_MS);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

function inTurn<T>(task: (release: () => void) => Promise<T>): Promise<T> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const result = turn.then(() => {
    setTimeout(release, MAX_TURN_MS);
    return task(release);
  });
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  turn = Promise.race([released, settled]).then(afterNextPaint);
  return result;
}

/** A frame on its way: the preview image (null when there is none) and the full image, which goes into cornerstone's cache. */
export interface FrameRequest {
  readonly preview: Promise<unknown>;
  readonly full: Promise<unknown>;
}

const inFlight = new Map<string, FrameRequest>();

/**
 * Starts fetching a frame unless it is already on its way. With the canvas's
 * size (device pixels), the core sends a reduced preview first
 * (electron/imaging/preview.ts), made into an image as soon as its bytes have
 * streamed in; the full frame follows in the same answer.
 */
export function requestFrame(imageId: string, canvas?: { width: number; height: number }): FrameRequest {
  const existing = inFlight.get(imageId);
  if (existing) return existing;
  const { instanceId, frame } = parseFrameImageId(imageId);
  let settlePreview!: (image: unknown) => void;
  const preview = new Promise<unknown>((resolve) => (settlePreview = resolve));
  let previewTaken = false;
  const full = inTurn((release) => {
    // Marks for bench:imaging's breakdown of open-to-first-image (a few bytes each).
    performance.mark('continuum:xray-frame-requested', { detail: { instanceId } });
    return callBinary('imaging.framePixels', { instanceId, frame, ...(canvas ? { preview: canvas } : {}) }, ({ header, bytes }) => {
      const p = header.preview;
      if (previewTaken || !p || bytes.byteLength < p.byteLength) return;
      previewTaken = true;
      // A preview that cannot be made is simply not shown: the full image follows in the same answer.
      let image: unknown;
      try {
        image = previewImage(imageId, header, bytes.subarray(0, p.byteLength));
        performance.mark('continuum:xray-preview-ready', { detail: { instanceId, factor: p.factor } });
      } catch {
        image = null;
      }
      settlePreview(image);
      release();
      // Read on once the preview is on screen: the rest of the frame may already be in, and reading it
      // (a run of microtasks) would otherwise replace the preview before the page ever painted it.
      return image ? afterNextPaint() : undefined;
    });
  }).then(({ header, bytes }) => {
    performance.mark('continuum:xray-frame-received', { detail: { instanceId, readMs: header.readMs, decodeMs: header.decodeMs } });
    settlePreview(null);
    decodeInfo.set(imageId, { decoder: header.decoder, decodeMs: header.decodeMs, frames: header.frames });
    if (bytes.byteLength !== header.pixelsOffset + header.byteLength) {
      throw new Error(`frame ${header.frame + 1} came with ${bytes.byteLength} bytes; its header announced ${header.pixelsOffset + header.byteLength}`);
    }
    // Behind a preview, the full pixels get a buffer of their own, so the cache does not keep the preview's bytes too.
    const image = toImage(imageId, header, header.pixelsOffset > 0 ? bytes.slice(header.pixelsOffset) : bytes);
    performance.mark('continuum:xray-image-ready', { detail: { instanceId } });
    return image;
  });
  const request: FrameRequest = { preview, full };
  inFlight.set(imageId, request);
  const done = () => {
    settlePreview(null);
    inFlight.delete(imageId);
  };
  full.then(done, done);
  return request;
}

/** The cornerstone loader: the frame already on its way (asked for by the viewer with a preview), else a new fetch. */
export function loadFrameImage(imageId: string): { promise: Promise<unknown> } {
  return { promise: requestFrame(imageId).full };
}

/** The preview's image: its own size, the full frame's values and window, so the swap to full resolution shows no jump. */
function previewImage(imageId: string, h: FramePixelsHeader, raw: Uint8Array): unknown {
  const p = h.preview!;
  return toImage(`${imageId}#preview`, { ...h, rows: p.rows, columns: p.columns, preview: null, pixelsOffset: 0, byteLength: p.byteLength }, raw);
}

/** 16-bit samples over the bytes in place when they are 2-aligned (they always are from either host), else over a copy. */
function samples16(bytes: Uint8Array, n: number, signed: boolean): Uint16Array | Int16Array {
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
  return signed ? new Int16Array(aligned.buffer, aligned.byteOffset, n) : new Uint16Array(aligned.buffer, aligned.byteOffset, n);
}

export function toImage(imageId: string, h: FramePixelsHeader, raw: Uint8Array): unknown {
  const expected = framePixelBytes(h);
  if (raw.byteLength !== expected) {
    throw new Error(`frame ${h.frame + 1} came with ${raw.byteLength} bytes of pixels; a ${h.columns} x ${h.rows} image needs ${expected}`);
  }
  const n = h.rows * h.columns;
  if (h.samplesPerPixel === 3) {
    // cornerstone-core draws colour from RGBA storage.
    const rgba = new Uint8Array(n * 4);
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      rgba[i * 4] = raw[j]!;
      rgba[i * 4 + 1] = raw[j + 1]!;
      rgba[i * 4 + 2] = raw[j + 2]!;
      rgba[i * 4 + 3] = 255;
    }
    return base(imageId, h, () => rgba, rgba.byteLength, { color: true, minPixelValue: 0, maxPixelValue: 255, windowCenter: 127.5, windowWidth: 256, invert: false });
  }
  const pixels = h.bitsAllocated === 8 ? raw : samples16(raw, n, h.signed);
  const range = Math.max(1, (h.maxPixelValue - h.minPixelValue) * h.slope);
  return base(imageId, h, () => pixels, pixels.byteLength, {
    color: false,
    minPixelValue: h.minPixelValue,
    maxPixelValue: h.maxPixelValue,
    windowCenter: h.windowCenter ?? ((h.minPixelValue + h.maxPixelValue) / 2) * h.slope + h.intercept,
    windowWidth: h.windowWidth ?? range,
    invert: h.photometric === 'MONOCHROME1',
  });
}

function base(imageId: string, h: FramePixelsHeader, getPixelData: () => ArrayLike<number>, sizeInBytes: number, rest: Record<string, unknown>) {
  return {
    imageId,
    slope: h.slope,
    intercept: h.intercept,
    getPixelData,
    rows: h.rows,
    columns: h.columns,
    height: h.rows,
    width: h.columns,
    sizeInBytes,
    ...rest,
  };
}
