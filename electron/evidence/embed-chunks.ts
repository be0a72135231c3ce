import type { Vault } from '../store/vault';
import type { TextEmbedder } from './embedder';
import { hasUnembeddedChunk, storeChunkVectors, unembeddedChunks } from './queries';

/**
 * Passages embedded per model call (about a dozen sentence parts): enough
 * to amortise the call, few enough that the core's thread, which runs this
 * between answering the UI, is never held much longer than a second.
 */
export const EMBED_BATCH = 4;

export interface EmbedResult {
  readonly embedded: number;
  readonly seconds: number;
}

/** A sentence encoder reads sentences: a passage is embedded in parts of about this many characters, whole sentences each. */
export const PART_CHARS = 300;

/**
 * What the model reads of a passage: its sentences (and clauses after a
 * semicolon, lines), packed into parts of up to PART_CHARS. A 1,200-character
 * passage embedded whole blurs its one answering sentence into the rest
 * (eval:evidence: embedding alone, top-5 0.35 whole, 0.53 by parts); a
 * question is matched by the passage's nearest part.
 */
export function passageParts(text: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (const sentence of text.split(/(?<=[.!?;:])\s+|\n+/).filter((s) => s.trim())) {
    if (part && part.length + 1 + sentence.length > PART_CHARS) {
      parts.push(part);
      part = sentence;
    } else part = part ? `${part} ${sentence}` : sentence;
  }
  if (part) parts.push(part);
  return parts.length > 0 ? parts : [text];
}

/**
 * Embeds the library's passages that hold no vector of this model yet: the
 * whole starter library on first run, a new document's passages after an
 * import. In batches, each written in its own transaction, yielding between
 * them so that the thread keeps answering; `goOn` is asked before each batch
 * (the vault may have been locked meanwhile), and a later call finishes the
 * rest. Passages without vectors are still found by BM25.
 */
export async function embedEvidence(vault: Vault, embedder: TextEmbedder, goOn: () => boolean = () => true): Promise<EmbedResult> {
  const started = performance.now();
  const missing = unembeddedChunks(vault.db, embedder.model);
  let embedded = 0;
  for (let i = 0; i < missing.length; i += EMBED_BATCH) {
    if (!goOn()) break;
    const batch = missing.slice(i, i + EMBED_BATCH);
    const parts = batch.map((c) => passageParts(c.text));
    const vectors = await embedder.embed(parts.flat());
    if (!goOn()) break;
    let next = 0;
    const rows = batch.map((c, j) => {
      const row = { chunkId: c.id, vectors: vectorBytes(vectors.slice(next, next + parts[j]!.length)) };
      next += parts[j]!.length;
      return row;
    });
    // A passage deleted meanwhile (its document removed) is skipped, not an error.
    vault.atomically(() => storeChunkVectors(vault.db, embedder.model, rows));
    embedded += batch.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { embedded, seconds: (performance.now() - started) / 1000 };
}

/** Whether some passage holds no vector of `model`: asked before loading a model for nothing. */
export function hasUnembedded(vault: Vault, model: string): boolean {
  return hasUnembeddedChunk(vault.db, model);
}

/** Vectors as stored: little-endian float32, one after another. */
export function vectorBytes(vectors: readonly Float32Array[]): Buffer {
  const out = Buffer.alloc(vectors.reduce((n, v) => n + v.length * 4, 0));
  let at = 0;
  for (const v of vectors) for (const x of v) at = out.writeFloatLE(x, at);
  return out;
}
