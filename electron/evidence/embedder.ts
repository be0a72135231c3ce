/**
 * A sentence-embedding model: texts in, unit vectors out. `model` names
 * the model and its version; it is stored beside every vector, so vectors
 * of two models are never compared.
 */
export interface TextEmbedder {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** The vector scaled to length 1 (a zero vector stays zero): cosine similarity is then a dot product. */
export function unitVector(values: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(values);
  let sum = 0;
  for (const x of out) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < out.length; i += 1) out[i]! /= norm;
  return out;
}
