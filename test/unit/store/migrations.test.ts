import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { timelineEvents } from '../../../electron/store/queries/timeline';

/** A fresh in-memory database migrated step by step, as an old vault would be. */
function migratedTo(version: number): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:', migrations.slice(0, version));
  return db;
}

function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('; ');
}

describe('migrations', () => {
  it('numbers its steps 1..n and records the last in user_version', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const db = migratedTo(SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('upgrades a schema-1 vault in place, keeping its rows', () => {
    const db = migratedTo(1);
    db.exec(`INSERT INTO clinicians (id, display_name, created_at) VALUES ('c', 'C', '2020-01-01')`);
    expect(migrate(db, ':memory:')).toBe(SCHEMA_VERSION);
    expect(db.prepare(`SELECT count(*) FROM clinicians`).pluck().get()).toBe(1);
  });

  it("0002: a day's results are grouped from the covering index, without reading the table", () => {
    const db = migratedTo(2);
    const sql = `SELECT substr(effective_at, 1, 10), category, count(*) FROM observations
      WHERE patient_id = ? AND parent_id IS NULL AND substr(effective_at, 1, 10) BETWEEN ? AND ?
      GROUP BY substr(effective_at, 1, 10), category`;
    expect(plan(db, sql, 'p', '0000', '9999')).toContain('USING COVERING INDEX observations_day');
  });

  it('the timeline query walks a patient-time index in every table', () => {
    const db = migratedTo(SCHEMA_VERSION);
    // Compiling it proves the UNION parses; each part names its index.
    expect(timelineEvents(db, { patientId: 'nobody' }).events).toEqual([]);
    expect(plan(db, `SELECT id FROM encounters WHERE patient_id = ? AND start_at <= ?`, 'p', '9999')).toMatch(/USING (COVERING )?INDEX/);
  });

  it('0007: widens the proposal kinds, keeping the proposals and their indexes', () => {
    const db = migratedTo(6);
    // The proposal rows alone matter here: their document and patient are not made.
    db.pragma('foreign_keys = OFF');
    db.exec(`INSERT INTO document_proposals (id, document_id, patient_id, kind, page, proposed) VALUES ('x', 'd', 'p', 'lab', 1, '{}')`);
    migrate(db, ':memory:', migrations.slice(0, 7));
    expect(db.prepare(`SELECT id, kind FROM document_proposals`).all()).toEqual([{ id: 'x', kind: 'lab' }]);
    db.exec(`INSERT INTO document_proposals (id, document_id, patient_id, kind, page, proposed) VALUES ('n', 'd', 'p', 'name', 1, '{}'), ('dx', 'd', 'p', 'diagnosis', 1, '{}')`);
    expect(() => db.exec(`INSERT INTO document_proposals (id, document_id, patient_id, kind, page, proposed) VALUES ('b', 'd', 'p', 'nonsense', 1, '{}')`)).toThrow(/CHECK/);
    expect(plan(db, `SELECT id FROM document_proposals WHERE document_id = ? AND status = ?`, 'd', 'pending')).toContain('document_proposals_document');
  });

  it('0009: keeps passage vectors per model, deleted with their passage', () => {
    const db = migratedTo(9);
    db.pragma('foreign_keys = ON');
    db.exec(`INSERT INTO evidence_sources (id, title, issuer, published, licence, tier, format, file_name, sha256, imported_at) VALUES (1, 't', 'i', '2020', 'l', 'guideline', 'markdown', 'f.md', 'x', '2020-01-01')`);
    db.exec(`INSERT INTO evidence_chunks (id, source_id, ord, section, text) VALUES (7, 1, 0, 's', 'text')`);
    db.prepare(`INSERT INTO evidence_vectors (chunk_id, model, vectors) VALUES (7, 'a', ?), (7, 'b', ?)`).run(Buffer.alloc(8), Buffer.alloc(8));
    expect(() => db.prepare(`INSERT INTO evidence_vectors (chunk_id, model, vectors) VALUES (7, 'a', ?)`).run(Buffer.alloc(8))).toThrow(/UNIQUE|PRIMARY/);
    db.exec(`DELETE FROM evidence_chunks WHERE id = 7`);
    expect(db.prepare(`SELECT count(*) FROM evidence_vectors`).pluck().get()).toBe(0);
  });
});
