import { describe, expect, it } from 'vitest';
import { checkMedicationList, type CheckFlag } from '../../../electron/agent/checks';
import type { Medication } from '../../../electron/agent/checks/check-types';
import type { KidneyFunction } from '../../../electron/agent/checks/kidney-function';
import { dosesPerDay } from '../../../electron/agent/checks/daily-dose';

// A row as the checks write it, followed by the version of the data file it was read from.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Each check with the published table row that triggers it (and one just
// short of it). Row numbers are those of the CSV files in
// ../shared/data/clinical-tables/opioids, header = row 1.

const med = (id: string, display: string, dosage: string | null = null, rxcui: string | null = null): Medication => ({ id, display, dosage, rxcui });
const kidney = (egfr: number): KidneyFunction => ({ egfr, at: '2024-11-02T00:00:00Z', observationId: 'gfr', estimatedHere: false });
const run = (meds: Medication[], egfr: number | null = null, kind?: CheckFlag['kind']) =>
  checkMedicationList(meds, [], () => (egfr === null ? null : kidney(egfr))).filter((f) => !kind || f.kind === kind);

describe('opioid dose in MME/day (CDC MME factors; CDC 2016 Recommendation 5 thresholds)', () => {
  it('flags 90 MME/day as high, citing the oxycodone factor row', () => {
    // 5 mg x 2 tablets x 6 a day = 60 mg/day; x 1.5 = 90 MME/day.
    const [flag] = run([med('oxy', 'oxyCODONE Hydrochloride 5 MG Oral Tablet', '2 tablets every 4 hours as needed')], null, 'opioid-dose');
    expect(flag).toMatchObject({ severity: 'high', message: expect.stringMatching(/^Opioids total 90 MME\/day, at or above 90/) });
    expect(flag!.source.row).toMatch(new RegExp(`^${escape('cdc-mme-conversion-factors.csv row 11: oxycodone conversion-factor 1.5')} \\(MME factors: `));
    // The data file's version travels with its row (shown on request), not in the citation.
    expect(flag!.source.row).toMatch(/b29bdcbf6db6f3de26486dbc3820572ee9a78b89/);
    expect(flag!.records).toEqual([{ kind: 'record', record: 'medication', id: 'oxy' }]);
  });

  it('warns from 50 MME/day, adds opioids up, and stays quiet below 50', () => {
    // Hydrocodone 10 mg x 4 = 40 MME + morphine 15 mg x 1 = 15 MME: 55.
    const both = run([med('h', 'Acetaminophen 325 MG / HYDROcodone Bitartrate 10 MG Oral Tablet', '1 tablet four times daily'), med('m', 'morphine sulfate 15 MG Oral Tablet', 'once daily')], null, 'opioid-dose');
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('Opioids total 55 MME/day') });
    expect(both[0]!.source.row).toMatch(new RegExp(`^${escape('cdc-mme-conversion-factors.csv row 5: hydrocodone conversion-factor 1; cdc-mme-conversion-factors.csv row 10: morphine conversion-factor 1')} \\(MME factors: `));
    expect(run([med('h', 'HYDROcodone Bitartrate 10 MG / Acetaminophen 325 MG Oral Tablet', '1 tablet four times daily')], null, 'opioid-dose')).toEqual([]);
  });

  it('uses the methadone factor of the daily dose range, and the fentanyl patch factor by RxNorm code', () => {
    const [methadone] = run([med('md', 'methadone hydrochloride 10 MG Oral Tablet', '1 tablet three times daily')], null, 'opioid-dose');
    expect(methadone!.message).toContain('Opioids total 240 MME/day'); // 30 mg/day x 8
    expect(methadone!.source.row).toMatch(new RegExp(`^${escape('cdc-mme-conversion-factors.csv row 7: methadone dose-range-conversion-factor 21-40:8')} \\(MME factors: `));
    const [patch] = run([med('fp', '72 HR fentanyl 0.025 MG/HR Transdermal System', 'apply 1 patch every 72 hours', '245134')], null, 'opioid-dose');
    expect(patch).toMatchObject({ severity: 'warning', message: expect.stringContaining('Opioids total 60 MME/day') }); // 25 mcg/hr x 2.4
    expect(patch!.source.row).toMatch(/row 3: fentanyl dose-form-conversion-factor 316987:7200@0.33333333/);
  });

  it('reads a proposed plan written as text, and names an opioid it cannot count instead of guessing', () => {
    expect(run([med(null!, 'oxycodone 20 mg every 6 hours')], null, 'opioid-dose')[0]!.message).toContain('Opioids total 120 MME/day');
    const [flag] = run([med('o', 'oxycodone 20 mg twice daily'), med('t', 'tramadol hydrochloride 50 MG Oral Tablet', 'every 6 hours')], null, 'opioid-dose');
    expect(flag!.message).toContain('Opioids total 60 MME/day');
    expect(flag!.message).toContain('not counted: tramadol hydrochloride 50 MG Oral Tablet (no MME factor for tramadol in the CDC table)');
  });

  it('reads dosage frequencies as written', () => {
    expect([dosesPerDay('1 dose every 6 hours, as needed'), dosesPerDay('twice a day'), dosesPerDay('q4-6h prn'), dosesPerDay('once/week'), dosesPerDay('as directed')]).toEqual([4, 2, 6, 1 / 7, null]);
  });
});

