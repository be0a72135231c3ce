import { describe, expect, it } from 'vitest';
import { exportPatientBundle, importBundleText } from '../../../electron/fhir';
import { verifyAudit } from '../../../electron/store/audit';
import { isVaultError } from '../../../electron/store/errors';
import { Vault } from '../../../electron/store/vault';
import { createTestVault, PASSPHRASE, tempDir, TEST_OPTIONS } from '../../helpers/temp-vault';
import { NGOZI, NGOZI_ID, readFixture, recordRows, total, vaultSnapshot, ZOE, ZOE_ID } from './support';
import { join } from 'node:path';

// One patient out as a FHIR Bundle; that bundle into a fresh vault gives the
// same record, row for row (the import's own provenance aside).

function vaultWithBoth(): Vault {
  const vault = createTestVault();
  importBundleText(vault, ZOE, readFixture(ZOE));
  importBundleText(vault, NGOZI, readFixture(NGOZI));
  return vault;
}

describe('exporting a patient', () => {
  it('gives a collection bundle of the patient and every stored resource, references as Type/id', () => {
    const now = new Date('2026-11-23T10:00:00.000Z');
    const vault = Vault.create(join(tempDir(), 'clinic.vault'), { clinician: { id: 'dr.ada', displayName: 'Dr Ada' }, passphrase: PASSPHRASE }, { ...TEST_OPTIONS, now: () => now });
    const report = importBundleText(vault, ZOE, readFixture(ZOE));
    importBundleText(vault, NGOZI, readFixture(NGOZI));
    const bundle = exportPatientBundle(vault, ZOE_ID);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: now.toISOString() });
    expect(bundle.entry[0]?.resource).toMatchObject({ resourceType: 'Patient', id: ZOE_ID });
    // Every mapped resource once; components and activities are rows, not resources.
    expect(bundle.entry).toHaveLength(total(report.added));
    const types: Record<string, number> = {};
    for (const { resource } of bundle.entry) types[resource.resourceType] = (types[resource.resourceType] ?? 0) + 1;
    expect(types).toEqual(report.added);
    for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('"reference":"urn:uuid:');
    // Nothing of the other patient.
    expect(text).not.toContain(NGOZI_ID);
    vault.close();
  });

  it('into a fresh vault gives the same record, for each patient', () => {
    const source = vaultWithBoth();
    const target = createTestVault();
    for (const patientId of [ZOE_ID, NGOZI_ID]) {
      const report = importBundleText(target, `${patientId}.json`, JSON.stringify(exportPatientBundle(source, patientId)));
      expect(report.notMapped).toEqual({});
      expect(report.updated).toEqual({});
    }
    expect(recordRows(target.db)).toEqual(recordRows(source.db));
    // And out again: the same bundle, but for its time stamp.
    const again = exportPatientBundle(target, ZOE_ID);
    expect(again.entry).toEqual(exportPatientBundle(source, ZOE_ID).entry);
    expect(verifyAudit(source.db).ok).toBe(true);
    expect(verifyAudit(target.db).ok).toBe(true);
    source.close();
    target.close();
  });

  it('back into the same vault changes nothing', () => {
    const vault = vaultWithBoth();
    const rows = recordRows(vault.db);
    const report = importBundleText(vault, 'roundtrip.json', JSON.stringify(exportPatientBundle(vault, ZOE_ID)));
    expect(report.added).toEqual({});
    expect(report.updated).toEqual({});
    expect(recordRows(vault.db)).toEqual(rows);
    vault.close();
  });

  it('is audited: who exported which patient, in the same transaction', () => {
    const vault = vaultWithBoth();
    const bundle = exportPatientBundle(vault, NGOZI_ID);
    const last = vault.db.prepare(`SELECT clinician_id, action, patient_id, detail FROM audit_log ORDER BY seq DESC LIMIT 1`).get();
    expect(last).toEqual({ clinician_id: 'dr.ada', action: 'export.fhir', patient_id: NGOZI_ID, detail: JSON.stringify({ resources: bundle.entry.length }) });
    vault.close();
  });

  it('refuses an unknown patient with a not-found error and writes nothing', () => {
    const vault = vaultWithBoth();
    const before = vaultSnapshot(vault.db);
    let error: unknown;
    try {
      exportPatientBundle(vault, 'no-such-patient');
    } catch (e) {
      error = e;
    }
    expect(isVaultError(error, 'not-found')).toBe(true);
    expect((error as Error).message).toBe('patient no-such-patient: not in this vault');
    expect(vaultSnapshot(vault.db)).toEqual(before);
    vault.close();
  });

  it('builds the Patient from the columns when the row came from no FHIR resource', () => {
    const vault = createTestVault();
    const db = vault.db;
    const sourceId = db.prepare(`INSERT INTO sources (kind, label, created_at) VALUES ('clinician', 'entered by hand', '2026-01-01')`).run().lastInsertRowid;
    db.prepare(
      `INSERT INTO patients (id, name_text, family, given, birth_date, sex, deceased_at, identifiers, search_text, source_id, recorded_at, recorded_by)
       VALUES ('hand-1', 'Ada Maria Byron', 'Byron', 'Ada Maria', '1815-12-10', 'female', '1852-11-27', '[]', '', ?, '2026-01-01', 'dr.ada')`,
    ).run(sourceId);
    const bundle = exportPatientBundle(vault, 'hand-1');
    expect(bundle.entry).toEqual([
      {
        resource: {
          resourceType: 'Patient', id: 'hand-1', name: [{ family: 'Byron', given: ['Ada', 'Maria'] }],
          gender: 'female', birthDate: '1815-12-10', deceasedDateTime: '1852-11-27',
        },
      },
    ]);
    const target = createTestVault();
    importBundleText(target, 'hand.json', JSON.stringify(bundle));
    expect(target.db.prepare(`SELECT name_text, family, given, birth_date, sex, deceased_at FROM patients`).get()).toEqual({
      name_text: 'Ada Maria Byron', family: 'Byron', given: 'Ada Maria', birth_date: '1815-12-10', sex: 'female', deceased_at: '1852-11-27',
    });
    vault.close();
    target.close();
  });
});
