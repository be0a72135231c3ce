/**
 * npm run test:trust: the trust suite at full strength (100 SIGKILL rounds,
 * 10,000 fuzz cases per target unless the environment says otherwise), then
 * one table of what it measured, and bench-results/test-trust.json as
 * {"figures":[{name, value, unit, goal}]}. Exit code: vitest's.
 *
 *   CONTINUUM_TRUST_ROUNDS (default 100), CONTINUUM_TRUST_FUZZ_RUNS (default
 *   10000), CONTINUUM_TRUST_BACKUPS (default 20), CONTINUUM_TRUST_SEED
 *   (default: a fresh one, printed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'trust');
const rounds = process.env.CONTINUUM_TRUST_ROUNDS ?? '100';
const fuzzRuns = process.env.CONTINUUM_TRUST_FUZZ_RUNS ?? '10000';
const backups = process.env.CONTINUUM_TRUST_BACKUPS ?? '20';
const seed = process.env.CONTINUUM_TRUST_SEED ?? String(1 + Math.floor(Math.random() * 2 ** 30));

rmSync(ARTIFACTS, { recursive: true, force: true });
process.stdout.write(`trust suite: ${rounds} crash-kill rounds, ${fuzzRuns} fuzz cases per target, ${backups} backups under load, seed ${seed}\n`);
const started = Date.now();
const vitest = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/trust'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CONTINUUM_TRUST_ROUNDS: rounds, CONTINUUM_TRUST_FUZZ_RUNS: fuzzRuns, CONTINUUM_TRUST_BACKUPS: backups, CONTINUUM_TRUST_SEED: seed },
});
const seconds = (Date.now() - started) / 1000;

type Result = Record<string, unknown> | null;
const read = (name: string): Result => {
  const file = join(ARTIFACTS, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
};
const crash = read('crash-kill');
const diskFull = read('disk-full');
const diskFullTmpfs = read('disk-full-tmpfs');
const readOnly = read('read-only');
const fuzz = {
  'renderer-to-core API': read('fuzz-api'),
  'FHIR importer': read('fuzz-fhir'),
  'DICOM import': read('fuzz-dicom'),
  'OCR extraction parser': read('fuzz-ocr-extract'),
  'model-folder loader': read('fuzz-model-folder'),
};
const backup = read('backup-under-load');
const egress = read('egress');
const electron = read('electron-settings');
const packaging = read('packaging');
const nativeAddons = read('native-addons');
const fileLoads = read('electron-file-loads');
const credential = read('browser-credential');
const backoff = read('unlock-backoff');
const memory = read('host-memory');

interface Row {
  readonly what: string;
  readonly value: string;
  readonly goal: string;
}
const rows: Row[] = [];
const figures: Array<{ name: string; value: number | null; unit: string; goal: string }> = [];
const num = (r: Result, key: string): number | null => (r && typeof r[key] === 'number' ? (r[key] as number) : null);
const show = (n: number | null) => (n === null ? 'not run' : String(n));

for (const [target, r] of Object.entries(fuzz)) {
  rows.push({ what: `fuzz: ${target}: cases run / failures`, value: `${show(num(r, 'cases'))} / ${show(num(r, 'failures'))}`, goal: `>= ${fuzzRuns} / 0` });
  figures.push({ name: `fuzz ${target} cases`, value: num(r, 'cases'), unit: 'cases', goal: `>= ${fuzzRuns}` });
  figures.push({ name: `fuzz ${target} failures`, value: num(r, 'failures'), unit: 'failures', goal: '0' });
}
rows.push({ what: 'crash-kill (SIGKILL) rounds / records lost', value: `${show(num(crash, 'rounds'))} / ${show(num(crash, 'recordsLost'))}`, goal: `>= ${rounds} / 0` });
rows.push({ what: 'crash-kill: commits reported by the child', value: show(num(crash, 'reportedCommits')), goal: '> 0' });
rows.push({ what: 'crash-kill: half-written transactions, audit or integrity failures', value: crash ? String((crash.failures as unknown[]).length) : 'not run', goal: '0' });
figures.push({ name: 'crash-kill rounds', value: num(crash, 'rounds'), unit: 'rounds', goal: `>= ${rounds}` });
figures.push({ name: 'crash-kill records lost', value: num(crash, 'recordsLost'), unit: 'records', goal: '0' });
figures.push({ name: 'crash-kill committed transactions checked', value: num(crash, 'reportedCommits'), unit: 'transactions', goal: '> 0' });
figures.push({ name: 'crash-kill problems', value: crash ? (crash.failures as unknown[]).length : null, unit: 'problems', goal: '0' });
const reportedByKind = (crash?.reportedByKind ?? null) as Record<string, number> | null;
rows.push({ what: 'crash-kill: sign-offs among the commits checked', value: reportedByKind ? String(reportedByKind.signoff ?? 0) : 'not run', goal: '> 0' });
figures.push({ name: 'crash-kill sign-offs checked', value: reportedByKind ? (reportedByKind.signoff ?? 0) : null, unit: 'sessions', goal: '> 0' });
const backupProblems = backup ? (backup.failures as unknown[]).length : null;
rows.push({ what: 'backup under load: backups restored and verified / problems', value: backup ? `${show(num(backup, 'restoredAndVerified'))} of ${show(num(backup, 'backups'))} / ${backupProblems}` : 'not run', goal: 'all / 0' });
rows.push({ what: 'backup under load: writer commits during the backups', value: show(num(backup, 'writerCommits')), goal: '> 0' });
figures.push({ name: 'backups restored and verified under load', value: num(backup, 'restoredAndVerified'), unit: 'backups', goal: `>= ${num(backup, 'backups') ?? 'all'}` });
figures.push({ name: 'backup under load problems', value: backupProblems, unit: 'problems', goal: '0' });
rows.push({ what: 'disk full (file-size limit): problems after / clear message', value: diskFull ? `${show(num(diskFull, 'problems'))} / yes` : 'not run (no prlimit or bash)', goal: '0 / yes' });
rows.push({ what: 'read-only vault: clear message, vault unchanged', value: readOnly ? 'yes' : 'not run', goal: 'yes' });
figures.push({ name: 'disk-full problems', value: num(diskFull, 'problems'), unit: 'problems', goal: '0' });
rows.push({ what: 'disk full (a real small tmpfs): problems after / clear message', value: diskFullTmpfs ? `${show(num(diskFullTmpfs, 'problems'))} / yes` : 'not run (mounting a tmpfs needs root with CAP_SYS_ADMIN)', goal: '0 / yes' });
figures.push({ name: 'disk-full (tmpfs) problems', value: num(diskFullTmpfs, 'problems'), unit: 'problems', goal: '0' });
rows.push({ what: 'outbound connections seen (full workload, main and worker threads)', value: show(num(egress, 'outbound')), goal: '0' });
rows.push({ what: 'log lines with patient data', value: egress ? `${show(num(egress, 'leaks'))} of ${show(num(egress, 'logLines'))}` : 'not run', goal: '0' });
rows.push({ what: 'Electron settings checked / weakened', value: electron ? `${show(num(electron, 'checked'))} / ${(electron.failed as unknown[]).length}` : 'not run', goal: 'all / 0' });
rows.push({ what: 'packaging: native packages unpacked / missing', value: packaging ? `${(packaging.nativePackages as unknown[]).length} / ${(packaging.missing as unknown[]).length}` : 'not run', goal: 'all / 0' });
const mb = (n: number | null) => (n === null ? 'not run' : `${Math.round(n / 1e6)} MB`);
rows.push({ what: 'browser host: credential received or read by a page on another local port', value: credential ? `${show(num(credential, 'readFromOtherPort'))} (${show(num(credential, 'credentialsSeen'))} credentials seen)` : 'not run (no Chromium)', goal: '0' });
rows.push({ what: 'browser host: stolen credential replays answered after lock / after the next sign-in', value: credential ? `${show(num(credential, 'replayedAfterLock'))} / ${show(num(credential, 'replayedAfterSignIn'))} (of ${show(num(credential, 'replays'))})` : 'not run (no Chromium)', goal: '0 / 0 (refused)' });
const backoffRun = (k: string) => (backoff?.[k] as { attempts: number; verdicts: number } | undefined) ?? null;
rows.push({ what: 'unlock attempts answered before the delay (core and browser host)', value: backoff ? `${show(num(backoff, 'early'))} (verdicts ${backoffRun('core')?.verdicts ?? '?'} of ${backoffRun('core')?.attempts ?? '?'} and ${backoffRun('host')?.verdicts ?? '?'} of ${backoffRun('host')?.attempts ?? '?'} attempts; ${show(num(backoff, 'audited'))} failures audited)` : 'not run', goal: '0' });
rows.push({ what: 'browser host: peak memory, 3 parallel oversized uploads x 3 kinds (idle; bound)', value: memory ? `${mb(num(memory, 'peakBytes'))} (idle ${mb(num(memory, 'idleBytes'))}; after ${mb(num(memory, 'afterBytes'))})` : 'not run (Linux only)', goal: memory ? `< ${mb(num(memory, 'boundBytes'))} (1.5x idle + largest body)` : '< 1.5x idle + largest body' });
rows.push({ what: 'browser host: peak memory, 3 parallel 48 MiB uploads within limit (after)', value: memory ? `${mb(num(memory, 'allowedPeakBytes'))} (idle ${mb(num(memory, 'allowedIdleBytes'))}; after ${mb(num(memory, 'allowedAfterBytes'))})` : 'not run (Linux only)', goal: 'after back near idle' });
figures.push({ name: 'credential read from another local port', value: num(credential, 'readFromOtherPort'), unit: 'credentials', goal: '0' });
figures.push({ name: 'stolen credential replays answered after lock', value: credential ? (num(credential, 'replayedAfterLock') ?? 0) + (num(credential, 'replayedAfterSignIn') ?? 0) : null, unit: 'replays', goal: '0' });
figures.push({ name: 'unlock attempts answered before the delay', value: num(backoff, 'early'), unit: 'attempts', goal: '0' });
figures.push({ name: 'host peak memory, 3 parallel oversized uploads', value: num(memory, 'peakBytes'), unit: 'bytes', goal: memory ? `< ${num(memory, 'boundBytes')}` : '< 1.5x idle + largest body' });
figures.push({ name: 'host memory after uploads within limit', value: num(memory, 'allowedAfterBytes'), unit: 'bytes', goal: memory ? `~ ${num(memory, 'allowedIdleBytes')} (idle)` : 'idle' });
rows.push({ what: 'packaged app: file: loads (built main and preload bundles)', value: show(num(fileLoads, 'fileLoads')), goal: '0' });
figures.push({ name: 'packaged app file: loads', value: num(fileLoads, 'fileLoads'), unit: 'loads', goal: '0' });
rows.push({ what: 'packaging: native addons with a foreign module version passing the check', value: nativeAddons ? `${show(num(nativeAddons, 'missed'))} (of ${show(num(nativeAddons, 'foreign'))} planted, ${show(num(nativeAddons, 'checked'))} addons read)` : 'not run (Linux x64 only)', goal: '0' });
figures.push({ name: 'native addons with a foreign module version passing', value: num(nativeAddons, 'missed'), unit: 'addons', goal: '0' });
figures.push({ name: 'outbound connections', value: num(egress, 'outbound'), unit: 'connections', goal: '0' });
figures.push({ name: 'log lines with patient data', value: num(egress, 'leaks'), unit: 'lines', goal: '0' });
figures.push({ name: 'Electron settings checked', value: num(electron, 'checked'), unit: 'settings', goal: '>= 14' });
figures.push({ name: 'Electron settings weakened', value: electron ? (electron.failed as unknown[]).length : null, unit: 'settings', goal: '0' });
figures.push({ name: 'trust suite run time', value: seconds, unit: 's', goal: 'within CI time' });

const width = Math.max(...rows.map((r) => r.what.length));
const valueWidth = Math.max(...rows.map((r) => r.value.length), 'value'.length);
process.stdout.write(`\n${'what'.padEnd(width)}  ${'value'.padEnd(valueWidth)}  goal\n${'-'.repeat(width + valueWidth + 16)}\n`);
for (const r of rows) process.stdout.write(`${r.what.padEnd(width)}  ${r.value.padEnd(valueWidth)}  ${r.goal}\n`);
process.stdout.write(`\nseed ${seed}; ${seconds.toFixed(0)} s; vitest exit ${vitest.status}\n`);

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'test-trust.json'), `${JSON.stringify({ seed: Number(seed), figures }, null, 2)}\n`);
process.exitCode = vitest.status ?? 1;
