import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, numeric, parseRange, restoreRangeDecimals } from '../../../electron/ocr/extract';
import { foldName } from '../../../electron/ocr/extract/loinc';
import { toUcum } from '../../../electron/ocr/extract/ucum';
import type { OcrPage, OcrWord } from '../../../electron/ocr/types';

/** A page from lines of text: words 100 px apart, lines 40 px apart. */
function page(lines: string[], confidence = 90): OcrPage {
  const words: OcrWord[] = [];
  lines.forEach((line, l) => line.split(' ').forEach((text, i) => words.push({ text, confidence, line: l, box: { x: 10 + i * 100, y: 10 + l * 40, w: 90, h: 20 } })));
  return { page: 1, width: 1000, height: 40 * lines.length + 20, source: 'ocr', rotation: 0, confidence, text: lines.join('\n'), words };
}

describe('lab extraction', () => {
  it('reads analyte, value, unit, range and specimen date despite OCR confusions', () => {
    const proposals = extract([page(['Specimen collected: 2024-03-14', 'HbAlc 6.1 % 4.0 - 5.6', 'Creatlnine O.8l mg/d1 0.70-1.30', 'TSH 2.10 mIU/L 0.40 - 4.00'])]);
    const labs = proposals.filter((p) => p.kind === 'lab');
    expect(labs.map((l) => [l.loinc, l.value, l.ucum, l.refLow, l.refHigh, l.date])).toEqual([
      ['4548-4', 6.1, '%', 4, 5.6, '2024-03-14'],
      ['2160-0', 0.81, 'mg/dL', 0.7, 1.3, '2024-03-14'],
      ['3016-3', 2.1, 'm[IU]/L', 0.4, 4, '2024-03-14'],
    ]);
    const hba1c = labs[0]!;
    expect(hba1c.kind === 'lab' && hba1c.analyte).toBe('HbAlc');
    expect(hba1c.evidence.page).toBe(1);
    expect(hba1c.evidence.boxes[0]).toEqual({ x: 10, y: 50, w: 90, h: 20 });
  });

  it('proposes nothing for a line that only names an analyte', () => {
    expect(extract([page(['Creatinine is a waste product'])]).filter((p) => p.kind === 'lab')).toEqual([]);
  });

  it('reads medications and vital signs', () => {
    const proposals = extract([page(['Metforrnin 500 mg tablet: take 1 tablet twice daily', 'Observations: BP 142/88 mmHg, pulse 78 bpm,', 'temperature 37.2 C, SpO2 97% on room air.'])]);
    const med = proposals.find((p) => p.kind === 'medication');
    expect(med && med.kind === 'medication' && [med.name, med.strength, med.dose, med.frequency]).toEqual(['Metformin', '500 mg', '1 tablet', 'twice daily']);
    const vitals = proposals.filter((p) => p.kind === 'vital').map((p) => (p.kind === 'vital' ? [p.vital, p.value, p.value2, p.ucum] : null));
    expect(vitals).toEqual([
      ['blood-pressure', 142, 88, 'mm[Hg]'],
      ['heart-rate', 78, null, '/min'],
      ['temperature', 37.2, null, 'Cel'],
      ['oxygen-saturation', 97, null, '%'],
    ]);
  });

  it('normalizes printed units to UCUM', () => {
    expect(toUcum('mg/dL')).toBe('mg/dL');
    expect(toUcum('10^3/uL')).toBe('10*3/uL');
    expect(toUcum('mL/min/1.73m2')).toBe('mL/min/{1.73_m2}');
    expect(toUcum('mmHg')).toBe('mm[Hg]');
    expect(toUcum('kg')).toBe('kg');
    expect(toUcum('bananas')).toBeNull();
  });

  it('parses values and ranges with OCR digit confusions', () => {
    expect(numeric('O.8l')).toEqual({ value: 0.81, comparator: null });
    expect(numeric('<5')).toEqual({ value: 5, comparator: '<' });
    expect(numeric('mg/dL')).toBeNull();
    expect(parseRange('3.5 – 5.1')).toEqual({ low: 3.5, high: 5.1 });
    expect(parseRange('< 200')).toEqual({ low: null, high: 200 });
  });

  it('folds names idempotently, merging the usual confusions', () => {
    expect(foldName('HbAlc')).toBe(foldName('HbA1c'));
    expect(foldName('r"N')).toBe(foldName(foldName('r"N')));
    fc.assert(fc.property(fc.string(), (s) => foldName(foldName(s)) === foldName(s)));
  });
});

describe('reference ranges whose decimal points OCR dropped', () => {
  it('restores them from the value\'s own magnitude, and says so', () => {
    expect(restoreRangeDecimals(4.1, { low: 35, high: 51 })).toEqual({ range: { low: 3.5, high: 5.1 }, repaired: 'range read as 35-51; decimal points restored to 3.5-5.1' });
    expect(restoreRangeDecimals(0.9, { low: 70, high: 130 })).toEqual({ range: { low: 0.7, high: 1.3 }, repaired: 'range read as 70-130; decimal points restored to 0.7-1.3' });
  });

  it('leaves plausible or unclear ranges as read', () => {
    expect(restoreRangeDecimals(89, { low: 70, high: 99 }).repaired).toBeNull();
    // A markedly abnormal value is not a reason to rewrite its range.
    expect(restoreRangeDecimals(250, { low: 70, high: 99 }).repaired).toBeNull();
    expect(restoreRangeDecimals(12, { low: 3.5, high: 5.1 }).repaired).toBeNull();
    expect(restoreRangeDecimals(5, { low: null, high: 51 }).repaired).toBeNull();
  });

  it('marks the proposal for review when the range was repaired', () => {
    const words = ['Albumin', '4.1', 'g/dL', '35-51'].map((text, i) => ({ text, confidence: 90, box: { x: i * 100, y: 10, w: 80, h: 20 }, line: 0 }));
    const [lab] = extract([{ page: 1, width: 800, height: 100, source: 'ocr', rotation: 0, confidence: 90, text: '', words }]);
    expect(lab).toMatchObject({ kind: 'lab', value: 4.1, refLow: 3.5, refHigh: 5.1, repaired: expect.stringContaining('restored') });
  });
});
