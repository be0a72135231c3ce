import type { Db } from '../store/sqlite';
import type { EvidenceTier } from './evidence-meta';

export interface EvidenceHit {
  readonly chunkId: number;
  readonly sourceId: number;
  readonly title: string;
  readonly issuer: string;
  readonly published: string;
  readonly licence: string;
  readonly tier: EvidenceTier;
  readonly section: string;
  readonly page: number | null;
  /** The matching passage with each match between \u0002 and \u0003, for the UI to mark. */
  readonly snippet: string;
  /** Higher is better: BM25 relevance times the tier's weight. */
  readonly score: number;
}

/**
 * How much a source's tier lifts its BM25 relevance. A blend rather than a
 * strict order: a passage that answers the question from a reference text
 * should beat one that merely mentions a word in a guideline, but between
 * passages about as relevant, the guideline wins.
 */
export const TIER_WEIGHT: Record<EvidenceTier, number> = { guideline: 1.5, reference: 1.2, other: 1 };

/**
 * BM25 search over the library (headings weigh twice the text). The query
 * is plain words; FTS5 syntax in it is not interpreted, so a clinician's
 * "AND" or quote cannot break the search.
 */
export function searchEvidence(db: Db, query: string, limit = 10): EvidenceHit[] {
  const terms = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 32);
  if (terms.length === 0) return [];
  const match = terms.map((t) => `"${t}"`).join(' OR ');
  const rows = db
    .prepare(
      `SELECT c.id AS chunkId, s.id AS sourceId, s.title, s.issuer, s.published, s.licence, s.tier, c.section, c.page,
              snippet(evidence_fts, 1, char(2), char(3), '…', 32) AS snippet,
              -bm25(evidence_fts, 2.0, 1.0) * CASE s.tier WHEN 'guideline' THEN ${TIER_WEIGHT.guideline}
                WHEN 'reference' THEN ${TIER_WEIGHT.reference} ELSE ${TIER_WEIGHT.other} END AS score
       FROM evidence_fts
       JOIN evidence_chunks c ON c.id = evidence_fts.rowid
       JOIN evidence_sources s ON s.id = c.source_id
       WHERE evidence_fts MATCH ?
       ORDER BY score DESC, c.id
       LIMIT ?`,
    )
    .all(match, limit) as EvidenceHit[];
  return rows;
}

export interface EvidenceSourceSummary {
  readonly id: number;
  readonly title: string;
  readonly issuer: string;
  readonly published: string;
  readonly licence: string;
  readonly tier: EvidenceTier;
  readonly url: string | null;
  readonly chunks: number;
}

export function listEvidenceSources(db: Db): EvidenceSourceSummary[] {
  return db
    .prepare(
      `SELECT s.id, s.title, s.issuer, s.published, s.licence, s.tier, s.url, count(c.id) AS chunks
       FROM evidence_sources s LEFT JOIN evidence_chunks c ON c.source_id = s.id
       GROUP BY s.id ORDER BY CASE s.tier WHEN 'guideline' THEN 0 WHEN 'reference' THEN 1 ELSE 2 END, s.title`,
    )
    .all() as EvidenceSourceSummary[];
}

/** One chunk with its source, for a citation to open. */
export function getEvidenceChunk(db: Db, chunkId: number): (EvidenceHit & { text: string }) | null {
  const row = db
    .prepare(
      `SELECT c.id AS chunkId, s.id AS sourceId, s.title, s.issuer, s.published, s.licence, s.tier, c.section, c.page,
              c.text AS snippet, 0 AS score, c.text
       FROM evidence_chunks c JOIN evidence_sources s ON s.id = c.source_id WHERE c.id = ?`,
    )
    .get(chunkId) as (EvidenceHit & { text: string }) | undefined;
  return row ?? null;
}
