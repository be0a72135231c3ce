import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostFilePath, readHostFile, removeHostFile, writeHostFile } from '../../../electron/core/browser-host-link';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser/server';
import { runCli } from '../../helpers/cli';
import { HostWindow } from '../../helpers/host-client';
import { tempDir, TEST_SCRYPT } from '../../helpers/temp-vault';

/**
 * `continuum link`: a new one-time link from the browser host running on a
 * vault, through the owner-only host file the host leaves beside it: for a
 * second window, or a browser restarted, without restarting Continuum.
 */
let host: BrowserHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function running(vaultFile: string): Promise<BrowserHost> {
  const staticDir = join(tempDir(), 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  host = await startBrowserHost({ core: createInProcessCore({ vaultFile, scrypt: TEST_SCRYPT }), staticDir });
  writeHostFile(vaultFile, { port: host.port, pid: process.pid, key: host.linkKey });
  return host;
}

describe('continuum link', () => {
  it('prints a new link that opens a window, from a host file only its owner can read', async () => {
    const vaultFile = join(tempDir(), 'clinic.vault');
    const started = await running(vaultFile);
    expect(statSync(hostFilePath(vaultFile)).mode & 0o077).toBe(0);
    const first = await HostWindow.open(started.port, started.url);
    expect(first.secret).toBeTruthy();
    const run = await runCli(['link', '--vault', vaultFile]);
    expect(run.code).toBe(0);
    const url = run.out.trim();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${started.port}/#token=`));
    expect(url).not.toBe(started.url);
    await HostWindow.open(started.port, url);
    // A link works once.
    await expect(HostWindow.open(started.port, url)).rejects.toThrow(/link-spent/);
  });

  it('says so in one line when no host runs on that vault, or its file is stale', async () => {
    const vaultFile = join(tempDir(), 'clinic.vault');
    const none = await runCli(['link', '--vault', vaultFile]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no Continuum browser host is running on this vault; start it with "npm start"/);
    writeHostFile(vaultFile, { port: 1, pid: 999_999, key: 'stale' });
    const stale = await runCli(['link', '--vault', vaultFile]);
    expect(stale.code).toBe(1);
  });

  it("removes the host file when the host stops, but not another host's", () => {
    const vaultFile = join(tempDir(), 'clinic.vault');
    writeHostFile(vaultFile, { port: 1234, pid: process.pid + 1, key: 'k' });
    removeHostFile(vaultFile);
    expect(readHostFile(vaultFile)).toMatchObject({ port: 1234 });
    writeHostFile(vaultFile, { port: 1234, pid: process.pid, key: 'k' });
    removeHostFile(vaultFile);
    expect(existsSync(hostFilePath(vaultFile))).toBe(false);
  });
});
