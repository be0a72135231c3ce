import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { importBundleText } from '../../electron/fhir';
import { backupVault, restoreVault } from '../../electron/store/backup';
import { Vault } from '../../electron/store/vault';
import { checkVault } from '../../scripts/trust/check-vault';
import { basePatientBundle, prng, type Committed } from '../../scripts/trust/workload';
import { createTestVault, PASSPHRASE, tempDir, TEST_OPTIONS } from '../helpers/temp-vault';
import { envCount, NODE_TSX, ROOT, writeTrustResult } from './support';

// Backups taken while another process writes to the vault without pause
// (the crash-kill workload: FHIR imports, approved notes, accepted scan
// results, signed-off sessions), as `continuum backup` runs beside the open
// app. Each backup is then restored to a new file and must: open with the
// passphrase, pass integrity_check, have an audit chain that verifies, hold
// every transaction the writer had reported before the backup began, hold
// nothing half-written, and be a prefix of the live vault (its audit chain,
// which every write transaction extends, is entry for entry the live one's
// beginning), so each transaction is in it whole or not at all.

const BACKUPS = envCount('CONTINUUM_TRUST_BACKUPS', 6);
const SEED = envCount('CONTINUUM_TRUST_SEED', 20261123);
const WRITER = join(ROOT, 'scripts', 'trust', 'crash-child.ts');

interface Writer {
  readonly child: ChildProcess;
  /** Transactions reported committed so far (whole lines only). */
  committed(): Committed[];
  readonly ready: Promise<void>;
  readonly closed: Promise<string | null>;
}

function startWriter(file: string): Writer {
  const child = spawn(process.execPath, [...NODE_TSX, WRITER, file, 'bk', String(SEED)], { cwd: ROOT, env: { ...process.env, CONTINUUM_PASSPHRASE: PASSPHRASE }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.includes('{"kind":"ready"}\n')) markReady();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<string | null>((resolve) =>
    child.on('close', (code, signal) => {
      markReady();
      resolve(signal === 'SIGKILL' ? null : `the writer ended by itself (exit ${code}): ${stderr.trim().split('\n').filter((l) => /Error/.test(l)).slice(0, 2).join(' | ')}`);
    }),
  );
  const committed = () =>
    stdout
      .split('\n')
      .slice(0, -1)
      .map((l) => JSON.parse(l) as Committed | { kind: 'ready' })
      .filter((l): l is Committed => l.kind !== 'ready');
  return { child, committed, ready, closed };
}

interface AuditRow {
  seq: number;
  action: string;
  hash: string;
  detail: string;
}
const auditRows = (vault: Vault) => vault.db.prepare(`SELECT seq, action, hash, detail FROM audit_log ORDER BY seq`).all() as AuditRow[];

describe('backup and restore under load', () => {
  it(`takes ${BACKUPS} backups while another process writes; each restores whole and consistent`, { timeout: 120_000 + BACKUPS * 30_000 }, async () => {
    const started = Date.now();
    const dir = tempDir();
    const setup = createTestVault(join(dir, 'clinic.vault'));
    const file = setup.file;
    importBundleText(setup, 'base.json', basePatientBundle());
    setup.close();

    const writer = startWriter(file);
    await writer.ready;
    const random = prng(SEED);
    const taken: Array<{ file: string; reportedBefore: Committed[]; bytes: number }> = [];
    const failures: string[] = [];
    const vault = Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    try {
      for (let i = 0; i < BACKUPS; i += 1) {
        await sleep(100 + Math.floor(random() * 400)); // let the writer get ahead by a varying amount
        const reportedBefore = writer.committed();
        const target = join(dir, `backup-${i}.vault`);
        try {
          taken.push({ file: target, reportedBefore, bytes: backupVault(vault, target).bytes });
        } catch (error) {
          failures.push(`backup ${i}: ${(error as Error).message}`);
        }
      }
    } finally {
      vault.close();
      writer.child.kill('SIGKILL');
    }
    const endedByItself = await writer.closed;
    if (endedByItself) failures.push(endedByItself);
    const allReported = writer.committed();

    const live = Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    const liveAudit = auditRows(live);
    const liveCheck = checkVault(live, allReported);
    live.close();
    failures.push(...liveCheck.problems.map((p) => `live vault: ${p}`));

    const restored: Array<{ transactions: number; reportedBefore: number; auditEntries: number }> = [];
    for (const [i, backup] of taken.entries()) {
      const target = join(dir, `restored-${i}.vault`);
      try {
        const { keptPrevious } = restoreVault(backup.file, target, { passphrase: PASSPHRASE }, TEST_OPTIONS);
        if (keptPrevious !== null) failures.push(`restore ${i}: kept a previous vault at a new destination`);
        const copy = Vault.open(target, { passphrase: PASSPHRASE }, TEST_OPTIONS);
        try {
          const check = checkVault(copy, backup.reportedBefore);
          failures.push(...check.problems.map((p) => `backup ${i}: ${p}`));
          // The backup's own entries end where the restore's begin; every one of them is the live vault's entry of that number.
          const rows = auditRows(copy);
          // restoreVault opens the copy (vault.unlock) and then records vault.restore: both are the restore's, not the backup's.
          const end = rows.findIndex((r) => r.action === 'vault.restore');
          const own = rows.slice(0, end < 0 ? rows.length : rows[end - 1]?.action === 'vault.unlock' ? end - 1 : end);
          const diverges = own.find((r) => liveAudit[r.seq - 1]?.hash !== r.hash);
          if (end < 0) failures.push(`backup ${i}: no vault.restore audit entry after restoring`);
          if (diverges) failures.push(`backup ${i}: audit entry ${diverges.seq} (${diverges.action}) differs from the live vault's: not a prefix`);
          restored.push({ transactions: check.bundles + check.notes + check.signOffs, reportedBefore: backup.reportedBefore.length, auditEntries: own.length });
        } finally {
          copy.close();
        }
      } catch (error) {
        failures.push(`restore ${i}: ${(error as Error).message}`);
      }
    }
    // Later backups hold more: the writer was really writing between them.
    const growing = restored.every((r, i) => i === 0 || r.auditEntries > restored[i - 1]!.auditEntries);
    writeTrustResult('backup-under-load', {
      backups: BACKUPS,
      taken: taken.length,
      restoredAndVerified: restored.length - new Set(failures.filter((f) => /^backup \d+:/.test(f)).map((f) => f.split(':')[0])).size,
      writerCommits: allReported.length,
      perBackup: restored,
      growing,
      failures: failures.slice(0, 20),
      seconds: (Date.now() - started) / 1000,
    });
    expect(failures).toEqual([]);
    expect(taken.length).toBe(BACKUPS);
    expect(restored.length).toBe(BACKUPS);
    expect(growing).toBe(true);
    expect(allReported.length).toBeGreaterThan(BACKUPS);
  });
});
