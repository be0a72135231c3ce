import { availableParallelism } from 'node:os';
import { readDateOrder } from '../../ocr/date-order';
import type { DocumentSummary, ProposalEdits } from '../../api/ocr-schemas';
import { correctWord, decideProposal, extract, listProposals, OcrError, OcrPool, recognizeDocument, saveDocument, sniffMediaType, type OcrWord, type Proposal } from '../../ocr';
import { toUcum } from '../../ocr/extract/ucum';
import { randomUUID } from 'node:crypto';
import type { IdentityCheck } from '../../api/identity-schemas';
import { compareIdentity, loadChartIdentity } from '../../identity/compare-identity';
import { documentPatient } from '../../ocr/identity';
import { listDocuments } from '../../ocr/list-documents';
import { acceptPageAsRead, markWordsSeen, pageReviews, seenWords } from '../../ocr/review';
import type { OcrMediaType, OcrPage } from '../../ocr/types';
import { documentHeader, documentPageRow, proposedJson } from '../../ocr/queries';
import { VaultError } from '../../store/errors';
import { requirePatient } from '../../store/queries/patients';
import type { Vault } from '../../store/vault';
import type { HandlerMap } from './handler';

/**
 * Documents and OCR over the API. Recognition runs in the OCR pool's worker
 * threads (tesseract.js, one per core, at most 4), started on the first
 * upload and kept for the next: the core's own thread only decodes and
 * deskews, so other calls are answered meanwhile. An upload is a job
 * (electron/core/jobs): 'documents.startUpload' answers at once, and a
 * direct 'documents.upload' runs as one too, so that its uploadId finds it.
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

/**
 * Documents recognized but not filed because the page names another patient
 * than the chart's: kept in the core's memory only (never on disk), for the
 * clinician to file anyway (an audited override) or discard, for 30 minutes
 * or until the vault locks.
 */
interface PendingFiling {
  readonly vault: Vault;
  readonly patientId: string;
  readonly fileName: string;
  readonly mediaType: OcrMediaType;
  readonly bytes: Buffer;
  readonly pages: OcrPage[];
  readonly proposals: Proposal[];
  readonly identity: IdentityCheck;
  readonly at: number;
}
const PENDING_MS = 30 * 60_000;
const pendingFilings = new Map<string, PendingFiling>();

function takePending(vault: Vault, pendingId: string): PendingFiling {
  for (const [id, p] of pendingFilings) if (Date.now() - p.at > PENDING_MS || !p.vault.isOpen) pendingFilings.delete(id);
  const pending = pendingFilings.get(pendingId);
  if (!pending || pending.vault !== vault) throw new VaultError('not-found', 'that document is no longer waiting to be filed (it was filed or discarded, the vault locked, or 30 minutes passed): add it again');
  pendingFilings.delete(pendingId);
  return pending;
}

