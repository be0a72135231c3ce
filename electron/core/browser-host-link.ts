import { existsSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { writeFileAtomic } from '../store/atomic-file';

/**
 * How `continuum link` reaches a running browser host to get a new
 * one-time sign-in link: the host leaves its port and a random key in a
 * file beside the vault, readable by its owner only (VAULT.host.json), and
 * removes it when it stops. Whoever can read that file can already read the
 * vault's files; a link still needs a passphrase to show any record.
 */

export interface HostFile {
  readonly port: number;
  readonly pid: number;
  readonly key: string;
}

export function hostFilePath(vaultFile: string): string {
  return `${vaultFile}.host.json`;
}

export function writeHostFile(vaultFile: string, host: HostFile): void {
  writeFileAtomic(hostFilePath(vaultFile), `${JSON.stringify(host)}\n`);
}

/** Removes the file if it is still ours (another host may have started on the same vault since). */
export function removeHostFile(vaultFile: string, pid = process.pid): void {
  const file = hostFilePath(vaultFile);
  try {
    if ((JSON.parse(readFileSync(file, 'utf8')) as HostFile).pid === pid) rmSync(file, { force: true });
  } catch {
    // Gone already, or not ours to judge.
  }
}

export function readHostFile(vaultFile: string): HostFile | null {
  const file = hostFilePath(vaultFile);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<HostFile>;
    if (!Number.isInteger(parsed.port) || !Number.isInteger(parsed.pid) || typeof parsed.key !== 'string') return null;
    return parsed as HostFile;
  } catch {
    return null;
  }
}

/** Asks the host for a new link; answers its URL, or null when no host answers there. */
export function requestLink(host: HostFile, timeoutMs = 10_000): Promise<string | null> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/session/link',
        headers: { host: `127.0.0.1:${host.port}`, 'continuum-link-key': host.key, 'content-type': 'application/json', 'content-length': '0' },
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            const url = res.statusCode === 200 ? (JSON.parse(text) as { url?: unknown }).url : null;
            resolve(typeof url === 'string' ? url : null);
          } catch {
            resolve(null);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end();
  });
}
