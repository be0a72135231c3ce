import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, sampleToken, type SamplingOptions, type TokenMask } from '../../../electron/model/sampler';

/**
 * The specification of top-k / top-p sampling, written the plain way: every
 * allowed token within 30 nats of the best, all sorted by probability (ties
 * by id), the top k, the smallest prefix holding topP of the mass, one seeded
 * draw walking it in order. The sampler must choose exactly what this chooses.
 */
function reference(logits: Float32Array, options: SamplingOptions, rng: Rng, mask?: TokenMask): number {
  const allowed = (id: number) => (mask ? id < mask.length && mask[id] === 1 : true);
  let best = -1;
  for (let id = 0; id < logits.length; id++) if (allowed(id) && (best < 0 || logits[id]! > logits[best]!)) best = id;
  const temperature = options.temperature ?? 0;
  if (temperature <= 0) return best;
  const candidates: { id: number; p: number }[] = [];
  for (let id = 0; id < logits.length; id++) {
    const scaled = (logits[id]! - logits[best]!) / temperature;
    if (allowed(id) && scaled > -30) candidates.push({ id, p: Math.exp(scaled) });
  }
  candidates.sort((a, b) => b.p - a.p || a.id - b.id);
  if (options.topK && options.topK > 0) candidates.length = Math.min(candidates.length, options.topK);
  const total = candidates.reduce((sum, c) => sum + c.p, 0);
  const topP = options.topP ?? 1;
  let kept = 0;
  let mass = 0;
  while (kept < candidates.length && (kept === 0 || mass < topP * total)) mass += candidates[kept++]!.p;
  let r = rng.next() * mass;
  for (let i = 0; i < kept; i++) {
    r -= candidates[i]!.p;
    if (r < 0) return candidates[i]!.id;
  }
  return candidates[kept - 1]!.id;
}

/** Logits like a language model's: a few strong candidates over a long, flat tail; repeated values make ties. */
const logitsArb = fc
  .record({
    size: fc.integer({ min: 1, max: 3000 }),
    spread: fc.double({ min: 0.1, max: 40, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    quantum: fc.constantFrom(0, 0.5, 1),
  })
  .map(({ size, spread, seed, quantum }) => {
    const rng = new Rng(seed);
    return Float32Array.from({ length: size }, () => {
      const value = (rng.next() ** 3) * spread - spread / 2;
      return quantum ? Math.round(value / quantum) * quantum : value;
    });
  });

const optionsArb = fc.record({
  temperature: fc.double({ min: 0.05, max: 2, noNaN: true }),
  topP: fc.oneof(fc.double({ min: 0.01, max: 0.999, noNaN: true }), fc.constant(0.8), fc.constant(0.95)),
  topK: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
});

describe('the sampler against the plain specification', () => {
  it('chooses the same token for the same logits, options, mask and seed (top-p, top-k, both)', () => {
    fc.assert(
      fc.property(logitsArb, optionsArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (logits, options, seed, masked) => {
        const mask = masked ? Uint8Array.from(logits, (_, i) => (i % 3 === 1 ? 0 : 1)) : undefined;
        if (mask && !mask.some((m, i) => m === 1 && i < logits.length)) return;
        for (let draw = 0; draw < 5; draw++) {
          expect(sampleToken(logits, options, new Rng(seed + draw), mask)).toBe(reference(logits, options, new Rng(seed + draw), mask));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('at topP 1 without top-k draws from the whole distribution: every allowed token can come, in proportion', () => {
    const logits = Float32Array.from([0, Math.log(2), Math.log(3), Math.log(4)]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[sampleToken(logits, { temperature: 1, topP: 1 }, new Rng(i))]! += 1;
    // p = 0.1, 0.2, 0.3, 0.4; 20,000 draws put each within 1.5 points.
    counts.forEach((c, id) => expect(Math.abs(c / 20_000 - (id + 1) / 10)).toBeLessThan(0.015));
    const masked = Uint8Array.from([1, 1, 0, 1]);
    for (let i = 0; i < 500; i++) expect(sampleToken(logits, { temperature: 1, topP: 1 }, new Rng(i), masked)).not.toBe(2);
  });

  it('handles a Qwen-sized vocabulary of near-equal logits and keeps its choice inside the nucleus', () => {
    const rng = new Rng(5);
    const logits = Float32Array.from({ length: 151_936 }, () => rng.next() * 8);
    logits[42] = 30; // one clear favourite: alone it holds over 0.8 of the mass at temperature 0.7
    for (let seed = 0; seed < 20; seed++) expect(sampleToken(logits, { temperature: 0.7, topP: 0.8 }, new Rng(seed))).toBe(42);
    const flat = Float32Array.from({ length: 151_936 }, (_, i) => (i % 7) / 7);
    for (let seed = 0; seed < 5; seed++) {
      expect(sampleToken(flat, { temperature: 0.7, topP: 0.9, topK: 20 }, new Rng(seed))).toBe(reference(flat, { temperature: 0.7, topP: 0.9, topK: 20 }, new Rng(seed)));
    }
  });
});
