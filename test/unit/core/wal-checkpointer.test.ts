import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../../electron/core/session';
import { PASSPHRASE, tempDir, TEST_SCRYPT } from '../../helpers/temp-vault';

// With checkpointInBackground (the worker core's default), the core's own
// connection never copies the write-ahead log into the vault file (that took
// 100 to 200 ms in the middle of a commit); a thread of the Session's does.
// Asserts what happens, never how fast: the wait for the thread is generous.

async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (ready()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}

describe('the WAL checkpointer', () => {
  it('copies committed pages into the vault file off the core connection, and lock leaves no log behind', async () => {
    const file = join(tempDir(), 'clinic.vault');
    const session = new Session({ vaultFile: file, scrypt: TEST_SCRYPT, checkpointInBackground: true });
    session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, PASSPHRASE);
    const vault = session.requireVault();
    expect(vault.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(file).size;
    vault.db.exec('CREATE TABLE scratch (b BLOB)');
    const insert = vault.db.prepare('INSERT INTO scratch (b) VALUES (randomblob(1048576))');
    for (let i = 0; i < 6; i++) insert.run();
    // 6 MB committed: past the 4 MB at which the core's connection would have checkpointed itself.
    await until(() => statSync(file).size >= before + 6 * 1024 * 1024, 'the pages reached the vault file');
    session.lock();
    expect(vault.isOpen).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
    // Unlocked again, the rows are there.
    session.unlock('dr.ada', PASSPHRASE);
    expect(session.requireVault().db.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(6);
    session.lock();
  });

  it('is off in the in-process core by default: the connection checkpoints itself', () => {
    const session = new Session({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT });
    session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, PASSPHRASE);
    expect(session.requireVault().db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    session.lock();
  });
});
