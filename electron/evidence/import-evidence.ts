import { createHash } from 'node:crypto';
import type { Vault } from '../store/vault';
import { chunkSections } from './chunk';
import { EvidenceError } from './evidence-error';
import { evidenceMeta, formatOf, type EvidenceFormat, type EvidenceMeta } from './evidence-meta';
import { countEvidenceChunks, evidenceSourceBySha256, insertEvidenceChunks, insertEvidenceSource } from './queries';
import { parseHtml } from './parsers/html';
import { parseMarkdown } from './parsers/markdown';
import { parsePdf } from './parsers/pdf';
import { parsePlainText } from './parsers/plain-text';
import type { Section } from './section';

export interface EvidenceImport {
  readonly sourceId: number;
  readonly chunks: number;
  readonly alreadyImported: boolean;
}

/** Larger than any guideline we know of; beyond it, a file is more likely a mistake. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

/**
 * Adds a document to the library: parsed, cut into sections, stored with
 * its source, issuer, date and licence in one transaction. The same bytes
 * again add nothing. A file it cannot read is refused with a one-line
 * message naming it, and nothing of it is stored. `signal` stops it before
 * anything is written.
 */
export async function importEvidence(vault: Vault, fileName: string, bytes: Uint8Array, meta: EvidenceMeta, options: { signal?: AbortSignal | undefined } = {}): Promise<EvidenceImport> {
  const checked = evidenceMeta.safeParse(meta);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new EvidenceError(`${fileName}: ${issue.path.join('.') || 'metadata'}: ${issue.message}`);
  }
  if (bytes.length === 0) throw new EvidenceError(`${fileName}: the file is empty`);
  if (bytes.length > MAX_EVIDENCE_BYTES) throw new EvidenceError(`${fileName}: larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB; split it first`);
  const format = formatOf(fileName, bytes);
  if (!format) throw new EvidenceError(`${fileName}: not a document the library reads (Markdown .md, HTML .html, text .txt or PDF)`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = evidenceSourceBySha256(vault.db, sha256);
  if (existing !== undefined) return { sourceId: existing, chunks: countEvidenceChunks(vault.db, existing), alreadyImported: true };
  const sections = await parse(fileName, format, bytes);
  const chunks = chunkSections(sections);
  if (chunks.length === 0) throw new EvidenceError(`${fileName}: no text found in the document`);
  // Stopped (a cancel, the vault locking) while the document was read: nothing of it is stored.
  if (options.signal?.aborted) throw new EvidenceError(`${fileName}: the import was cancelled; nothing was imported`);

  const db = vault.db;
  const m = checked.data;
  return vault.atomically((): EvidenceImport => {
    const sourceId = insertEvidenceSource(db, { ...m, format, fileName, sha256, importedAt: vault.now().toISOString(), importedBy: vault.clinician.id });
    insertEvidenceChunks(db, sourceId, chunks);
    vault.audit('evidence.import', null, { sourceId, file: fileName, chunks: chunks.length });
    return { sourceId, chunks: chunks.length, alreadyImported: false };
  });
}

async function parse(fileName: string, format: EvidenceFormat, bytes: Uint8Array): Promise<Section[]> {
  if (format === 'pdf') return parsePdf(fileName, bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EvidenceError(`${fileName}: not UTF-8 text; save it as UTF-8 and import it again`);
  }
  if (text.includes('\u0000')) throw new EvidenceError(`${fileName}: binary data, not ${format === 'html' ? 'HTML' : 'text'}`);
  text = text.replace(/^\uFEFF/, '');
  switch (format) {
    case 'markdown':
      return parseMarkdown(text);
    case 'html':
      return parseHtml(text);
    case 'text':
      return parsePlainText(text);
  }
}
