import { performance } from 'node:perf_hooks';

/** The subset of better-sqlite3's API both the plain and the encrypted build share. */
export interface SqliteHandle {
  exec(sql: string): unknown;
  pragma(sql: string, options?: { simple: boolean }): unknown;
  prepare(sql: string): {
    run(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
    get(...params: unknown[]): unknown;
  };
  transaction<T extends (...args: never[]) => unknown>(fn: T): T;
  close(): void;
}

const SCHEMA = `
CREATE TABLE observations (
  id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, code TEXT, display TEXT,
  value_num REAL, unit TEXT, effective_at TEXT, resource TEXT);
CREATE INDEX observations_patient_time ON observations(patient_id, effective_at);
CREATE INDEX observations_patient_code ON observations(patient_id, code, effective_at);`;

const CODES = ['2339-0', '4548-4', '8480-6', '8462-4', '29463-7', '39156-5', '2093-3', '18262-6'];

/**
 * The same settings for both sides, as the vault uses them: WAL, FULL
 * sync, in-memory temp store, a 64 MiB page cache.
 */
export function tuneForBench(db: SqliteHandle): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  db.exec(SCHEMA);
}

/** Inserts `rows` observation rows, `batch` per transaction, across 100 patients. Returns rows/s. */
export function writeWorkload(db: SqliteHandle, rows: number, batch: number): number {
  const insert = db.prepare(
    `INSERT INTO observations (id, patient_id, code, display, value_num, unit, effective_at, resource) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const resource = JSON.stringify({ resourceType: 'Observation', status: 'final', note: 'x'.repeat(600) });
  const write = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const day = new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString();
      insert.run(`obs-${i}`, `patient-${i % 100}`, CODES[i % CODES.length], 'Glucose', 80 + (i % 50), 'mg/dL', day, resource);
    }
  });
  const start = performance.now();
  for (let from = 0; from < rows; from += batch) write(from, Math.min(rows, from + batch));
  return rows / ((performance.now() - start) / 1000);
}

/** Runs `queries` reads: a patient's analyte series and a one-year window of their rows. Returns queries/s. */
export function readWorkload(db: SqliteHandle, queries: number): number {
  const series = db.prepare(
    `SELECT id, effective_at, value_num FROM observations WHERE patient_id = ? AND code = ? ORDER BY effective_at`,
  );
  const window = db.prepare(
    `SELECT id, code, value_num, effective_at FROM observations WHERE patient_id = ? AND effective_at BETWEEN ? AND ? ORDER BY effective_at`,
  );
  const start = performance.now();
  for (let q = 0; q < queries; q += 1) {
    const patient = `patient-${(q * 37) % 100}`;
    if (q % 2 === 0) series.all(patient, CODES[q % CODES.length]);
    else window.all(patient, `${2000 + (q % 20)}-01-01`, `${2001 + (q % 20)}-01-01`);
  }
  return queries / ((performance.now() - start) / 1000);
}
