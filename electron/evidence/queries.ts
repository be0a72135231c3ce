import type { Db, ReadDb } from '../store/sqlite';
import type { EvidenceFormat, EvidenceMeta } from './evidence-meta';
import type { EvidenceContext, EvidenceHit, EvidenceSourceSummary } from './search-evidence';

/**
 * Every statement on the evidence library's tables (evidence_sources,
 * evidence_chunks, its FTS index evidence_fts, evidence_vectors). Writers
 * take a Db and run inside the caller's vault.atomically(); readers take a
 * ReadDb.
 */

// --- sources and chunks -------------------------------------------------------

/** The document already imported with these bytes, if any. */
export function evidenceSourceBySha256(db: ReadDb, sha256: string): number | undefined {
  return db.prepare(`SELECT id FROM evidence_sources WHERE sha256 = ?`).pluck().get(sha256) as number | undefined;
}

/** The SHA-256 of every document in the library: what the starter library need not import again. */
export function evidenceSourceHashes(db: ReadDb): string[] {
  return db.prepare(`SELECT sha256 FROM evidence_sources`).pluck().all() as string[];
}

export function countEvidenceChunks(db: ReadDb, sourceId?: number): number {
  return (sourceId === undefined
    ? db.prepare(`SELECT count(*) FROM evidence_chunks`).pluck().get()
    : db.prepare(`SELECT count(*) FROM evidence_chunks WHERE source_id = ?`).pluck().get(sourceId)) as number;
}

export interface EvidenceSourceInsert extends EvidenceMeta {
  readonly format: EvidenceFormat;
  readonly fileName: string;
  readonly sha256: string;
  readonly importedAt: string;
  readonly importedBy: string;
}

