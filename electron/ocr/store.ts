import { createHash, randomUUID } from 'node:crypto';
import type { Vault } from '../store/vault';
import { formatDocumentSourceRef } from '../api/ocr-source-ref';
import { VaultError } from '../store/errors';
import type { Proposal } from './extract';
import type { Box, OcrMediaType, OcrPage } from './types';
import type { IdentityCheck } from '../api/identity-schemas';
import { requirePatient } from '../store/queries/patients';
import { insertSource } from '../store/queries/sources';
import * as q from './queries';

/** What was compared, without the names themselves: field by field, agrees, differs or unknown. */
function identityVerdicts(check: IdentityCheck): Record<string, string> {
  return Object.fromEntries(check.fields.map((f) => [f.field, f.verdict]));
}

export interface StoredDocument {
  documentId: string;
  sourceId: number;
  pages: number;
  proposals: number;
}

/** Where an accepted value came from: document, page and word boxes, as a record's source_ref. */
export function sourceRef(documentId: string, page: number, boxes: readonly Box[]): string {
  return formatDocumentSourceRef({ documentId, page, boxes: [...boxes] });
}

/**
 * Keeps a document, its recognized pages and its proposals in the vault
 * (encrypted like everything else there). Proposals are stored pending:
 * nothing enters the record until decideProposal().
 */
export function saveDocument(
  vault: Vault,
  input: {
    patientId: string;
    title: string;
    mediaType: OcrMediaType;
    bytes: Buffer;
    pages: readonly OcrPage[];
    proposals: readonly Proposal[];
    /** The page's patient beside the chart's, as checked before filing; kept with the source. */
    identity?: IdentityCheck;
    /** The clinician filed it despite a mismatch: audited as an override. */
    override?: boolean;
  },
): StoredDocument {
  const db = vault.db;
  requirePatient(db, input.patientId);
  const at = vault.now().toISOString();
  const documentId = `document-${randomUUID()}`;
  return vault.atomically(() => {
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    // How the document was read, when the clinician must know (only page 1 of a fax TIFF): kept with its source.
    const notices = input.pages.flatMap((p) => (p.notice ? [p.notice] : []));
    const sourceId = insertSource(db, {
      kind: 'document',
      label: input.title,
      sha256,
      clinicianId: vault.clinician.id,
      at,
      detail: JSON.stringify({
        documentId,
        pages: input.pages.length,
        ...(notices.length ? { notice: notices.join(' ') } : {}),
        ...(input.identity ? { identity: identityVerdicts(input.identity), filedAnyway: input.override === true } : {}),
      }),
    });
    q.insertDocument(db, {
      id: documentId,
      patientId: input.patientId,
      title: input.title,
      mediaType: input.mediaType,
      pageCount: input.pages.length,
      content: input.bytes,
      text: input.pages.map((p) => p.text).join('\n\f'),
      at,
      sourceId,
      clinicianId: vault.clinician.id,
    });
    // A PDF's text-layer page has nothing recognized to review; a scanned page waits for the clinician (review.ts).
    q.insertDocumentPages(
      db,
      documentId,
      input.pages.map((p) => ({ ...p, image: p.image ?? null, words: JSON.stringify(p.words), reviewedHow: p.source === 'text-layer' ? 'text-layer' : null })),
    );
    q.insertDocumentProposals(
      db,
      documentId,
      input.patientId,
      input.proposals.map((p) => ({ id: `${documentId}/${p.id}`, kind: p.kind, page: p.evidence.page, proposed: JSON.stringify(p) })),
    );
    vault.audit('record.write', input.patientId, { documentId, title: input.title, pages: input.pages.length, proposals: input.proposals.length });
    if (input.override && input.identity) vault.audit('record.override', input.patientId, { kind: 'document.filing', documentId, fields: identityVerdicts(input.identity) });
    return { documentId, sourceId, pages: input.pages.length, proposals: input.proposals.length };
  });
}

