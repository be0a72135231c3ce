import { describe, expect, it } from 'vitest';
import { createTestVault } from '../../helpers/temp-vault';

describe('migration 0005-imaging', () => {
  it('adds series and instances, and the lookups the import makes use their indexes', () => {
    const vault = createTestVault();
    const db = vault.db;
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns('imaging_studies')).toEqual(expect.arrayContaining(['study_uid', 'accession_number', 'dicom_patient']));
    expect(columns('imaging_instances')).toEqual(expect.arrayContaining(['sop_instance_uid', 'image_id', 'spacing', 'sha256', 'source_id']));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' ');
    expect(plan(`SELECT id FROM imaging_instances WHERE sop_instance_uid = 'x'`)).toMatch(/USING INDEX sqlite_autoindex_imaging_instances/);
    expect(plan(`SELECT id FROM imaging_studies WHERE study_uid = 'x'`)).toMatch(/USING INDEX imaging_studies_uid/);
    expect(plan(`SELECT id FROM imaging_series WHERE study_id = 'x' ORDER BY number`)).toMatch(/imaging_series_study/);
    vault.close();
  });
});
