import { describe, expect, it } from 'vitest';
import { compareIdentity, type ChartIdentity } from '../../../electron/identity/compare-identity';
import { documentPatient } from '../../../electron/ocr/identity';
import type { OcrPage } from '../../../electron/ocr/types';

const CHART: ChartIdentity = { id: 'p1', name: 'Vito Feeney', family: 'Feeney', given: 'Vito', birthDate: '1910-09-19', sex: 'male', identifierValues: ['p1', 'MRN-1'], mrn: 'MRN-1' };

/** A page whose words are the given lines, one word box each (enough for the identity reader). */
function page(lines: string[]): OcrPage {
  const words = lines.flatMap((line, l) => line.split(' ').map((text, i) => ({ text, confidence: 95, line: l, box: { x: i * 60, y: l * 30, w: 50, h: 20 } })));
  return { page: 1, width: 1000, height: 1000, source: 'ocr', rotation: 0, confidence: 95, text: lines.join('\n'), words };
}

describe("whose file is it: the file's patient beside the chart's", () => {
  it('agrees on a DICOM name and birth date, with the identifier as confirmation', () => {
    const check = compareIdentity({ name: 'FEENEY^VITO', birthDate: '1910-09-19', sex: 'M', identifier: 'MRN-1' }, CHART, { requireConfirmation: true });
    expect(check.fields.map((f) => f.verdict)).toEqual(['agrees', 'agrees', 'agrees', 'agrees']);
    expect(check).toMatchObject({ needsOverride: false, summary: 'The file matches the chart on name, birth date, sex, identifier' });
  });

  it('finds "Patient: John Doe" against another chart, whatever the birth date says', () => {
    const check = compareIdentity({ name: 'John Doe', birthDate: null, sex: 'Male', identifier: null }, CHART);
    expect(check.fields.find((f) => f.field === 'name')).toMatchObject({ file: 'John Doe', chart: 'Vito Feeney', verdict: 'differs' });
    expect(check).toMatchObject({ needsOverride: true, summary: "The file's name does not match the chart" });
  });

  it('reads names in every order and spelling a file uses; a silent file needs confirmation for an image only', () => {
    expect(compareIdentity({ name: 'Feeney, Vito', birthDate: null, sex: null, identifier: null }, CHART).fields[0]!.verdict).toBe('agrees');
    expect(compareIdentity({ name: 'VITO FEENEY', birthDate: null, sex: null, identifier: null }, CHART).fields[0]!.verdict).toBe('agrees');
    expect(compareIdentity({ name: 'Feeney^Vita', birthDate: null, sex: null, identifier: null }, CHART).fields[0]!.verdict).toBe('differs');
    // A DICOM name with no given name component: the family name alone, as DICOM means it.
    expect(compareIdentity({ name: 'FEENEY', dicomName: true, birthDate: null, sex: null, identifier: null }, CHART).fields[0]!.verdict).toBe('agrees');
    const silent = { name: null, birthDate: null, sex: null, identifier: 'H-9' };
    expect(compareIdentity(silent, CHART).needsOverride).toBe(false);
    expect(compareIdentity(silent, CHART, { requireConfirmation: true })).toMatchObject({ needsOverride: true, summary: 'Nothing in the file says whose it is: it cannot be checked against the chart' });
  });

  it("reads a scanned page's patient: the first name on it, its sex, and the birth date extraction found", () => {
    const discharge = page(['Physician Hospital Discharge Summary', "Patient: John Doe Provider's Pt ID: 00988277891 Patient Gender: Male", 'Emergency contact: Jane Doe']);
    expect(documentPatient([discharge], [])).toEqual({ name: 'John Doe', sex: 'Male', birthDate: null, identifier: null });
    const intake = page(['First Name: ALEJANDRO Last Name: ROSALEZ Date of Birth: 10/10/1982', 'Sex: M', 'First Name: CARLOS Last Name: SALAZAR']);
    const birth = { id: 'd1', kind: 'date' as const, role: 'birth' as const, date: '1982-10-10', confidence: 90, evidence: { page: 1, boxes: [], read: '10/10/1982' } };
    expect(documentPatient([intake], [birth])).toEqual({ name: 'ALEJANDRO ROSALEZ', sex: 'M', birthDate: '1982-10-10', identifier: null });
    expect(documentPatient([page(['Northfield Clinical Laboratory', 'Test Result Units'])], [])).toEqual({ name: null, sex: null, birthDate: null, identifier: null });
  });
});
