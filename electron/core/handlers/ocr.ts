import { availableParallelism } from 'node:os';
import { readDateOrder } from '../../ocr/date-order';
import type { DocumentSummary, ProposalEdits } from '../../api/ocr-schemas';
import { correctWord, decideProposal, extract, listProposals, OcrError, OcrPool, recognizeDocument, saveDocument, sniffMediaType, type OcrProgress, type OcrWord, type Proposal } from '../../ocr';
import { toUcum } from '../../ocr/extract/ucum';
import { VaultError } from '../../store/errors';
import type { Vault } from '../../store/vault';
import type { HandlerMap } from './handler';

/**
 * Documents and OCR over the API. Recognition runs in the OCR pool's worker
 * threads (tesseract.js, one per core, at most 4), started on the first
 * upload and kept for the next: the core's own thread only decodes and
 * deskews, so other calls are answered meanwhile.
 */
let pool: OcrPool | null = null;
function ocrPool(): OcrPool {
  pool ??= new OcrPool(Math.max(1, Math.min(4, availableParallelism())));
  return pool;
}

/** Closes the OCR workers (tests, shutdown); a later upload starts a fresh pool. */
export async function closeOcrPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}

const uploads = new Map<string, { controller: AbortController; progress: OcrProgress | null }>();

/** The reading notice saveDocument() keeps in the document's source row (e.g. only page 1 of a fax TIFF read). */
function noticeOf(detail: string | null): string | null {
  if (!detail) return null;
  try {
    const notice = (JSON.parse(detail) as { notice?: unknown }).notice;
    return typeof notice === 'string' ? notice : null;
  } catch {
    return null;
  }
}

function documentSummaries(vault: Vault, patientId: string, documentId?: string): DocumentSummary[] {
  const rows = vault.db
    .prepare(
      `SELECT d.id, d.title, d.media_type, d.page_count, d.created_at, s.detail AS detail,
         (SELECT COUNT(*) FROM document_proposals p WHERE p.document_id = d.id AND p.status = 'pending' AND p.kind != 'date') AS pending,
         (SELECT COUNT(*) FROM document_proposals p WHERE p.document_id = d.id AND p.status = 'accepted') AS accepted,
         (SELECT COUNT(*) FROM document_proposals p WHERE p.document_id = d.id AND p.status = 'edited') AS edited,
         (SELECT COUNT(*) FROM document_proposals p WHERE p.document_id = d.id AND p.status = 'rejected') AS rejected
       FROM documents d LEFT JOIN sources s ON s.id = d.source_id
       WHERE d.patient_id = ? AND (? IS NULL OR d.id = ?) AND EXISTS (SELECT 1 FROM document_pages g WHERE g.document_id = d.id)
       ORDER BY d.created_at DESC, d.rowid DESC`,
    )
    .all(patientId, documentId ?? null, documentId ?? null) as {
    id: string;
    title: string;
    media_type: string;
    page_count: number;
    created_at: string;
    detail: string | null;
    pending: number;
    accepted: number;
    edited: number;
    rejected: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    mediaType: r.media_type,
    pages: r.page_count,
    createdAt: r.created_at,
    proposals: { pending: r.pending, accepted: r.accepted, edited: r.edited, rejected: r.rejected },
    notice: noticeOf(r.detail),
  }));
}

const EDITABLE: Record<Proposal['kind'], readonly (keyof ProposalEdits)[]> = {
  lab: ['value', 'unit', 'refLow', 'refHigh', 'date'],
  vital: ['value', 'value2', 'date'],
  medication: ['name', 'strength', 'dose', 'frequency'],
  date: ['date'],
  name: ['name'],
  diagnosis: ['code'],
};

/** The edits as decideProposal() merges them: checked against the proposal's kind; a lab's new unit normalized to UCUM. */
function editsFor(proposal: Proposal, edits: ProposalEdits): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(edits) as [keyof ProposalEdits, string | number | null | undefined][]) {
    if (value === undefined) continue;
    if (!EDITABLE[proposal.kind].includes(key)) throw new VaultError('invalid-input', `a ${proposal.kind} proposal has no field "${key}" to edit`);
    if (proposal.kind === 'date' && key === 'date' && value === null) throw new VaultError('invalid-input', 'a date proposal needs a date');
    out[key] = value;
  }
  if (proposal.kind === 'lab' && typeof out['unit'] === 'string') out['ucum'] = toUcum(out['unit']);
  return out;
}

function asOneLine(error: unknown): never {
  if (error instanceof OcrError) throw new VaultError('invalid-input', error.message);
  throw error;
}

