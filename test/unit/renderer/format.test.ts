import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatCount,
  formatDate,
  formatDateTime,
  formatRange,
  formatSex,
  formatValue,
  humaniseIdentifier,
  parseIsoDate,
} from '../../../renderer/ui/format';

describe('dates as a clinician reads them', () => {
  it('shows day-month-year unambiguously at the precision the source had', () => {
    expect(formatDate('2019-03-12')).toBe('12 Mar 2019');
    expect(formatDate('2019-03')).toBe('Mar 2019');
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined, 'Not recorded')).toBe('Not recorded');
  });

  it('never shifts a calendar date by the time zone', () => {
    // A birth date is a calendar date, not UTC midnight.
    const p = parseIsoDate('1961-01-01');
    expect(p).not.toBeNull();
    expect(new Date(p!.ms).getDate()).toBe(1);
    expect(new Date(p!.ms).getMonth()).toBe(0);
    expect(formatDate('1961-01-01')).toBe('1 Jan 1961');
  });

  it('parses FHIR date-times with offsets and shows them in local time', () => {
    const p = parseIsoDate('2019-03-12T10:15:00+01:00');
    expect(p?.precision).toBe('time');
    expect(p?.ms).toBe(Date.UTC(2019, 2, 12, 9, 15));
    expect(parseIsoDate('2019-03-12T10:15:00.123Z')?.ms).toBe(Date.UTC(2019, 2, 12, 10, 15, 0, 123));
    expect(parseIsoDate('2019-03-12T10:15:00+0100')?.ms).toBe(Date.UTC(2019, 2, 12, 9, 15));
    expect(formatDateTime('2019-03-12T10:15:00Z')).toMatch(/^1[23] Mar 2019, \d\d:\d\d$/);
  });

  it('keeps years before 100 and rejects what is not a date', () => {
    expect(parseIsoDate('0050-06-01')?.year).toBe(50);
    expect(new Date(parseIsoDate('0050-06-01')!.ms).getFullYear()).toBe(50);
    expect(parseIsoDate('12/03/2019')).toBeNull();
    expect(parseIsoDate('2019-13-01')).toBeNull();
    expect(formatDate('yesterday')).toBe('yesterday');
  });

  it('formats ranges, ongoing ones included', () => {
    expect(formatRange('2019-03-12', '2020-04-04', false)).toBe('12 Mar 2019 – 4 Apr 2020');
    expect(formatRange('2019-03-12', null, true)).toBe('12 Mar 2019 – ongoing');
    expect(formatRange('2019-03-12', null, false)).toBe('12 Mar 2019');
  });

  it('gives ages in years, or months and days for the very young', () => {
    const at = new Date(2024, 5, 15);
    expect(formatAge('1961-03-12', at)).toBe('63 y');
    expect(formatAge('1961-06-16', at)).toBe('62 y');
    expect(formatAge('2021-03-01', at)).toBe('3 y 3 mo');
    expect(formatAge('2024-01-10', at)).toBe('5 mo');
    expect(formatAge('2024-06-03', at)).toBe('12 d');
    expect(formatAge(null, at)).toBeNull();
    expect(formatAge('2030-01-01', at)).toBeNull();
  });
});

describe('words and numbers', () => {
  it('says sex in words', () => {
    expect(formatSex('female')).toBe('Female');
    expect(formatSex('male')).toBe('Male');
    expect(formatSex('unknown')).toBe('Unknown');
    expect(formatSex(null)).toBeNull();
  });

  it('counts with thousands separators and values without float noise', () => {
    expect(formatCount(1244)).toBe('1,244');
    expect(formatCount(12)).toBe('12');
    expect(formatValue(5.800000001)).toBe('5.8');
    expect(formatValue(120)).toBe('120');
    expect(formatValue(98.64)).toBe('98.6');
    expect(formatValue(0.25)).toBe('0.25');
  });

  it('turns code names into words', () => {
    expect(humaniseIdentifier('ExplanationOfBenefit')).toBe('Explanation of benefit');
    expect(humaniseIdentifier('entered-in-error')).toBe('Entered in error');
    expect(humaniseIdentifier('vault.unlock')).toBe('Vault unlock');
  });
});
