import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ImportReport } from '../../../electron/api/schemas';
import { FhirImportError } from '../../../electron/fhir';
import { BundleSplitter } from '../../../electron/fhir/bundle-splitter';
import { PATIENT_TABLES } from '../../../electron/fhir/tables';
import { isVaultError } from '../../../electron/store/errors';
import type { Db } from '../../../electron/store/sqlite';

/** Shared by the FHIR unit tests and the Synthea integration test. */

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/fhir');

/** The main fixture: one Synthea-like patient with every mapped type, a forward reference and unmapped billing. */
export const ZOE = 'zoe-angstrom.json';
export const ZOE_ID = '8f2c7d4e-5b1a-4c3e-9d6f-0a1b2c3d4e5f';
/** A second patient in a collection bundle written backwards (patient last). */
export const NGOZI = 'ngozi-adebayo.json';
export const NGOZI_ID = '5d0e4c1a-9b7f-4e2d-8c6a-3f1b0e9d7c5a';

export function fixturePath(name: string): string {
  return resolve(FIXTURES, name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export interface JsonBundle {
  resourceType: string;
  type: string;
  entry: Array<{ fullUrl?: string; resource: Record<string, unknown> & { resourceType: string; id?: string } }>;
  [member: string]: unknown;
}

export function parseFixture(name: string): JsonBundle {
  return JSON.parse(readFixture(name)) as JsonBundle;
}

/** The tables that hold a patient's record, the patient row included. */
export const RECORD_TABLES = ['patients', ...PATIENT_TABLES] as const;

/** Where a row came from and when: differs between two vaults that hold the same record. */
const PROVENANCE = new Set(['source_id', 'recorded_at', 'recorded_by']);

/**
 * Every row of every record table (of the given patients, or all), without
 * the import's own provenance, in id order: two vaults holding the same
 * record give equal values.
 * (source_ref, the original resource and its hash are kept: they are the record.)
 */
export function recordRows(db: Db, patientIds?: readonly string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of RECORD_TABLES) {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>)
      .map((c) => c.name)
      .filter((c) => !PROVENANCE.has(c));
    const owner = table === 'patients' ? 'id' : 'patient_id';
    const where = patientIds ? `WHERE ${owner} IN (${patientIds.map(() => '?').join(', ')})` : '';
    out[table] = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ${where} ORDER BY id`).all(...(patientIds ?? []));
  }
  return out;
}

/** Every table of the vault, whole (sources, audit_log and the audit head in vault_meta included). */
export function vaultSnapshot(db: Db): Record<string, unknown[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).pluck().all() as string[];
  const out: Record<string, unknown[]> = {};
  // Sorted here rather than by rowid: FTS5's shadow tables are WITHOUT ROWID.
  for (const table of tables) out[table] = sortedRows(db.prepare(`SELECT * FROM "${table}"`).all());
  return out;
}

function sortedRows(rows: unknown[]): unknown[] {
  const keyed = rows.map((row) => [JSON.stringify(row), row] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, row]) => row);
}

export function rowCounts(db: Db): Record<string, number> {
  const snapshot = vaultSnapshot(db);
  return Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.length]));
}

/** Resources the import stored or found stored (mapped), as one number. */
export function mappedCount(report: Pick<ImportReport, 'added' | 'updated' | 'unchanged'>): number {
  return [report.added, report.updated, report.unchanged].reduce((sum, counts) => sum + total(counts), 0);
}

export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Checks the shape every import error must have and returns its message. */
export function checkImportError(error: unknown, file: string): string {
  expect(error, String(error)).toBeInstanceOf(FhirImportError);
  expect(isVaultError(error, 'invalid-input')).toBe(true);
  const message = (error as Error).message;
  expect(message.startsWith(`${file}: `), message).toBe(true);
  expect(message).not.toMatch(/[\r\n\u2028\u2029]/);
  return message;
}

export function importError(fn: () => unknown, file: string): string {
  try {
    fn();
  } catch (error) {
    return checkImportError(error, file);
  }
  throw new Error('expected the import to fail');
}

export async function importErrorAsync(promise: Promise<unknown>, file: string): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return checkImportError(error, file);
  }
  throw new Error('expected the import to fail');
}

/** The report without its timing, for comparing two imports. */
export function withoutTiming(report: ImportReport): Omit<ImportReport, 'seconds'> {
  const { seconds: _seconds, ...rest } = report;
  return rest;
}

/** The size in the file of its largest entry, as the splitter cuts it out of the whole file. */
export function largestEntryBytes(file: Buffer): number {
  const entries = new BundleSplitter('sizes').push(file);
  return Math.max(...entries.map((e) => Buffer.byteLength(e.text, 'utf8')));
}

/** A Synthea-like transaction bundle around the given entries. */
export function bundleOf(entries: unknown[], type = 'transaction'): string {
  return JSON.stringify({ resourceType: 'Bundle', type, entry: entries });
}
