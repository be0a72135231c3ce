import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../../scripts/lib/seeded-random';

/**
 * The images of the conformance matrix, made here and written as native
 * (uncompressed, explicit VR little endian) DICOM by DCMTK's own dump2dcm:
 * nothing binary is committed, and the file layout is DCMTK's, not ours.
 * Every other file of the matrix is derived from these by DCMTK or GDCM.
 */
export interface ImageSpec {
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
  readonly frames: number;
  readonly bitsAllocated: 8 | 16;
  readonly bitsStored: number;
  readonly signed: boolean;
  readonly samples: 1 | 3;
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB' | 'YBR_FULL';
  readonly planar: 0 | 1;
}

/** The stored sample values of one frame, in DICOM order (interleaved or planar as the spec says), unsigned bit patterns. */
export function synthesize(spec: ImageSpec, frame: number): number[] {
  const { rows, columns, samples, bitsStored, signed } = spec;
  const max = 2 ** bitsStored - 1;
  const random = seededRandom(hashSeed(`${spec.name}/${frame}`));
  const out = new Array<number>(rows * columns * samples);
  for (let s = 0; s < samples; s++) {
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < columns; x++) {
        // Smooth structure (what codecs see in real images), edges, noise, and both extremes of the range.
        const u = columns > 1 ? x / (columns - 1) : 0;
        const v = rows > 1 ? y / (rows - 1) : 0;
        let f = 0.45 * u + 0.25 * v + 0.15 * Math.sin(6.3 * (u * (s + 1) + v * (frame + 1))) + 0.1 * random();
        if ((x >> 3) % 5 === 2 && (y >> 2) % 3 === 1) f = 1 - f; // blocks of sharp edges
        if (x === 0 && y === 0) f = 0;
        if (x === columns - 1 && y === rows - 1) f = 1;
        const value = Math.max(0, Math.min(max, Math.round(f * max)));
        // Signed images: the same shape centred on zero, stored as a two's complement bit pattern of bitsStored bits.
        const stored = signed ? (value - 2 ** (bitsStored - 1)) & max : value;
        const index = spec.planar === 1 ? s * rows * columns + y * columns + x : (y * columns + x) * samples + s;
        out[index] = stored;
      }
    }
  }
  return out;
}

/** The value a stored bit pattern stands for: bitsStored bits, sign-extended when the image is signed. */
export function storedValue(pattern: number, bitsStored: number, signed: boolean): number {
  const masked = pattern & (2 ** bitsStored - 1);
  return signed && masked >= 2 ** (bitsStored - 1) ? masked - 2 ** bitsStored : masked;
}

/** A DICOM UID from a name: 2.25 and the decimal of 128 bits of its hash (PS3.5 B.2). */
export function uidOf(name: string): string {
  return `2.25.${BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 32)}`).toString(10)}`;
}

/**
 * Writes `spec` as a native Explicit VR Little Endian Part 10 file with DCMTK's dump2dcm (the pixel
 * data read from a raw file beside it). Returns the file's path.
 */
export function writeNative(dir: string, spec: ImageSpec): string {
  const bytesPerSample = spec.bitsAllocated / 8;
  const frameSamples = spec.rows * spec.columns * spec.samples;
  const raw = Buffer.alloc(frameSamples * spec.frames * bytesPerSample);
  for (let f = 0; f < spec.frames; f++) {
    const values = synthesize(spec, f);
    for (let i = 0; i < frameSamples; i++) {
      const at = (f * frameSamples + i) * bytesPerSample;
      if (bytesPerSample === 1) raw[at] = values[i]!;
      else raw.writeUInt16LE(values[i]!, at);
    }
  }
  const rawName = `${spec.name}.raw`;
  writeFileSync(join(dir, rawName), raw);
  const lines = [
    '(0008,0008) CS [DERIVED\\SECONDARY]',
    `(0008,0016) UI [${sopClassOf(spec)}]`,
    `(0008,0018) UI [${uidOf(`instance ${spec.name}`)}]`,
    '(0008,0060) CS [OT]',
    '(0010,0010) PN [Conformance^Matrix]',
    '(0010,0020) LO [CONFORMANCE-1]',
    `(0020,000d) UI [${uidOf('study')}]`,
    `(0020,000e) UI [${uidOf(`series ${spec.name}`)}]`,
    '(0020,0013) IS [1]',
    `(0028,0002) US ${spec.samples}`,
    `(0028,0004) CS [${spec.photometric}]`,
    ...(spec.samples === 3 ? [`(0028,0006) US ${spec.planar}`] : []),
    ...(spec.frames > 1 ? [`(0028,0008) IS [${spec.frames}]`] : []),
    `(0028,0010) US ${spec.rows}`,
    `(0028,0011) US ${spec.columns}`,
    `(0028,0100) US ${spec.bitsAllocated}`,
    `(0028,0101) US ${spec.bitsStored}`,
    `(0028,0102) US ${spec.bitsStored - 1}`,
    `(0028,0103) US ${spec.signed ? 1 : 0}`,
    `(7fe0,0010) ${spec.bitsAllocated === 8 ? 'OB' : 'OW'} =${rawName}`,
  ];
  const dumpName = `${spec.name}.dump`;
  writeFileSync(join(dir, dumpName), `${lines.join('\n')}\n`);
  const out = `${spec.name}.native.dcm`;
  // +te: explicit VR little endian; dump2dcm writes the file meta group and the preamble itself.
  tool(dir, 'dump2dcm', ['+te', dumpName, out]);
  return join(dir, out);
}

/** Secondary Capture, or its multi-frame classes where there are several frames (GDCM refuses frames the class does not allow). */
function sopClassOf(spec: ImageSpec): string {
  if (spec.frames === 1) return '1.2.840.10008.5.1.4.1.1.7';
  if (spec.samples === 3) return '1.2.840.10008.5.1.4.1.1.7.4';
  return spec.bitsAllocated === 8 ? '1.2.840.10008.5.1.4.1.1.7.2' : '1.2.840.10008.5.1.4.1.1.7.3';
}

/** Runs a DCMTK or GDCM tool in `dir`; throws with its own message when it fails. */
export function tool(dir: string, command: string, args: readonly string[]): string {
  const run = spawnSync(command, args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error) throw new Error(`${command}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')}: exit ${run.status}: ${(run.stderr || run.stdout).trim().split('\n').slice(0, 3).join(' | ')}`);
  return run.stdout;
}

export function hasTool(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function hashSeed(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

