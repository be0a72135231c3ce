import type { Migration } from './migration';

// Sentence embeddings of the evidence library's passages, for the second
// ranker beside BM25 (electron/evidence/embed-chunks.ts). Each row names
// the model that made it: a vault keeps working, lexically, for passages
// not embedded yet, and vectors of another model are never compared.
// Not patient data. SQLite 3.15 syntax only (SQLCipher 3 vaults).
export const evidenceVectors: Migration = {
  version: 9,
  name: '0009-evidence-vectors',
  up: `
CREATE TABLE evidence_vectors (
  chunk_id INTEGER NOT NULL REFERENCES evidence_chunks(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  -- Unit vectors as little-endian float32, one after another: a passage is embedded in parts.
  vectors BLOB NOT NULL,
  PRIMARY KEY (chunk_id, model)
);
`,
};
