import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-vault';

async function initVault(): Promise<string> {
  const file = join(tempDir(), 'clinic.vault');
  const run = await runCli(['vault', 'init', '--vault', file, '--user', 'dr.ada', '--name', 'Dr Ada']);
  expect(run.code, run.err).toBe(0);
  return file;
}

describe('continuum CLI', () => {
  it('creates a vault, verifies its audit chain, backs it up and restores it', async () => {
    const file = await initVault();
    expect(existsSync(`${file}.keys`)).toBe(true);
    const verify = await runCli(['audit', 'verify', '--vault', file]);
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.out).toMatch(/audit chain ok: \d+ entries/);
    const backup = join(tempDir(), 'backup.vault');
    expect((await runCli(['backup', '--vault', file, '--to', backup])).code).toBe(0);
    const restore = await runCli(['restore', '--from', backup, '--vault', file]);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toMatch(/previous vault is kept as/);
    expect((await runCli(['vault', 'check', '--vault', file])).code).toBe(0);
  });

  it('fails with one line and exit code 1 on a wrong passphrase', async () => {
    const file = await initVault();
    const before = readFileSync(file);
    const run = await runCli(['patients', '--vault', file, '--json'], { CONTINUUM_PASSPHRASE: 'wrong passphrase!' });
    expect(run.code).toBe(1);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/wrong passphrase for clinician "dr.ada"/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('asks for the passphrase only from the environment or a terminal', async () => {
    const file = await initVault();
    const run = await runCli(['patients', '--vault', file], { CONTINUUM_PASSPHRASE: '' });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/set CONTINUUM_PASSPHRASE or run in a terminal/);
  });

  it('acts as the clinician named by --user or CONTINUUM_USER', async () => {
    const file = await initVault();
    expect((await runCli(['vault', 'add-clinician', '--vault', file, '--id', 'nurse.bo'], { CONTINUUM_NEW_PASSPHRASE: 'nurse passphrase' })).code).toBe(0);
    const asBo = await runCli(['audit', 'verify', '--vault', file, '--json'], { CONTINUUM_USER: 'nurse.bo', CONTINUUM_PASSPHRASE: 'nurse passphrase' });
    expect(asBo.code, asBo.err).toBe(0);
    const wrongUser = await runCli(['audit', 'verify', '--vault', file, '--user', 'nobody']);
    expect(wrongUser.code).toBe(1);
    expect(wrongUser.err).toMatch(/no clinician "nobody"/);
  });

  it('detects a tampered audit log', async () => {
    const file = await initVault();
    const { Vault } = await import('../../../electron/store/vault');
    const { PASSPHRASE, TEST_OPTIONS } = await import('../../helpers/temp-vault');
    const vault = Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    vault.db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET clinician_id = 'mallory' WHERE seq = 1`);
    vault.close();
    const run = await runCli(['audit', 'verify', '--vault', file]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/tampered/);
  });

  it('reports usage mistakes with exit code 2', async () => {
    expect((await runCli(['patients'])).code).toBe(2);
    expect((await runCli(['no-such-command'])).code).toBe(2);
    expect((await runCli(['patients', '--vault', 'x', '--bogus'])).code).toBe(2);
  });

  it('runs as `npx continuum` from package.json "bin"', () => {
    const result = spawnSync(process.execPath, ['bin/continuum.mjs', 'patients', '--vault', join(tempDir(), 'missing.vault')], {
      env: { ...process.env, CONTINUUM_PASSPHRASE: 'whatever passphrase' },
      encoding: 'utf8',
      input: '',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^continuum: .*missing\.vault: no vault here; create one with/);
  });
});
