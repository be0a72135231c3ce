import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBundleFile, importBundleText, type ImportProgress } from '../../../electron/fhir';
import { createTestVault, tempDir } from '../../helpers/temp-vault';
import { fixturePath, largestEntryBytes, parseFixture, readFixture, recordRows, withoutTiming, ZOE } from './support';

// The importer reads files in chunks that cut entries, strings, escapes and
// multi-byte UTF-8 characters anywhere. Whatever the chunk size, the vault
// must end up exactly as with the file read in one piece.

const TEXT = readFixture(ZOE);
const BYTES = readFileSync(fixturePath(ZOE));

function importedWhole() {
  const vault = createTestVault();
  const report = withoutTiming(importBundleText(vault, ZOE, TEXT));
  const rows = recordRows(vault.db);
  vault.close();
  return { report, rows };
}

describe('chunk boundaries', () => {
  let whole: ReturnType<typeof importedWhole>;
  beforeAll(() => {
    whole = importedWhole();
  });

  it('the fixture has 2-, 3- and 4-byte UTF-8 characters for the chunks to cut', () => {
    const widths = new Set([...TEXT].map((c) => Buffer.byteLength(c, 'utf8')));
    expect([...widths].sort()).toEqual([1, 2, 3, 4]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('text in chunks of %i bytes gives the same record as one chunk', (chunkBytes) => {
    const vault = createTestVault();
    expect(withoutTiming(importBundleText(vault, ZOE, TEXT, { chunkBytes }))).toEqual(whole.report);
    expect(recordRows(vault.db)).toEqual(whole.rows);
    vault.close();
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('a file read %i bytes at a time gives the same record as one chunk', async (chunkBytes) => {
    const vault = createTestVault();
    expect(withoutTiming(await importBundleFile(vault, fixturePath(ZOE), { chunkBytes }))).toEqual(whole.report);
    expect(recordRows(vault.db)).toEqual(whole.rows);
    vault.close();
  });

  it('a UTF-8 byte order mark is skipped, even split across chunks', async () => {
    const file = join(tempDir(), ZOE);
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), BYTES]));
    for (const chunkBytes of [1, 2, 1 << 20]) {
      const vault = createTestVault();
      expect(withoutTiming(await importBundleFile(vault, file, { chunkBytes }))).toEqual(whole.report);
      expect(recordRows(vault.db)).toEqual(whole.rows);
      vault.close();
    }
    const vault = createTestVault();
    expect(withoutTiming(importBundleText(vault, ZOE, `\uFEFF${TEXT}`))).toEqual(whole.report);
    vault.close();
  });

  it('progress arrives after every chunk, bytes increasing up to the total', async () => {
    const vault = createTestVault();
    const seen: ImportProgress[] = [];
    const chunkBytes = 1000;
    await importBundleFile(vault, fixturePath(ZOE), { chunkBytes, onProgress: (p) => seen.push(p) });
    expect(seen).toHaveLength(Math.ceil(BYTES.length / chunkBytes));
    seen.forEach((p, i) => {
      expect(p.totalBytes).toBe(BYTES.length);
      expect(p.bytes).toBe(Math.min((i + 1) * chunkBytes, BYTES.length));
      if (i > 0) expect(p.resources).toBeGreaterThanOrEqual(seen[i - 1]!.resources);
    });
    expect(seen.at(-1)?.resources).toBe(parseFixture(ZOE).entry.length);
    // Only part of one entry is ever held between chunks.
    expect(seen.at(-1)!.maxBufferedBytes).toBeGreaterThan(0);
    expect(seen.at(-1)!.maxBufferedBytes).toBeLessThan(largestEntryBytes(BYTES));
    vault.close();
  });
});
