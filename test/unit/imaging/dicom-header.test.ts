import { describe, expect, it } from 'vitest';
import { readDicomHeader } from '../../../electron/imaging/dicom-header';
import { lengthMm } from '../../../electron/imaging/spacing';
import { haveRealDicom, realDicom, withImplicitElement, withSize, withTransferSyntax } from '../../fixtures/imaging/dicom-files';

// The table in ../shared/data/dicom/README.md: size, syntax and spacing of each real file.
const TABLE: Array<[string, string, number, number, number, string, number | null]> = [
  ['693_J2KR.dcm', 'CT', 512, 512, 1, '1.2.840.10008.1.2.4.90', 0.478516],
  ['JPEG-LL.dcm', 'NM', 1024, 256, 1, '1.2.840.10008.1.2.4.70', 2.26],
  ['MR2_J2KR.dcm', 'MR', 1024, 1024, 1, '1.2.840.10008.1.2.4.90', 0.195313],
  ['OBXXXX1A_rle_2frame.dcm', 'US', 600, 800, 2, '1.2.840.10008.1.2.5', null],
  ['RG1_J2KI.dcm', 'CR', 1955, 1841, 1, '1.2.840.10008.1.2.4.91', null],
  ['RG3_J2KI.dcm', 'CR', 1760, 1760, 1, '1.2.840.10008.1.2.4.91', null],
  ['RG3_J2KR.dcm', 'CR', 1760, 1760, 1, '1.2.840.10008.1.2.4.90', null],
  ['emri_small_RLE.dcm', 'MR', 64, 64, 10, '1.2.840.10008.1.2.5', null],
  ['nih_chest_dx.dcm', 'DX', 1024, 1024, 1, '1.2.840.10008.1.2', null],
];

describe.skipIf(!haveRealDicom())('readDicomHeader on the real files', () => {
  it.each(TABLE)('%s: %s %ix%i, %i frame(s), %s, spacing %s', (file, modality, rows, columns, frames, syntax, spacing) => {
    const h = readDicomHeader(file, realDicom(file));
    expect({ modality: h.modality, rows: h.rows, columns: h.columns, frames: h.frames, syntax: h.transferSyntaxUid }).toEqual({
      modality,
      rows,
      columns,
      frames,
      syntax,
    });
    expect(h.spacing.rowMm).toBe(spacing);
    expect(h.spacing.columnMm).toBe(spacing);
    expect(h.spacing.status).toBe(spacing === null ? (file === 'RG1_J2KI.dcm' ? 'invalid-zero' : 'missing') : 'known');
  });

  it('measures in mm with the known spacing: 100 pixels on MR2_J2KR.dcm are 19.5313 mm, on JPEG-LL.dcm 226 mm', () => {
    expect(lengthMm({ x: 0, y: 0 }, { x: 100, y: 0 }, readDicomHeader('MR2', realDicom('MR2_J2KR.dcm')).spacing)).toBeCloseTo(19.5313, 4);
    expect(lengthMm({ x: 0, y: 0 }, { x: 0, y: 100 }, readDicomHeader('NM', realDicom('JPEG-LL.dcm')).spacing)).toBeCloseTo(226, 6);
    // The whole width of the 512-pixel CT: 245 mm, a plausible head field of view.
    expect(lengthMm({ x: 0, y: 0 }, { x: 512, y: 0 }, readDicomHeader('CT', realDicom('693_J2KR.dcm')).spacing)).toBeCloseTo(245.0, 1);
  });

  it('refuses the zero spacing of RG1_J2KI.dcm rather than measuring with it', () => {
    const h = readDicomHeader('RG1', realDicom('RG1_J2KI.dcm'));
    expect(h.spacing).toEqual({ status: 'invalid-zero', rowMm: null, columnMm: null, source: 'PixelSpacing' });
    expect(lengthMm({ x: 0, y: 0 }, { x: 10, y: 0 }, h.spacing)).toBeNull();
  });

  it('reads Imager Pixel Spacing as an estimate', () => {
    const bytes = withImplicitElement(realDicom('nih_chest_dx.dcm'), 0x0018, 0x1164, '0.143\\0.143');
    expect(readDicomHeader('dx', bytes).spacing).toEqual({ status: 'estimated-from-imager', rowMm: 0.143, columnMm: 0.143, source: 'ImagerPixelSpacing' });
  });
});

describe.skipIf(!haveRealDicom())('readDicomHeader refuses bad input with one line naming the file', () => {
  const nih = () => realDicom('nih_chest_dx.dcm');
  const refusal = (bytes: Uint8Array): { kind: string; message: string } => {
    try {
      readDicomHeader('x.dcm', bytes);
    } catch (error) {
      return { kind: (error as { kind: string }).kind, message: (error as Error).message };
    }
    throw new Error('accepted');
  };

  it('a truncated file, native and compressed', () => {
    for (const bytes of [nih().slice(0, 600_000), realDicom('RG3_J2KR.dcm').slice(0, 400_000), nih().slice(0, 1000)]) {
      const r = refusal(bytes);
      expect(r.kind).toBe('invalid-input');
      expect(r.message).toMatch(/^x\.dcm: .*truncated/);
      expect(r.message).not.toContain('\n');
    }
  });

  it('not DICOM at all, or garbage after the marker', () => {
    expect(refusal(new TextEncoder().encode('hello')).message).toBe('x.dcm: too short to be DICOM (5 bytes)');
    expect(refusal(new Uint8Array(4096)).message).toMatch(/no DICM marker/);
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set(new TextEncoder().encode('DICM'), 128);
    expect(refusal(garbage).kind).toBe('invalid-input');
  });

  it('an unsupported transfer syntax, named', () => {
    const r = refusal(withTransferSyntax(nih(), '1.2.840.10008.1.2.4.100'));
    expect(r).toEqual({
      kind: 'unsupported',
      message: 'x.dcm: transfer syntax 1.2.840.10008.1.2.4.100 (MPEG-2 video) is not supported; ask the sender for an uncompressed or JPEG/JPEG 2000/RLE copy',
    });
  });

  it('a huge declared image, before any pixel is decoded', () => {
    const r = refusal(withSize(realDicom('RG3_J2KR.dcm'), 65535, 65535));
    expect(r.kind).toBe('too-large');
    expect(r.message).toMatch(/65535 x 65535 image \(8192 MB a frame\) is larger than the viewer holds/);
  });
});
