import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessCore } from '../../electron/core/in-process-core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser/server';
import { recentAudit } from '../../electron/store/audit';
import { delayAfter, SignInThrottle } from '../../electron/store/sign-in-throttle';
import { Vault } from '../../electron/store/vault';
import { runCli } from '../helpers/cli';
import { HostWindow } from '../helpers/host-client';
import { PASSPHRASE, TEST_SCRYPT } from '../helpers/temp-vault';
import { ROOT, writeTrustResult } from './support';

/**
 * Guessing passphrases: a guesser sends wrong passphrases as fast as it
 * likes (every 250 ms of the core's clock, which the test holds, so nothing
 * here waits or depends on the machine's speed), alternating clinicians, to
 * the core and through the browser host. An attempt may get a verdict (wrong
 * passphrase, or in) only once the growing delay after the last failure has
 * passed, for that clinician and for the vault as a whole; counted against
 * an independent model of the schedule (1, 2, 4 ... 60 s). Every failure is
 * audited at the next sign-in. The CLI keeps the same delays across runs.
 */

const BO = { id: 'nurse.bo', displayName: 'Bo Jensen', passphrase: 'bo passphrase 1234' };
const STEP_MS = 250;

interface Model {
  failures: Map<string, { n: number; last: number }>;
}

/** When the model lets `who` have a verdict: after both their own delay and the vault's. */
function allowedAt(model: Model, who: string): number {
  const at = (key: string) => {
    const f = model.failures.get(key);
    return f ? f.last + delayAfter(f.n) * 1000 : 0;
  };
  return Math.max(at(who), at('*'));
}

function fail(model: Model, who: string, now: number): void {
  for (const key of [who, '*']) {
    const f = model.failures.get(key) ?? { n: 0, last: 0 };
    model.failures.set(key, { n: f.n + 1, last: now });
  }
}

interface Outcome {
  attempts: number;
  verdicts: number;
  early: number;
  refused: number;
}

/** A guesser for `seconds` of the core's clock; `attempt` sends one and answers the error code (null: signed in). */
async function guess(seconds: number, clock: { now: number }, attempt: (who: string) => Promise<string | null>): Promise<Outcome> {
  const model: Model = { failures: new Map() };
  const out: Outcome = { attempts: 0, verdicts: 0, early: 0, refused: 0 };
  const end = clock.now + seconds * 1000;
  for (let i = 0; clock.now < end; i++, clock.now += STEP_MS) {
    const who = i % 3 === 2 ? BO.id : 'dr.ada';
    const code = await attempt(who);
    out.attempts += 1;
    if (code === 'too-many-attempts') {
      out.refused += 1;
      continue;
    }
    out.verdicts += 1;
    if (clock.now < allowedAt(model, who)) out.early += 1;
    if (code === 'wrong-passphrase') fail(model, who, clock.now);
  }
  return out;
}

let dir: string;
const results: Record<string, unknown> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-backoff-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function makeVault(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  const file = join(folder, 'clinic.vault');
  const vault = Vault.create(file, { clinician: { id: 'dr.ada', displayName: 'Dr Ada Lovelace' }, passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT });
  vault.addClinician({ id: BO.id, displayName: BO.displayName }, BO.passphrase);
  vault.close();
  return file;
}

