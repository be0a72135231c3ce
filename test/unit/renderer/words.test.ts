import { describe, expect, it } from 'vitest';
import type { Analyte, ImportReport, Series } from '../../../electron/api/schemas';
import { clinicianName, describeAction } from '../../../renderer/chart/access-words';
import { displayValue } from '../../../renderer/chart/DetailsDrawer';
import { pickMrn } from '../../../renderer/ui/identifiers';
import { countLines, headline, resourceTypeWords } from '../../../renderer/patients/import-summary';
import {
  defaultAnalyte,
  formatRefRange,
  groupAnalytes,
  isOutside,
  timeAxisLabel,
  toTrendData,
  xRange,
  yRange,
} from '../../../renderer/ui/analytes';
import { passphraseRules, suggestClinicianId, validateCreateVault } from '../../../renderer/unlock/validation';
import { unlockErrorMessage } from '../../../renderer/unlock/UnlockScreen';
import { ApiError } from '../../../renderer/api/client';

const analyte = (display: string, category: string | null, count = 3): Analyte => ({
  code: display.toLowerCase().replace(/\W+/g, '-'),
  codeSystem: 'http://loinc.org',
  display,
  unit: null,
  count,
  category,
  last: '2020-01-01',
});

describe('patients', () => {
  it('shows the MRN only, never a social security or licence number', () => {
    const ids = [
      { system: 'https://github.com/synthetichealth/synthea', value: '63dd4423-56ec', type: null },
      { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-12-3456', type: 'SS' },
      { system: 'http://hospital.smarthealthit.org', value: '63dd4423-mrn', type: 'MR' },
    ];
    expect(pickMrn(ids)).toBe('63dd4423-mrn');
    expect(pickMrn(ids.slice(0, 2))).toBeNull();
    expect(pickMrn([{ system: null, value: 'X1', type: 'Medical Record Number' }])).toBe('X1');
  });
});

describe('import summary', () => {
  const report: ImportReport = {
    file: 'a.json',
    alreadyImported: false,
    patients: [{ id: 'p', name: 'Vito Feeney' }],
    added: { Observation: 869, Encounter: 73, Patient: 1 },
    unchanged: {},
    updated: {},
    notMapped: { Claim: 77, ExplanationOfBenefit: 73, Organization: 0 },
    resources: 1244,
    seconds: 2.5,
  };

  it('says resource types in words and leaves out zeroes', () => {
    expect(resourceTypeWords('MedicationRequest')).toBe('medication orders');
    expect(resourceTypeWords('SomethingNew')).toBe('something new');
    expect(countLines(report.notMapped).map((l) => `${l.count} ${l.words}`)).toEqual(['77 billing claims', '73 insurance statements (EOB)']);
  });

  it('sums the file up in one sentence', () => {
    expect(headline(report)).toBe('1,244 resources read: 943 added, 0 already in the vault, 0 updated, 150 not used.');
  });
});

describe('unlock forms', () => {
  it('validates the first-run form with clear messages', () => {
    expect(validateCreateVault({ clinicianId: 'dr.ada', displayName: 'Dr Ada', passphrase: 'long enough pass', confirm: 'long enough pass' })).toEqual({});
    const errors = validateCreateVault({ clinicianId: 'Dr Ada', displayName: ' ', passphrase: 'short', confirm: 'x' });
    expect(errors.clinicianId).toMatch(/lower-case/);
    expect(errors.displayName).toBeTruthy();
    expect(errors.passphrase).toMatch(/at least 8/);
    expect(validateCreateVault({ clinicianId: 'a', displayName: 'A', passphrase: 'long enough', confirm: 'long enougH' }).confirm).toMatch(/not the same/);
  });

  it('shows the passphrase rules as met or not', () => {
    expect(passphraseRules('abc', 'abc').map((r) => r.met)).toEqual([false, true]);
    expect(passphraseRules('abcdefghij', 'abcdefghi').map((r) => r.met)).toEqual([true, false]);
  });

  it('suggests a sign-in name from the display name', () => {
    expect(suggestClinicianId('Dr Ada Okafor')).toBe('ada.okafor');
    expect(suggestClinicianId('Zoë Ñúñez-Brown')).toBe('zoe.nunez.brown');
  });

  it('says a wrong passphrase in words', () => {
    expect(unlockErrorMessage(new ApiError('wrong-passphrase', 'x', 'vault.unlock'), 'Dr Ada')).toMatch(/not right for Dr Ada/);
    expect(unlockErrorMessage(new ApiError('damaged', 'The keyring is damaged.', 'vault.unlock'), null)).toMatch(/could not be read/);
  });
});

describe('access history words', () => {
  it('describes audit actions and names clinicians', () => {
    expect(describeAction({ action: 'chart.open', detail: {} })).toBe('Opened the chart');
    expect(describeAction({ action: 'record.view', detail: { kind: 'condition' } })).toBe('Viewed a record (condition)');
    expect(describeAction({ action: 'vault.backup', detail: {} })).toBe('Vault backup');
    expect(clinicianName('dr.ada', [{ id: 'dr.ada', displayName: 'Dr Ada Lovelace' }])).toBe('Dr Ada Lovelace');
    expect(clinicianName('gone', [])).toBe('gone');
  });

  it('shows dates inside record fields as dates', () => {
    expect(displayValue('2019-03-12')).toBe('12 Mar 2019');
    expect(displayValue('Hypertension')).toBe('Hypertension');
    expect(displayValue('2019')).toBe('2019');
  });
});

describe('trends', () => {
  it('groups analytes: laboratory, vital signs, then the rest', () => {
    const groups = groupAnalytes([analyte('Glucose', 'laboratory'), analyte('Body Weight', 'vital-signs'), analyte('Pain score', 'survey'), analyte('X', null), analyte('Albumin', 'laboratory')]);
    expect(groups.map((g) => g.label)).toEqual(['Laboratory', 'Vital signs', 'Questionnaires and scores', 'Other']);
    expect(groups[0]!.analytes.map((a) => a.display)).toEqual(['Albumin', 'Glucose']);
  });

  it('opens on a common follow-up marker', () => {
    expect(defaultAnalyte([analyte('Sodium', 'laboratory', 20), analyte('Hemoglobin A1c/Hemoglobin.total in Blood', 'laboratory', 5)])?.display).toMatch(/A1c/);
    expect(defaultAnalyte([analyte('Sodium', 'laboratory', 20), analyte('Potassium', 'laboratory', 30)])?.display).toBe('Potassium');
    expect(defaultAnalyte([])).toBeNull();
  });

  it('sorts points, converts to seconds and picks out those outside the range', () => {
    const series: Series = {
      code: 'g',
      display: 'Glucose',
      unit: 'mg/dL',
      refLow: 70,
      refHigh: 99,
      points: [
        { id: 'b', at: '2020-02-01', value: 120 },
        { id: 'a', at: '2020-01-01', value: 85 },
        { id: 'c', at: '2020-03-01', value: 60 },
      ],
    };
    const data = toTrendData(series);
    expect(data.ids).toEqual(['a', 'b', 'c']);
    expect(data.outside).toEqual([null, 120, 60]);
    expect(data.outsideCount).toBe(2);
    expect(data.x[0]).toBe(new Date(2020, 0, 1).getTime() / 1000);
    expect(isOutside(99, 70, 99)).toBe(false);
    expect(isOutside(5, null, null)).toBe(false);
  });

  it('labels ranges and axes unambiguously', () => {
    expect(formatRefRange(70, 99, 'mg/dL')).toBe('70–99 mg/dL');
    expect(formatRefRange(null, 5.6, '%')).toBe('≤ 5.6 %');
    expect(formatRefRange(null, null, '%')).toBeNull();
    const t = new Date(2019, 2, 12).getTime() / 1000;
    expect(timeAxisLabel(t, 365 * 86400)).toBe('2019');
    expect(timeAxisLabel(t, 30 * 86400)).toBe('Mar 2019');
    expect(timeAxisLabel(t, 86400)).toBe('12 Mar 2019');
  });

  it('scales the axes to show every point and the whole band', () => {
    const [lo, hi] = yRange([80, 90], 70, 140);
    expect(lo).toBeLessThan(70);
    expect(hi).toBeGreaterThan(140);
    expect(yRange([5, 5], null, null)[0]).toBeLessThan(5);
    expect(yRange([1, 2], null, null)[0]).toBeGreaterThanOrEqual(0);
    const [x0, x1] = xRange(1000, 1000);
    expect(x1 - x0).toBe(60 * 86400);
  });
});
