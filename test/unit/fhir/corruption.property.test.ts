import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../electron/api/schemas';
import { importBundleFile } from '../../../electron/fhir';
import { mapperFor } from '../../../electron/fhir/mappers';
import { verifyAudit } from '../../../electron/store/audit';
import { isVaultError } from '../../../electron/store/errors';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault, tempDir } from '../../helpers/temp-vault';
import { fixturePath, mappedCount, NGOZI, total, vaultSnapshot, ZOE } from './support';

// Random damage to a real fixture, read in random chunk sizes: either the
// bundle is still valid and is imported whole, or the import fails with a
// one-line VaultError and the vault is exactly as before. Nothing in between:
// no half-import, no stray TypeError or SQLite error, no patient data in the
// message.

const RUNS = Number(process.env.FHIR_PROPERTY_RUNS ?? 300);
const FIXTURES = [readFileSync(fixturePath(ZOE)), readFileSync(fixturePath(NGOZI))];
const PATIENT_DATA = ['Zoë842', 'Ångström', 'Ōtsuka', 'Renée', 'Þórsdóttir', 'Adébáyọ̀', 'Ngozi311'];

type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'replace'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: number[] };

// Positions are fractions of the file, so one arbitrary serves both fixtures.
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
// Bytes JSON gives a meaning to are drawn more often than chance would: they do the interesting damage.
const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...Buffer.from('{}[]",:\\ 0e-tn')));
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('replace' as const), at: position, bytes: fc.array(byte, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.array(byte, { minLength: 1, maxLength: 3 }) }),
);

function damaged(original: Buffer, d: Damage): Buffer {
  const at = Math.floor(d.at * original.length);
  const head = original.subarray(0, at);
  switch (d.kind) {
    case 'truncate':
      return Buffer.from(head);
    case 'replace':
      return Buffer.concat([head, Buffer.from(d.bytes), original.subarray(at + d.bytes.length)]);
    case 'delete':
      return Buffer.concat([head, original.subarray(at + d.length)]);
    case 'insert':
      return Buffer.concat([head, Buffer.from(d.bytes), original.subarray(at)]);
  }
}

/** What a reader that accepts only valid JSON finds in the bytes: the bundle's entries, or null. */
function parsedEntries(bytes: Buffer): Array<{ resource?: { resourceType?: unknown; id?: unknown } }> | null {
  const text = new TextDecoder('utf-8').decode(bytes); // replaces invalid UTF-8 as the importer does
  try {
    return (JSON.parse(text.replace(/^\uFEFF/, '')) as { entry?: [] }).entry ?? [];
  } catch {
    return null;
  }
}

/** Checks an accepted import: the bytes were a valid bundle, and every entry is accounted for and stored. */
function checkImported(vault: Vault, bytes: Buffer, report: ImportReport): void {
  const entries = parsedEntries(bytes);
  expect(entries, 'the importer accepted invalid JSON').not.toBeNull();
  expect(report.resources).toBe(entries!.length);
  expect(mappedCount(report) + total(report.notMapped)).toBe(report.resources);
  for (const { resource } of entries!) {
    const mapper = mapperFor(String(resource?.resourceType));
    if (!mapper) continue;
    const ref = `${String(resource?.resourceType)}/${String(resource?.id)}`;
    expect(vault.db.prepare(`SELECT source_ref FROM ${mapper.table} WHERE id = ?`).pluck().get(resource?.id), ref).toBe(ref);
  }
}

/** Checks a refused import: a one-line VaultError about the file, no patient data, nothing written. */
function checkRefused(vault: Vault, error: unknown, before: Record<string, unknown[]>): void {
  expect(isVaultError(error), `not a VaultError: ${String(error)}`).toBe(true);
  const message = (error as Error).message;
  expect(message).not.toMatch(/[\r\n]/);
  expect(message.startsWith('damaged.json: '), message).toBe(true);
  for (const word of PATIENT_DATA) expect(message).not.toContain(word);
  expect(vaultSnapshot(vault.db)).toEqual(before);
}

describe('damaged bundles', () => {
  it('import whole or fail cleanly, leaving the vault unchanged', async () => {
    const vault = createTestVault();
    const file = join(tempDir(), 'damaged.json');
    const chunkSize = fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.constant(1 << 20));
    const fixture = fc.integer({ min: 0, max: FIXTURES.length - 1 });
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(fixture, fc.array(damage, { minLength: 1, maxLength: 2 }), chunkSize, async (which, damages, chunkBytes) => {
        const bytes = damages.reduce<Buffer>((b, d) => damaged(b, d), FIXTURES[which]!);
        writeFileSync(file, bytes);
        const before = vaultSnapshot(vault.db);
        // The outcome first, the checks after: an assertion must not pass for an import error.
        let outcome: { report: ImportReport } | { error: unknown };
        try {
          outcome = { report: await importBundleFile(vault, file, { chunkBytes }) };
        } catch (error) {
          outcome = { error };
        }
        if ('report' in outcome) {
          checkImported(vault, bytes, outcome.report);
        } else {
          refusals += 1;
          checkRefused(vault, outcome.error, before);
        }
      }),
      { numRuns: RUNS },
    );
    // Most damage is caught; some (a changed digit in a value...) leaves a valid bundle that imports.
    expect(refusals).toBeGreaterThan(RUNS / 4);
    expect(verifyAudit(vault.db).ok).toBe(true);
    vault.close();
  });
});