export function insertEvidenceSource(db: Db, s: EvidenceSourceInsert): number {
  return Number(
    db
      .prepare(
        `INSERT INTO evidence_sources (title, issuer, published, licence, tier, url, format, file_name, sha256, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.title, s.issuer, s.published, s.licence, s.tier, s.url ?? null, s.format, s.fileName, s.sha256, s.importedAt, s.importedBy).lastInsertRowid,
  );
}

/** A document's chunks in order (ord = their index); the FTS index follows by trigger. */
export function insertEvidenceChunks(db: Db, sourceId: number, chunks: ReadonlyArray<{ section: string; page: number | null; text: string }>): void {
  const insert = db.prepare(`INSERT INTO evidence_chunks (source_id, ord, section, page, text) VALUES (?, ?, ?, ?, ?)`);
  chunks.forEach((chunk, ord) => insert.run(sourceId, ord, chunk.section, chunk.page, chunk.text));
}

export function listEvidenceSources(db: ReadDb): EvidenceSourceSummary[] {
  return db
    .prepare(
      `SELECT s.id, s.title, s.issuer, s.published, s.licence, s.tier, s.url, count(c.id) AS chunks
       FROM evidence_sources s LEFT JOIN evidence_chunks c ON c.source_id = s.id
       GROUP BY s.id ORDER BY CASE s.tier WHEN 'guideline' THEN 0 WHEN 'reference' THEN 1 ELSE 2 END, s.title`,
    )
    .all() as EvidenceSourceSummary[];
}

// --- search -------------------------------------------------------------------

/** A BM25 hit before it is weighed: the passage's text comes along for the weighing. */
export type Bm25Row = EvidenceHit & { body?: string };

/**
 * The `limit` best passages for an FTS5 MATCH expression by BM25, headings
 * weighing twice the text; the snippet marks each match between \u0002 and
 * \u0003. Score: higher is better.
 */
export function bm25Passages(db: ReadDb, match: string, limit: number): Bm25Row[] {
  return db
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
    .all(match, limit) as Bm25Row[];
}

/** How many passages an FTS5 MATCH expression finds: a word's document frequency, for its idf. */
export function passageCounter(db: ReadDb): (match: string) => number {
  const holding = db.prepare(`SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH ?`).pluck();
  return (match) => holding.get(match) as number;
}

/** Passages by id with their source, the whole text as the snippet, score 0. */
export function evidenceHitRows(db: ReadDb, chunkIds: readonly number[]): EvidenceHit[] {
  return db
    .prepare(
      `SELECT c.id AS chunkId, s.id AS sourceId, s.title, s.issuer, s.published, s.licence, s.tier, c.section, c.page, c.text AS snippet, 0 AS score
       FROM evidence_chunks c JOIN evidence_sources s ON s.id = c.source_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(chunkIds)) as EvidenceHit[];
}

/** One chunk with its source, for a citation to open. */
export function evidenceChunkRow(db: ReadDb, chunkId: number): (EvidenceHit & { text: string }) | undefined {
  return db
    .prepare(
      `SELECT c.id AS chunkId, s.id AS sourceId, s.title, s.issuer, s.published, s.licence, s.tier, c.section, c.page,
              c.text AS snippet, 0 AS score, c.text
       FROM evidence_chunks c JOIN evidence_sources s ON s.id = c.source_id WHERE c.id = ?`,
    )
    .get(chunkId) as (EvidenceHit & { text: string }) | undefined;
}

export function evidenceChunkPlace(db: ReadDb, chunkId: number): { sourceId: number; ord: number } | undefined {
  return db.prepare(`SELECT source_id AS sourceId, ord FROM evidence_chunks WHERE id = ?`).get(chunkId) as { sourceId: number; ord: number } | undefined;
}

export function evidenceSourceWithFile(db: ReadDb, sourceId: number): EvidenceContext['source'] {
  return db
    .prepare(
      `SELECT s.id, s.title, s.issuer, s.published, s.licence, s.tier, s.url, s.file_name AS fileName, (SELECT count(*) FROM evidence_chunks c WHERE c.source_id = s.id) AS chunks
       FROM evidence_sources s WHERE s.id = ?`,
    )
    .get(sourceId) as EvidenceContext['source'];
}

/** A document's chunks from ord `from` to `to`, in order. */
export function evidenceChunksBetween(db: ReadDb, sourceId: number, from: number, to: number): EvidenceContext['chunks'] {
  return db
    .prepare(`SELECT id AS chunkId, ord, section, page, text FROM evidence_chunks WHERE source_id = ? AND ord BETWEEN ? AND ? ORDER BY ord`)
    .all(sourceId, from, to) as EvidenceContext['chunks'];
}

// --- vectors ------------------------------------------------------------------

/** Whether any passage holds a vector of `model`: before that, search is lexical. */
export function hasEvidenceVectors(db: ReadDb, model: string): boolean {
  return db.prepare(`SELECT 1 FROM evidence_vectors WHERE model = ? LIMIT 1`).get(model) !== undefined;
}

/** Passages that hold no vector of `model` yet, in id order. */
export function unembeddedChunks(db: ReadDb, model: string): Array<{ id: number; text: string }> {
  return db
    .prepare(
      `SELECT c.id, c.text FROM evidence_chunks c
       WHERE NOT EXISTS (SELECT 1 FROM evidence_vectors v WHERE v.chunk_id = c.id AND v.model = ?) ORDER BY c.id`,
    )
    .all(model) as Array<{ id: number; text: string }>;
}

export function hasUnembeddedChunk(db: ReadDb, model: string): boolean {
  return db.prepare(`SELECT 1 FROM evidence_chunks c WHERE NOT EXISTS (SELECT 1 FROM evidence_vectors v WHERE v.chunk_id = c.id AND v.model = ?) LIMIT 1`).get(model) !== undefined;
}

/** Stores passages' vectors; a passage deleted meanwhile (its document removed) is skipped, not an error. */
export function storeChunkVectors(db: Db, model: string, rows: ReadonlyArray<{ chunkId: number; vectors: Buffer }>): void {
  const insert = db.prepare(`INSERT OR REPLACE INTO evidence_vectors (chunk_id, model, vectors) SELECT id, ?, ? FROM evidence_chunks WHERE id = ?`);
  for (const r of rows) insert.run(model, r.vectors, r.chunkId);
}

/** Changes whenever a vector of `model` is added or replaced: when a held index must be read again. */
export function evidenceVectorStamp(db: ReadDb, model: string): string {
  return db.prepare(`SELECT count(*) || ':' || ifnull(max(rowid), 0) FROM evidence_vectors WHERE model = ?`).pluck().get(model) as string;
}

export function evidenceVectorRows(db: ReadDb, model: string): Array<{ chunkId: number; vectors: Buffer }> {
  return db.prepare(`SELECT chunk_id AS chunkId, vectors FROM evidence_vectors WHERE model = ? ORDER BY chunk_id`).all(model) as Array<{ chunkId: number; vectors: Buffer }>;
}
