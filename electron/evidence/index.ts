/**
 * The evidence library: guideline and reference documents (Markdown, HTML,
 * text, text PDFs) with their source, issuer, date and licence, cut into
 * sections and searched with BM25, ranked with the source's tier.
 */
export { importEvidence, MAX_EVIDENCE_BYTES, type EvidenceImport } from './import-evidence';
export { evidenceMeta, evidenceTier, type EvidenceMeta, type EvidenceTier } from './evidence-meta';
export { evidenceContext, getEvidenceChunk, searchEvidence, TIER_WEIGHT, type EvidenceContext, type EvidenceHit, type EvidenceSourceSummary } from './search-evidence';
export { listEvidenceSources } from './queries';
export { searchEvidenceHybrid, type HybridOptions } from './hybrid-search';
export { embedEvidence, passageParts, type EmbedResult } from './embed-chunks';
export type { TextEmbedder } from './embedder';
export { sentenceEncoder, SENTENCE_ENCODER_MODEL } from './sentence-encoder';
export { findStarterLibrary, importStarterLibrary, readStarterIndex, type StarterImport } from './starter-library';
export { EvidenceError } from './evidence-error';
