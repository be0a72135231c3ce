import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'trust');

/** Each trust test writes what it measured here; scripts/trust/run.ts reads it into its table. */
export function writeTrustResult(name: string, result: Record<string, unknown>): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.json`), `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
}

export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** `node --import tsx`, resolved from this project, so a child runs TypeScript as the tests do. */
export const NODE_TSX = ['--import', 'tsx'];
