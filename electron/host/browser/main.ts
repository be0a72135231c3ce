import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeHostFile, writeHostFile } from '../../core/browser-host-link';
import { startCoreWorker } from '../../core/worker-core';
import { vaultFileFromEnv } from '../../core/vault-location';
import { startBrowserHost } from './server';

/**
 * `npm start` without Electron: the core in a worker thread, the browser
 * host on 127.0.0.1, and one line telling the clinician where to go. Each
 * link opens one window; Enter in this console (or `continuum link` from
 * another) prints a new one. bin/start.mjs builds the renderer first when
 * it is missing or stale.
 */
async function main(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const staticDir = resolve(root, 'dist/renderer');
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    process.stderr.write('Continuum: the user interface is not built (dist/renderer is missing). Run "npm start" or "npm run build".\n');
    process.exit(1);
  }

  const vaultFile = resolve(vaultFileFromEnv());
  mkdirSync(dirname(vaultFile), { recursive: true, mode: 0o700 });

  const portText = process.env['CONTINUUM_PORT'];
  const port = portText ? Number.parseInt(portText, 10) : 0;
  if (portText && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    process.stderr.write(`Continuum: CONTINUUM_PORT must be a port number, not "${portText}".\n`);
    process.exit(1);
  }

  // The starter evidence library, where `npm run evidence:starter` built it (npm start does).
  const starter = resolve(root, 'resources/evidence');
  const core = startCoreWorker({ vaultFile, ...(existsSync(resolve(starter, 'library.json')) ? { starterLibrary: starter } : {}) });
  let host;
  try {
    // Uploads are spooled (encrypted) beside the vault, on its disk rather than a RAM-backed /tmp.
    host = await startBrowserHost({ core, staticDir, port, spoolDir: dirname(vaultFile) });
  } catch (error) {
    await core.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`Continuum: could not listen on 127.0.0.1${port ? `:${port}` : ''}${code ? ` (${code})` : ''}.\n`);
    process.exit(1);
  }

  const running = host;
  writeHostFile(vaultFile, { port: host.port, pid: process.pid, key: host.linkKey });
  process.stdout.write(
    `Continuum is running at ${host.url}  (open it in a browser on this machine. The link works once, for 15 minutes: press Enter here, or run "npx continuum link", for another. Vault: ${vaultFile}. Ctrl+C to stop.)\n`,
  );
  // Enter: a new one-time link, for another window or after a browser restart.
  process.stdin.on('data', () => process.stdout.write(`New one-time link: ${running.newLink()}\n`));
  process.stdin.on('error', () => undefined);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Continuum: ${signal}, closing the vault…\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    removeHostFile(vaultFile);
    void Promise.allSettled([running.close(), core.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
