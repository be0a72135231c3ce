import type { Db } from '../store/sqlite';
import type { EvidenceTier } from './evidence-meta';
import { bm25Passages, evidenceChunkPlace, evidenceChunkRow, evidenceChunksBetween, evidenceHitRows, evidenceSourceWithFile } from './queries';
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
  const rows = bm25Passages(db, match, Math.max(limit, CANDIDATES));
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
  return evidenceHitRows(db, chunkIds).map((hit) => ({ ...hit, snippet: opening(hit.snippet) }));
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

/** One chunk with its source, for a citation to open. */
export function getEvidenceChunk(db: Db, chunkId: number): (EvidenceHit & { text: string }) | null {
  return evidenceChunkRow(db, chunkId) ?? null;
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
  const chunk = evidenceChunkPlace(db, chunkId);
  if (!chunk) return null;
  const source = evidenceSourceWithFile(db, chunk.sourceId);
  const chunks = evidenceChunksBetween(db, chunk.sourceId, chunk.ord - around, chunk.ord + around);
  return { source, chunks, at: chunks.findIndex((c) => c.chunkId === chunkId), total: source.chunks };
}
