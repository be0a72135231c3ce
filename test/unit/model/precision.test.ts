import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../electron/model/loaded-model';
import { tinyModel } from './tiny-model';

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
}

describe('quantized variants of the same weights', () => {
  it('int8 (MatMulInteger) and int4 (MatMulNBits) give logits close to fp32', async () => {
    const ids = [12, 345, 67, 89, 101, 200, 3];
    const logits: Record<string, Float32Array> = {};
    for (const precision of ['fp32', 'int8', 'int4'] as const) {
      const model = await loadModel(await tinyModel(precision, 42));
      logits[precision] = (await model.session.forward(ids, model.session.emptyKv())).logits;
      await model.session.release();
    }
    // A wrong nibble order or scale layout would make these uncorrelated (~0).
    expect(cosine(logits.fp32!, logits.int8!)).toBeGreaterThan(0.95);
    expect(cosine(logits.fp32!, logits.int4!)).toBeGreaterThan(0.9);
  });
});