export interface StoredProposal {
  id: string;
  documentId: string;
  status: 'pending' | 'accepted' | 'edited' | 'rejected';
  proposal: Proposal;
  final: Proposal | null;
  recordId: string | null;
}

export function listProposals(vault: Vault, documentId: string): StoredProposal[] {
  return q.proposalRows(vault.db, documentId).map((r) => ({ id: r.id, documentId: r.document_id, status: r.status, proposal: JSON.parse(r.proposed) as Proposal, final: r.final ? (JSON.parse(r.final) as Proposal) : null, recordId: r.record_id }));
}

/**
 * The clinician's decision on one proposal. Accepting (optionally with
 * edits) writes an observation (labs, vital signs) or a medication with
 * provenance: the document's source row and a source_ref naming page and
 * boxes. Dates are context: accepting one records the decision only.
 */
export function decideProposal(
  vault: Vault,
  proposalId: string,
  decision: 'accept' | 'reject',
  edits: Partial<Record<string, string | number | null>> = {},
): StoredProposal {
  const db = vault.db;
  const row = q.proposalWithSource(db, proposalId);
  if (!row) throw new VaultError('not-found', `no proposal ${proposalId}`);
  if (row.status !== 'pending') throw new VaultError('invalid-input', `proposal ${proposalId} is already ${row.status}`);
  const proposed = JSON.parse(row.proposed) as Proposal;
  const at = vault.now().toISOString();
  const edited = Object.keys(edits).length > 0;
  const final = { ...proposed, ...edits } as Proposal;
  vault.atomically(() => {
    let recordTable: string | null = null;
    let recordId: string | null = null;
    if (decision === 'accept') {
      const ref = sourceRef(row.document_id, final.evidence.page, final.evidence.boxes);
      const provenance = { source_id: row.source_id, source_ref: ref, recorded_at: at, recorded_by: vault.clinician.id };
      if (final.kind === 'lab' || final.kind === 'vital') {
        recordTable = 'observations';
        recordId = `observation-${randomUUID()}`;
        const lab = final.kind === 'lab';
        q.insertObservationFromDocument(db, {
          id: recordId,
          patient: row.patient_id,
          category: lab ? 'laboratory' : 'vital-signs',
          code: final.loinc,
          display: lab ? final.display : final.vital,
          value: final.value,
          text: !lab && final.value2 !== null ? `${final.value}/${final.value2}` : null,
          unit: lab ? (final.ucum ?? final.unit) : final.ucum,
          low: lab ? final.refLow : null,
          high: lab ? final.refHigh : null,
          effective: final.date,
          ...provenance,
        });
      } else if (final.kind === 'medication') {
        recordTable = 'medications';
        recordId = `medication-${randomUUID()}`;
        q.insertMedicationFromDocument(db, {
          id: recordId,
          patientId: row.patient_id,
          display: [final.name, final.strength].filter(Boolean).join(' '),
          dosageText: [final.dose, final.frequency].filter(Boolean).join(' ') || null,
          ...provenance,
        });
      } else if (final.kind === 'diagnosis') {
        // A coded diagnosis read from a page: a condition, unconfirmed until a clinician confirms it in the chart.
        recordTable = 'conditions';
        recordId = `condition-${randomUUID()}`;
        q.insertConditionFromDocument(db, { id: recordId, patientId: row.patient_id, code: final.code, display: `ICD-10-CM ${final.code}`, ...provenance });
      }
    }
    const status = decision === 'reject' ? 'rejected' : edited ? 'edited' : 'accepted';
    q.recordProposalDecision(db, proposalId, { status, final: decision === 'accept' ? JSON.stringify(final) : null, by: vault.clinician.id, at, recordTable, recordId });
    vault.audit('record.write', row.patient_id, { proposalId, decision: status, recordId });
  });
  return listProposals(vault, row.document_id).find((p) => p.id === proposalId)!;
}
