import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../electron/api/schemas';
import { exportPatientBundle, importBundleFile, importBundleText, MAPPED_TYPES } from '../../../electron/fhir';
import { verifyAudit } from '../../../electron/store/audit';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault } from '../../helpers/temp-vault';
import { recordRows, total, vaultSnapshot } from '../../unit/fhir/support';

// The real data: 26 Synthea R4 transaction bundles, read where they live
// (never copied here). A machine without them skips this file, saying why.

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = resolve(repoRoot, '../shared/data/synthea');
const present = existsSync(dir);
const title = present ? `Synthea bundles in ${dir}` : `Synthea bundles: skipped, ${dir} not found (see README, "Data for tests")`;
// The default reporter shows a skipped file only as a count: say why, once.
if (!present) console.warn(`test/integration/fhir/synthea.test.ts: ${title}`);

interface FileFacts {
  readonly name: string;
  readonly path: string;
  /** Entries per resource type, counted by JSON.parse: an oracle independent of the importer's splitter. */
  readonly types: Record<string, number>;
  readonly entries: number;
  readonly patientId: string;
}

function factsOf(name: string): FileFacts {
  const path = join(dir, name);
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as { entry: Array<{ resource: { resourceType: string; id: string } }> };
  const types: Record<string, number> = {};
  for (const { resource } of bundle.entry) types[resource.resourceType] = (types[resource.resourceType] ?? 0) + 1;
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient');
  return { name, path, types, entries: bundle.entry.length, patientId: patient?.resource.id ?? '' };
}

describe.skipIf(!present)(title, () => {
  let files: FileFacts[] = [];
  const reports = new Map<string, ImportReport>();
  let vault: Vault;
  let vaultDir = '';

  beforeAll(async () => {
    // The vault outlives single tests, so not in tempDir() (emptied after each test).
    vaultDir = mkdtempSync(join(tmpdir(), 'continuum-synthea-'));
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map(factsOf);
    vault = createTestVault(join(vaultDir, 'clinic.vault'));
    // One file after another, as the CLI does.
    for (const file of files) reports.set(file.name, await importBundleFile(vault, file.path));
  });
  afterAll(() => {
    vault?.close();
    if (vaultDir) rmSync(vaultDir, { recursive: true, force: true });
  });

  it('imports all 26 files, every entry counted as mapped or notMapped', () => {
    expect(files).toHaveLength(26);
    for (const file of files) {
      const report = reports.get(file.name)!;
      expect(report.resources, file.name).toBe(file.entries);
      // Type by type: what is mapped was added, the rest reported, nothing dropped.
      const accounted: Record<string, number> = {};
      for (const counts of [report.added, report.notMapped]) for (const [type, n] of Object.entries(counts)) accounted[type] = (accounted[type] ?? 0) + n;
      expect(accounted, file.name).toEqual(file.types);
      for (const type of Object.keys(report.notMapped)) expect(MAPPED_TYPES).not.toContain(type);
      expect(report.patients.map((p) => p.id)).toEqual([file.patientId]);
    }
    expect(vault.db.prepare(`SELECT COUNT(*) FROM patients`).pluck().get()).toBe(26);
    const observations = files.reduce((sum, f) => sum + (f.types.Observation ?? 0), 0);
    expect(vault.db.prepare(`SELECT COUNT(*) FROM observations WHERE parent_id IS NULL`).pluck().get()).toBe(observations);
  });

  it('adds nothing when the same files are imported again', async () => {
    const before = vaultSnapshot(vault.db);
    for (const file of files) {
      const again = await importBundleFile(vault, file.path);
      expect(again.alreadyImported, file.name).toBe(true);
      expect(total(again.unchanged)).toBe(total(reports.get(file.name)!.added));
    }
    expect(vaultSnapshot(vault.db)).toEqual(before);
  });

  it('finds every resource unchanged in a file re-serialized in another order', () => {
    const file = files.find((f) => f.types.ImagingStudy) ?? files[0]!;
    const bundle = JSON.parse(readFileSync(file.path, 'utf8')) as { entry: unknown[] };
    bundle.entry.reverse();
    const rows = recordRows(vault.db);
    const report = importBundleText(vault, 'reversed.json', JSON.stringify(bundle, null, 1));
    expect(report.added).toEqual({});
    expect(report.updated).toEqual({});
    expect(total(report.unchanged)).toBe(total(reports.get(file.name)!.added));
    expect(recordRows(vault.db)).toEqual(rows);
  });

  it('exports patients whose import into a fresh vault gives identical rows', () => {
    // The two largest records, and those with the rarer types (allergies, imaging, goals).
    const chosen = new Set<FileFacts>();
    for (const f of [...files].sort((a, b) => b.entries - a.entries).slice(0, 2)) chosen.add(f);
    for (const type of ['AllergyIntolerance', 'ImagingStudy', 'Goal']) chosen.add(files.find((f) => f.types[type])!);
    const ids = [...chosen].map((f) => f.patientId);
    const fresh = createTestVault();
    for (const id of ids) {
      const report = importBundleText(fresh, `${id}.json`, JSON.stringify(exportPatientBundle(vault, id)));
      expect(report.notMapped).toEqual({});
    }
    expect(recordRows(fresh.db)).toEqual(recordRows(vault.db, ids));
    expect(verifyAudit(fresh.db)).toMatchObject({ ok: true, problems: [] });
    fresh.close();
  });

  it('keeps an audit chain that verifies: one import entry per file, one per export', () => {
    const result = verifyAudit(vault.db);
    expect(result).toMatchObject({ ok: true, problems: [] });
    const actions = vault.db.prepare(`SELECT action, COUNT(*) AS n FROM audit_log GROUP BY action ORDER BY action`).all();
    // 26 files + the re-serialized one; no entries for the byte-identical repeats.
    expect(actions).toContainEqual({ action: 'import.fhir', n: 27 });
    expect(actions).toContainEqual({ action: 'export.fhir', n: expect.any(Number) });
  });
});
