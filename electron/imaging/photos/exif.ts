/**
 * The date a photo was taken, from its EXIF block (JPEG APP1 "Exif", or a
 * PNG eXIf chunk): DateTimeOriginal, else DateTimeDigitized, else the IFD0
 * DateTime. A small reader of the TIFF structure (EXIF 2.3, CIPA DC-008):
 * only these three ASCII tags are read, every offset is bounds-checked, and a
 * damaged block yields null (the clinician then gives the date), never an error.
 */
export function exifDateTaken(bytes: Uint8Array): string | null {
  const tiff = exifTiff(bytes);
  if (!tiff) return null;
  try {
    return readDate(tiff);
  } catch {
    return null;
  }
}

const DATE_TIME = 0x0132;
const EXIF_IFD = 0x8769;
const DATE_TIME_ORIGINAL = 0x9003;
const DATE_TIME_DIGITIZED = 0x9004;

/** The TIFF bytes of the EXIF block, or null when there is none. */
function exifTiff(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 4 <= bytes.length && bytes[i] === 0xff) {
      const marker = bytes[i + 1]!;
      if (marker === 0xda || marker === 0xd9) return null; // start of scan: no EXIF before the pixels
      const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
      if (length < 2) return null;
      if (marker === 0xe1 && length >= 8 && ascii(bytes, i + 4, 6) === 'Exif\0\0') return bytes.subarray(i + 10, Math.min(bytes.length, i + 2 + length));
      i += 2 + length;
    }
    return null;
  }
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') {
    let i = 8;
    while (i + 12 <= bytes.length) {
      const length = ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
      const type = ascii(bytes, i + 4, 4);
      if (type === 'eXIf') return bytes.subarray(i + 8, Math.min(bytes.length, i + 8 + length));
      if (type === 'IDAT' || type === 'IEND') return null;
      i += 12 + length;
    }
  }
  return null;
}

function readDate(tiff: Uint8Array): string | null {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  if (view.getUint16(2, little) !== 42) return null;
  const ifd0 = readIfd(view, view.getUint32(4, little), little);
  const exifOffset = ifd0.get(EXIF_IFD);
  const exif = exifOffset ? readIfd(view, exifOffset.value, little) : new Map<number, Entry>();
  for (const [ifd, tag] of [
    [exif, DATE_TIME_ORIGINAL],
    [exif, DATE_TIME_DIGITIZED],
    [ifd0, DATE_TIME],
  ] as const) {
    const entry = ifd.get(tag);
    if (!entry || entry.type !== 2) continue;
    const text = entry.count <= 4 ? ascii(tiff, entry.at + 8, entry.count) : ascii(tiff, entry.value, entry.count);
    const date = isoFromExif(text);
    if (date) return date;
  }
  return null;
}

interface Entry {
  readonly type: number;
  readonly count: number;
  /** The value field read as a 32-bit number (an offset for values longer than 4 bytes). */
  readonly value: number;
  /** Where the entry starts in the TIFF block. */
  readonly at: number;
}

function readIfd(view: DataView, offset: number, little: boolean): Map<number, Entry> {
  const entries = new Map<number, Entry>();
  if (offset < 8 || offset + 2 > view.byteLength) return entries;
  const count = view.getUint16(offset, little);
  for (let n = 0; n < count && n < 512; n++) {
    const at = offset + 2 + n * 12;
    if (at + 12 > view.byteLength) break;
    entries.set(view.getUint16(at, little), { type: view.getUint16(at + 2, little), count: view.getUint32(at + 4, little), value: view.getUint32(at + 8, little), at });
  }
  return entries;
}

/** "2024:05:17 14:03:22" → "2024-05-17T14:03:22"; null for blanks ("    :  :  ") and impossible dates. */
export function isoFromExif(text: string): string | null {
  const m = /^(\d{4}):(\d{2}):(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const day = `${y}-${mo}-${d}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day || Number(y) < 1900) return null;
  if (h === undefined) return day;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return day;
  return `${day}T${h}:${mi}:${s}`;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let out = '';
  for (let i = start; i < start + length && i < bytes.length; i++) {
    if (bytes[i] === 0 && length > 6) break;
    out += String.fromCharCode(bytes[i]!);
  }
  return out;
}
