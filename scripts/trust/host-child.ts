/**
 * The browser host as `npm start` runs it (the core in its worker thread,
 * the host on 127.0.0.1), over a fresh vault in a folder given on the
 * command line, for trust tests that measure the whole process from
 * outside (its memory). Prints one JSON line { port, url, pid } when
 * listening; stops on SIGTERM.
 *
 *   node --import tsx scripts/trust/host-child.ts DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCoreWorker } from '../../electron/core/worker-core';
import { startBrowserHost } from '../../electron/host/browser/server';

const dir = process.argv[2];
if (!dir) throw new Error('usage: host-child.ts DIR');
const staticDir = join(dir, 'static');
mkdirSync(staticDir, { recursive: true });
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Continuum</title>');
const vaultFile = join(dir, 'clinic.vault');
const core = startCoreWorker({ vaultFile, scrypt: { N: 2 ** 12, r: 8, p: 1 } });
const host = await startBrowserHost({ core, staticDir, spoolDir: dir });
process.stdout.write(`${JSON.stringify({ port: host.port, url: host.url, pid: process.pid })}\n`);
process.on('SIGTERM', () => {
  void Promise.allSettled([host.close(), core.close()]).then(() => process.exit(0));
});
