import { describe, expect, it } from 'vitest';
import { importBundleFile, importBundleText, MAPPED_TYPES } from '../../../electron/fhir';
import { verifyAudit } from '../../../electron/store/audit';
import type { Db } from '../../../electron/store/sqlite';
import { createTestVault } from '../../helpers/temp-vault';
import { bundleOf, fixturePath, mappedCount, NGOZI, NGOZI_ID, parseFixture, readFixture, total, ZOE, ZOE_ID } from './support';

// What one Synthea-like bundle becomes: a row per resource, in the columns the
// chart reads, with provenance, and a report that accounts for every entry.

function row(db: Db, table: string, id: string): Record<string, unknown> {
  const found = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!found) throw new Error(`${table}/${id}: no row`);
  return found;
}

describe('importing a Synthea-like bundle', () => {
  it('accounts for every entry: mapped types counted as added, the rest as notMapped', async () => {
    const vault = createTestVault();
    const report = await importBundleFile(vault, fixturePath(ZOE));
    const entries = parseFixture(ZOE).entry;
    expect(report).toMatchObject({ file: ZOE, alreadyImported: false, resources: entries.length, updated: {}, unchanged: {} });
    expect(report.notMapped).toEqual({ Organization: 1, Practitioner: 1, Claim: 1, ExplanationOfBenefit: 1 });
    expect(report.added).toEqual({
      Patient: 1, Encounter: 2, Condition: 2, MedicationRequest: 1, AllergyIntolerance: 1, Observation: 6,
      DiagnosticReport: 1, Procedure: 1, Immunization: 1, ImagingStudy: 1, CarePlan: 1, Goal: 1,
    });
    expect(mappedCount(report) + total(report.notMapped)).toBe(entries.length);
    // Every type counted as added is one Continuum maps; none of notMapped is.
    for (const type of Object.keys(report.added)) expect(MAPPED_TYPES).toContain(type);
    for (const type of Object.keys(report.notMapped)) expect(MAPPED_TYPES).not.toContain(type);
    expect(report.patients).toEqual([{ id: ZOE_ID, name: 'Zoë842 Renée Ångström-Ōtsuka417' }]);
    vault.close();
  });

  it('maps the patient: official name, identifiers, search text', () => {
    const vault = createTestVault();
    importBundleText(vault, ZOE, readFixture(ZOE));
    const patient = row(vault.db, 'patients', ZOE_ID);
    expect(patient).toMatchObject({ family: 'Ångström-Ōtsuka417', given: 'Zoë842 Renée', birth_date: '1971-03-14', sex: 'female', deceased_at: null });
    expect(JSON.parse(patient.identifiers as string)).toEqual([
      { system: 'https://github.com/synthetichealth/synthea', value: ZOE_ID, type: null },
      { system: 'http://hospital.smarthealthit.org', value: 'MRN-0042-7781', type: 'Medical Record Number' },
      { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-41-7731', type: 'Social Security Number' },
      { system: 'urn:oid:2.16.840.1.113883.4.3.25', value: 'S99953411', type: "Driver's License" },
    ]);
    // Any name (the maiden one too), identifier or the birth date finds her.
    for (const term of ['zoë842', 'þórsdóttir', 'mrn-0042-7781', '1971-03-14']) expect(patient.search_text).toContain(term);
    vault.close();
  });

  it('maps encounters, conditions with onset and abatement, medications and allergies', () => {
    const vault = createTestVault();
    importBundleText(vault, ZOE, readFixture(ZOE));
    const db = vault.db;
    expect(row(db, 'encounters', 'e1a7c3d5-2b4f-4a6c-8e0d-9f1b3d5a7c9e')).toMatchObject({
      patient_id: ZOE_ID, status: 'finished', class_code: 'AMB', code: '162673000', reason: 'Acute viral pharyngitis (disorder)',
      start_at: '2019-02-11T09:14:27+01:00', end_at: '2019-02-11T09:44:27+01:00',
    });
    expect(row(db, 'conditions', 'c1f3a5b7-4d6e-4f8a-a0b2-c4d6e8f0a2b4')).toMatchObject({
      clinical_status: 'active', verification_status: 'confirmed', code: '38341003', display: 'Hypertension',
      onset_at: '2010-05-02T08:30:00+01:00', abated_at: null, encounter_id: 'e1a7c3d5-2b4f-4a6c-8e0d-9f1b3d5a7c9e',
    });
    expect(row(db, 'conditions', 'c2a4b6c8-5e7f-4a9b-b1c3-d5e7f9a1b3c5')).toMatchObject({
      clinical_status: 'resolved', onset_at: '2019-02-11T09:14:27+01:00', abated_at: '2019-02-25T10:02:11+01:00',
    });
    expect(row(db, 'medications', 'a1b3c5d7-6f8a-4b0c-82d4-e6f8a0b2c4d6')).toMatchObject({
      status: 'active', intent: 'order', code_system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197361',
      display: 'amLODIPine 5 MG Oral Tablet', dosage_text: '1 dose once a day', start_at: '2019-02-11T09:14:27+01:00', end_at: null,
    });
    const allergy = row(db, 'allergies', 'a2c4e6f8-7a9b-4c1d-93e5-f7a9b1c3d5e7');
    expect(allergy).toMatchObject({ clinical_status: 'active', category: 'food', criticality: 'high', display: 'Allergy to peanuts' });
    // Each manifestation once, though the fixture names the wheal twice.
    expect(JSON.parse(allergy.reactions as string)).toEqual(['Wheal (finding)', 'Anaphylaxis (disorder)']);
    vault.close();
  });

  it('maps observations: blood pressure components as child rows, labs with their reference range', () => {
    const vault = createTestVault();
    importBundleText(vault, ZOE, readFixture(ZOE));
    const db = vault.db;
    const bp = '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a2';
    expect(row(db, 'observations', bp)).toMatchObject({ parent_id: null, code: '85354-9', value_num: null, category: 'vital-signs' });
    const components = db.prepare(`SELECT id, code, value_num, unit, resource, content_hash FROM observations WHERE parent_id = ? ORDER BY id`).all(bp);
    expect(components).toEqual([
      { id: `${bp}#0`, code: '8462-4', value_num: 84, unit: 'mm[Hg]', resource: null, content_hash: null },
      { id: `${bp}#1`, code: '8480-6', value_num: 132, unit: 'mm[Hg]', resource: null, content_hash: null },
    ]);
    expect(row(db, 'observations', '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a3')).toMatchObject({
      category: 'laboratory', code: '4548-4', value_num: 5.9, unit: '%', unit_system: 'http://unitsofmeasure.org',
      ref_low: 4, ref_high: 5.6, interpretation: 'H', effective_at: '2019-02-11T09:14:27+01:00',
    });
    expect(row(db, 'observations', '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a4')).toMatchObject({ ref_low: null, ref_high: 200 });
    expect(row(db, 'observations', '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a6')).toMatchObject({ value_num: null, value_text: 'Never smoker (finding)' });
    vault.close();
  });

  it('maps procedures, immunizations, reports, imaging and care plans', () => {
    const vault = createTestVault();
    importBundleText(vault, ZOE, readFixture(ZOE));
    const db = vault.db;
    expect(row(db, 'procedures', 'f1a3b5c7-0d2e-4f4a-86b8-cad0e2f4a6b8')).toMatchObject({
      code: '430193006', start_at: '2019-02-25T10:02:11+01:00', end_at: '2019-02-25T10:17:11+01:00',
      // The follow-up encounter comes after the procedure in the bundle: a forward reference, resolved.
      encounter_id: 'e2b8d4e6-3c5a-4b7d-9f1e-0a2c4e6b8d0f',
    });
    expect(row(db, 'immunizations', 'f2b4c6d8-1e3f-4a5b-97c9-dbe1f3a5b7c9')).toMatchObject({ code: '140', occurred_at: '2019-02-11T09:14:27+01:00' });
    // The report precedes its results in the bundle; they are still named by id.
    const report = row(db, 'diagnostic_reports', 'd1e3f5a7-8b0c-4d2e-a4f6-a8b0c2d4e6f8');
    expect(JSON.parse(report.result_ids as string)).toEqual(['0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a4', '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a5']);
    expect(JSON.parse(report.resource as string).result[0].reference).toBe('Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a4');
    expect(row(db, 'imaging_studies', 'f3c5d7e9-2f4a-4b6c-a8da-ecf2a4b6c8da')).toMatchObject({
      modality: 'DX', description: 'Digital Radiography: Thoracic structure (body structure)', series_count: 1, instance_count: 2,
    });
    const plan = 'f4d6e8fa-3a5b-4c7d-b9eb-fda3b5c7d9eb';
    const items = db.prepare(`SELECT id, plan_id, kind, status, code, display, start_at, end_at, due_at FROM care_plan_items ORDER BY id`).all();
    expect(items).toEqual([
      // The US Core "assess-plan" tag is skipped for the category that says what the plan is about.
      { id: plan, plan_id: null, kind: 'plan', status: 'active', code: '443402002', display: 'Lifestyle education regarding hypertension (procedure)', start_at: '2010-05-02T08:30:00+01:00', end_at: null, due_at: null },
      { id: `${plan}#0`, plan_id: plan, kind: 'activity', status: 'in-progress', code: '386463000', display: 'Prescribed activity/exercise education', start_at: null, end_at: null, due_at: null },
      { id: `${plan}#1`, plan_id: plan, kind: 'activity', status: 'in-progress', code: '413473000', display: 'Counseling about alcohol consumption', start_at: '2010-05-02', end_at: '2010-11-02', due_at: null },
      { id: 'f5e7f9ab-4b6c-4d8e-8afc-aeb4c6d8eafc', plan_id: null, kind: 'goal', status: 'active', code: null, display: 'Blood pressure below 140/90 mm[Hg]', start_at: null, end_at: null, due_at: '2019-08-11' },
    ]);
    vault.close();
  });

  it('rewrites urn:uuid references to Type/id and keeps the resource with its hash', () => {
    const vault = createTestVault();
    importBundleText(vault, ZOE, readFixture(ZOE));
    const stored = vault.db.prepare(`SELECT resource FROM medications`).pluck().get() as string;
    expect(stored).not.toContain('urn:uuid:');
    const resource = JSON.parse(stored) as { subject: { reference: string }; requester: { reference: string } };
    expect(resource.subject.reference).toBe(`Patient/${ZOE_ID}`);
    // References to unmapped entries are rewritten too: the stored resource stands on its own.
    expect(resource.requester.reference).toBe('Practitioner/c4d2e1f3-8a5b-4c6d-9e0f-1a2b3c4d5e6f');
    const hashes = vault.db.prepare(`SELECT content_hash FROM encounters`).pluck().all() as string[];
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    vault.close();
  });

  it('records provenance: one source per file, source_ref on every row, one audit entry per patient', async () => {
    const vault = createTestVault();
    await importBundleFile(vault, fixturePath(ZOE));
    const sources = vault.db.prepare(`SELECT id, kind, label, sha256, clinician_id, detail FROM sources`).all() as Array<Record<string, unknown>>;
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ kind: 'fhir-import', label: ZOE, clinician_id: 'dr.ada' });
    expect(sources[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const sourceId = sources[0]?.id;
    for (const table of ['patients', 'observations', 'care_plan_items']) {
      const rows = vault.db.prepare(`SELECT source_id, source_ref, recorded_by FROM ${table}`).all() as Array<Record<string, unknown>>;
      for (const r of rows) expect(r).toMatchObject({ source_id: sourceId, recorded_by: 'dr.ada' });
    }
    // Component rows name the resource they come from.
    expect(vault.db.prepare(`SELECT source_ref FROM observations WHERE id LIKE '%#0'`).pluck().get()).toBe('Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a2');
    const audit = vault.db.prepare(`SELECT patient_id, detail FROM audit_log WHERE action = 'import.fhir'`).all() as Array<{ patient_id: string; detail: string }>;
    expect(audit.map((a) => a.patient_id)).toEqual([ZOE_ID]);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ file: ZOE, sourceId, counts: { added: { Patient: 1, Observation: 6 } } });
    expect(verifyAudit(vault.db).ok).toBe(true);
    vault.close();
  });

  it('imports a collection bundle written backwards: resources before the patient they name', () => {
    const vault = createTestVault();
    const report = importBundleText(vault, NGOZI, readFixture(NGOZI));
    expect(report.added).toEqual({ Observation: 1, Encounter: 1, MedicationStatement: 1, Patient: 1 });
    expect(report.notMapped).toEqual({ Provenance: 1 });
    expect(row(vault.db, 'patients', NGOZI_ID)).toMatchObject({ name_text: 'Ngozi311 Adébáyọ̀', deceased_at: '2022-01-15T06:00:00Z' });
    expect(row(vault.db, 'observations', '7f2a6e3c-1d9b-4a4f-8e8c-5b3d2a1f9e7c')).toMatchObject({
      patient_id: NGOZI_ID, encounter_id: '6e1f5d2b-0c8a-4f3e-9d7b-4a2c1f0e8d6b', ref_low: 70, ref_high: 99,
    });
    // A completed statement with one effective time: that time is both start and end.
    expect(row(vault.db, 'medications', '8a3b7f4d-2e0c-4b5a-9f9d-6c4e3b2a0f8d')).toMatchObject({
      intent: null, dosage_text: '500 mg once daily with the evening meal', start_at: '2021-06-03T14:20:00Z', end_at: '2021-06-03T14:20:00Z',
      encounter_id: '6e1f5d2b-0c8a-4f3e-9d7b-4a2c1f0e8d6b',
    });
    vault.close();
  });

  it('accepts batch, searchset and empty bundles; unmapped-only bundles are counted, not audited per patient', () => {
    const vault = createTestVault();
    // Synthea writes its practitioners and hospitals as batch bundles of their own.
    const practitioners = bundleOf(
      [
        { fullUrl: 'urn:uuid:org-1', resource: { resourceType: 'Organization', id: 'org-1', name: 'NORWOOD HOSPITAL' } },
        { fullUrl: 'urn:uuid:pr-1', resource: { resourceType: 'Practitioner', id: 'pr-1' } },
        { fullUrl: 'urn:uuid:pr-2', resource: { resourceType: 'Practitioner', id: 'pr-2' } },
      ],
      'batch',
    );
    expect(importBundleText(vault, 'practitioners.json', practitioners)).toMatchObject({ resources: 3, added: {}, notMapped: { Organization: 1, Practitioner: 2 }, patients: [] });
    expect(importBundleText(vault, 'empty.json', bundleOf([], 'searchset'))).toMatchObject({ resources: 0, added: {}, notMapped: {} });
    expect(importBundleText(vault, 'no-entry.json', '{"resourceType": "Bundle", "type": "collection"}')).toMatchObject({ resources: 0 });
    expect(vault.db.prepare(`SELECT COUNT(*) FROM sources`).pluck().get()).toBe(3);
    expect(vault.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'import.fhir'`).pluck().get()).toBe(0);
    vault.close();
  });

  it('keeps two patients apart in one vault', () => {
    const vault = createTestVault();
    importBundleText(vault, ZOE, readFixture(ZOE));
    importBundleText(vault, NGOZI, readFixture(NGOZI));
    const perPatient = vault.db.prepare(`SELECT patient_id, COUNT(*) AS n FROM observations GROUP BY patient_id ORDER BY patient_id`).all();
    expect(perPatient).toEqual([
      { patient_id: NGOZI_ID, n: 1 },
      { patient_id: ZOE_ID, n: 8 },
    ]);
    expect(vault.db.prepare(`SELECT COUNT(*) FROM sources`).pluck().get()).toBe(2);
    vault.close();
  });
});
