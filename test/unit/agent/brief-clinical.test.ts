import { afterEach, describe, expect, it } from 'vitest';
import { briefForPatient, buildBrief } from '../../../electron/agent/brief';
import { brief as briefSchema } from '../../../electron/api/schemas';
import { importBundleText } from '../../../electron/fhir';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault } from '../../helpers/temp-vault';

/**
 * The brief as clinical support, on a small patient of our own: alerts
 * first (a critical potassium, an eGFR fall KDIGO calls progression, the
 * metformin check), each line verified with its rule and source apart;
 * "since the previous visit" from the last outpatient visit before the
 * last encounter, so a hospital stay between them and what it started are
 * there; allergies: a coded NKDA said as such, silence said as silence; a
 * deceased patient's brief says so first, with the cause of death cited.
 */
const P = 'pat-brief';
const ref = { reference: `Patient/${P}` };
const LOINC = 'http://loinc.org';

function observation(id: string, at: string, code: string, display: string, value: number, unit: string, range?: [number, number]) {
  return {
    resourceType: 'Observation', id, status: 'final', subject: ref, effectiveDateTime: at,
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: LOINC, code, display }], text: display },
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
    ...(range ? { referenceRange: [{ low: { value: range[0] }, high: { value: range[1] } }] } : {}),
  };
}

function encounter(id: string, cls: string, type: string, start: string, end: string, reason?: string) {
  return {
    resourceType: 'Encounter', id, status: 'finished', subject: ref, class: { code: cls }, type: [{ text: type }],
    ...(reason ? { reasonCode: [{ text: reason }] } : {}),
    period: { start, end },
  };
}

function bundle(extra: unknown[], patient: Record<string, unknown> = {}) {
  const resources = [
    { resourceType: 'Patient', id: P, name: [{ family: 'Adeyemi', given: ['Tola'] }], gender: 'female', birthDate: '1950-02-01', ...patient },
    encounter('visit-1', 'AMB', 'Diabetes review', '2024-01-10T09:00:00Z', '2024-01-10T09:30:00Z'),
    encounter('stay-1', 'IMP', 'Encounter Inpatient', '2024-03-02T18:00:00Z', '2024-03-06T11:00:00Z', 'Acute kidney injury'),
    encounter('visit-2', 'AMB', 'Follow-up encounter', '2024-03-20T09:00:00Z', '2024-03-20T09:20:00Z'),
    {
      resourceType: 'MedicationRequest', id: 'met', status: 'active', intent: 'order', subject: ref, authoredOn: '2019-05-01',
      medicationCodeableConcept: { text: 'Metformin hydrochloride 500 MG Oral Tablet' },
    },
    {
      resourceType: 'MedicationRequest', id: 'furo', status: 'active', intent: 'order', subject: ref, authoredOn: '2024-03-04',
      medicationCodeableConcept: { text: 'Furosemide 40 MG Oral Tablet' },
    },
    observation('egfr-1', '2024-01-10T09:05:00Z', '33914-3', 'Glomerular filtration rate/1.73 sq M.predicted', 52, 'mL/min/{1.73_m2}'),
    observation('egfr-2', '2024-03-20T09:05:00Z', '33914-3', 'Glomerular filtration rate/1.73 sq M.predicted', 28, 'mL/min/{1.73_m2}'),
    observation('k-1', '2024-03-20T09:05:00Z', '6298-4', 'Potassium', 6.8, 'mmol/L', [3.5, 5.1]),
    ...extra,
  ];
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });
}

let vault: Vault;
afterEach(() => vault?.close());

function imported(extra: unknown[] = [], patient: Record<string, unknown> = {}): Vault {
  vault = createTestVault();
  importBundleText(vault, 'brief-fixture.json', bundle(extra, patient));
  return vault;
}

const text = (b: ReturnType<typeof buildBrief>, id: string) => b.sections.find((s) => s.id === id)!.lines.map((l) => l.text);

