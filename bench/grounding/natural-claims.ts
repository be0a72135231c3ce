import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { citation } from '../../electron/api/schemas';
import type { VerifiedClaim } from '../../electron/agent/grounding/verifier';

/**
 * The natural-phrasing claim sets (bench/grounding/natural/*.jsonl): claims
 * about the Synthea patients written the way clinicians and language models
 * write, half correct and half wrong, each citing the records it is about.
 * They were written by people who had not read the verifier's code, from
 * the FHIR bundles and a list of styles only (see natural/README.md).
 */
export const naturalClaim = z.object({
  patient: z.string(),
  text: z.string(),
  citations: z.array(citation),
  label: z.enum(['correct', 'wrong']),
  category: z.string(),
  why: z.string(),
});
export type NaturalClaim = z.infer<typeof naturalClaim>;

export function loadClaimSet(path: string): NaturalClaim[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = naturalClaim.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export interface SetScore {
  readonly category: string;
  readonly wrong: number;
  readonly caught: number;
  readonly correct: number;
  readonly falseFlags: number;
}

/** Recall on wrong claims and false flags on correct ones, overall ('all') and per category. */
export function score(results: ReadonlyArray<{ claim: NaturalClaim; verified: VerifiedClaim }>): SetScore[] {
  const by = new Map<string, { wrong: number; caught: number; correct: number; falseFlags: number }>();
  const add = (key: string, r: { claim: NaturalClaim; verified: VerifiedClaim }) => {
    const s = by.get(key) ?? { wrong: 0, caught: 0, correct: 0, falseFlags: 0 };
    const flagged = r.verified.verdict !== 'supported';
    if (r.claim.label === 'wrong') {
      s.wrong += 1;
      if (flagged) s.caught += 1;
    } else {
      s.correct += 1;
      if (flagged) s.falseFlags += 1;
    }
    by.set(key, s);
  };
  for (const r of results) {
    add('all', r);
    add(r.claim.category, r);
  }
  return [...by.entries()].map(([category, s]) => ({ category, ...s })).sort((a, b) => (a.category === 'all' ? -1 : b.category === 'all' ? 1 : a.category.localeCompare(b.category)));
}
