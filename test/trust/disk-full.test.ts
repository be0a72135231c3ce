import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundleText } from '../../electron/fhir';
import { Vault } from '../../electron/store/vault';
import { checkVault } from '../../scripts/trust/check-vault';
import { basePatientBundle, bundleSpec, bundleText, type BundleSpec, type Committed } from '../../scripts/trust/workload';
import { createTestVault, PASSPHRASE, tempDir, TEST_SCRYPT } from '../helpers/temp-vault';
import { ROOT, writeTrustResult } from './support';

// A disk that fills up midway through an import, two ways: a real small
// tmpfs where the machine lets us mount one (root with CAP_SYS_ADMIN: writes
// fail with ENOSPC), and a file-size limit on the process everywhere
// (RLIMIT_FSIZE: a write past it fails with EFBIG, as a full disk does); and
// a vault the user may not write. The CLI says so in one line, the vault
// still opens, integrity_check is ok, the audit chain verifies, and no
// bundle is half-imported.

const BIG = 300;
const bigSpec = (tag: string, index: number): BundleSpec => ({ ...bundleSpec(tag, index), observations: BIG });
const CLI = join(ROOT, 'bin', 'continuum.mjs');
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

function cli(args: string[], prefix: string[] = []) {
  const [command, ...rest] = prefix.length > 0 ? [...prefix, process.execPath] : [process.execPath];
  const result = spawnSync(command!, [...rest, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HOME: process.env.HOME ?? '/tmp', CONTINUUM_PASSPHRASE: PASSPHRASE, CONTINUUM_TEST_SCRYPT_N: String(TEST_SCRYPT.N) },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function baseVault(): string {
  const vault = createTestVault();
  importBundleText(vault, 'base.json', basePatientBundle());
  const file = vault.file;
  vault.close();
  return file;
}

function bundles(dir: string, tag: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const spec = bigSpec(tag, i);
    const path = join(dir, spec.label);
    writeFileSync(path, bundleText(spec));
    return path;
  });
}

/** The bundles the CLI said it imported ("trust-df-0.json: 302 added, ..."). */
function reportedImports(stdout: string): Committed[] {
  return stdout
    .split('\n')
    .map((line) => /^(trust-[^:]+\.json): \d+ added/.exec(line)?.[1])
    .filter((label): label is string => label !== undefined)
    .map((label) => ({ kind: 'bundle', label, sourceId: null, patientId: '', observations: BIG, conditions: 0 }));
}

function checked(file: string, reported: Committed[]) {
  const vault = Vault.open(file, { passphrase: PASSPHRASE });
  try {
    return checkVault(vault, reported, bigSpec);
  } finally {
    vault.close();
  }
}

/** Whether this process may mount a tmpfs (tried once on a scratch folder). */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !has('mount') || !has('umount')) return false;
  const probe = join(tempDir(), 'probe');
  mkdirSync(probe);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0) return false;
  spawnSync('umount', [probe]);
  return true;
}

function mount(dir: string, bytes: number): void {
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`mount tmpfs on ${dir}: ${run.stderr.trim()}`);
}

