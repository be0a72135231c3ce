import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundleText } from '../../electron/fhir';
import { Vault } from '../../electron/store/vault';
import { checkVault } from '../../scripts/trust/check-vault';
import { basePatientBundle, bundleSpec, bundleText, prng, type Committed } from '../../scripts/trust/workload';
import { createTestVault, PASSPHRASE } from '../helpers/temp-vault';
import { envCount, NODE_TSX, ROOT, writeTrustResult } from './support';

// SIGKILL a writer at a random moment, again and again, on one vault. The
// kill moment is random (seeded, and the machine's scheduling adds its own);
// what is checked must hold for any moment: the vault opens, integrity_check
// is ok, the audit chain verifies, every transaction the child reported as
// committed is there, and every transaction that is there is whole.

const ROUNDS = envCount('CONTINUUM_TRUST_ROUNDS', 5);
const SEED = envCount('CONTINUUM_TRUST_SEED', 20261123);
const CHILD = join(ROOT, 'scripts', 'trust', 'crash-child.ts');

interface Round {
  readonly committed: Committed[];
  readonly killedAfterMs: number;
  readonly killedBeforeReady: boolean;
  readonly exitedByItself: string | null;
}

function runRound(file: string, tag: string, seed: number): Promise<Round> {
  const random = prng(seed);
  // One kill in five lands from the start (during startup, opening or recovery), the rest after the child is ready.
  const fromStart = random() < 0.2;
  const delay = Math.floor(random() * (fromStart ? 2500 : 1500));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...NODE_TSX, CHILD, file, tag, String(seed)], {
      cwd: ROOT,
      env: { ...process.env, CONTINUUM_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let killed = false;
    let ready = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const arm = () => {
      timer = setTimeout(kill, delay);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!ready && stdout.includes('{"kind":"ready"}\n')) {
        ready = true;
        if (!fromStart) arm();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (fromStart) arm();
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never fully reported.
      const lines = stdout.split('\n').slice(0, -1).map((l) => JSON.parse(l) as Committed | { kind: 'ready' });
      resolvePromise({
        committed: lines.filter((l): l is Committed => l.kind !== 'ready'),
        killedAfterMs: delay,
        killedBeforeReady: !ready,
        exitedByItself: killed && signal === 'SIGKILL' ? null : `exit ${code} ${signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
      });
    });
  });
}

describe('crash safety (SIGKILL at random moments)', () => {
  // A hang guard: 3.2 s a round on a quiet machine, 7.3 beside two CPU-bound processes on a loaded one.
  it(`keeps every committed transaction and nothing half-written over ${ROUNDS} kills`, { timeout: 60_000 + ROUNDS * 40_000 }, async () => {
    const started = Date.now();
    const setup = createTestVault();
    const file = setup.file;
    importBundleText(setup, 'base.json', basePatientBundle());
    setup.close();

    const reported: Committed[] = [];
    let lost = 0;
    let unreported = 0;
    let killedBeforeReady = 0;
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const result = await runRound(file, `r${round}`, SEED + round);
      if (result.exitedByItself) failures.push(`round ${round}: the child ended before the kill (${result.exitedByItself})`);
      reported.push(...result.committed);
      if (result.killedBeforeReady) killedBeforeReady += 1;
      const vault = Vault.open(file, { passphrase: PASSPHRASE });
      try {
        const check = checkVault(vault, reported);
        lost = check.lost;
        unreported = check.unreported;
        failures.push(...check.problems.map((p) => `round ${round} (kill after ${result.killedAfterMs} ms): ${p}`));
      } finally {
        vault.close();
      }
      if (failures.length > 0) break;
    }
    writeTrustResult('crash-kill', {
      rounds: ROUNDS,
      seed: SEED,
      reportedCommits: reported.length,
      reportedByKind: reported.reduce<Record<string, number>>((by, line) => ({ ...by, [line.kind]: (by[line.kind] ?? 0) + 1 }), {}),
      recordsLost: lost,
      committedButUnreported: unreported,
      killedBeforeReady,
      failures: failures.slice(0, 20),
      seconds: (Date.now() - started) / 1000,
    });
    expect(failures).toEqual([]);
    expect(lost).toBe(0);
    // The child must have got some work done for the test to mean anything.
    expect(reported.length).toBeGreaterThan(0);
  });
});

describe('the crash check itself', () => {
  it('finds a half-written bundle and a reported commit that is missing', () => {
    const vault = createTestVault();
    try {
      const spec = bundleSpec('neg', 0);
      importBundleText(vault, spec.label, bundleText(spec));
      const sourceId = vault.db.prepare(`SELECT id FROM sources WHERE label = ?`).pluck().get(spec.label) as number;
      const reported: Committed[] = [
        { kind: 'bundle', label: spec.label, sourceId, patientId: spec.patientId, observations: spec.observations, conditions: spec.conditions },
        { kind: 'bundle', label: 'trust-neg-1.json', sourceId: sourceId + 1, patientId: 'tp-neg-1', observations: 1, conditions: 1 },
        { kind: 'note', proposalId: 'p', recordId: 'note-missing', title: 'Missing' },
      ];
      expect(checkVault(vault, reported.slice(0, 1)).problems).toEqual([]);
      vault.db.prepare(`DELETE FROM observations WHERE id = ?`).run(`${spec.patientId}-obs-0`);
      const check = checkVault(vault, reported);
      expect(check.lost).toBe(2);
      expect(check.problems.join('\n')).toMatch(/half-written/);
    } finally {
      vault.close();
    }
  });
});
