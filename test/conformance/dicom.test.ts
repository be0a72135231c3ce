import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, importDicomBytes, instanceBytes } from '../../electron/imaging';
import { ImagingError } from '../../electron/imaging/imaging-error';
import { hasPart10Marker } from '../../electron/imaging/part10';
import { DICOM_DIR, haveRealDicom } from '../fixtures/imaging/dicom-files';
import { memoryVault, PATIENT } from '../unit/agent/memory-fixture';
import { compareFrame } from './dicom/compare';
import { hasTool, tool, writeNative, type ImageSpec } from './dicom/images';
import { ENCODINGS, IMAGES, SMALL, type Encoding } from './dicom/matrix';
import { dcmtkDecompressor, referenceFrames, type ReferenceFrames, type ReferenceTool } from './dicom/reference';
import { FULL, writeConformanceResult } from './support';

/**
 * Every frame decoded as DCMTK decodes it. The files are the real ones in
 * ../shared/data/dicom and a matrix made here with DCMTK's and GDCM's own
 * encoders (dicom/matrix.ts): each transfer syntax the viewer claims, 8, 12
 * and 16 bits, signed and unsigned, MONOCHROME1/2, RGB and YBR_FULL in both
 * planar configurations, JPEG-LS interleave modes 0, 1 and 2, several frames,
 * odd sizes. DCMTK is the judge; where it has no decoder (JPEG 2000: the free
 * toolkit has none) GDCM is, and in the full run GDCM gives a second opinion
 * on every file. Lossless syntaxes must match sample for sample; lossy ones
 * within LOSSY_STEPS steps of an 8-bit scale (two decoders of one lossy
 * stream may round their transforms differently; ours measure 0).
 */

const DCMTK = ['dcmdump', 'dump2dcm', 'dcmconv', 'dcmcrle', 'dcmdrle', 'dcmcjpeg', 'dcmdjpeg', 'dcmcjpls', 'dcmdjpls', 'dcm2pnm'].every(hasTool);
const GDCM = hasTool('gdcmconv');
const LOSSY_STEPS = 2;

interface Case {
  readonly label: string;
  readonly file: string;
  readonly syntax: string;
  readonly lossy: boolean;
  readonly image: ImageSpec | null;
  readonly encoding: string;
}

