import { describe, expect, it } from 'vitest';
import { dateStyleForLocale, displayUnit, formatDay, formatQuantity, formatWithUnit, roundLongDecimals } from '../../../electron/api/clinical-format';

describe('clinical formatting in one place', () => {
  it('writes a day in the three styles no reader can misread, at the precision it has', () => {
    expect(formatDay('1985-01-28', 'dmy')).toBe('28 Jan 1985');
    expect(formatDay('1985-01-28', 'mdy')).toBe('Jan 28, 1985');
    expect(formatDay('1985-01-28', 'iso')).toBe('1985-01-28');
    expect(formatDay('1985-01-28T23:11:46+00:00', 'dmy')).toBe('28 Jan 1985');
    expect(formatDay('2019-03', 'dmy')).toBe('Mar 2019');
    expect(formatDay('2019', 'mdy')).toBe('2019');
    expect(formatDay('not a date', 'dmy')).toBe('not a date');
    expect(formatDay('2019-13-01', 'dmy')).toBe('2019-13-01');
  });

  it('takes the default style from the locale: month first where a region writes it so', () => {
    expect(dateStyleForLocale('en-US')).toBe('mdy');
    expect(dateStyleForLocale('en-GB')).toBe('dmy');
    expect(dateStyleForLocale('fr')).toBe('dmy');
    expect(dateStyleForLocale(undefined)).toBe('dmy');
  });

  it('rounds values: three significant digits by default, the analyte precision when given', () => {
    expect(formatQuantity(112.1628407777815)).toBe('112');
    expect(formatQuantity(37.724293541590136)).toBe('37.7');
    expect(formatQuantity(4.261204730074571)).toBe('4.26');
    expect(formatQuantity(7)).toBe('7');
    expect(formatQuantity(4, 1)).toBe('4.0');
    expect(formatQuantity(-0.001, 1)).toBe('0.0');
  });

  it('shows UCUM units as clinicians write them, keeping what the annotation means', () => {
    expect(displayUnit('mm[Hg]')).toBe('mmHg');
    expect(displayUnit('Cel')).toBe('°C');
    expect(displayUnit('[degF]')).toBe('°F');
    expect(displayUnit('mL/min/{1.73_m2}')).toBe('mL/min/1.73m²');
    expect(displayUnit('{beats}/min')).toBe('/min');
    expect(displayUnit('/min')).toBe('/min');
    expect(displayUnit('10*3/uL')).toBe('10³/µL');
    expect(displayUnit('umol/L')).toBe('µmol/L');
    expect(displayUnit('U/L')).toBe('U/L');
    expect(displayUnit('{score}')).toBe('');
    expect(displayUnit('1')).toBe('');
    expect(displayUnit('[lb_av]')).toBe('lb');
    expect(displayUnit('kg/m2')).toBe('kg/m²');
    expect(displayUnit('cm2')).toBe('cm²');
    expect(displayUnit('/min')).toBe('/min');
    expect(formatWithUnit(112.16, 'mm[Hg]')).toBe('112 mmHg');
  });

  it('rounds only the overlong numbers of a written message', () => {
    expect(roundLongDecimals('eGFR 37.724293541590136 mL/min/1.73m2 on 1984-10-08, range 4.5-5.55')).toBe('eGFR 37.7 mL/min/1.73m2 on 1984-10-08, range 4.5-5.55');
  });
});
