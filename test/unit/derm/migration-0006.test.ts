import { describe, expect, it } from 'vitest';
import { createTestVault } from '../../helpers/temp-vault';

describe('migration 0006-photos-findings', () => {
  it('adds photos, lesions, outlines and findings, and the lookups use their indexes', () => {
    const vault = createTestVault();
    const db = vault.db;
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns('photos')).toEqual(expect.arrayContaining(['image_id', 'lesion_id', 'body_site', 'taken_at', 'taken_from', 'calibration', 'sop_instance_uid', 'source_id']));
    expect(columns('lesions')).toEqual(expect.arrayContaining(['patient_id', 'name', 'body_site']));
    expect(columns('lesion_outlines')).toEqual(expect.arrayContaining(['photo_id', 'lesion_id', 'points']));
    expect(columns('imaging_findings')).toEqual(expect.arrayContaining(['photo_id', 'instance_id', 'frame', 'points', 'measures', 'status', 'fact_id']));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' ');
    expect(plan(`SELECT id FROM photos WHERE patient_id = 'x' ORDER BY taken_at`)).toMatch(/USING INDEX photos_patient/);
    expect(plan(`SELECT id FROM photos WHERE patient_id = 'x' AND sha256 = 'y'`)).toMatch(/USING INDEX photos_patient_sha/);
    expect(plan(`SELECT photo_id FROM lesion_outlines WHERE lesion_id = 'x'`)).toMatch(/lesion_outlines_lesion/);
    expect(plan(`SELECT id FROM imaging_findings WHERE fact_id = 'x'`)).toMatch(/imaging_findings_fact/);
    expect(plan(`SELECT id FROM imaging_findings WHERE patient_id = 'x' AND status = 'pending'`)).toMatch(/imaging_findings_patient/);
    // A finding is on a photo or on a DICOM instance, never both or neither.
    expect(() =>
      db.prepare(`INSERT INTO imaging_findings (id, patient_id, kind, points, measures, statement, proposed_by, proposed_at) VALUES ('f', 'p', 'text', '[]', '{}', 's', 'x', 'now')`).run(),
    ).toThrow(/CHECK constraint failed/);
    vault.close();
  });
});