describe('unlock attempts wait out a growing delay', () => {
  it('the core answers no attempt before its delay, refuses the right passphrase during one, and audits every failure', async () => {
    const file = makeVault('core');
    const clock = { now: Date.parse('2026-01-05T09:00:00Z') };
    const core = createInProcessCore({ vaultFile: file, scrypt: TEST_SCRYPT }, null, () => clock.now);
    const outcome = await guess(120, clock, async (who) => {
      const answer = await core.invoke('vault.unlock', { clinicianId: who, passphrase: 'guess 1234' });
      return answer.ok ? null : answer.error.code;
    });
    results['core'] = outcome;
    expect(outcome.early).toBe(0);
    expect(outcome.refused).toBeGreaterThan(0);

    // Right after a failure, the right passphrase is refused too (no oracle), with the seconds left.
    const wrong = await core.invoke('vault.unlock', { clinicianId: 'dr.ada', passphrase: 'guess 1234' });
    const right = await core.invoke('vault.unlock', { clinicianId: 'dr.ada', passphrase: PASSPHRASE });
    expect(wrong.ok ? null : wrong.error.code).toMatch(/wrong-passphrase|too-many-attempts/);
    expect(right).toMatchObject({ ok: false, error: { code: 'too-many-attempts', retryAfterSeconds: expect.any(Number) } });
    clock.now += 61_000;
    const unlocked = await core.invoke('vault.unlock', { clinicianId: 'dr.ada', passphrase: PASSPHRASE });
    expect(unlocked).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    // The sign-in history says how many failed since the last sign-in, and lists them.
    const history = await core.invoke('vault.signInHistory', {});
    const shown = history.ok ? (history.value as { failedSinceLastSignIn: number; entries: Array<{ action: string }> }) : null;
    await core.close();

    const vault = Vault.open(file, { passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT });
    const failures = recentAudit(vault.db, 10_000).filter((e) => e.action === 'signin.failed');
    vault.close();
    const wrongVerdicts = outcome.verdicts + (wrong.ok || wrong.error.code !== 'wrong-passphrase' ? 0 : 1);
    expect(failures).toHaveLength(wrongVerdicts);
    for (const f of failures) expect(f.detail).toMatchObject({ clinician: expect.stringMatching(/^(dr\.ada|nurse\.bo)$/), via: 'app', at: expect.any(String) });
    results['audited'] = failures.length;
    expect(shown?.failedSinceLastSignIn).toBe(failures.length);
    expect(shown?.entries.filter((e) => e.action === 'signin.failed')).toHaveLength(Math.min(failures.length, 200));
  });

  it('the browser host answers no attempt before its delay either', async () => {
    const file = makeVault('host');
    const clock = { now: Date.parse('2026-01-05T09:00:00Z') };
    const core = createInProcessCore({ vaultFile: file, scrypt: TEST_SCRYPT }, null, () => clock.now);
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    let host: BrowserHost | undefined;
    try {
      host = await startBrowserHost({ core, staticDir, now: () => clock.now });
      const win = await HostWindow.open(host.port, host.url);
      const outcome = await guess(60, clock, async (who) => {
        const answer = await win.call('vault.unlock', { clinicianId: who, passphrase: 'guess 1234' });
        return answer.ok ? null : answer.error!.code;
      });
      results['host'] = outcome;
      expect(outcome.early).toBe(0);
      expect(outcome.refused).toBeGreaterThan(0);
    } finally {
      await host?.close();
      await core.close();
    }
  });

  it('the CLI keeps the same delays across runs: a run during a wait is refused, saying how long', async () => {
    const file = makeVault('cli');
    // Six failures just now (from any door): the next attempt is answered 32 s after the last.
    const throttle = new SignInThrottle(file);
    for (let i = 0; i < 6; i++) throttle.failed('dr.ada', 'app', true);
    const inProcess = await runCli(['patients', '--vault', file, '--json'], { CONTINUUM_PASSPHRASE: PASSPHRASE });
    expect(inProcess.code).toBe(1);
    expect(inProcess.err).toMatch(/too many wrong passphrases for "dr\.ada"; the next attempt is answered in (2\d|3[0-2]) s/);
    // Another process: the count is in VAULT.attempts, not in memory.
    let err = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'bin/continuum.mjs'), 'patients', '--vault', file], {
        env: { ...process.env, CONTINUUM_PASSPHRASE: PASSPHRASE },
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: 25_000,
      });
    } catch (error) {
      err = String((error as { stderr?: string }).stderr);
    }
    expect(err).toMatch(/too many wrong passphrases/);
    results['cliRefusedDuringWait'] = true;
  });

  it('records the figures', () => {
    const early = ['core', 'host'].reduce((sum, k) => sum + ((results[k] as Outcome | undefined)?.early ?? 0), 0);
    writeTrustResult('unlock-backoff', { ...results, early });
    expect(early).toBe(0);
  });
});
