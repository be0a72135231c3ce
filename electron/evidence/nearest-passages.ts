import type { Db } from '../store/sqlite';
import { evidenceVectorRows, evidenceVectorStamp } from './queries';

export interface Neighbour {
  readonly chunkId: number;
  /** Cosine similarity of the question and the passage (its closest part), -1 to 1. */
  readonly similarity: number;
}

interface VectorIndex {
  readonly stamp: string;
  readonly ids: number[];
  /** Per passage, its parts' vectors, each `dims` floats. */
  readonly vectors: Float32Array[];
}

/** Each vault's vectors, read once and again only when they change: a search compares the question with every passage. */
const indexes = new WeakMap<Db, Map<string, VectorIndex>>();

function vectorIndex(db: Db, model: string): VectorIndex {
  const stamp = evidenceVectorStamp(db, model);
  const byModel = indexes.get(db) ?? new Map<string, VectorIndex>();
  indexes.set(db, byModel);
  const held = byModel.get(model);
  if (held?.stamp === stamp) return held;
  const rows = evidenceVectorRows(db, model);
  const index: VectorIndex = {
    stamp,
    ids: rows.map((r) => r.chunkId),
    // Copied out of the row's buffer: a Float32Array view needs 4-byte alignment, which a Buffer from SQLite need not have.
    vectors: rows.map((r) => new Float32Array(new Uint8Array(r.vectors).buffer)),
  };
  byModel.set(model, index);
  return index;
}

/**
 * The `k` passages whose vectors of `model` are nearest the question's
 * (a unit vector of the same model), by cosine similarity; a passage
 * embedded in parts counts by its nearest part. Exhaustive: a clinic's
 * library is thousands of passages, a millisecond or two.
 */
export function nearestPassages(db: Db, model: string, query: Float32Array, k: number): Neighbour[] {
  const index = vectorIndex(db, model);
  const dims = query.length;
  const scored: Neighbour[] = [];
  index.ids.forEach((chunkId, i) => {
    const v = index.vectors[i]!;
    let best = -Infinity;
    for (let at = 0; at + dims <= v.length; at += dims) {
      let dot = 0;
      for (let d = 0; d < dims; d += 1) dot += v[at + d]! * query[d]!;
      if (dot > best) best = dot;
    }
    if (best > -Infinity) scored.push({ chunkId, similarity: best });
  });
  return scored.sort((a, b) => b.similarity - a.similarity || a.chunkId - b.chunkId).slice(0, k);
}
