import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { storedValue, tool } from './images';

/**
 * What the reference tools make of a DICOM file's pixels, frame by frame.
 *
 * DCMTK (dcmdjpeg, dcmdjpls, dcmdrle, dcmconv) or GDCM (gdcmconv --raw)
 * decompresses the file to native explicit little endian; DCMTK's dcmdump
 * writes that pixel data out as it is (+W), and DCMTK's dcm2pnm renders
 * colour images (RGB in either planar configuration, YBR, palette) to PPM.
 * Greyscale frames are compared as stored values (bits stored, sign-extended
 * where the image is signed, which is how DCMTK reads them), colour frames
 * as the 8-bit RGB DCMTK shows.
 */
export type ReferenceFrames =
  | { readonly kind: 'grey'; readonly photometric: string; readonly frames: readonly Int32Array[] }
  | { readonly kind: 'rgb'; readonly photometric: string; readonly frames: readonly Uint8Array[] };

export type ReferenceTool = 'dcmtk' | 'gdcm';

const NATIVE = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.2']);
const JPEG = new Set(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70']);
const JPEG_LS = new Set(['1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81']);
const RLE = '1.2.840.10008.1.2.5';

/** The DCMTK tool that decompresses a transfer syntax; null where DCMTK (the free toolkit) has no decoder (JPEG 2000). */
export function dcmtkDecompressor(syntax: string): string | null {
  if (NATIVE.has(syntax)) return 'dcmconv';
  if (syntax === RLE) return 'dcmdrle';
  if (JPEG.has(syntax)) return 'dcmdjpeg';
  if (JPEG_LS.has(syntax)) return 'dcmdjpls';
  return null;
}

/** The frames of `file` as `by` decodes them; `work` is a scratch folder. */
export function referenceFrames(file: string, syntax: string, by: ReferenceTool, work: string): ReferenceFrames {
  mkdirSync(work, { recursive: true });
  const name = basename(file).replace(/\.dcm$/i, '');
  const decompressed = `${name}.${by}.dcm`;
  if (by === 'gdcm') tool(work, 'gdcmconv', ['--raw', file, decompressed]);
  else {
    const decompressor = dcmtkDecompressor(syntax);
    if (!decompressor) throw new Error(`DCMTK has no decoder for ${syntax}`);
    // +te: explicit VR little endian out; the decompressors' other defaults stand (dcmdjpeg converts YCbCr to RGB, as a viewer shows it).
    tool(work, decompressor, ['+te', file, decompressed]);
  }
  const rawDir = `${name}.${by}.raw`;
  rmSync(join(work, rawDir), { recursive: true, force: true });
  mkdirSync(join(work, rawDir), { recursive: true });
  const dump = tool(work, 'dcmdump', ['+W', rawDir, decompressed]);
  const attrs = attributes(dump);
  const rows = attrs.us('0028,0010');
  const columns = attrs.us('0028,0011');
  const samples = attrs.us('0028,0002');
  const frames = Number.parseInt(attrs.text('0028,0008') ?? '1', 10) || 1;
  const photometric = attrs.text('0028,0004') ?? '';
  if (samples === 1 && photometric.startsWith('MONOCHROME')) {
    const bitsAllocated = attrs.us('0028,0100');
    const bitsStored = attrs.us('0028,0101');
    const signed = attrs.us('0028,0103') === 1;
    // dcmdump names the file after the input and shortens long names in its listing: the folder holds just this one.
    const written = readdirSync(join(work, rawDir)).filter((f) => f.endsWith('.raw'));
    if (written.length !== 1) throw new Error(`dcmdump wrote ${written.length} pixel data files for ${file}`);
    const raw = readFileSync(join(work, rawDir, written[0]!));
    const perFrame = rows * columns;
    const out: Int32Array[] = [];
    for (let f = 0; f < frames; f++) {
      const values = new Int32Array(perFrame);
      for (let i = 0; i < perFrame; i++) {
        const at = f * perFrame + i;
        const pattern = bitsAllocated === 16 ? raw.readUInt16LE(at * 2) : raw[at]!;
        values[i] = storedValue(pattern, bitsStored, signed);
      }
      out.push(values);
    }
    return { kind: 'grey', photometric, frames: out };
  }
  // Colour: DCMTK's own rendering (YBR to RGB, planar to interleaved, palette lookup), 8 bits a sample.
  const ppm = `${name}.${by}.ppm`;
  tool(work, 'dcm2pnm', ['+Fa', '+op', decompressed, ppm]);
  const out: Uint8Array[] = [];
  for (let f = 0; f < frames; f++) {
    const path = join(work, `${ppm}.${f}.ppm`);
    if (!existsSync(path)) throw new Error(`dcm2pnm wrote no frame ${f + 1} for ${file}`);
    out.push(readPpm(path, columns, rows));
  }
  return { kind: 'rgb', photometric, frames: out };
}

/** The values dcmdump printed, by tag ("0028,0010"). */
function attributes(dump: string) {
  const values = new Map<string, string>();
  for (const line of dump.split('\n')) {
    const m = /^\((\w{4},\w{4})\) \w\w (.*?)\s+#/.exec(line);
    if (m && !values.has(m[1]!)) values.set(m[1]!, m[2]!.trim());
  }
  return {
    text: (tag: string) => values.get(tag)?.replace(/^\[|\]$/g, '') ?? null,
    us: (tag: string) => Number.parseInt(values.get(tag) ?? 'NaN', 10),
  };
}

/** A binary PPM (P6, maxval 255): its RGB bytes. */
function readPpm(path: string, width: number, height: number): Uint8Array {
  const bytes = readFileSync(path);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${path}: not a binary PPM`);
  if (Number(header[1]) !== width || Number(header[2]) !== height || Number(header[3]) !== 255) throw new Error(`${path}: ${header[1]} x ${header[2]} (max ${header[3]}), expected ${width} x ${height}`);
  return new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height * 3));
}
