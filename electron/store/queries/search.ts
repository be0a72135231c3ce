import type { SearchHit } from '../../api/schemas';
import type { ReadDb } from '../sqlite';

/**
 * Full-text search within one chart (notes, facts, document text), BM25
 * ranked. Each word of the query is quoted so that FTS5 syntax characters in
 * what a clinician types never raise a syntax error; the last word matches as
 * a prefix, as people type.
 */
export function searchText(db: ReadDb, patientId: string, query: string, limit = 50): SearchHit[] {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  const match = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
  return db
    .prepare(
      `SELECT kind, ref_id AS id, snippet(search_index, 0, '[', ']', '…', 12) AS snippet, bm25(search_index) AS rank
       FROM search_index WHERE search_index MATCH @match AND patient_id = @patientId
       ORDER BY rank LIMIT @limit`,
    )
    .all({ match, patientId, limit }) as SearchHit[];
}