describe('the brief as clinical support', () => {
  it('puts alerts first: a critical value, a rapid fall and the metformin check, each verified, each with its rule and source', () => {
    const b = briefSchema.parse(buildBrief(imported().db, P, new Date('2024-04-01T00:00:00Z')));
    expect(b.sections[0]!.id).toBe('alerts');
    const alerts = b.sections[0]!.lines;
    expect(alerts.map((l) => [l.rule?.severity, l.text])).toEqual([
      ['critical', 'Potassium 6.8 mmol/L on 2024-03-20'],
      ['high', 'Glomerular filtration rate/1.73 sq M.predicted 52 mL/min/1.73m² on 2024-01-10, then 28 mL/min/1.73m² on 2024-03-20'],
      ['high', 'Metformin hydrochloride 500 MG Oral Tablet; Glomerular filtration rate/1.73 sq M.predicted 28 mL/min/1.73m² on 2024-03-20'],
    ]);
    for (const line of alerts) expect(line.verdict, `${line.text}: ${JSON.stringify(line.problems)}`).toBe('supported');
    expect(alerts[0]!.rule).toMatchObject({ text: 'Over the limit of 6.2 mmol/L: a critical limit of US medical centres', source: { issuer: 'Kost GJ', version: 'JAMA 1990;263(5):704-707' } });
    expect(alerts[1]!.rule!.text).toMatch(/^eGFR: a fall of 25 % or more with a drop in GFR category/);
    expect(alerts[1]!.rule!.source.version).toBe('Kidney Int Suppl 2013;3(1):1-150');
    expect(alerts[2]!.rule!.text).toMatch(/metformin contraindicated with an eGFR below 30; eGFR 28 mL\/min\/1.73m2 on 2024-03-20/);
    // A check's whole source: the label's revision, its section and the table row.
    expect(alerts[2]!.rule!.source).toMatchObject({ version: expect.stringMatching(/^Revised/), section: expect.stringMatching(/^4 Contraindications/), row: expect.stringMatching(/metformin/) });
    // Each chip says what it cites.
    expect(alerts[0]!.labels).toEqual(['Potassium 6.8 mmol/L 2024-03-20']);
  });

  it('covers every encounter since the outpatient visit before the last one: the stay, and what it started', () => {
    const b = buildBrief(imported().db, P, new Date('2024-04-01T00:00:00Z'), { dateStyle: 'dmy' });
    expect(text(b, 'changes')).toEqual([
      'Last visit on 20 Mar 2024: Follow-up encounter',
      'Visit on 2 Mar 2024: Encounter Inpatient, for Acute kidney injury, until 6 Mar 2024',
      'Started since the visit on 10 Jan 2024: Furosemide 40 MG Oral Tablet, on 4 Mar 2024',
    ]);
    for (const line of b.sections.flatMap((s) => s.lines)) expect(line.verdict, `${line.text}: ${JSON.stringify(line.problems)}`).toBe('supported');
  });

  it('tells a recorded "no known drug allergy" from a record that says nothing', () => {
    const silent = buildBrief(imported().db, P, new Date('2024-04-01T00:00:00Z'));
    const none = silent.sections.find((s) => s.id === 'allergies')!;
    expect(none.lines).toEqual([]);
    expect(none.emptyText).toBe('None recorded. The record does not say "no known allergies": ask the patient.');
    vault.close();
    const nkda = {
      resourceType: 'AllergyIntolerance', id: 'nkda', patient: ref, recordedDate: '2024-03-20',
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '409137002', display: 'No known drug allergy' }], text: 'No known drug allergy' },
    };
    const stated = buildBrief(imported([nkda]).db, P, new Date('2024-04-01T00:00:00Z'));
    const lines = stated.sections.find((s) => s.id === 'allergies')!.lines;
    expect(lines.map((l) => [l.text, l.verdict])).toEqual([['No known drug allergy, recorded 2024-03-20', 'supported']]);
    // Not an allergy to check drugs against, nor a line the chart shows as one.
    expect(stated.sections.find((s) => s.id === 'checks')!.lines.some((l) => l.text.includes('No known'))).toBe(false);
  });

  it("says a deceased patient's death first, cites its cause, and leaves out care that ended with it", () => {
    const cause = {
      resourceType: 'Observation', id: 'cause', status: 'final', subject: ref, effectiveDateTime: '2024-04-12T10:00:00Z',
      code: { coding: [{ system: LOINC, code: '69453-9', display: 'Cause of Death [US Standard Certificate of Death]' }], text: 'Cause of Death [US Standard Certificate of Death]' },
      valueCodeableConcept: { text: 'Hyperkalemia' },
    };
    const b = briefSchema.parse(briefForPatient(imported([cause], { deceasedDateTime: '2024-04-10T06:00:00Z' }), P, { dateStyle: 'mdy' }));
    expect(b.deceasedAt).toBe('2024-04-10T06:00:00Z');
    expect(b.asOf).toBe('2024-04-10T06:00:00.000Z');
    expect(b.sections.map((s) => s.id)).toEqual(['status', 'alerts', 'changes', 'trends', 'checks', 'problems', 'medications', 'allergies']);
    expect(b.sections[0]!.lines.map((l) => [l.text, l.verdict])).toEqual([['Cause of Death [US Standard Certificate of Death]: Hyperkalemia, on Apr 12, 2024', 'supported']]);
    expect(b.sections.find((s) => s.id === 'medications')!.title).toBe('Medications active at death');
    expect(b.sections.find((s) => s.id === 'alerts')!.title).toBe('Alerts at death');
  });
});