function remount(dir: string, bytes: number): void {
  const run = spawnSync('mount', ['-o', `remount,size=${bytes}`, dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`remount ${dir}: ${run.stderr.trim()}`);
}

/**
 * How to run the CLI as a user the vault's permissions bind: the test user itself when not root; as root,
 * root without its permission-override capabilities, or "nobody" where that user can read this checkout.
 */
function readOnlyPrefix(): { prefix: string[]; skip: string | null } {
  if (process.platform === 'win32') return { prefix: [], skip: 'file modes are not enforced on Windows' };
  if (process.getuid?.() !== 0) return { prefix: [], skip: null };
  if (!has('setpriv')) return { prefix: [], skip: 'running as root without setpriv (util-linux) to drop the override' };
  const dropCaps = ['setpriv', '--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search'];
  if (spawnSync(dropCaps[0]!, [...dropCaps.slice(1), 'true']).status === 0) return { prefix: dropCaps, skip: null };
  const nobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  if (spawnSync(nobody[0]!, [...nobody.slice(1), 'test', '-r', CLI]).status === 0) return { prefix: nobody, skip: null };
  return { prefix: [], skip: `root cannot drop CAP_DAC_OVERRIDE here, and user nobody cannot read ${CLI}` };
}

describe('disk full and read-only vault', () => {
  const fsizeLimit = has('prlimit') ? 'prlimit' : has('bash') ? 'ulimit' : null;

  it.skipIf(fsizeLimit === null)('stops an import at a file-size limit with one clear line, losing and half-writing nothing', () => {
    const file = baseVault();
    const files = bundles(tempDir(), 'df', 30);
    const limit = 1_200_000;
    const prefix = fsizeLimit === 'prlimit' ? ['prlimit', `--fsize=${limit}`] : ['bash', '-c', `ulimit -f ${limit / 512}; exec "$@"`, 'bash'];
    const run = cli(['import', 'fhir', '--vault', file, ...files], prefix);
    const lines = run.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'));
    expect(run.status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^continuum: .*trust-df-\d+\.json: not imported \(\d+ of 30 bundles were imported before it\): .*(disk is full|disk refused a write)/);
    const reported = reportedImports(run.stdout);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.length).toBeLessThan(30);

    const after = checked(file, reported);
    expect(after.problems).toEqual([]);
    expect(after.bundles).toBe(reported.length);

    // Space again: the rest goes in, and the vault is whole.
    const again = cli(['import', 'fhir', '--vault', file, ...files]);
    expect(again.status, again.stderr).toBe(0);
    const whole = checked(file, []);
    expect(whole.problems).toEqual([]);
    expect(whole.bundles).toBe(30);
    writeTrustResult('disk-full', { limitBytes: limit, importedBeforeFull: reported.length, message: lines[0], problems: after.problems.length + whole.problems.length });
  });

  // A real full disk: a tmpfs just larger than the vault. Mounting needs root
  // with CAP_SYS_ADMIN; elsewhere this is skipped and the file-size limit above stands in.
  const mountable = canMountTmpfs();
  it.skipIf(!mountable)('stops an import on a full tmpfs with one clear line, losing and half-writing nothing', () => {
    const source = baseVault();
    const disk = join(tempDir(), 'disk');
    mkdirSync(disk);
    const room = statSync(source).size + statSync(`${source}.keys`).size + 1_200_000;
    mount(disk, room);
    try {
      const file = join(disk, 'clinic.vault');
      copyFileSync(source, file);
      copyFileSync(`${source}.keys`, `${file}.keys`);
      const files = bundles(tempDir(), 'tf', 30);
      const run = cli(['import', 'fhir', '--vault', file, ...files]);
      const lines = run.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'));
      expect(run.status).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^continuum: .*trust-tf-\d+\.json: not imported \(\d+ of 30 bundles were imported before it\): .*disk is full/);
      const reported = reportedImports(run.stdout);
      expect(reported.length).toBeGreaterThan(0);
      expect(reported.length).toBeLessThan(30);

      const after = checked(file, reported);
      expect(after.problems).toEqual([]);
      expect(after.bundles).toBe(reported.length);

      // The disk grows: the rest goes in, and the vault is whole.
      remount(disk, 64 * 1024 * 1024);
      const again = cli(['import', 'fhir', '--vault', file, ...files]);
      expect(again.status, again.stderr).toBe(0);
      const whole = checked(file, []);
      expect(whole.problems).toEqual([]);
      expect(whole.bundles).toBe(30);
      writeTrustResult('disk-full-tmpfs', { tmpfsBytes: room, importedBeforeFull: reported.length, message: lines[0], problems: after.problems.length + whole.problems.length });
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  // Root ignores file permissions: as root the CLI runs without the capabilities that let it (setpriv drops
  // CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), still uid 0, so it can read the checkout wherever it lives (a
  // clone in /root or in a mktemp folder, which user "nobody" cannot enter) and write nothing it does not own
  // the write bit of. Where capabilities cannot be dropped, it runs as "nobody" when that user can read the
  // checkout, else the test is skipped and says why.
  const readOnlyRunner = readOnlyPrefix();
  if (readOnlyRunner.skip) console.log(`read-only vault test skipped: ${readOnlyRunner.skip}`);
  it.skipIf(readOnlyRunner.skip !== null)('refuses to write a read-only vault with one clear line and leaves it as it was', () => {
    const file = baseVault();
    const dir = join(file, '..');
    const [bundle] = bundles(dir, 'ro', 1);
    // Read-only for everyone, the owner (root) too: without its override capability, root obeys these bits.
    for (const f of [file, `${file}.keys`, bundle!]) chmodSync(f, 0o444);
    chmodSync(dir, 0o555);
    try {
      const run = cli(['import', 'fhir', '--vault', file, bundle!], readOnlyRunner.prefix);
      const lines = run.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'));
      expect(run.status, run.stderr).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/read-only|cannot be opened for writing/);
      writeTrustResult('read-only', { message: lines[0], runner: readOnlyRunner.prefix.join(' ') || 'the test user' });
    } finally {
      chmodSync(dir, 0o755);
      for (const f of [file, `${file}.keys`]) chmodSync(f, 0o644);
    }
    const after = checked(file, []);
    expect(after.problems).toEqual([]);
    expect(after.bundles).toBe(0);
  });
});