describe('opioid with benzodiazepine or CNS depressant (CDC 2022 Recommendation 11)', () => {
  it('flags an opioid with a benzodiazepine as high, citing the rule row; a brand name is enough', () => {
    const flags = run([med('oxy', 'oxyCODONE Hydrochloride 5 MG Oral Tablet'), med('x', 'Xanax 0.5 mg')], null, 'opioid-concurrent');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: 'high', message: expect.stringContaining('(opioid) with Xanax 0.5 mg (benzodiazepine)') });
    expect(flags[0]!.source).toMatchObject({ section: expect.stringContaining('Recommendation 11'), row: expect.stringMatching(new RegExp(`^${escape('concurrent-use-rules.csv row 2: cdc2022-rec11-benzodiazepine (opioid-analgesics-with-ambulatory-misuse-potential + benzodiazepine-medications)')} \\(rule table: `)) });
  });

  it('warns of an opioid with another CNS depressant, by RxNorm set; nothing for an opioid alone', () => {
    const [flag] = run([med('oxy', 'oxycodone 10 mg'), med('z', 'zolpidem tartrate 10 MG Oral Tablet')], null, 'opioid-concurrent');
    expect(flag).toMatchObject({ severity: 'warning', source: { row: expect.stringMatching(/^concurrent-use-rules.csv row 3: cdc2022-rec11-cns-depressant/) } });
    expect(run([med('oxy', 'oxycodone 10 mg'), med('a', 'Acetaminophen 325 MG Oral Tablet')], null, 'opioid-concurrent')).toEqual([]);
  });
});

describe('interactions from published tables', () => {
  it('warfarin with clopidogrel: the warfarin label, 7.3 Table 3', () => {
    const [flag] = run([med('w', 'Warfarin Sodium 5 MG Oral Tablet'), med('c', 'Plavix 75 mg')], null, 'interaction');
    expect(flag).toMatchObject({ severity: 'high', message: expect.stringContaining('(warfarin) with Plavix 75 mg (clopidogrel)') });
    expect(flag!.source).toMatchObject({ version: 'Revised 8/2022', section: '7.3 Drugs that Increase Bleeding Risk, Table 3 (Antiplatelet Agents)', row: 'interaction table row 2: warfarin-antiplatelet', libraryFile: 'fda-label-warfarin-sodium-tablets.pdf' });
  });

  it('verapamil with metoprolol (brand Toprol), and the ONC list for a PDE5 inhibitor with a nitrate', () => {
    expect(run([med('v', 'verapamil 80 mg'), med('m', '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]')], null, 'interaction')[0]).toMatchObject({
      severity: 'warning',
      source: { row: 'interaction table row 13: verapamil-beta-blocker' },
    });
    expect(run([med('s', 'sildenafil 50 mg'), med('n', 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray')], null, 'interaction')[0]!.source).toMatchObject({ issuer: expect.stringContaining('Phansalkar'), row: 'interaction table row 7: pde5-nitrate' });
    expect(run([med('w', 'warfarin 5 mg'), med('a', 'amlodipine 5 mg')], null, 'interaction')).toEqual([]);
  });
});

describe('renal dosing by the labels eGFR limits', () => {
  it('digoxin at eGFR 4 is flagged high, citing the label', () => {
    const [flag] = run([med('d', 'digoxin 0.125 MG Oral Tablet')], 4, 'renal-dose');
    expect(flag).toMatchObject({ severity: 'high', message: expect.stringContaining('eGFR 4 mL/min/1.73m2 on 2024-11-02 (reported)') });
    expect(flag!.source).toMatchObject({ title: expect.stringContaining('Lanoxin'), row: 'renal limit: digoxin below eGFR 30', section: expect.stringContaining('8.6 Renal Impairment') });
    expect(flag!.records).toContainEqual({ kind: 'record', record: 'observation', id: 'gfr' });
  });

  it('metformin: high below 30, a warning from 30 to 45, nothing at 45', () => {
    expect(run([med('m', 'metformin 500 mg')], 29, 'renal-dose')[0]).toMatchObject({ severity: 'high', source: { row: 'renal limit: metformin below eGFR 30' } });
    expect(run([med('m', 'Glucophage 500 mg')], 40, 'renal-dose')[0]).toMatchObject({ severity: 'warning', source: { row: 'renal limit: metformin below eGFR 45', section: '2.3 Recommendations for Use in Renal Impairment' } });
    expect(run([med('m', 'metformin 500 mg')], 45, 'renal-dose')).toEqual([]);
  });
});

describe('every flag names its source and the version of its table', () => {
  it('holds for a plan that trips every check', () => {
    const flags = run(
      [med('o', 'oxycodone 30 mg every 6 hours'), med('a', 'alprazolam 1 mg'), med('w', 'warfarin 5 mg'), med('i', 'ibuprofen 400 mg'), med('i2', 'Motrin 200 mg'), med('mf', 'metformin 1000 mg')],
      20,
    );
    expect(new Set(flags.map((f) => f.kind))).toEqual(new Set(['opioid-dose', 'opioid-concurrent', 'interaction', 'renal-dose', 'duplicate-therapy']));
    for (const f of flags) expect([f.source.title, f.source.issuer, f.source.version].every(Boolean), f.message).toBe(true);
  });
});
