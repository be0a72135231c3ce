import { describe, expect, it } from 'vitest';
import { CHANGE_RULES, changeRulesFor, gfrCategory } from '../../../electron/clinical/change-rules';
import { CRITICAL_LIMITS, criticalFinding } from '../../../electron/clinical/critical-values';

describe('critical values, each from a cited source', () => {
  it('names the publication and its version on every row', () => {
    for (const row of [...CRITICAL_LIMITS, ...CHANGE_RULES]) {
      expect(row.source.title.length, row.analyte).toBeGreaterThan(10);
      expect(row.source.issuer.length, row.analyte).toBeGreaterThan(3);
      expect(row.source.version, row.analyte).toMatch(/\d{4}/);
    }
  });

  it('flags a result beyond a limit, not at it, and only in the unit of the row', () => {
    expect(criticalFinding('6298-4', 'mmol/L', 6.8)).toMatchObject({ direction: 'high', threshold: 6.2, limit: { analyte: 'Potassium' } });
    expect(criticalFinding('6298-4', 'mmol/L', 6.2)).toBeNull();
    expect(criticalFinding('6298-4', 'mmol/L', 2.5)).toMatchObject({ direction: 'low', threshold: 2.8 });
    expect(criticalFinding('6298-4', 'mg/dL', 30)).toBeNull();
    expect(criticalFinding('33914-3', 'mL/min/{1.73_m2}', 4.3)).toMatchObject({ direction: 'low', threshold: 15, limit: { meaning: 'GFR category G5, kidney failure' } });
    expect(criticalFinding('33914-3', 'mL/min/1.73m2', 14)).not.toBeNull();
    expect(criticalFinding('8480-6', 'mm[Hg]', 185)).toMatchObject({ direction: 'high', threshold: 180 });
    expect(criticalFinding(null, 'mmol/L', 9)).toBeNull();
  });

  it('finds the rapid changes KDIGO defines: eGFR progression, creatinine rise of AKI', () => {
    const egfr = changeRulesFor('33914-3', 'mL/min/{1.73_m2}');
    expect(egfr.map((r) => r.id)).toEqual(['egfr-progression']);
    const fall = [
      { id: 'a', at: '1984-02-13', value: 31.9 },
      { id: 'b', at: '1984-06-11', value: 58.8 },
      { id: 'c', at: '1984-10-08', value: 37.7 },
    ];
    expect(egfr[0]!.find(fall)).toEqual({ from: fall[1], to: fall[2] });
    // 20 % down and the same category: not progression.
    expect(egfr[0]!.find([fall[1]!, { id: 'd', at: '1985-01-01', value: 47 }])).toBeNull();
    expect(gfrCategory(4.3)).toBe('G5');

    const aki = changeRulesFor('38483-4', 'mg/dL')[0]!;
    expect(aki.find([{ id: 'a', at: '2024-01-01T08:00:00Z', value: 1.0 }, { id: 'b', at: '2024-01-06T08:00:00Z', value: 1.6 }])).toMatchObject({ from: { id: 'a' }, to: { id: 'b' } });
    expect(aki.find([{ id: 'a', at: '2024-01-01T08:00:00Z', value: 1.0 }, { id: 'b', at: '2024-01-02T20:00:00Z', value: 1.3 }])).toMatchObject({ to: { id: 'b' } });
    expect(aki.find([{ id: 'a', at: '2024-01-01T08:00:00Z', value: 1.0 }, { id: 'b', at: '2024-01-20T08:00:00Z', value: 1.8 }])).toBeNull();
  });
});