export const ocrHandlers: HandlerMap = {
  'documents.upload': async (params, { session }) => {
    const vault = session.requireVault();
    if (!vault.db.prepare('SELECT 1 FROM patients WHERE id = ?').get(params.patientId)) throw new VaultError('not-found', `no patient ${params.patientId}`);
    const bytes = Buffer.from(params.base64, 'base64');
    const mediaType = sniffMediaType(bytes);
    if (bytes.length === 0) throw new VaultError('invalid-input', `${params.fileName}: the file is empty`);
    if (!mediaType) throw new VaultError('invalid-input', `${params.fileName}: not a PNG, JPEG, TIFF or PDF`);
    if (params.uploadId && uploads.has(params.uploadId)) throw new VaultError('invalid-input', `upload ${params.uploadId} is already running`);
    const controller = new AbortController();
    const entry = { controller, progress: null as OcrProgress | null };
    if (params.uploadId) uploads.set(params.uploadId, entry);
    try {
      const pages = await recognizeDocument(ocrPool(), bytes, params.fileName, {
        signal: controller.signal,
        onProgress: (p) => {
          entry.progress = p;
        },
      }).catch(asOneLine);
      if (pages.every((p) => p.words.length === 0)) throw new VaultError('invalid-input', `${params.fileName}: no text was found on ${pages.length === 1 ? 'the page' : `its ${pages.length} pages`}`);
      // The vault may have locked during a long OCR run: ask again before writing.
      const stored = saveDocument(session.requireVault(), { patientId: params.patientId, title: params.fileName, mediaType, bytes, pages, proposals: extract(pages, { dateOrder: readDateOrder(session.requireVault()) }) });
      return { document: documentSummaries(session.requireVault(), params.patientId, stored.documentId)[0]! };
    } finally {
      if (params.uploadId) uploads.delete(params.uploadId);
    }
  },

  'documents.progress': (params, { session }) => {
    session.requireVault();
    return { progress: uploads.get(params.uploadId)?.progress ?? null };
  },

  'documents.cancel': (params, { session }) => {
    session.requireVault();
    const entry = uploads.get(params.uploadId);
    entry?.controller.abort();
    return { cancelled: entry !== undefined };
  },

  'documents.list': (params, { session }) => ({ documents: documentSummaries(session.requireVault(), params.patientId) }),

  'documents.page': (params, { session }) => {
    const vault = session.requireVault();
    const doc = vault.db.prepare('SELECT id, patient_id, title, page_count FROM documents WHERE id = ?').get(params.documentId) as
      | { id: string; patient_id: string; title: string; page_count: number }
      | undefined;
    if (!doc) throw new VaultError('not-found', `no document ${params.documentId}`);
    const row = vault.db
      .prepare('SELECT page, width, height, source, rotation, confidence, image, words FROM document_pages WHERE document_id = ? AND page = ?')
      .get(params.documentId, params.page) as
      | { page: number; width: number; height: number; source: 'ocr' | 'text-layer'; rotation: number; confidence: number | null; image: Buffer | null; words: string }
      | undefined;
    if (!row) throw new VaultError('not-found', `${doc.title} has no page ${params.page} (it has ${doc.page_count})`);
    vault.audit('record.view', doc.patient_id, { kind: 'document.page', documentId: doc.id, page: row.page });
    return {
      documentId: doc.id,
      patientId: doc.patient_id,
      title: doc.title,
      page: row.page,
      pages: doc.page_count,
      width: row.width,
      height: row.height,
      source: row.source,
      rotation: row.rotation,
      confidence: row.confidence,
      imageBase64: row.image ? Buffer.from(row.image).toString('base64') : null,
      words: JSON.parse(row.words) as OcrWord[],
      proposals: listProposals(vault, doc.id).filter((p) => p.proposal.evidence.page === row.page),
    };
  },

  'documents.correctWord': (params, { session }) => {
    const { word } = correctWord(session.requireVault(), params);
    return { word };
  },

  'ocr.decide': (params, { session }) => {
    const vault = session.requireVault();
    const current = vault.db.prepare('SELECT proposed FROM document_proposals WHERE id = ?').get(params.proposalId) as { proposed: string } | undefined;
    if (!current) throw new VaultError('not-found', `no proposal ${params.proposalId}`);
    const edits = params.edits ? editsFor(JSON.parse(current.proposed) as Proposal, params.edits) : {};
    if (params.decision === 'edit' && Object.keys(edits).length === 0) throw new VaultError('invalid-input', 'an edit needs at least one corrected field');
    if (params.decision === 'reject' && Object.keys(edits).length > 0) throw new VaultError('invalid-input', 'a rejected proposal takes no edits');
    return decideProposal(vault, params.proposalId, params.decision === 'reject' ? 'reject' : 'accept', edits);
  },
};
