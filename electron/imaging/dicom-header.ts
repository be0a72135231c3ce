import dicomParser from 'dicom-parser';
import { ImagingError } from './imaging-error';
import { asPart10 } from './part10';
import { pixelSpacingOf, type PixelSpacing } from './spacing';

/**
 * Transfer syntaxes the viewer decodes offline (decoded in the core by
 * decode.ts: native, RLE, JPEG lossless, and the Cornerstone WASM codecs). Anything else is refused at import with the
 * UID and name, rather than stored and failing later in the viewer.
 */
export const SUPPORTED_TRANSFER_SYNTAXES: Readonly<Record<string, string>> = {
  '1.2.840.10008.1.2': 'Implicit VR Little Endian',
  '1.2.840.10008.1.2.1': 'Explicit VR Little Endian',
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

/** Names of common syntaxes we do not decode, for a clearer refusal. */
const KNOWN_UNSUPPORTED: Readonly<Record<string, string>> = {
  '1.2.840.10008.1.2.4.100': 'MPEG-2 video',
  '1.2.840.10008.1.2.4.101': 'MPEG-2 video (high level)',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 AVC/H.264 video',
  '1.2.840.10008.1.2.4.103': 'MPEG-4 AVC/H.264 BD video',
  '1.2.840.10008.1.2.4.92': 'JPEG 2000 Part 2 multi-component lossless',
  '1.2.840.10008.1.2.4.93': 'JPEG 2000 Part 2 multi-component',
  '1.2.840.10008.1.2.4.94': 'JPIP referenced',
  '1.2.840.10008.1.2.4.201': 'HTJ2K lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
};

/** Largest file read at all (a whole-body CT series is stored per instance, each far below this). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Largest decoded frame the viewer is asked to hold: 2^28 bytes (e.g. 8,192 x 8,192 x 16 bit x 2). */
export const MAX_DECODED_FRAME_BYTES = 256 * 1024 * 1024;

/** What the import and the viewer need from one DICOM instance; no pixel data. */
export interface DicomHeader {
  readonly sopClassUid: string | null;
  readonly sopInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly transferSyntaxUid: string;
  readonly transferSyntaxName: string;
  readonly patient: {
    readonly id: string | null;
    readonly issuer: string | null;
    readonly name: string | null;
    readonly birthDate: string | null;
    readonly sex: string | null;
  };
  readonly studyDate: string | null;
  readonly studyDescription: string | null;
  readonly accessionNumber: string | null;
  readonly seriesDescription: string | null;
  readonly seriesNumber: number | null;
  readonly instanceNumber: number | null;
  readonly modality: string | null;
  readonly bodyPart: string | null;
  readonly viewPosition: string | null;
  readonly laterality: string | null;
  readonly rows: number;
  readonly columns: number;
  readonly frames: number;
  readonly bitsAllocated: number;
  readonly samplesPerPixel: number;
  readonly photometric: string | null;
  readonly windowCenter: number | null;
  readonly windowWidth: number | null;
  readonly spacing: PixelSpacing;
}

/** The file is a DICOM directory (DICOMDIR), not an image. */
export const MEDIA_STORAGE_DIRECTORY = '1.2.840.10008.1.3.10';

/**
 * Reads one Part 10 file's header and checks that its pixel data is there
 * in full and decodable here. Throws an ImagingError with a one-line
 * message (file name first) for anything else.
 */
export function readDicomHeader(fileName: string, bytes: Uint8Array): DicomHeader {
  try {
    return readHeader(fileName, bytes);
  } catch (error) {
    if (error instanceof ImagingError) throw error;
    // dicom-parser reads values lazily: an element whose declared length runs past the end throws (a string) only when read.
    throw new ImagingError('invalid-input', `${fileName}: truncated or corrupt (${oneLine(reasonOf(error))})`);
  }
}

function reasonOf(error: unknown): string {
  return typeof error === 'string' ? error : ((error as { exception?: string } | null)?.exception ?? (error as Error)?.message ?? 'unreadable');
}

function readHeader(fileName: string, file: Uint8Array): DicomHeader {
  // A file without its preamble is read as the Part 10 file it stands for (part10.ts).
  const bytes = asPart10(fileName, file);
  // The file meta group first: an unsupported syntax is refused by name, before its data set is read.
  const meta = parse(fileName, bytes, () => dicomParser.readPart10Header(bytes));
  if (clean(meta.string('x00020002')) === MEDIA_STORAGE_DIRECTORY) throw new ImagingError('invalid-input', `${fileName}: a DICOMDIR; import it as a directory`);
  const transferSyntaxUid = clean(meta.string('x00020010')) ?? '1.2.840.10008.1.2';
  const transferSyntaxName = SUPPORTED_TRANSFER_SYNTAXES[transferSyntaxUid];
  if (!transferSyntaxName) {
    const known = KNOWN_UNSUPPORTED[transferSyntaxUid];
    throw new ImagingError('unsupported', `${fileName}: transfer syntax ${transferSyntaxUid}${known ? ` (${known})` : ''} is not supported; ask the sender for an uncompressed or JPEG/JPEG 2000/RLE copy`);
  }
  const dataSet = parse(fileName, bytes, () => dicomParser.parseDicom(bytes));
  const str = (tag: string): string | null => clean(dataSet.string(tag));
  const sopClassUid = str('x00080016') ?? str('x00020002');
  const sopInstanceUid = str('x00080018');
  const studyInstanceUid = str('x0020000d');
  const seriesInstanceUid = str('x0020000e');
  if (!sopInstanceUid || !studyInstanceUid || !seriesInstanceUid) {
    throw new ImagingError('invalid-input', `${fileName}: missing study, series or instance UID; not a complete DICOM image`);
  }
  const pixel = dataSet.elements['x7fe00010'];
  if (!pixel) throw new ImagingError('invalid-input', `${fileName}: no pixel data (a DICOM object, but not an image)`);
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  const bitsAllocated = dataSet.uint16('x00280100') ?? 0;
  const samplesPerPixel = dataSet.uint16('x00280002') ?? 1;
  // A Number of Frames that is no number ('abc' reads as NaN) counts as one frame, as the viewer's decoder reads it.
  const frames = Math.max(1, finite(dataSet.intString('x00280008')) ?? 1);
  if (rows === 0 || columns === 0 || ![1, 8, 16, 32].includes(bitsAllocated)) {
    throw new ImagingError('invalid-input', `${fileName}: image size or bit depth missing or invalid (${rows} x ${columns}, ${bitsAllocated} bits)`);
  }
  const frameBytes = Math.ceil((rows * columns * samplesPerPixel * bitsAllocated) / 8);
  if (frameBytes > MAX_DECODED_FRAME_BYTES) {
    throw new ImagingError(
      'too-large',
      `${fileName}: a ${columns} x ${rows} image (${Math.round(frameBytes / 1024 / 1024)} MB a frame) is larger than the viewer holds (${MAX_DECODED_FRAME_BYTES / 1024 / 1024} MB)`,
    );
  }
  checkPixelData(fileName, bytes, pixel, frameBytes, frames);
  return {
    sopClassUid,
    sopInstanceUid,
    studyInstanceUid,
    seriesInstanceUid,
    transferSyntaxUid,
    transferSyntaxName,
    patient: {
      id: str('x00100020'),
      issuer: str('x00100021'),
      name: str('x00100010'),
      birthDate: dicomDate(str('x00100030')),
      sex: str('x00100040'),
    },
    studyDate: dicomDate(str('x00080020')),
    studyDescription: str('x00081030'),
    accessionNumber: str('x00080050'),
    seriesDescription: str('x0008103e'),
    seriesNumber: finite(dataSet.intString('x00200011')),
    instanceNumber: finite(dataSet.intString('x00200013')),
    modality: str('x00080060'),
    bodyPart: str('x00180015'),
    viewPosition: str('x00185101'),
    laterality: str('x00200062') ?? str('x00200060'),
    rows,
    columns,
    frames,
    bitsAllocated,
    samplesPerPixel,
    photometric: str('x00280004'),
    windowCenter: finite(dataSet.floatString('x00281050')),
    windowWidth: finite(dataSet.floatString('x00281051')),
    spacing: pixelSpacingOf({ pixelSpacing: dataSet.string('x00280030') ?? null, imagerPixelSpacing: dataSet.string('x00181164') ?? null }),
  };
}

function parse(fileName: string, bytes: Uint8Array, read: () => dicomParser.DataSet): dicomParser.DataSet {
  try {
    return read();
  } catch (error) {
    // dicom-parser throws strings or {exception, dataSet}; a truncated file fails here.
    const reason = typeof error === 'string' ? error : ((error as { exception?: string } | null)?.exception ?? (error as Error)?.message ?? 'unreadable');
    const truncated = /overrun|overread|end of buffer|past end|out of range|eof/i.test(reason);
    throw new ImagingError(
      'invalid-input',
      truncated ? `${fileName}: truncated or corrupt (${bytes.length} bytes); the data runs past the end of the file` : `${fileName}: corrupt DICOM (${oneLine(reason)})`,
    );
  }
}

function checkPixelData(fileName: string, bytes: Uint8Array, pixel: dicomParser.Element, frameBytes: number, frames: number): void {
  if (pixel.encapsulatedPixelData) {
    const fragments = pixel.fragments ?? [];
    if (fragments.length === 0) throw new ImagingError('invalid-input', `${fileName}: compressed pixel data has no fragments (truncated?)`);
    const last = fragments[fragments.length - 1]!;
    if (last.position + last.length > bytes.length) throw new ImagingError('invalid-input', `${fileName}: truncated inside the compressed pixel data`);
    return;
  }
  if (pixel.dataOffset + pixel.length > bytes.length) {
    throw new ImagingError('invalid-input', `${fileName}: truncated; pixel data ends at byte ${pixel.dataOffset + pixel.length} but the file has ${bytes.length}`);
  }
  const expected = frameBytes * frames;
  if (pixel.length < expected) {
    throw new ImagingError('invalid-input', `${fileName}: pixel data holds ${pixel.length} bytes, ${expected} expected for ${frames} frame(s); truncated or corrupt`);
  }
}

function clean(value: string | undefined): string | null {
  // eslint-disable-next-line no-control-regex
  const v = value?.replace(/[\u0000]/g, '').trim();
  return v ? v : null;
}

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** DICOM DA (YYYYMMDD) to ISO (YYYY-MM-DD); null when not a real date. */
export function dicomDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}
