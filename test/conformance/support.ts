import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'conformance');

/**
 * `npm run test:conformance` sets CONTINUUM_CONFORMANCE=full: the whole matrix
 * and every case; `npm test` runs a slice that covers each syntax and each
 * decoder branch once, to keep CI within its time.
 */
export const FULL = process.env.CONTINUUM_CONFORMANCE === 'full';

/** Each conformance test writes what it measured here; scripts/conformance/run.ts reads it into bench-results. */
export function writeConformanceResult(name: string, result: Record<string, unknown>): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.json`), `${JSON.stringify({ ...result, full: FULL, at: new Date().toISOString() }, null, 2)}\n`);
}