const results = {
  filesCompared: 0,
  framesCompared: 0,
  framesComparedLossless: 0,
  framesComparedLossy: 0,
  framesDifferingLossless: 0,
  framesOverToleranceLossy: 0,
  maxDifferenceLossy: 0,
  failures: [] as string[],
  /** Syntaxes with at least one frame compared, by UID, with the judge that compared them. */
  syntaxes: {} as Record<string, { frames: number; judge: ReferenceTool }>,
  /** photometric / planar configuration / bits stored and sign, as compared. */
  combinations: [] as string[],
  interleaveModes: [] as string[],
  refused: [] as string[],
  notGenerated: [] as string[],
  secondOpinion: { frames: 0, agree: 0, disagree: [] as string[] },
  preambleless: [] as string[],
  realFiles: [] as string[],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-conformance-dicom-'));
});
afterAll(() => {
  writeConformanceResult('dicom', { dcmtk: DCMTK, gdcm: GDCM, ...results, combinations: [...new Set(results.combinations)].sort(), interleaveModes: [...new Set(results.interleaveModes)].sort() });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function tolerance(lossy: boolean, bits: number): number {
  return lossy ? LOSSY_STEPS * 2 ** Math.max(0, bits - 8) : 0;
}

/** Decodes every frame of one file ourselves and compares it with the judge (and GDCM's second opinion in the full run). */
async function check(c: Case): Promise<void> {
  const judge: ReferenceTool | null = dcmtkDecompressor(c.syntax) ? 'dcmtk' : GDCM ? 'gdcm' : null;
  if (!judge) {
    results.notGenerated.push(`${c.label}: no reference decoder here (install libgdcm-tools)`);
    return;
  }
  const work = join(dir, 'work');
  const reference = referenceFrames(c.file, c.syntax, judge, work);
  let second: ReferenceFrames | null = null;
  if (FULL && GDCM && judge === 'dcmtk') {
    try {
      second = referenceFrames(c.file, c.syntax, 'gdcm', work);
    } catch (error) {
      results.secondOpinion.disagree.push(`${c.label}: GDCM could not decode it (${(error as Error).message.slice(0, 120)})`);
    }
  }
  const bytes = new Uint8Array(readFileSync(c.file));
  results.filesCompared += 1;
  for (let frame = 0; frame < reference.frames.length; frame++) {
    let ours;
    try {
      ours = await decodeFrame(bytes, frame);
    } catch (error) {
      if (error instanceof ImagingError && error.kind === 'unsupported') {
        results.refused.push(`${c.label}: ${error.message}`);
        return;
      }
      results.failures.push(`${c.label} frame ${frame + 1}: ours failed: ${(error as Error).message}`);
      continue;
    }
    const bits = c.image?.bitsStored ?? (ours.bitsAllocated === 8 ? 8 : 16);
    const compared = compareFrame(ours, reference, frame);
    results.framesCompared += 1;
    results.syntaxes[c.syntax] = { frames: (results.syntaxes[c.syntax]?.frames ?? 0) + 1, judge };
    if (c.image) results.combinations.push(`${c.image.photometric} planar ${c.image.planar} ${c.image.bitsStored}-bit ${c.image.signed ? 'signed' : 'unsigned'}`);
    if (c.lossy) {
      results.framesComparedLossy += 1;
      if (compared.mismatch === null) results.maxDifferenceLossy = Math.max(results.maxDifferenceLossy, compared.maxDifference);
      if (compared.mismatch !== null || compared.maxDifference > tolerance(true, bits)) {
        results.framesOverToleranceLossy += 1;
        results.failures.push(`${c.label} frame ${frame + 1}: ${compared.mismatch ?? `${compared.differing} of ${compared.samples} samples differ from ${judge}, by up to ${compared.maxDifference} (tolerance ${tolerance(true, bits)})`}`);
      }
    } else {
      results.framesComparedLossless += 1;
      if (compared.mismatch !== null || compared.differing > 0) {
        results.framesDifferingLossless += 1;
        results.failures.push(`${c.label} frame ${frame + 1}: ${compared.mismatch ?? `${compared.differing} of ${compared.samples} samples differ from ${judge}, by up to ${compared.maxDifference}`}`);
      }
    }
    if (second) {
      const opinion = compareFrame(ours, second, frame);
      results.secondOpinion.frames += 1;
      if (opinion.mismatch === null && opinion.maxDifference <= tolerance(c.lossy, bits)) results.secondOpinion.agree += 1;
      else results.secondOpinion.disagree.push(`${c.label} frame ${frame + 1}: GDCM ${opinion.mismatch ?? `differs in ${opinion.differing} of ${opinion.samples} samples, by up to ${opinion.maxDifference}`} (DCMTK and ours: ${compared.differing === 0 ? 'identical' : `${compared.differing} differ`})`);
    }
  }
}

/** The matrix's cases: the whole matrix in the full run, the SMALL slice otherwise. */
function matrixCases(): Array<{ image: ImageSpec; encoding: Encoding }> {
  const all = IMAGES.flatMap((image) => ENCODINGS.filter((encoding) => encoding.accepts(image)).map((encoding) => ({ image, encoding })));
  if (FULL) return all;
  return SMALL.map(([image, encoding]) => {
    const found = all.find((c) => c.image.name === image && c.encoding.name === encoding);
    if (!found) throw new Error(`SMALL names ${image} / ${encoding}, which the matrix does not hold`);
    return found;
  });
}

function syntaxOf(bytes: Uint8Array): string {
  return dicomParser.readPart10Header(bytes).string('x00020010')?.replace(/\0/g, '').trim() ?? '1.2.840.10008.1.2';
}

describe.skipIf(!DCMTK)('DICOM decoding judged by DCMTK (and GDCM)', () => {
  it(`decodes every frame of the generated matrix as the reference does (${FULL ? 'full' : 'the npm test slice'})`, { timeout: FULL ? 1_800_000 : 300_000 }, async () => {
    const cases = matrixCases();
    const natives = new Map<string, string>();
    for (const [index, { image, encoding }] of cases.entries()) {
      let native = natives.get(image.name);
      if (!native) {
        native = writeNative(dir, image);
        natives.set(image.name, native);
      }
      const label = `${image.name} as ${encoding.name}`;
      const file = join(dir, `case-${index}.dcm`);
      try {
        tool(dir, encoding.command[0], [...encoding.command.slice(1), native, file]);
      } catch (error) {
        // The encoders' own limits (GDCM's JPEG 2000 writer crashes on a 1 x 1 image); recorded, not ours to judge.
        results.notGenerated.push(`${label}: ${(error as Error).message.slice(0, 160)}`);
        continue;
      }
      const written = syntaxOf(new Uint8Array(readFileSync(file)));
      expect(written, `${label}: the encoder wrote another syntax`).toBe(encoding.syntax);
      if (encoding.command[0] === 'dcmcjpls' && image.samples === 3) results.interleaveModes.push(encoding.command.find((a) => ['+in', '+il', '+is'].includes(a)) ?? '+il');
      await check({ label, file, syntax: encoding.syntax, lossy: encoding.lossy, image, encoding: encoding.name });
    }
    expect(results.failures).toEqual([]);
    // Every syntax the viewer claims is decoded: nothing in the matrix is refused as unsupported.
    expect(results.refused).toEqual([]);
  });

  it.skipIf(!haveRealDicom())('decodes every frame of every real file in ../shared/data/dicom as the reference does', { timeout: 600_000 }, async () => {
    const failuresBefore = results.failures.length;
    for (const name of readdirSync(DICOM_DIR).filter((f) => f.toLowerCase().endsWith('.dcm')).sort()) {
      const file = join(DICOM_DIR, name);
      const syntax = syntaxOf(new Uint8Array(readFileSync(file)));
      const lossy = ['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.81'].includes(syntax);
      const framesBefore = results.framesCompared;
      await check({ label: name, file, syntax, lossy, image: null, encoding: syntax });
      results.realFiles.push(`${name}: ${results.framesCompared - framesBefore} frame(s) against ${dcmtkDecompressor(syntax) ? 'DCMTK' : 'GDCM'}`);
    }
    expect(results.failures.slice(failuresBefore)).toEqual([]);
  });

  it('reads files without the preamble and DICM marker as dcmdump does, and stores and exports them with one', { timeout: 300_000 }, async () => {
    const image = IMAGES.find((i) => i.name === 'mono12-signed')!;
    const native = writeNative(dir, image);
    const variants: Array<[string, string]> = [];
    // A bare data set, as old modalities write it (DCMTK's -F: no meta group, no preamble), implicit and explicit.
    tool(dir, 'dcmconv', ['-F', '+ti', native, 'bare-implicit.dcm']);
    variants.push(['a bare data set, implicit VR little endian', join(dir, 'bare-implicit.dcm')]);
    tool(dir, 'dcmconv', ['-F', '+te', native, 'bare-explicit.dcm']);
    variants.push(['a bare data set, explicit VR little endian', join(dir, 'bare-explicit.dcm')]);
    // The file meta group without the 128-byte preamble and marker in front of it.
    writeFileSync(join(dir, 'no-preamble.dcm'), readFileSync(native).subarray(132));
    variants.push(['a meta group without the preamble', join(dir, 'no-preamble.dcm')]);
    for (const [what, file] of variants) {
      // A vault each: the variants are one instance (one SOP Instance UID).
      const vault = memoryVault();
      try {
        // DCMTK reads it (the judge first: a file it refused would prove nothing).
        expect(tool(dir, 'dcmdump', [file]), what).toMatch(/\(0028,0010\) US 29/);
        const bytes = new Uint8Array(readFileSync(file));
        expect(hasPart10Marker(bytes)).toBe(false);
        const reference = referenceFrames(file, '1.2.840.10008.1.2.1', 'dcmtk', join(dir, 'work'));
        const direct = compareFrame(await decodeFrame(bytes, 0), reference, 0);
        expect(direct, what).toMatchObject({ mismatch: null, differing: 0 });

        // The test image does not confirm the chart's patient: filed under it only on the clinician's override.
        const outcome = importDicomBytes(vault, `${what}.dcm`, bytes, { patientId: PATIENT, override: true });
        expect(outcome.status, `${what}: ${outcome.message}`).toBe('imported');
        const stored = new Uint8Array(instanceBytes(vault.db, outcome.instanceId!).bytes);
        expect(hasPart10Marker(stored), what).toBe(true);
        const exported = join(dir, `exported-${variants.findIndex(([w]) => w === what)}.dcm`);
        writeFileSync(exported, stored);
        // What an export writes is a Part 10 file to DCMTK too: its meta group, the syntax it names, the same pixels.
        const dump = tool(dir, 'dcmdump', [exported]);
        expect(dump, what).toMatch(/# Dicom-Meta-Information-Header/);
        expect(dump, what).toMatch(/\(0002,0010\) UI =(LittleEndianImplicit|LittleEndianExplicit)/);
        const again = compareFrame(await decodeFrame(stored, 0), referenceFrames(exported, syntaxOf(stored), 'dcmtk', join(dir, 'work')), 0);
        expect(again, what).toMatchObject({ mismatch: null, differing: 0 });
        results.preambleless.push(`${what}: read, stored and exported with its preamble; pixels identical to DCMTK's`);
      } finally {
        vault.close();
      }
    }
  });
});