function documentSummaries(vault: Vault, patientId: string, documentId?: string): DocumentSummary[] {
  return listDocuments(vault.db, patientId, documentId);
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
  'documents.upload': async (params, { session, job }) => {
    const vault = session.requireVault();
    requirePatient(vault.db, params.patientId);
    const bytes = Buffer.from(params.base64, 'base64');
    const mediaType = sniffMediaType(bytes);
    if (bytes.length === 0) throw new VaultError('invalid-input', `${params.fileName}: the file is empty`);
    if (!mediaType) throw new VaultError('invalid-input', `${params.fileName}: not a PNG, JPEG, TIFF or PDF`);
    const pages = await recognizeDocument(ocrPool(), bytes, params.fileName, {
      ...(job ? { signal: job.signal } : {}),
      onProgress: (p) => job?.report({ step: p.page, steps: p.pages, progress: Math.min(1, Math.max(0, p.progress)), status: p.status }),
    }).catch(asOneLine);
    if (pages.every((p) => p.words.length === 0)) throw new VaultError('invalid-input', `${params.fileName}: no text was found on ${pages.length === 1 ? 'the page' : `its ${pages.length} pages`}`);
    // The vault may have locked during a long OCR run: ask again before writing.
    const current = session.requireVault();
    const proposals = extract(pages, { dateOrder: readDateOrder(current) });
    // Whose page is it? A name, birth date or sex that contradicts the chart stops the filing until the clinician decides.
    const identity = compareIdentity(documentPatient(pages, proposals), loadChartIdentity(current.db, params.patientId));
    if (identity.needsOverride) {
      const pendingId = `filing-${randomUUID()}`;
      pendingFilings.set(pendingId, { vault: current, patientId: params.patientId, fileName: params.fileName, mediaType, bytes, pages, proposals, identity, at: Date.now() });
      return { document: null, identity, pendingId };
    }
    const stored = saveDocument(current, { patientId: params.patientId, title: params.fileName, mediaType, bytes, pages, proposals, identity });
    return { document: documentSummaries(current, params.patientId, stored.documentId)[0]!, identity, pendingId: null };
  },

  'documents.startUpload': (params, { session, startJob }) => {
    session.requireVault();
    return { job: startJob('documents.upload', params, params.uploadId ?? null) };
  },

  'documents.progress': (params, { session }) => {
    session.requireVault();
    const p = session.jobs.running('documents.upload', params.uploadId)?.progress;
    return { progress: p ? { page: p.step, pages: p.steps, progress: p.progress, status: p.status } : null };
  },

  'documents.cancel': (params, { session }) => {
    session.requireVault();
    const running = session.jobs.running('documents.upload', params.uploadId);
    return { cancelled: running !== null && session.jobs.cancel(running.id) };
  },

  'documents.fileAnyway': (params, { session }) => {
    const vault = session.requireVault();
    const p = takePending(vault, params.pendingId);
    const stored = saveDocument(vault, { patientId: p.patientId, title: p.fileName, mediaType: p.mediaType, bytes: p.bytes, pages: p.pages, proposals: p.proposals, identity: p.identity, override: true });
    return { document: documentSummaries(vault, p.patientId, stored.documentId)[0]!, identity: p.identity, pendingId: null };
  },

  'documents.discardPending': (params, { session }) => {
    const vault = session.requireVault();
    try {
      takePending(vault, params.pendingId);
      return { discarded: true };
    } catch {
      return { discarded: false };
    }
  },

  'documents.list': (params, { session }) => ({ documents: documentSummaries(session.requireVault(), params.patientId) }),

  'documents.seeWords': (params, { session }) => markWordsSeen(session.requireVault(), params.documentId, params.page, params.indices),

  'documents.acceptPage': (params, { session }) => acceptPageAsRead(session.requireVault(), params.documentId, params.page),

  'documents.page': (params, { session }) => {
    const vault = session.requireVault();
    const doc = documentHeader(vault.db, params.documentId);
    if (!doc) throw new VaultError('not-found', `no document ${params.documentId}`);
    const row = documentPageRow(vault.db, params.documentId, params.page);
    if (!row) throw new VaultError('not-found', `${doc.title} has no page ${params.page} (it has ${doc.page_count})`);
    vault.audit('record.view', doc.patient_id, { kind: 'document.page', documentId: doc.id, page: row.page });
    // A page with no doubtful word is reviewed once a clinician has opened it.
    let review = pageReviews(vault.db, doc.id).find((r) => r.page === row.page)!;
    if (!review.reviewed && review.lowWords === 0) review = markWordsSeen(vault, doc.id, row.page, []);
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
      review: { ...review, seen: seenWords(vault.db, doc.id, row.page) },
    };
  },

  'documents.correctWord': (params, { session }) => {
    const { word } = correctWord(session.requireVault(), params);
    return { word };
  },

  'ocr.decide': (params, { session }) => {
    const vault = session.requireVault();
    const proposed = proposedJson(vault.db, params.proposalId);
    if (proposed === undefined) throw new VaultError('not-found', `no proposal ${params.proposalId}`);
    const edits = params.edits ? editsFor(JSON.parse(proposed) as Proposal, params.edits) : {};
    if (params.decision === 'edit' && Object.keys(edits).length === 0) throw new VaultError('invalid-input', 'an edit needs at least one corrected field');
    if (params.decision === 'reject' && Object.keys(edits).length > 0) throw new VaultError('invalid-input', 'a rejected proposal takes no edits');
    return decideProposal(vault, params.proposalId, params.decision === 'reject' ? 'reject' : 'accept', edits);
  },
};
