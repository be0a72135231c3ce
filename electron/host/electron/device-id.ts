import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../store/atomic-file';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A random id for this installation, in Electron's user-data folder: it tells
 * this device's "remember" entries in the keyring from another's (a vault on a
 * shared or restored disk). Not a secret; a missing or unreadable file gets a
 * new id, which only means nobody is remembered here yet.
 */
export function readOrCreateDeviceId(userDataDir: string): string {
  const file = join(userDataDir, 'device-id');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (UUID.test(text)) return text;
  }
  const id = randomUUID();
  mkdirSync(userDataDir, { recursive: true, mode: 0o700 });
  writeFileAtomic(file, `${id}\n`);
  return id;
}
