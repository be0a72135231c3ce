import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/api/schemas';
import { importBundleText } from '../../electron/fhir';
import { verifyAudit } from '../../electron/store/audit';
import { isVaultError } from '../../electron/store/errors';
import type { Db } from '../../electron/store/sqlite';
import { memoryBundleText } from '../unit/agent/memory-fixture';
import { createTestVault } from '../helpers/temp-vault';
import { envCount, writeTrustResult } from './support';

// The FHIR importer fed mutated bundles: a valid bundle with random values
// put in, changed or taken out anywhere in its tree (types, ids, references,
// dates, numbers, whole entries), or its text damaged byte by byte, read in
// random chunk sizes. Either it imports, or it throws a one-line VaultError
// 'invalid-input' naming the file, quoting no patient data, and the vault
// is exactly as before (row counts of every table, the audit head).
// test/unit/fhir/corruption.property.test.ts does the same for file damage
// on Synthea fixtures; this one mutates structure.

const RUNS = envCount('CONTINUUM_TRUST_FUZZ_RUNS', 300);
const BASE = JSON.parse(memoryBundleText()) as unknown;
const PATIENT_DATA = ['Okafor', 'Ngozi'];
const FILE = 'fuzz.json';

type Json = unknown;
type Path = Array<string | number>;

function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

type Mutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'add-key'; at: number; key: string; value: Json };

function mutate(root: Json, m: Mutation): Json {
  const all = paths(root);
  const path = all[Math.floor(m.at * all.length)]!;
  if (path.length === 0) return m.op === 'set' ? m.value : root;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], root) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1]!;
  switch (m.op) {
    case 'set':
      (parent as Record<string | number, Json>)[key] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, Json>)[key];
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
      else (parent as Record<string, Json>)[`${String(key)}_`] = structuredClone((parent as Record<string, Json>)[key]);
      break;
    case 'add-key': {
      const target = (parent as Record<string | number, Json>)[key];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>)[m.key] = m.value;
      break;
    }
  }
  return root;
}

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const fhirish = fc.constantFrom<Json>(
  'Patient', 'Observation', 'Condition', 'Encounter', 'Bundle', 'Patient/pat-1', 'Patient/nobody', 'urn:uuid:x', 'pat-1', 'enc-1',
  '2024-13-45', '2024-02-30T25:61:00Z', '1961', '1961-04', 'final', 'active', '', ' ', '\u0000', '\uD800', 1e308, -0, 0, -1, 1.5,
  Number.MAX_SAFE_INTEGER, null, true, [], {}, [null], { reference: 'Patient/pat-1' }, { coding: [] }, 'x'.repeat(5000),
);
const value = fc.oneof({ weight: 2, arbitrary: fhirish }, fc.jsonValue({ maxDepth: 2 }), fc.string());
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at, value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add-key' as const), at, key: fc.oneof(fc.constantFrom('id', 'resourceType', 'subject', 'patient', 'fullUrl', 'entry', '__proto__'), fc.string()), value }) },
);
const textDamage = fc.record({ at, cut: fc.integer({ min: 0, max: 8 }), insert: fc.string({ maxLength: 4 }) });
const input = fc.record({
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  damage: fc.option(textDamage, { freq: 4 }),
  chunkBytes: fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.constant(1 << 20)),
});

function snapshot(db: Db): Record<string, number | string> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const counts: Record<string, number | string> = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  counts.audit_head = db.prepare(`SELECT value FROM vault_meta WHERE key = 'audit_head'`).pluck().get() as string;
  return counts;
}

describe('fuzz: FHIR importer', () => {
  it(`imports ${RUNS} mutated bundles whole or refuses them cleanly`, { timeout: 60_000 + RUNS * 200 }, () => {
    const started = Date.now();
    const vault = createTestVault();
    let cases = 0;
    let refused = 0;
    let failure: string | null = null;
    try {
      fc.assert(
        fc.property(input, ({ mutations, damage, chunkBytes }) => {
          cases += 1;
          const bundle = mutations.reduce<Json>((b, m) => mutate(b, m), structuredClone(BASE));
          let text = JSON.stringify(bundle) ?? 'undefined';
          if (damage) {
            const cut = Math.floor(damage.at * text.length);
            text = text.slice(0, cut) + damage.insert + text.slice(cut + damage.cut);
          }
          const before = snapshot(vault.db);
          let outcome: { report: ImportReport } | { error: unknown };
          try {
            outcome = { report: importBundleText(vault, FILE, text, { chunkBytes }) };
          } catch (error) {
            outcome = { error };
          }
          if ('error' in outcome) {
            refused += 1;
            const error = outcome.error;
            expect(isVaultError(error, 'invalid-input'), `not a VaultError 'invalid-input': ${String(error)}`).toBe(true);
            const message = (error as Error).message;
            expect(message).not.toMatch(/[\r\n]/);
            expect(message.startsWith(`${FILE}: `), message).toBe(true);
            expect(message.length).toBeLessThan(1000);
            for (const word of PATIENT_DATA) expect(message).not.toContain(word);
            expect(snapshot(vault.db)).toEqual(before);
          } else {
            const { report } = outcome;
            expect(report.resources).toBeGreaterThanOrEqual(0);
          }
        }),
        { numRuns: RUNS, seed: envCount('CONTINUUM_TRUST_SEED', 20261123) },
      );
    } catch (error) {
      failure = (error as Error).message.split('\n').slice(0, 12).join('\n');
    }
    const integrity = vault.db.pragma('integrity_check', { simple: true });
    const fk = (vault.db.pragma('foreign_key_check') as unknown[]).length;
    const audit = verifyAudit(vault.db).ok;
    vault.close();
    writeTrustResult('fuzz-fhir', { cases, failures: failure ? 1 : 0, failure, refused, integrity, foreignKeyProblems: fk, auditVerifies: audit, seconds: (Date.now() - started) / 1000 });
    expect(failure).toBeNull();
    expect(integrity).toBe('ok');
    expect(fk).toBe(0);
    expect(audit).toBe(true);
  });
});
