import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, missing, toVisitForm, vitalsText } from '../../../renderer/visit/visit-form';
import { setDateStyle } from '../../../renderer/ui/format';

describe('the visit form, before it is signed', () => {
  it('says what it still lacks, in words', () => {
    expect(missing(EMPTY_DRAFT, '2026-12-07')).toBe('Write the assessment before signing.');
    const draft = { ...EMPTY_DRAFT, assessment: 'Stable.' };
    expect(missing(draft, '2026-12-07')).toBeNull();
    expect(missing({ ...draft, followUpDate: '2026-12-01', followUpReason: 'x' }, '2026-12-07')).toBe('The follow-up date is in the past.');
    expect(missing({ ...draft, followUpDate: '2027-01-04' }, '2026-12-07')).toBe('Say what the follow-up is for.');
    expect(missing({ ...draft, followUpReason: 'recheck' }, '2026-12-07')).toBe('Give the follow-up a date, or clear its reason.');
  });

  it('pulls the latest vitals into the objective with the records they quote, in the app date style', () => {
    setDateStyle('dmy');
    const pulled = vitalsText([
      { key: 'bp', label: 'BP', value: 167.2, value2: 101.4, unit: 'mm[Hg]', decimals: 0, at: '2020-05-26T10:00:00Z', ids: ['s', 'd'], flag: null, flagText: null },
      { key: 'egfr', label: 'eGFR', value: 110.98, value2: null, unit: 'mL/min/{1.73_m2}', decimals: null, at: '2020-05-26', ids: ['e'], flag: null, flagText: null },
    ]);
    expect(pulled.text).toBe('BP 167/101 mmHg (26 May 2020); eGFR 111 mL/min/1.73m² (26 May 2020).');
    expect(pulled.cites.map((c) => (c.kind === 'record' ? c.id : ''))).toEqual(['s', 'd', 'e']);
  });

  it('sends the follow-up only with a date, and trims the reason', () => {
    const form = toVisitForm({ ...EMPTY_DRAFT, reason: '  Review ', assessment: 'Stable.', followUpDate: '2027-01-04', followUpReason: ' recheck ' });
    expect(form).toMatchObject({ reason: 'Review', followUp: { date: '2027-01-04', reason: 'recheck' }, medicationChanges: [], problemChanges: [], cites: [] });
    expect(toVisitForm({ ...EMPTY_DRAFT, assessment: 'x' }).followUp).toBeNull();
  });
});
