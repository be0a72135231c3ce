import { createHash } from 'node:crypto';
import type { Db } from './sqlite';

/**
 * The audit log: who did what to which chart, and when (ONC 170.315(d)(2)).
 * Entries are hash-chained; `verifyAudit` recomputes the chain and compares
 * its end with the head kept in vault_meta, so an edited, deleted, inserted
 * or truncated entry is found.
 */

export type AuditAction =
  | 'vault.create'
  | 'vault.unlock'
  | 'signin.failed'
  | 'vault.lock'
  | 'vault.backup'
  | 'vault.restore'
  | 'clinician.add'
  | 'clinician.remove'
  | 'clinician.passphrase'
  | 'device.remember'
  | 'device.forget'
  | 'chart.open'
  | 'record.view'
  | 'brief.read'
  /** Claims checked against the chart from the command line (`continuum verify`). */
  | 'chart.verify'
  | 'evidence.import'
  | 'import.fhir'
  | 'export.fhir'
  | 'record.write'
  /** A clinician overrode a safeguard: filed a file whose patient does not match the chart, accepted a scanned page without checking its doubtful words. */
  | 'record.override';

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly clinicianId: string;
  readonly action: string;
  readonly patientId: string | null;
  readonly detail: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  clinician_id: string;
  action: string;
  patient_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

const HEAD_KEY = 'audit_head';

export function genesisHash(vaultId: string): string {
  return sha256(`continuum-audit-genesis/${vaultId}`);
}

function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return sha256(JSON.stringify([row.seq, row.at, row.clinician_id, row.action, row.patient_id, row.detail, row.prev_hash]));
}

/** Appends one entry; runs inside the caller's transaction when there is one. */
export function appendAudit(
  db: Db,
  entry: { clinicianId: string; action: AuditAction; patientId?: string | null; detail?: Record<string, unknown> },
  now: Date = new Date(),
): void {
  // IMMEDIATE: an entry on its own (unlock, lock, backup) takes the write lock before reading the head,
  // so it waits (busy_timeout) for another process writing the vault instead of failing with "database
  // is locked" when that process commits between the read and the write. Inside a caller's transaction
  // this is a savepoint and the caller's transaction decides.
  db.transaction(() => {
    const head = readHead(db);
    const row = {
      seq: head.seq + 1,
      at: now.toISOString(),
      clinician_id: entry.clinicianId,
      action: entry.action,
      patient_id: entry.patientId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      prev_hash: head.hash,
    };
    const hash = entryHash(row);
    db.prepare(
      `INSERT INTO audit_log (seq, at, clinician_id, action, patient_id, detail, prev_hash, hash)
       VALUES (@seq, @at, @clinician_id, @action, @patient_id, @detail, @prev_hash, @hash)`,
    ).run({ ...row, hash });
    db.prepare(`INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?, ?)`).run(
      HEAD_KEY,
      JSON.stringify({ seq: row.seq, hash }),
    );
  }).immediate();
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** One line per problem, naming the entry. */
  readonly problems: readonly string[];
}

export function verifyAudit(db: Db): AuditVerification {
  const vaultId = db.prepare(`SELECT value FROM vault_meta WHERE key = 'vault_id'`).pluck().get() as string | undefined;
  const problems: string[] = [];
  let expectedPrev = genesisHash(vaultId ?? '');
  let expectedSeq = 1;
  let count = 0;
  let last: { seq: number; hash: string } = { seq: 0, hash: expectedPrev };
  for (const row of db.prepare(`SELECT * FROM audit_log ORDER BY seq`).iterate() as IterableIterator<AuditRow>) {
    count += 1;
    if (row.seq !== expectedSeq) problems.push(`entry ${expectedSeq}${row.seq - 1 > expectedSeq ? ` to ${row.seq - 1}` : ''} missing`);
    if (row.prev_hash !== expectedPrev) problems.push(`entry ${row.seq}: does not follow the entry before it (deleted or reordered entries)`);
    if (entryHash(row) !== row.hash) problems.push(`entry ${row.seq}: content does not match its hash (edited)`);
    expectedPrev = row.hash;
    expectedSeq = row.seq + 1;
    last = { seq: row.seq, hash: row.hash };
  }
  const head = readHead(db, vaultId);
  if (head.seq !== last.seq || head.hash !== last.hash) {
    problems.push(`log ends at entry ${last.seq} but the recorded head is entry ${head.seq} (entries removed from the end)`);
  }
  return { ok: problems.length === 0, entries: count, problems };
}

export function patientAccessHistory(db: Db, patientId: string, limit = 100): AuditEntry[] {
  const rows = db
    .prepare(`SELECT * FROM audit_log WHERE patient_id = ? ORDER BY seq DESC LIMIT ?`)
    .all(patientId, limit) as AuditRow[];
  return rows.map(toEntry);
}

/** The actions the sign-in history shows: who got in, who failed to, locks, this computer remembered or forgotten. */
export const SIGN_IN_ACTIONS = ['vault.create', 'vault.unlock', 'signin.failed', 'vault.lock', 'device.remember', 'device.forget', 'clinician.passphrase'] as const;

/**
 * The vault's sign-in history, newest first, and how many failed attempts
 * were recorded at the current sign-in (failures wait outside the vault
 * until the next sign-in writes them: sign-in.ts).
 */
export function signInHistory(db: Db, limit = 200): { entries: AuditEntry[]; failedSinceLastSignIn: number } {
  const marks = SIGN_IN_ACTIONS.map(() => '?').join(', ');
  const rows = db.prepare(`SELECT * FROM audit_log WHERE action IN (${marks}) ORDER BY seq DESC LIMIT ?`).all(...SIGN_IN_ACTIONS, limit) as AuditRow[];
  const entries = rows.map(toEntry);
  let failed = 0;
  for (const entry of entries) {
    if (entry.action === 'vault.unlock' || entry.action === 'vault.create') break;
    if (entry.action === 'signin.failed') failed += typeof entry.detail['more'] === 'number' ? entry.detail['more'] : 1;
  }
  return { entries, failedSinceLastSignIn: failed };
}

export function recentAudit(db: Db, limit = 100): AuditEntry[] {
  return (db.prepare(`SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?`).all(limit) as AuditRow[]).map(toEntry);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    clinicianId: row.clinician_id,
    action: row.action,
    patientId: row.patient_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}

function readHead(db: Db, knownVaultId?: string): { seq: number; hash: string } {
  const value = db.prepare(`SELECT value FROM vault_meta WHERE key = ?`).pluck().get(HEAD_KEY) as string | undefined;
  if (value) return JSON.parse(value) as { seq: number; hash: string };
  const vaultId =
    knownVaultId ?? (db.prepare(`SELECT value FROM vault_meta WHERE key = 'vault_id'`).pluck().get() as string | undefined);
  return { seq: 0, hash: genesisHash(vaultId ?? '') };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
