import { describe, expect, it } from 'vitest';
import { convert, toUcum } from '../../../electron/clinical/units';

describe('units as a clinical reader takes them', () => {
  it('converts between UCUM units of one kind, and refuses units of another', () => {
    expect(convert(180, 'mg/dL', 'mmol/L', 180.156)).toBeCloseTo(9.99, 2);
    expect(convert(70, 'kg', '[lb_av]')).toBeCloseTo(154.32, 2);
    expect(convert(37, 'Cel', '[degF]')).toBeCloseTo(98.6, 1);
    expect(convert(5, 'mg', 'mL')).toBeNull();
  });

  it('takes an annotation as no unit, also the "(score)" Synthea writes, but not a unit in brackets', () => {
    expect(convert(12.2, '(score)', toUcum('score')!)).toBe(12.2);
    expect(convert(12.2, '{score}', '1')).toBe(12.2);
    expect(convert(12.2, '(score)', 'mg')).toBeNull();
  });
});
