import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core/session';
import { importBundleText } from '../../../electron/fhir';
import { verifyAudit } from '../../../electron/store/audit';
import { createTestVault, PASSPHRASE, tempDir, TEST_SCRYPT } from '../../helpers/temp-vault';
import { fixturePath, parseFixture, recordRows, withoutTiming, ZOE } from '../fhir/support';
import { composeCore } from '../../../electron/core/core-services';

// With the vault thread (the worker core's default), imports are written and
// the write-ahead log is checkpointed by a second connection in a thread of
// the Session's, never on the core's own thread. Asserts what happens, never
// how fast: the waits are generous.

async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (ready()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}

function threadedSession(file = join(tempDir(), 'clinic.vault')): Session {
  const session = composeCore({ vaultFile: file, scrypt: TEST_SCRYPT, vaultThread: true }).session;
  session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, PASSPHRASE);
  return session;
}

describe('the vault thread', () => {
  it('copies committed pages into the vault file off the core connection, and lock leaves no log behind', async () => {
    const file = join(tempDir(), 'clinic.vault');
    const session = threadedSession(file);
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
    session.unlock('dr.ada', PASSPHRASE);
    expect(session.requireVault().db.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(6);
    session.lock();
  });

  it('writes a bundle there: the same rows and report as on the core thread, one audit chain, no unlock or lock entry of its own', async () => {
    const session = threadedSession();
    const text = readFileSync(fixturePath(ZOE), 'utf8');
    const report = await session.vaultThread()!.importBundle(ZOE, text);
    const reference = createTestVault();
    expect(withoutTiming(report)).toEqual(withoutTiming(importBundleText(reference, ZOE, text)));
    const vault = session.requireVault();
    const rows = (db: typeof vault.db) => JSON.stringify(recordRows(db)).replace(/"recorded_at":"[^"]+"/g, '');
    expect(rows(vault.db)).toEqual(rows(reference.db));
    const actions = vault.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all();
    expect(actions.filter((a) => a === 'vault.unlock' || a === 'vault.create')).toHaveLength(1);
    expect(verifyAudit(vault.db).ok).toBe(true);
    session.lock();
  });

  it('a bad bundle fails with its one-line message and leaves nothing; a cancelled one too', async () => {
    const session = threadedSession();
    const vault = session.requireVault();
    const bundle = parseFixture(ZOE);
    bundle.entry[20]!.resource.period = { start: 'yesterday' };
    await expect(session.vaultThread()!.importBundle('bad.json', JSON.stringify(bundle))).rejects.toThrow(/^bad\.json: entry 20 \(Encounter\/[0-9a-f-]+\): period\.start: not a FHIR dateTime/);
    const controller = new AbortController();
    controller.abort();
    await expect(session.vaultThread()!.importBundle(ZOE, readFileSync(fixturePath(ZOE), 'utf8'), { signal: controller.signal })).rejects.toThrow(
      `${ZOE}: the import was cancelled; nothing was imported`,
    );
    expect(vault.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(0);
    expect(vault.db.prepare(`SELECT count(*) FROM sources WHERE kind = 'fhir-import'`).pluck().get()).toBe(0);
    session.lock();
  });

  it('is off in the in-process core by default: the connection checkpoints itself', () => {
    const session = composeCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT }).session;
    session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, PASSPHRASE);
    expect(session.requireVault().db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(session.vaultThread()).toBeNull();
    session.lock();
  });
});

describe('a PACS pull through the vault thread', () => {
  it('reads and checks a retrieved instance there: a file that is not the instance asked for is refused with its reason, nothing stored', async () => {
    const session = threadedSession();
    const thread = session.vaultThread()!;
    const retrieved = { url: 'https://pacs.example/studies/1.2/series/1.3/instances/1.4', sopInstanceUid: '1.4', studyUid: '1.2' };
    const notDicom = new Uint8Array(Buffer.from('not a DICOM file at all'));
    const outcome = await thread.filePulled(retrieved, notDicom, 'p-1', []);
    expect(outcome).toMatchObject({ file: retrieved.url, status: 'rejected', instanceId: null });
    expect(outcome.message).toMatch(/^https:\/\/pacs\.example\/studies\/1\.2\/series\/1\.3\/instances\/1\.4: /);
    expect(session.requireVault().db.prepare('SELECT count(*) FROM imaging_instances').pluck().get()).toBe(0);
    await session.lock();
  });
});
