import { describe, expect, it } from 'vitest';
import { extract, type Proposal } from '../../../electron/ocr/extract';
import { findDates } from '../../../electron/ocr/extract/dates';
import type { OcrPage, OcrWord } from '../../../electron/ocr/types';

// Lines as the real scans in ../shared/data/scans print them (their .gt.txt files).

function page(lines: string[]): OcrPage {
  const words: OcrWord[] = [];
  lines.forEach((line, l) => line.split(' ').forEach((text, i) => words.push({ text, confidence: 90, line: l, box: { x: 10 + i * 100, y: 10 + l * 40, w: 90, h: 20 } })));
  return { page: 1, width: 4000, height: 40 * lines.length + 20, source: 'ocr', rotation: 0, confidence: 90, text: lines.join('\n'), words };
}
const today = new Date('2026-12-07T00:00:00Z');
const of = <K extends Proposal['kind']>(proposals: Proposal[], kind: K) => proposals.filter((p): p is Extract<Proposal, { kind: K }> => p.kind === kind);

describe('dates in the forms paperwork prints', () => {
  it.each([
    ['SIGNED Test1 Name1 DATE 07-25-2019', '2019-07-25', null],
    ['Admitted: 07-Sep-2020', '2020-09-07', null],
    ['Invoice # 23-AUK9909 Date: April 1, 2022', '2022-04-01', null],
    ['Date of Birth: 10/10/1982', '1982-10-10', null],
    ['14. DATE OF CURRENT ILLNESS 10 11 21', '2021-10-11', '2021-11-10'],
    ['11a. INSURED DATE OF BIRTH 06 12 65', '1965-06-12', '1965-12-06'],
    ['Seen 25.07.2019', '2019-07-25', null],
    ['Report 2024-03-14', '2024-03-14', null],
  ])('%s -> %s (other reading %s)', (text, date, alternative) => {
    expect(findDates(text, 'month-first', today).map((d) => [d.date, d.alternative])).toEqual([[date, alternative]]);
  });

  it("reads an ambiguous numeric date in the clinic's order and keeps the other reading; an unambiguous one either way", () => {
    expect(findDates('03/04/2020', 'day-first', today).map((d) => [d.date, d.alternative])).toEqual([['2020-04-03', '2020-03-04']]);
    expect(findDates('25/07/2019', 'month-first', today).map((d) => [d.date, d.alternative])).toEqual([['2019-07-25', null]]);
  });

  it('takes no phone number, ZIP code, identifier or range for a date', () => {
    expect(findDates('ZIP CODE 01742 TELEPHONE 712-674-3619 Phone: (920)555-0101 SSN 555-88-9999 Smokes 1/2-1 PPD, 3-4 times/week 31-02-2020', 'month-first', today)).toEqual([]);
  });

  it('gives each date its role from its label, and the alternative reading to the review pane', () => {
    const dates = of(extract([page(['Admitted: 07-Sep-2020 Discharged: 08-Sep-2020', 'BIRTH DATE', '7-20-1975', 'Seen 03/04/2020'])], { dateOrder: 'month-first', today }), 'date');
    expect(dates.map((d) => [d.role, d.date, d.alternative])).toEqual([
      ['admission', '2020-09-07', null],
      ['discharge', '2020-09-08', null],
      ['birth', '1975-07-20', null],
      ['document', '2020-03-04', '2020-04-03'],
    ]);
    expect(dates[0]!.evidence.read).toBe('07-Sep-2020');
  });
});

describe('medicines by the drug vocabulary', () => {
  it('reads brand names as their RxNorm ingredients, with strength and frequency', () => {
    const meds = of(extract([page(['Meds: Motrin once/week. Tums previously.', 'Lasix 40 mg once daily'])], { today }), 'medication');
    expect(meds.map((m) => [m.name, m.matchedName, m.strength, m.frequency])).toEqual([
      ['Ibuprofen', 'Motrin', null, 'once/week'],
      ['Calcium carbonate', 'Tums', null, null],
      ['Furosemide', 'Lasix', '40 mg', 'once daily'],
    ]);
  });

  it('takes a brand name only on a line about medicines (brands can be surnames), a generic name anywhere', () => {
    expect(of(extract([page(['Referred by Dr Terrell Norco', 'warfarin was stopped'])], { today }), 'medication').map((m) => m.name)).toEqual(['Warfarin']);
  });
});

describe('names and coded diagnoses', () => {
  it('reads the patient and provider by their labels, and the names under a form\'s labels in column order', () => {
    const names = of(
      extract([page(["Provider: Mateo Jackson, Phd", "Patient: John Doe Provider's Pt ID: 00988277891", "2. PATIENT'S NAME 4. INSURED'S NAME", 'Doe, John M Doe, Jane', 'Relationship to Patient: BROTHER'])], { today }),
      'name',
    );
    expect(names.map((n) => [n.role, n.name])).toEqual([
      ['provider', 'Mateo Jackson'],
      ['patient', 'John Doe'],
      ['patient', 'Doe, John'],
      ['insured', 'Doe, Jane'],
    ]);
  });

  it('reads ICD-10-CM codes under a diagnosis label, split boxes included, and not a code without its digits', () => {
    const codes = of(extract([page(['21. DIAGNOSIS OR NATURE OF ILLNESS', '1. R11 . 0 3. R19. .', '2. K59 00 4. K92.1', 'FORM RRB-1500 A12 34'])], { today }), 'diagnosis');
    expect(codes.map((c) => c.code)).toEqual(['R11.0', 'K59.00', 'K92.1']);
    expect(of(extract([page(['Model A12 34 form'])], { today }), 'diagnosis')).toEqual([]);
  });
});
