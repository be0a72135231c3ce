import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { decodeFrame, storedValues } from '../../../electron/imaging/decode';
import { readDicomHeader } from '../../../electron/imaging/dicom-header';
import { importDicomBytes, instanceBytes } from '../../../electron/imaging';
import { asPart10, dicomLayout, hasPart10Marker } from '../../../electron/imaging/part10';
import { haveRealDicom, realDicom } from '../../fixtures/imaging/dicom-files';
import { memoryVault, PATIENT } from '../agent/memory-fixture';

// Files without the 128-byte preamble and "DICM" (test/conformance/dicom.test.ts checks the same
// against DCMTK with files DCMTK writes): the meta group alone in front, or a bare data set.

/** Where the file meta group ends and the data set starts. */
function dataSetStart(bytes: Uint8Array): number {
  const meta = dicomParser.readPart10Header(bytes);
  return Math.max(...Object.values(meta.elements).map((e) => e.dataOffset + e.length));
}

describe.skipIf(!haveRealDicom())('DICOM files without a preamble', () => {
  const part10 = () => realDicom('nih_chest_dx.dcm'); // implicit VR little endian
  const withoutPreamble = () => part10().slice(132);
  const bareDataSet = () => part10().slice(dataSetStart(part10()));

  it('tells the layouts apart by their first bytes', () => {
    expect(dicomLayout(part10()).kind).toBe('part10');
    expect(dicomLayout(withoutPreamble()).kind).toBe('meta-without-preamble');
    expect(dicomLayout(bareDataSet())).toEqual({ kind: 'data-set', transferSyntax: '1.2.840.10008.1.2' });
    expect(dicomLayout(new TextEncoder().encode('%PDF-1.7 and more than eight bytes')).kind).toBe('not-dicom');
    expect(dicomLayout(new Uint8Array(4096)).kind).toBe('not-dicom');
  });

  it('reads both as the Part 10 file they stand for: the same header and the same pixels', async () => {
    const expected = readDicomHeader('x.dcm', part10());
    const pixels = (await decodeFrame(part10())).pixels;
    for (const bytes of [withoutPreamble(), bareDataSet()]) {
      expect(hasPart10Marker(bytes)).toBe(false);
      expect(readDicomHeader('x.dcm', bytes)).toEqual(expected);
      expect(Buffer.from((await decodeFrame(bytes)).pixels).equals(Buffer.from(pixels))).toBe(true);
      const fixed = asPart10('x.dcm', bytes);
      expect(hasPart10Marker(fixed)).toBe(true);
      expect(dicomParser.readPart10Header(fixed).string('x00020010')?.replace(/\0/g, '')).toBe('1.2.840.10008.1.2');
    }
  });

  it('stores a file without a preamble as a Part 10 file, its provenance the file as it came', () => {
    const vault = memoryVault();
    try {
      // The file is another patient's (the NIH chest film): filed under this chart only on the clinician's override.
      const outcome = importDicomBytes(vault, 'old-modality.dcm', bareDataSet(), { patientId: PATIENT, override: true });
      expect(outcome.status, outcome.message).toBe('imported');
      const stored = instanceBytes(vault.db, outcome.instanceId!).bytes;
      expect(hasPart10Marker(stored)).toBe(true);
      const source = vault.db.prepare(`SELECT detail FROM sources WHERE label = 'DICOM old-modality.dcm'`).pluck().get() as string;
      expect(JSON.parse(source)).toMatchObject({ preambleAdded: true });
    } finally {
      vault.close();
    }
  });
});

describe('stored values of greyscale samples', () => {
  it('keeps Bits Stored bits, sign-extended where signed, and copies only when a value changes', () => {
    const clean = Uint16Array.of(0, 4095, 17);
    expect(storedValues(clean, 12, false)).toBe(clean);
    // An overlay bit above Bits Stored is not part of the value.
    expect([...storedValues(Uint16Array.of(0x1000 | 5, 4095), 12, false)]).toEqual([5, 4095]);
    // A 12-bit -1 stored as 0x0FFF or as 0xFFFF is -1 either way; 0x0800 is the most negative value.
    expect([...storedValues(Int16Array.of(0x0fff, -1, 0x0800, 2047), 12, true)]).toEqual([-1, -1, -2048, 2047]);
    const signed16 = Int16Array.of(-32768, 32767);
    expect(storedValues(signed16, 16, true)).toBe(signed16);
    // Signed 8-bit samples widen to 16 bits.
    const widened = storedValues(Uint8Array.of(0xff, 0x80, 0x7f), 8, true);
    expect(widened).toBeInstanceOf(Int16Array);
    expect([...widened]).toEqual([-1, -128, 127]);
  });
});
