/**
 * bench:store — the foundation's figures, in one run on this machine:
 * FHIR import speed on the Synthea samples, timeline query latency for a
 * patient with 10,000+ observations, and the same write and read workload on
 * plain better-sqlite3 beside the encrypted store, as ratios.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import PlainDatabase from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { importBundleFile, importBundleText } from '../electron/fhir';
import { randomBytes } from 'node:crypto';
import { applyKey, CIPHER_SETTINGS } from '../electron/store/sqlite';
import { timelineEvents } from '../electron/store/queries/timeline';
import { Vault } from '../electron/store/vault';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { percentile, report, type Figure } from './report';
import { readWorkload, tuneForBench, writeWorkload, type SqliteHandle } from './store-workload';

const SYNTHEA = resolve(process.cwd(), '../shared/data/synthea');
const BIGGEST = 'Vito_Feeney_63dd4423-56ec-4f40-9dd6-82bc133aaddc.json';
const PASSPHRASE = 'bench passphrase, not secret';
const work = mkdtempSync(join(tmpdir(), 'continuum-bench-'));

async function main(): Promise<void> {
  const figures: Figure[] = [];
  try {
    figures.push(...(await importSpeed()));
    figures.push(...(await timelineLatency()));
    figures.push(...cipherOverhead());
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report('bench:store', figures);
}

/**
 * Import throughput over the 26 Synthea files into a fresh encrypted vault:
 * one warm-up run (JIT, file cache), then three timed runs, each into a new
 * vault; the median is the figure, the first timed run is shown beside it.
 */
async function importSpeed(): Promise<Figure[]> {
  const files = readdirSync(SYNTHEA).filter((f) => f.endsWith('.json')).map((f) => join(SYNTHEA, f));
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const runOnce = async (name: string): Promise<{ resources: number; seconds: number }> => {
    const vault = Vault.create(join(work, name), { clinician: { id: 'bench', displayName: 'Bench' }, passphrase: PASSPHRASE });
    let resources = 0;
    const start = performance.now();
    for (const file of files) resources += (await importBundleFile(vault, file)).resources;
    const seconds = (performance.now() - start) / 1000;
    vault.close();
    return { resources, seconds };
  };
  await runOnce('warm-up.vault');
  const runs = [await runOnce('import-1.vault'), await runOnce('import-2.vault'), await runOnce('import-3.vault')];
  const rates = runs.map((r) => r.resources / r.seconds);
  const median = [...rates].sort((a, b) => a - b)[1]!;
  const { resources } = runs[0]!;
  console.log(`import: ${files.length} Synthea bundles, ${resources} resources, ${(bytes / 1e6).toFixed(1)} MB; runs ${runs.map((r) => r.seconds.toFixed(2)).join(', ')} s`);
  return [
    { name: 'FHIR import (Synthea samples, encrypted vault), median of 3', value: median, unit: 'resources/s', goal: '>= 5000' },
    { name: 'FHIR import, first timed run', value: rates[0]!, unit: 'resources/s' },
    { name: 'FHIR import bytes', value: (bytes / 1e6) * (median / resources), unit: 'MB/s' },
  ];
}

/**
 * No sample patient has 10,000 observations, so the biggest one's are
 * imported again shifted back in time, year by year, as new resources,
 * until there are more than 10,000.
 */
