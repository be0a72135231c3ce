import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db, ReadDb } from '../store/sqlite';
import type { MappedRows } from './mappers';
import { CHILD_ROWS, PROVENANCE_COLUMNS, TABLE_COLUMNS, type Row, type SqlValue, type TableName } from './tables';

/**
 * The FHIR import's query module for mapped rows (each table's find, upsert
 * and child delete), and its lookups by patient id.
 *
 * Writes mapped rows with statements prepared once per database (not per
 * row, not per bundle): an import is mostly these few statements run
 * thousands of times inside one transaction.
 */

interface TableStatements {
  readonly columns: readonly string[];
  readonly find: Statement;
  readonly upsert: Statement;
  readonly deleteChildren: Statement | null;
}

export interface ExistingRow {
  readonly content_hash: string | null;
  readonly source_ref: string | null;
}

/** Who recorded the rows, when, from which source. */
export interface Provenance {
  readonly sourceId: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** The resource a set of rows stands for. */
export interface Original {
  readonly sourceRef: string;
  readonly json: string;
  readonly hash: string;
}

const cache = new WeakMap<Db, Map<TableName, TableStatements>>();

function statementsFor(db: Db, table: TableName): TableStatements {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let statements = perDb.get(table);
  if (!statements) {
    const columns: readonly string[] = TABLE_COLUMNS[table];
    const all = [...columns, ...PROVENANCE_COLUMNS];
    const updates = all.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
    const children = CHILD_ROWS[table];
    statements = {
      columns,
      find: db.prepare(`SELECT content_hash, source_ref FROM ${table} WHERE id = ?`),
      // An upsert rather than INSERT OR REPLACE: replacing would delete the
      // row that other rows (components, a patient's records) point at.
      upsert: db.prepare(
        `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})
         ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`,
      ),
      deleteChildren: children ? db.prepare(`DELETE FROM ${table} WHERE ${children}`) : null,
    };
    perDb.set(table, statements);
  }
  return statements;
}

export class RowWriter {
  constructor(
    private readonly db: Db,
    private readonly provenance: Provenance,
  ) {}

  find(table: TableName, id: string): ExistingRow | undefined {
    return statementsFor(this.db, table).find.get(id) as ExistingRow | undefined;
  }

  /**
   * Writes a resource's rows. Rows it owned before (components,
   * activities) are deleted first: a changed resource may have fewer.
   */
  write(table: TableName, rows: MappedRows, original: Original, replacing: boolean): void {
    const statements = statementsFor(this.db, table);
    if (replacing) statements.deleteChildren?.run(String(rows.main.id));
    statements.upsert.run(this.values(statements.columns, rows.main, original.sourceRef, original.json, original.hash));
    for (const child of rows.children) statements.upsert.run(this.values(statements.columns, child, original.sourceRef, null, null));
  }

  private values(columns: readonly string[], row: Row, sourceRef: string, json: string | null, hash: string | null): SqlValue[] {
    const values: SqlValue[] = new Array(columns.length + PROVENANCE_COLUMNS.length);
    let i = 0;
    for (; i < columns.length; i += 1) values[i] = row[columns[i] as string] ?? null;
    const { sourceId, recordedAt, recordedBy } = this.provenance;
    values[i] = sourceId;
    values[i + 1] = sourceRef;
    values[i + 2] = recordedAt;
    values[i + 3] = recordedBy;
    values[i + 4] = json;
    values[i + 5] = hash;
    return values;
  }
}

/**
 * Whether a patient is in the vault, with its statement prepared once: the
 * import asks for every resource that names a patient.
 */
export function patientLookup(db: ReadDb): (patientId: string) => boolean {
  const statement = db.prepare(`SELECT 1 FROM patients WHERE id = ?`).pluck();
  return (patientId) => statement.get(patientId) !== undefined;
}

/** The names of these patients (those in the vault), in the order given. */
export function patientNames(db: ReadDb, ids: readonly string[]): Array<{ id: string; name: string }> {
  const name = db.prepare(`SELECT name_text FROM patients WHERE id = ?`).pluck();
  return ids.flatMap((id) => {
    const found = name.get(id) as string | undefined;
    return found === undefined ? [] : [{ id, name: found }];
  });
}

/** The first import of a file with this SHA-256 that finished (its report detail as JSON). */
export function fhirImportBySha256(db: ReadDb, sha256: string): { id: number; detail: string } | undefined {
  return db.prepare(`SELECT id, detail FROM sources WHERE kind = 'fhir-import' AND sha256 = ? AND detail IS NOT NULL ORDER BY id LIMIT 1`).get(sha256) as
    | { id: number; detail: string }
    | undefined;
}

// --- export ---------------------------------------------------------------

/** A patient's imported resource (JSON, null when the row was not imported), or undefined when there is no such patient. */
export function patientResource(db: ReadDb, patientId: string): string | null | undefined {
  const row = db.prepare(`SELECT resource FROM patients WHERE id = ?`).get(patientId) as { resource: string | null } | undefined;
  return row ? row.resource : undefined;
}

/** The imported resources (JSON) of one of the patient's tables, in import order. */
export function patientTableResources(db: ReadDb, table: TableName, patientId: string): IterableIterator<string> {
  return db.prepare(`SELECT resource FROM ${table} WHERE patient_id = ? AND resource IS NOT NULL ORDER BY rowid`).pluck().iterate(patientId) as IterableIterator<string>;
}

export function patientColumns(db: ReadDb, patientId: string): { family: string | null; given: string | null; birth_date: string | null; sex: string | null; deceased_at: string | null } {
  return db.prepare(`SELECT family, given, birth_date, sex, deceased_at FROM patients WHERE id = ?`).get(patientId) as {
    family: string | null;
    given: string | null;
    birth_date: string | null;
    sex: string | null;
    deceased_at: string | null;
  };
}
