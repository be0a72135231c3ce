import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundleFile, importBundleText } from '../../../electron/fhir';
import { verifyAudit } from '../../../electron/store/audit';
import { createTestVault, tempDir } from '../../helpers/temp-vault';
import { fixturePath, mappedCount, parseFixture, readFixture, recordRows, rowCounts, total, vaultSnapshot, ZOE, ZOE_ID, type JsonBundle } from './support';

// Importing the same bundle again adds nothing, whether it is the same bytes
// or the same resources written another way; a changed resource is updated.

/** The same resources, re-serialized: keys reversed at every level, other indentation, entries in reverse order. */
function rewritten(bundle: JsonBundle): string {
  const reverseKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reverseKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  };
  return JSON.stringify(reverseKeys({ ...bundle, entry: [...bundle.entry].reverse() }), null, '\t');
}

describe('re-importing', () => {
  it('a byte-identical file is recognised and writes nothing at all', async () => {
    const vault = createTestVault();
    const first = await importBundleFile(vault, fixturePath(ZOE));
    const before = vaultSnapshot(vault.db);
    // Another name, the same bytes: it is the content that counts.
    const copy = join(tempDir(), 'copy-of-bundle.json');
    copyFileSync(fixturePath(ZOE), copy);
    const again = await importBundleFile(vault, copy);
    expect(again).toMatchObject({ file: 'copy-of-bundle.json', alreadyImported: true, added: {}, updated: {}, resources: first.resources });
    expect(again.unchanged).toEqual(first.added);
    expect(again.notMapped).toEqual(first.notMapped);
    expect(again.patients).toEqual(first.patients);
    // Not even an audit entry or a source row: the vault is exactly as it was.
    expect(vaultSnapshot(vault.db)).toEqual(before);
    vault.close();
  });

  it('the same resources re-serialized and reordered are all unchanged; no record row changes', () => {
    const vault = createTestVault();
    const first = importBundleText(vault, ZOE, readFixture(ZOE));
    const rowsBefore = recordRows(vault.db);
    const provenanceBefore = vault.db.prepare(`SELECT id, source_id, recorded_at FROM observations ORDER BY id`).all();
    const countsBefore = rowCounts(vault.db);

    const text = rewritten(parseFixture(ZOE));
    expect(text).not.toBe(readFixture(ZOE));
    const again = importBundleText(vault, 'reordered.json', text);
    expect(again).toMatchObject({ alreadyImported: false, added: {}, updated: {}, notMapped: first.notMapped, resources: first.resources });
    expect(again.unchanged).toEqual(first.added);

    expect(recordRows(vault.db)).toEqual(rowsBefore);
    // Unchanged rows keep the provenance of the import that wrote them.
    expect(vault.db.prepare(`SELECT id, source_id, recorded_at FROM observations ORDER BY id`).all()).toEqual(provenanceBefore);
    // A new file was read: it gets its source row and its audit entry, and nothing else.
    expect(rowCounts(vault.db)).toEqual({ ...countsBefore, sources: countsBefore.sources! + 1, audit_log: countsBefore.audit_log! + 1 });
    expect(verifyAudit(vault.db).ok).toBe(true);
    vault.close();
  });

  it('a changed resource is updated and its component rows rebuilt', () => {
    const vault = createTestVault();
    importBundleText(vault, ZOE, readFixture(ZOE));
    const bundle = parseFixture(ZOE);
    const bp = bundle.entry.find((e) => e.resource.id === '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a2')!.resource;
    // An amended reading with a single component: the second component row must go.
    bp.status = 'amended';
    bp.component = [{ code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 141, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } }];
    const report = importBundleText(vault, 'amended.json', JSON.stringify(bundle));
    expect(report.updated).toEqual({ Observation: 1 });
    expect(report.added).toEqual({});
    expect(mappedCount(report) + total(report.notMapped)).toBe(bundle.entry.length);
    const rows = vault.db.prepare(`SELECT id, status, code, value_num FROM observations WHERE id LIKE '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a2%' ORDER BY id`).all();
    expect(rows).toEqual([
      { id: '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a2', status: 'amended', code: '85354-9', value_num: null },
      { id: '0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a2#0', status: 'amended', code: '8480-6', value_num: 141 },
    ]);
    // The audit entry for the patient says what happened.
    const detail = vault.db.prepare(`SELECT detail FROM audit_log WHERE action = 'import.fhir' AND patient_id = ? ORDER BY seq DESC`).pluck().get(ZOE_ID) as string;
    expect(JSON.parse(detail).counts.updated).toEqual({ Observation: 1 });
    vault.close();
  });

  it('a file that differs only in whitespace is a new source with nothing new in it', () => {
    const vault = createTestVault();
    importBundleText(vault, ZOE, readFixture(ZOE));
    const rowsBefore = recordRows(vault.db);
    const report = importBundleText(vault, 'compact.json', JSON.stringify(parseFixture(ZOE)));
    expect(report.alreadyImported).toBe(false);
    expect(report.added).toEqual({});
    expect(recordRows(vault.db)).toEqual(rowsBefore);
    vault.close();
  });
});