async function timelineLatency(): Promise<Figure[]> {
  const bundle = JSON.parse(readFileSync(join(SYNTHEA, BIGGEST), 'utf8')) as {
    entry: Array<{ fullUrl?: string; resource: Record<string, unknown> }>;
  };
  const patientEntry = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!;
  const patientId = String(patientEntry.resource.id);
  const vault = Vault.create(join(work, 'timeline.vault'), { clinician: { id: 'bench', displayName: 'Bench' }, passphrase: PASSPHRASE });
  await importBundleFile(vault, join(SYNTHEA, BIGGEST));
  const observations = bundle.entry.filter((e) => e.resource.resourceType === 'Observation');
  for (let copy = 1; (copy + 1) * observations.length <= 10_000 + observations.length; copy += 1) {
    const entries = [
      patientEntry,
      ...observations.map((e) => {
        const resource = structuredClone(e.resource);
        resource.id = `${String(resource.id)}-shift${copy}`;
        for (const field of ['effectiveDateTime', 'issued'] as const) {
          if (typeof resource[field] === 'string') resource[field] = shiftYears(resource[field] as string, -copy);
        }
        return { fullUrl: `urn:uuid:${String(resource.id)}`, resource };
      }),
    ];
    await importBundleText(vault, `shifted-${copy}.json`, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries }));
  }
  const count = vault.db.prepare(`SELECT count(*) FROM observations WHERE patient_id = ? AND parent_id IS NULL`).pluck().get(patientId) as number;
  const full: number[] = [];
  const year: number[] = [];
  let events = 0;
  for (let i = 0; i < 20; i += 1) timelineEvents(vault.db, { patientId }); // warm-up
  for (let i = 0; i < 400; i += 1) {
    let t = performance.now();
    events = timelineEvents(vault.db, { patientId }).events.length;
    full.push(performance.now() - t);
    t = performance.now();
    timelineEvents(vault.db, { patientId, from: `${2000 + (i % 18)}-01-01`, to: `${2000 + (i % 18)}-12-31` });
    year.push(performance.now() - t);
  }
  vault.close();
  full.sort((a, b) => a - b);
  year.sort((a, b) => a - b);
  console.log(`timeline: patient with ${count} observations, ${events} events in the whole-life query`);
  return [
    { name: 'timeline observations for the patient', value: count, unit: 'observations', goal: '>= 10000' },
    { name: 'timeline query p50 (whole life, all kinds)', value: percentile(full, 50), unit: 'ms' },
    { name: 'timeline query p95 (whole life, all kinds)', value: percentile(full, 95), unit: 'ms', goal: '<= 10' },
    { name: 'timeline query p50 (one year)', value: percentile(year, 50), unit: 'ms' },
    { name: 'timeline query p95 (one year)', value: percentile(year, 95), unit: 'ms', goal: '<= 10' },
  ];
}

function shiftYears(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4));
  return `${String(year + years).padStart(4, '0')}${iso.slice(4)}`;
}

/** The same workload on plain better-sqlite3 and on the encrypted build with the vault's cipher settings. */
function cipherOverhead(): Figure[] {
  const ROWS = 60_000;
  const QUERIES = 4_000;
  const runs = 3;
  const plain = { write: [] as number[], read: [] as number[] };
  const encrypted = { write: [] as number[], read: [] as number[] };
  // Alternate the two sides so that machine noise hits both alike; keep each side's best run.
  for (let run = 0; run < runs; run += 1) {
    const p = new PlainDatabase(join(work, `plain-${run}.db`)) as unknown as SqliteHandle;
    tuneForBench(p);
    plain.write.push(writeWorkload(p, ROWS, 500));
    plain.read.push(readWorkload(p, QUERIES));
    p.close();
    const e = new CipherDatabase(join(work, `cipher-${run}.db`));
    applyKey(e, randomBytes(32), CIPHER_SETTINGS);
    const handle = e as unknown as SqliteHandle;
    tuneForBench(handle);
    encrypted.write.push(writeWorkload(handle, ROWS, 500));
    encrypted.read.push(readWorkload(handle, QUERIES));
    e.close();
  }
  const best = (values: number[]) => Math.max(...values);
  const writeRatio = best(encrypted.write) / best(plain.write);
  const readRatio = best(encrypted.read) / best(plain.read);
  console.log(
    `cipher: writes ${best(encrypted.write).toFixed(0)} vs ${best(plain.write).toFixed(0)} rows/s, ` +
      `reads ${best(encrypted.read).toFixed(0)} vs ${best(plain.read).toFixed(0)} queries/s (encrypted vs plain)`,
  );
  return [
    { name: 'plain better-sqlite3 writes', value: best(plain.write), unit: 'rows/s' },
    { name: 'encrypted writes', value: best(encrypted.write), unit: 'rows/s' },
    { name: 'encrypted/plain write throughput', value: writeRatio, unit: 'ratio', goal: '>= 0.9' },
    { name: 'plain better-sqlite3 reads', value: best(plain.read), unit: 'queries/s' },
    { name: 'encrypted reads', value: best(encrypted.read), unit: 'queries/s' },
    { name: 'encrypted/plain read throughput', value: readRatio, unit: 'ratio', goal: '>= 0.9' },
  ];
}

await main();
