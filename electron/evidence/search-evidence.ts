import type { Db } from '../store/sqlite';
import type { EvidenceTier } from './evidence-meta';
import { expandQuery } from './query-expansion';
import { drugsAsked, drugWeight, isDosingQuestion, QUESTION_WORDS, sectionWeight, tierWeight } from './rank-evidence';
import { askedTerms, sentenceCoverage, titleWeight } from './term-coverage';

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
  /** Higher is better: BM25 relevance weighed by what the passage is and what was asked (rank-evidence.ts). */
  readonly score: number;
}

/** The former fixed lift by tier alone, kept as the baseline eval:evidence compares with. */
export const TIER_WEIGHT: Record<EvidenceTier, number> = { guideline: 1.5, reference: 1.2, other: 1 };

/** How many BM25 candidates are weighed again: enough that a recommendation ranked low by word counts can rise. */
const CANDIDATES = 200;

export interface SearchOptions {
  /** 'bm25': BM25 with the fixed tier lift only (the baseline); default: weighed (rank-evidence.ts). */
  readonly ranker?: 'bm25' | 'weighed';
}

/**
 * Search of the library: BM25 over headings (weighing twice) and text,
 * then weighed by section, question and drug (rank-evidence.ts) and by how
 * much of the question, rare words first, one sentence of the passage holds
 * (term-coverage.ts). The
 * query is plain words; FTS5 syntax in it is not interpreted, so a
 * clinician's "AND" or quote cannot break the search. A brand name in the
 * question also searches its ingredient ("Lasix" -> furosemide).
 */
export function searchEvidence(db: Db, query: string, limit = 10, options: SearchOptions = {}): EvidenceHit[] {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
  const drugs = drugsAsked(query);
  const meaningful = words.filter((w) => !QUESTION_WORDS.has(w));
  const asked = meaningful.length > 0 ? meaningful : words;
  const dosing = isDosingQuestion(query);
  const expanded = options.ranker === 'bm25' ? [] : expandQuery(asked, query, !dosing);
  const terms = [...new Set([...asked, ...expanded])].slice(0, 48);
  if (terms.length === 0) return [];
  const match = terms.map((t) => `"${t.replace(/"/g, '')}"`).join(' OR ');
  const rows = db
    .prepare(
      `SELECT c.id AS chunkId, s.id AS sourceId, s.title, s.issuer, s.published, s.licence, s.tier, c.section, c.page,
              snippet(evidence_fts, 1, char(2), char(3), '…', 32) AS snippet,
              -bm25(evidence_fts, 2.0, 1.0) AS score, c.text AS body
       FROM evidence_fts
       JOIN evidence_chunks c ON c.id = evidence_fts.rowid
       JOIN evidence_sources s ON s.id = c.source_id
       WHERE evidence_fts MATCH ?
       ORDER BY bm25(evidence_fts, 2.0, 1.0), c.id
       LIMIT ?`,
    )
    .all(match, Math.max(limit, CANDIDATES)) as Array<EvidenceHit & { body?: string }>;
  const questionTerms = options.ranker === 'bm25' ? [] : askedTerms(db, asked, !dosing, query);
  const weigh = (hit: EvidenceHit & { body?: string }): number =>
    options.ranker === 'bm25'
      ? hit.score * TIER_WEIGHT[hit.tier]
      : hit.score *
        tierWeight(hit.tier, dosing) *
        sectionWeight(hit.section, dosing) *
        drugWeight(hit.title, hit.tier, drugs) *
        sentenceCoverage(questionTerms, hit.body ?? '') *
        titleWeight(questionTerms, hit.title);
  return rows
    .map(({ body, ...hit }) => ({ ...hit, score: weigh({ ...hit, body }) }))
    .sort((a, b) => b.score - a.score || a.chunkId - b.chunkId)
    .slice(0, limit);
}

/**
 * Hits for passages found by another ranker than BM25 (the embedding's
 * nearest passages): the passage's opening as the snippet, nothing marked
 * (no word of the question need be in it); score 0, for the caller to set.
 */
export function evidenceHits(db: Db, chunkIds: readonly number[]): EvidenceHit[] {
  if (chunkIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT c.id AS chunkId, s.id AS sourceId, s.title, s.issuer, s.published, s.licence, s.tier, c.section, c.page, c.text AS snippet, 0 AS score
       FROM evidence_chunks c JOIN evidence_sources s ON s.id = c.source_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(chunkIds)) as EvidenceHit[];
  return rows.map((hit) => ({ ...hit, snippet: opening(hit.snippet) }));
}

/** About as long as an FTS snippet of 32 words, cut at a space: never inside a number or a dose. */
function opening(text: string, chars = 240): string {
  if (text.length <= chars) return text;
  const space = text.lastIndexOf(' ', chars);
  return `${text.slice(0, space > 0 ? space : chars).trimEnd()} …`;
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

export interface EvidenceContext {
  readonly source: EvidenceSourceSummary & { readonly fileName: string };
  /** The passage and its neighbours in document order, for a reader to show in place. */
  readonly chunks: Array<{ chunkId: number; ord: number; section: string; page: number | null; text: string }>;
  /** Index in `chunks` of the passage asked for. */
  readonly at: number;
  /** How many passages the document has. */
  readonly total: number;
}

/** A passage with `around` passages before and after it in its document: what the reader opens at the passage's page. */
export function evidenceContext(db: Db, chunkId: number, around = 2): EvidenceContext | null {
  const chunk = db.prepare(`SELECT source_id AS sourceId, ord FROM evidence_chunks WHERE id = ?`).get(chunkId) as { sourceId: number; ord: number } | undefined;
  if (!chunk) return null;
  const source = db
    .prepare(
      `SELECT s.id, s.title, s.issuer, s.published, s.licence, s.tier, s.url, s.file_name AS fileName, (SELECT count(*) FROM evidence_chunks c WHERE c.source_id = s.id) AS chunks
       FROM evidence_sources s WHERE s.id = ?`,
    )
    .get(chunk.sourceId) as EvidenceSourceSummary & { fileName: string };
  const chunks = db
    .prepare(`SELECT id AS chunkId, ord, section, page, text FROM evidence_chunks WHERE source_id = ? AND ord BETWEEN ? AND ? ORDER BY ord`)
    .all(chunk.sourceId, chunk.ord - around, chunk.ord + around) as EvidenceContext['chunks'];
  return { source, chunks, at: chunks.findIndex((c) => c.chunkId === chunkId), total: source.chunks };
}
