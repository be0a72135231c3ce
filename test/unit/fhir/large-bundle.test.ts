import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundleFile, type ImportProgress } from '../../../electron/fhir';
import { createTestVault, tempDir } from '../../helpers/temp-vault';

// Bounded memory, shown by counting rather than timing: a bundle of tens of
// megabytes is imported while the reader never holds more than one entry's
// bytes between reads (BundleSplitter.maxBufferedBytes, reported with each
// progress call), and progress rises with the bytes read up to the total.

const PATIENT = '3c9d1e7a-52b4-4f08-9a6e-d1c2b3a4f5e6';
const OBSERVATIONS = 6000;
const CLAIMS = 2000;
const CHUNK = 64 * 1024;

function observation(i: number): object {
  const id = `0bda7a00-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: 'Observation', id, status: 'final',
      text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">Glucose reading ${i}: ${'é…'.repeat(200)}</div>` },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '2339-0', display: 'Glucose' }], text: 'Glucose' },
      subject: { reference: `urn:uuid:${PATIENT}` },
      effectiveDateTime: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString(),
      valueQuantity: { value: 80 + (i % 40), unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
    },
    request: { method: 'POST', url: 'Observation' },
  };
}

/** Billing, as Synthea writes plenty of: large, and not mapped. */
function claim(i: number, padding: number): object {
  const id = `0c1a1a00-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: { resourceType: 'ExplanationOfBenefit', id, patient: { reference: `urn:uuid:${PATIENT}` }, text: { div: 'x'.repeat(padding) } },
  };
}

/** Writes the bundle entry by entry (the test holds no more of it than the importer may); returns the largest entry's size. */
function writeLargeBundle(file: string): { largestEntry: number; entries: number } {
  const fd = openSync(file, 'w');
  let largestEntry = 0;
  let entries = 0;
  const write = (text: string) => writeSync(fd, text);
  const entry = (value: object) => {
    const text = JSON.stringify(value, null, 1);
    largestEntry = Math.max(largestEntry, Buffer.byteLength(text));
    write(`${entries === 0 ? '' : ',\n'}${text}`);
    entries += 1;
  };
  try {
    write('{"resourceType": "Bundle", "type": "transaction", "entry": [\n');
    entry({ fullUrl: `urn:uuid:${PATIENT}`, resource: { resourceType: 'Patient', id: PATIENT, name: [{ family: 'Łukasiewicz', given: ['Agnieszka'] }] } });
    for (let i = 0; i < OBSERVATIONS; i += 1) {
      entry(observation(i));
      if (i % 3 === 0) entry(claim(i, 10_000));
      // One entry far larger than the rest, in the middle of the file: the bound is the largest entry.
      if (i === OBSERVATIONS / 2) entry(claim(OBSERVATIONS + 1, 400_000));
    }
    write('\n]}\n');
  } finally {
    closeSync(fd);
  }
  return { largestEntry, entries };
}

describe('a large bundle', () => {
  it('is imported holding at most one entry between reads, with progress up to the total', async () => {
    const file = join(tempDir(), 'large.json');
    const { largestEntry, entries } = writeLargeBundle(file);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(25 * 1024 * 1024);
    expect(largestEntry * 50).toBeLessThan(size);

    const vault = createTestVault();
    const progress: ImportProgress[] = [];
    const report = await importBundleFile(vault, file, { chunkBytes: CHUNK, onProgress: (p) => progress.push(p) });
    expect(report.resources).toBe(entries);
    expect(report.added).toEqual({ Patient: 1, Observation: OBSERVATIONS });
    expect(report.notMapped).toEqual({ ExplanationOfBenefit: CLAIMS + 1 });
    expect(vault.db.prepare(`SELECT COUNT(*) FROM observations`).pluck().get()).toBe(OBSERVATIONS);

    // One call per chunk read, bytes rising by a chunk each time, the last at the total.
    expect(progress).toHaveLength(Math.ceil(size / CHUNK));
    progress.forEach((p, i) => {
      expect(p.totalBytes).toBe(size);
      expect(p.bytes).toBe(Math.min((i + 1) * CHUNK, size));
      if (i > 0) {
        expect(p.resources).toBeGreaterThanOrEqual(progress[i - 1]!.resources);
        expect(p.maxBufferedBytes).toBeGreaterThanOrEqual(progress[i - 1]!.maxBufferedBytes);
      }
    });
    expect(progress.at(-1)?.resources).toBe(entries);
    expect(progress[Math.floor(progress.length / 4)]!.resources).toBeLessThan(entries / 2);

    // Never more than the largest entry held, though it spans several reads
    // (and so was held nearly whole: the measure is a real one).
    const held = progress.at(-1)!.maxBufferedBytes;
    expect(held).toBeLessThan(largestEntry);
    expect(held).toBeGreaterThan(largestEntry - CHUNK);
    vault.close();
  });
});
