import type { Db } from '../store/sqlite';
import type { TextEmbedder } from './embedder';
import { nearestPassages } from './nearest-passages';
import { hasEvidenceVectors } from './queries';
import { isDosingQuestion, sectionWeight, tierWeight } from './rank-evidence';
import { evidenceHits, searchEvidence, type EvidenceHit } from './search-evidence';

/** Lexical candidates weighed again with the question's embedding, and the embedding's nearest passages added to them. */
const LEXICAL_CANDIDATES = 200;
const NEIGHBOURS = 50;
/**
 * A passage BM25 did not find joins only this similar to the question: the
 * encoder always has a nearest passage, and a question about nothing in the
 * library should not be answered with the least unrelated one.
 */
const NEIGHBOUR_FLOOR = 0.3;

export interface HybridOptions {
  /** 'embedding': the embedding alone (weighed by what the passage is), for the eval to compare. */
  readonly ranker?: 'hybrid' | 'embedding';
  /** The embedding's share of the fused score; EMBEDDING_WEIGHT unless an eval asks otherwise. */
  readonly embeddingWeight?: number;
}

/**
 * The library's search with a second ranker: the question is embedded by a
 * local sentence encoder and compared with the passages' vectors (stored at
 * import, embed-chunks.ts). Both rankers' lists are fused (fuse()). Without
 * an embedder, or before the library is embedded, it is the lexical search
 * alone. `ranker: 'embedding'` ranks by the embedding only (weighed by what
 * the passage is, as the lexical ranker is), for the eval to compare.
 */
export async function searchEvidenceHybrid(db: Db, embedder: TextEmbedder | null, query: string, limit = 10, options: HybridOptions = {}): Promise<EvidenceHit[]> {
  const ranker = options.ranker ?? 'hybrid';
  const lexical = searchEvidence(db, query, Math.max(limit, LEXICAL_CANDIDATES));
  if (!embedder || !query.trim() || !hasEvidenceVectors(db, embedder.model)) return lexical.slice(0, limit);
  const [vector] = await embedder.embed([query]);
  // Every passage's similarity (a few thousand dot products): the lexical candidates' too, not only the nearest.
  const all = nearestPassages(db, embedder.model, vector!, Number.POSITIVE_INFINITY);
  if (all.length === 0) return lexical.slice(0, limit);
  const byId = new Map(lexical.map((h) => [h.chunkId, h]));
  const near = ranker === 'embedding' ? all.slice(0, limit * 5) : all.slice(0, NEIGHBOURS).filter((n) => byId.has(n.chunkId) || n.similarity >= NEIGHBOUR_FLOOR);
  const missing = near.filter((n) => !byId.has(n.chunkId)).map((n) => n.chunkId);
  for (const hit of evidenceHits(db, missing)) byId.set(hit.chunkId, hit);
  const similarity = new Map(all.map((n) => [n.chunkId, n.similarity]));
  const dosing = isDosingQuestion(query);
  const prior = (hit: EvidenceHit) => tierWeight(hit.tier, dosing) * sectionWeight(hit.section, dosing);
  const scored =
    ranker === 'embedding'
      ? near.map((n) => ({ ...byId.get(n.chunkId)!, score: n.similarity * prior(byId.get(n.chunkId)!) }))
      : fuse(lexical, near, byId, similarity, prior, options.embeddingWeight ?? EMBEDDING_WEIGHT);
  return scored.sort((a, b) => b.score - a.score || a.chunkId - b.chunkId).slice(0, limit);
}

/** The embedding's share of the fused score (measured by eval:evidence; see README, The evidence library). */
export const EMBEDDING_WEIGHT = 0.4;

/**
 * A convex combination of the two rankers' scores, each scaled to its best
 * (1) for this question: BM25 weighed (rank-evidence.ts, term-coverage.ts),
 * and the cosine similarity weighed by the same priors of what the passage
 * is. Scores rather than ranks (reciprocal-rank fusion): how far apart two
 * passages are in either ranker matters, and a passage only one ranker
 * found is not lifted to the other's top by its rank alone.
 */
function fuse(lexical: readonly EvidenceHit[], near: ReadonlyArray<{ chunkId: number; similarity: number }>, hits: ReadonlyMap<number, EvidenceHit>, similarity: ReadonlyMap<number, number>, prior: (hit: EvidenceHit) => number, weight: number): EvidenceHit[] {
  const bestLexical = Math.max(...lexical.map((h) => h.score), 1e-9);
  const semantic = (hit: EvidenceHit) => Math.max(0, similarity.get(hit.chunkId) ?? 0) * prior(hit);
  const candidates = [...new Set([...lexical.map((h) => h.chunkId), ...near.map((n) => n.chunkId)])].map((id) => hits.get(id)!);
  const bestSemantic = Math.max(...candidates.map(semantic), 1e-9);
  const lexicalScore = new Map(lexical.map((h) => [h.chunkId, h.score]));
  return candidates.map((hit) => ({
    ...hit,
    score: (1 - weight) * ((lexicalScore.get(hit.chunkId) ?? 0) / bestLexical) + weight * (semantic(hit) / bestSemantic),
  }));
}
