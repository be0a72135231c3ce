import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyLimit, fieldMaxLength, LARGE_FIELD, largestBodyLimit, SMALL_BODY_LIMIT, UPLOAD_FIELDS } from '../../../electron/api/body-limits';
import { contract, methodNames } from '../../../electron/api/contract';
import { Gate } from '../../../electron/host/browser/request-body';
import { SealedSpool } from '../../../electron/host/browser/sealed-spool';
import { tempDir } from '../../helpers/temp-vault';

/** What bounds the browser host's request bodies: limits from the contract, the encrypted spool, the gate. */
describe('body limits from the contract', () => {
  it('gives every plain call 1 MiB and every upload its file field\'s largest length plus a small envelope', () => {
    expect(bodyLimit('patients.list')).toBe(SMALL_BODY_LIMIT);
    expect(bodyLimit('no.such.method')).toBe(SMALL_BODY_LIMIT);
    for (const [method, field] of Object.entries(UPLOAD_FIELDS)) {
      const max = fieldMaxLength(method as keyof typeof UPLOAD_FIELDS, field)!;
      expect(max, method).toBeGreaterThan(LARGE_FIELD);
      expect(bodyLimit(method)).toBe(max + 64 * 1024);
    }
    expect(largestBodyLimit()).toBe(bodyLimit('imaging.import'));
  });

  it('lists every method with a large string field as an upload (so none gets 1 MiB by mistake)', () => {
    const large: string[] = [];
    for (const method of methodNames) {
      const shape = (contract[method].params as { shape?: Record<string, unknown> }).shape ?? {};
      for (const field of Object.keys(shape)) if ((fieldMaxLength(method, field) ?? 0) > LARGE_FIELD) large.push(method);
    }
    expect(large.sort()).toEqual(Object.keys(UPLOAD_FIELDS).sort());
  });
});

describe('the sealed spool', () => {
  it('holds an upload encrypted on disk, unlinked while open, and gives back exactly what went in', async () => {
    const dir = tempDir();
    const spool = await SealedSpool.create(dir);
    expect(readdirSync(dir)).toEqual([]);
    const parts = [Buffer.from('{"content":"'), Buffer.alloc(3 * 1024 * 1024 + 7, 0x61), Buffer.from('"}')];
    for (const part of parts) await spool.write(part);
    await spool.seal();
    expect(spool.bytes).toBe(parts.reduce((n, p) => n + p.length, 0));
    expect((await spool.readAll()).equals(Buffer.concat(parts))).toBe(true);
    await spool.close();
  });

  it.skipIf(process.platform !== 'linux')('writes nothing readable: the bytes on disk are not the upload', async () => {
    const dir = tempDir();
    const spool = await SealedSpool.create(dir);
    await spool.write(Buffer.from('Patient: Ada Lovelace, born 1815-12-10'));
    await spool.seal();
    // The file has no name any more: its contents through the process's open file (Linux's /proc).
    const open = readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).includes('.continuum-upload-');
      } catch {
        return false;
      }
    });
    expect(open).toHaveLength(1);
    const onDisk = readFileSync(`/proc/self/fd/${open[0]}`);
    expect(onDisk.length).toBeGreaterThan(0);
    expect(onDisk.includes('Ada Lovelace')).toBe(false);
    await spool.close();
  });
});

describe('the upload gate', () => {
  it('lets N in, queues the next ones in order, and refuses beyond the queue', async () => {
    const gate = new Gate(2, 1);
    const a = await gate.enter();
    const b = await gate.enter();
    let cIn = false;
    const c = gate.enter().then((release) => {
      cIn = true;
      return release;
    });
    expect(await gate.enter()).toBeNull();
    await Promise.resolve();
    expect(cIn).toBe(false);
    a!();
    const releaseC = await c;
    expect(cIn).toBe(true);
    b!();
    releaseC!();
    releaseC!(); // twice is once
    const d = await gate.enter();
    const e = await gate.enter();
    expect(d && e).toBeTruthy();
  });
});
