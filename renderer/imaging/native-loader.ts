import dicomParser from 'dicom-parser';

/**
 * A cornerstone image loader for uncompressed greyscale DICOM (Implicit and
 * Explicit VR Little Endian, 8 or 16 bit, one sample per pixel), decoding in
 * the page from bytes already in memory ('continuum:' image ids).
 * Why not the WADO image loader: version 4.13 always decodes through its
 * webWorkerManager, which creates a blob: worker even in its "NoWebWorkers"
 * bundle, and the app's CSP (script-src 'self', no worker-src blob:) refuses
 * it. Compressed syntaxes need that loader and a CSP change (see the report).
 */
const NATIVE = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);

const files = new Map<string, Uint8Array>();

export function registerBytes(key: string, bytes: Uint8Array): string {
  files.set(key, bytes);
  return `continuum:${key}`;
}

export function canDecodeNatively(transferSyntaxUid: string, photometric: string | null, bitsAllocated: number): boolean {
  return NATIVE.has(transferSyntaxUid) && (photometric === 'MONOCHROME1' || photometric === 'MONOCHROME2') && (bitsAllocated === 8 || bitsAllocated === 16);
}

export function loadNativeImage(imageId: string): { promise: Promise<unknown> } {
  return { promise: Promise.resolve().then(() => decode(imageId)) };
}

function decode(imageId: string): unknown {
  const bytes = files.get(imageId.slice('continuum:'.length));
  if (!bytes) throw new Error(`image ${imageId} is not loaded`);
  const ds = dicomParser.parseDicom(bytes);
  const syntax = ds.string('x00020010') ?? '1.2.840.10008.1.2';
  const photometric = ds.string('x00280004') ?? 'MONOCHROME2';
  const bits = ds.uint16('x00280100') ?? 16;
  if (!canDecodeNatively(syntax, photometric, bits)) throw new Error(`transfer syntax ${syntax} (${photometric}, ${bits} bits) needs a codec this viewer does not load yet`);
  const rows = ds.uint16('x00280010')!;
  const columns = ds.uint16('x00280011')!;
  const signed = ds.uint16('x00280103') === 1;
  const el = ds.elements['x7fe00010']!;
  const n = rows * columns;
  const buffer = bytes.buffer.slice(bytes.byteOffset + el.dataOffset, bytes.byteOffset + el.dataOffset + n * (bits / 8));
  const pixels = bits === 8 ? new Uint8Array(buffer) : signed ? new Int16Array(buffer) : new Uint16Array(buffer);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = pixels[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  const wc = ds.floatString('x00281050');
  const ww = ds.floatString('x00281051');
  const width = Math.max(1, (max - min) * slope);
  return {
    imageId,
    minPixelValue: min,
    maxPixelValue: max,
    slope,
    intercept,
    windowCenter: wc ?? (min + max) / 2 * slope + intercept,
    windowWidth: ww ?? width,
    getPixelData: () => pixels,
    rows,
    columns,
    height: rows,
    width: columns,
    color: false,
    invert: photometric === 'MONOCHROME1',
    sizeInBytes: pixels.byteLength,
  };
}
