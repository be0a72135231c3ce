import { describe, expect, it } from 'vitest';
import { importBundleText, importBundleTextSliced } from '../../../electron/fhir';
import { verifyAudit } from '../../../electron/store/audit';
import { createTestVault } from '../../helpers/temp-vault';
import { importErrorAsync, NGOZI, parseFixture, readFixture, recordRows, rowCounts, vaultSnapshot, withoutTiming, ZOE } from './support';

// The API's import job (importBundleTextSliced) reads and checks a bundle in
// slices, handing the thread back between them, then writes it in one
// transaction: the same rows and report as the one-transaction import, and a
// bundle that fails or is cancelled leaves the vault as it was.

describe('the sliced FHIR import', () => {
  it('writes the same rows and answers the same report as the one-transaction import', async () => {
    const once = createTestVault();
    const sliced = createTestVault();
    for (const file of [NGOZI, ZOE]) {
      const expected = withoutTiming(importBundleText(once, file, readFixture(file)));
      // sliceMs 0: a turn of the event loop after every entry.
      expect(withoutTiming(await importBundleTextSliced(sliced, file, readFixture(file), { sliceMs: 0 }))).toEqual(expected);
    }
    const rows = (db: typeof once.db) => JSON.stringify(recordRows(db)).replace(/"recorded_at":"[^"]+"/g, '');
    expect(rowCounts(sliced.db)).toEqual(rowCounts(once.db));
    expect(rows(sliced.db)).toEqual(rows(once.db));
    // A byte-identical bundle again: nothing read again, nothing written.
    expect((await importBundleTextSliced(sliced, ZOE, readFixture(ZOE))).alreadyImported).toBe(true);
    expect(verifyAudit(sliced.db).ok).toBe(true);
  });

  it('lets other work run between slices, and nothing of the bundle is visible until it is all written', async () => {
    const vault = createTestVault();
    const seen: number[] = [];
    let turns = 0;
    const tick = (): void => {
      turns += 1;
      seen.push(vault.db.prepare('SELECT count(*) AS n FROM observations').pluck().get() as number);
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const report = await importBundleTextSliced(vault, ZOE, readFixture(ZOE), { sliceMs: 0 });
    done = true;
    expect(turns).toBeGreaterThan(5);
    expect(new Set(seen)).toEqual(new Set([0]));
    expect(report.added['Observation']).toBeGreaterThan(0);
  });

  it('refuses a bundle whose last mapped entry is invalid, leaving the vault as it was', async () => {
    const vault = createTestVault();
    importBundleText(vault, NGOZI, readFixture(NGOZI));
    const bundle = parseFixture(ZOE);
    bundle.entry[20]!.resource.period = { start: 'yesterday' };
    const counts = rowCounts(vault.db);
    const before = vaultSnapshot(vault.db);
    const message = await importErrorAsync(importBundleTextSliced(vault, 'bad.json', JSON.stringify(bundle), { sliceMs: 0 }), 'bad.json');
    expect(message).toMatch(/^bad\.json: entry 20 \(Encounter\/[0-9a-f-]+\): period\.start: not a FHIR dateTime/);
    expect(rowCounts(vault.db)).toEqual(counts);
    expect(vaultSnapshot(vault.db)).toEqual(before);
  });

  it('stops when cancelled, with nothing written', async () => {
    const vault = createTestVault();
    const controller = new AbortController();
    const before = vaultSnapshot(vault.db);
    setImmediate(() => controller.abort());
    const message = await importErrorAsync(importBundleTextSliced(vault, ZOE, readFixture(ZOE), { sliceMs: 0, signal: controller.signal }), ZOE);
    expect(message).toBe(`${ZOE}: the import was cancelled; nothing was imported`);
    expect(vaultSnapshot(vault.db)).toEqual(before);
  });
});
