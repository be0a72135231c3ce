import type { DocumentSummary, ProposalEdits } from '../../api/ocr-schemas';
import { correctWord, decideProposal, listProposals, OcrError, type OcrWord, type Proposal } from '../../ocr';
import { toUcum } from '../../ocr/extract/ucum';
import { listDocuments } from '../../ocr/list-documents';
import { acceptPageAsRead, markWordsSeen, pageReviews, seenWords } from '../../ocr/review';
import { fileScan, readScan } from '../../ocr/scan-document';
import { documentHeader, documentPageRow, proposedJson } from '../../ocr/queries';
import { VaultError } from '../../store/errors';
import type { Vault } from '../../store/vault';
import type { HandlerMap } from './handler';

/**
 * Documents and OCR over the API: thin adapters to the use case
 * (ocr/scan-document.ts, the same as `continuum ocr`) and the core's
 * services. Recognition runs in the OcrService's worker threads: the core's
 * own thread only decodes and deskews, so other calls are answered
 * meanwhile. An upload is a job (electron/core/jobs): 'documents.startUpload'
 * answers at once, and a direct 'documents.upload' runs as one too, so that
 * its uploadId finds it. A page naming another patient waits in the
 * unlocked vault's PendingFilings for the clinician's decision.
 */
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
  'documents.upload': async (params, { session, services, job }) => {
    session.requireVault();
    const scan = await readScan(services.ocr.pool(), () => session.requireVault(), {
      patientId: params.patientId,
      fileName: params.fileName,
      bytes: Buffer.from(params.bytes.buffer, params.bytes.byteOffset, params.bytes.byteLength),
      signal: job?.signal,
      onProgress: (p) => job?.report({ step: p.page, steps: p.pages, progress: Math.min(1, Math.max(0, p.progress)), status: p.status }),
    }).catch(asOneLine);
    // The vault may have locked during a long OCR run: ask again before writing.
    const vault = session.requireVault();
    if (scan.identity.needsOverride) return { document: null, identity: scan.identity, pendingId: session.pendingFilings().hold(scan) };
    const stored = fileScan(vault, scan)!;
    return { document: documentSummaries(vault, params.patientId, stored.documentId)[0]!, identity: scan.identity, pendingId: null };
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
    const scan = session.pendingFilings().take(params.pendingId);
    const stored = fileScan(vault, scan, { override: true })!;
    return { document: documentSummaries(vault, scan.patientId, stored.documentId)[0]!, identity: scan.identity, pendingId: null };
  },

  'documents.discardPending': (params, { session }) => {
    session.requireVault();
    try {
      session.pendingFilings().take(params.pendingId);
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
