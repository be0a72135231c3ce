import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Precision } from '../../../scripts/models/decoder-graph';
import { generateModelFolder } from '../../../scripts/models/model-folder';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh tiny model folder (Qwen2 architecture, random weights), removed after the file's tests; ~0.1 s. */
export async function tinyModel(precision: Precision = 'fp32', seed = 1): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-model-'));
  dirs.push(dir);
  await generateModelFolder({ size: 'tiny', precision, seed, out: dir });
  return dir;
}

/** A long, varied prompt: several prefill chunks (128 tokens each) with the tiny tokenizer. */
export const LONG_CONTEXT = Array.from(
  { length: 12 },
  (_, i) => `Visit ${i + 1}: blood pressure ${130 + i}/${80 + (i % 7)} mmHg, HbA1c ${(7 + i / 10).toFixed(1)}%, metformin 500 mg twice daily.`,
).join('\n');
