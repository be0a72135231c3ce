/**
 * The shipped model catalogue validates against its schema (electron/api/
 * catalogue-schemas.ts), states no hash it could not know, and the memory
 * and speed estimates follow their documented formulas.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelCatalogue } from '../../../electron/api/catalogue-schemas';
import { bandwidthFromDecode, probeBandwidth } from '../../../electron/model/catalogue/bandwidth';
import { catalogueEntry, readCatalogue } from '../../../electron/model/catalogue/catalogue';
import { expectedTokensPerSecond, fitsMachine, kvCacheBytes, memoryNeeded, RESERVED_BYTES, RUNTIME_BYTES, runContext } from '../../../electron/model/catalogue/estimates';
import { ModelError } from '../../../electron/model';

const SHIPPED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../resources/model-catalogue.json');

describe('the shipped model catalogue', () => {
  const catalogue = readCatalogue({});

  it('validates, and is the file in resources/', () => {
    expect(modelCatalogue.safeParse(JSON.parse(readFileSync(SHIPPED, 'utf8'))).success).toBe(true);
    expect(catalogue.entries.length).toBeGreaterThanOrEqual(8);
  });

  it('offers the instruct models a clinic workstation can run, each a single GGUF file with its licence', () => {
    const repos = new Set(catalogue.entries.map((e) => e.source.repo));
    for (const repo of ['Qwen/Qwen2.5-0.5B-Instruct-GGUF', 'Qwen/Qwen2.5-1.5B-Instruct-GGUF', 'bartowski/Llama-3.2-1B-Instruct-GGUF', 'bartowski/Phi-3.5-mini-instruct-GGUF']) {
      expect(repos).toContain(repo);
    }
    for (const e of catalogue.entries) {
      expect(e.format).toBe('gguf');
      expect(e.source.file.toLowerCase()).toContain(e.quantization.toLowerCase());
      expect(e.licence.url).toMatch(/^https:\/\//);
    }
  });

  it('names the research-only licence of Qwen2.5 3B as a restriction', () => {
    expect(catalogueEntry(catalogue, 'qwen2.5-3b-instruct-q4_k_m').licence).toMatchObject({ id: 'qwen-research', restrictions: expect.stringMatching(/non-commercial/) });
  });

  it('states no SHA-256 or exact size it did not read from the hub (the downloader takes them from the hub)', () => {
    for (const e of catalogue.entries) {
      expect(e.sha256).toBeNull();
      expect(e.bytes).toBeNull();
    }
  });

  it('refuses a malformed catalogue in one line naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'continuum-catalogue-'));
    try {
      const file = join(dir, 'catalogue.json');
      const raw = JSON.parse(readFileSync(SHIPPED, 'utf8')) as { entries: Array<Record<string, unknown>> };
      raw.entries[1]!['sha256'] = 'not-a-hash';
      writeFileSync(file, JSON.stringify(raw));
      expect(() => readCatalogue({ CONTINUUM_MODEL_CATALOGUE: file })).toThrow(/^the model catalogue .*catalogue\.json: entries\.1\.sha256 a SHA-256 in lower-case hex$/);
      raw.entries[1]!['sha256'] = null;
      raw.entries[2]!['id'] = raw.entries[0]!['id'];
      writeFileSync(file, JSON.stringify(raw));
      expect(() => readCatalogue({ CONTINUUM_MODEL_CATALOGUE: file })).toThrow(/entries\.2\.id .* appears twice/);
      expect(() => catalogueEntry(catalogue, 'no-such-model')).toThrow(ModelError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('memory and speed estimates', () => {
  const qwen05 = readCatalogue({}).entries.find((e) => e.id === 'qwen2.5-0.5b-instruct-q4_k_m')!;

  it('memory = file + f16 KV cache at the context the app gives a GGUF model + the runtime', () => {
    // Qwen2.5 0.5B: 24 layers x 2 KV heads x 64 = 12,288 bytes per token for K and V in f16.
    expect(kvCacheBytes(qwen05.architecture, 1)).toBe(2 * 24 * 2 * 64 * 2);
    expect(runContext(qwen05.architecture)).toBe(8192);
    expect(memoryNeeded(qwen05)).toBe(qwen05.approximateBytes + 12_288 * 8192 + RUNTIME_BYTES);
    // The exact size replaces the approximate one when it is known.
    expect(memoryNeeded({ ...qwen05, bytes: 500_000_000 })).toBe(500_000_000 + 12_288 * 8192 + RUNTIME_BYTES);
    // A model without grouped-query attention pays for it in KV cache: Phi-3.5 mini at 8,192 tokens needs 3 GiB for it.
    const phi = readCatalogue({}).entries.find((e) => e.id.startsWith('phi-3.5'))!;
    expect(kvCacheBytes(phi.architecture, runContext(phi.architecture))).toBe(3 * 1024 ** 3);
  });

  it('tokens/s = bandwidth / bytes of weights; fits when total RAM less what the workstation keeps covers it', () => {
    expect(expectedTokensPerSecond({ bytes: 1e9, approximateBytes: 9e8 }, 10e9)).toBe(10);
    expect(expectedTokensPerSecond({ bytes: null, approximateBytes: 5e8 }, 10e9)).toBe(20);
    expect(fitsMachine(8 * 1024 ** 3, 12 * 1024 ** 3)).toBe(true);
    expect(fitsMachine(8 * 1024 ** 3 + 1, 12 * 1024 ** 3)).toBe(false);
    expect(RESERVED_BYTES).toBe(4 * 1024 ** 3);
  });

  it('takes the bandwidth from a measured decode, else from a probe that gives a plausible figure', () => {
    const measured = bandwidthFromDecode('Qwen2.5 0.5B', 20, 5e8);
    expect(measured.bytesPerSecond).toBe(1e10);
    expect(measured.source).toMatch(/^measured: Qwen2\.5 0\.5B decoding at 20\.0 tokens\/s here, 10\.0 GB\/s/);
    const probe = probeBandwidth();
    // Any real machine reads memory at more than 100 MB/s and less than 2 TB/s from one thread.
    expect(probe.bytesPerSecond).toBeGreaterThan(1e8);
    expect(probe.bytesPerSecond).toBeLessThan(2e12);
    expect(probeBandwidth()).toBe(probe);
  });
});
