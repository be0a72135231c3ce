import { createHash, randomUUID } from 'node:crypto';
import type { Vault } from '../store/vault';
import { formatDocumentSourceRef } from '../api/ocr-source-ref';
import { VaultError } from '../store/errors';
import type { Proposal } from './extract';
import type { Box, OcrMediaType, OcrPage } from './types';
import type { IdentityCheck } from '../api/identity-schemas';

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
  const patient = db.prepare('SELECT id FROM patients WHERE id = ?').get(input.patientId);
  if (!patient) throw new VaultError('not-found', `no patient ${input.patientId}`);
  const at = vault.now().toISOString();
  const documentId = `document-${randomUUID()}`;
  return vault.atomically(() => {
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    // How the document was read, when the clinician must know (only page 1 of a fax TIFF): kept with its source.
    const notices = input.pages.flatMap((p) => (p.notice ? [p.notice] : []));
    const sourceId = Number(
      db
        .prepare(`INSERT INTO sources (kind, label, sha256, clinician_id, created_at, detail) VALUES ('document', ?, ?, ?, ?, ?)`)
        .run(
          input.title,
          sha256,
          vault.clinician.id,
          at,
          JSON.stringify({
            documentId,
            pages: input.pages.length,
            ...(notices.length ? { notice: notices.join(' ') } : {}),
            ...(input.identity ? { identity: identityVerdicts(input.identity), filedAnyway: input.override === true } : {}),
          }),
        ).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO documents (id, patient_id, title, media_type, page_count, content, text, created_at, source_id, source_ref, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    ).run(documentId, input.patientId, input.title, input.mediaType, input.pages.length, input.bytes, input.pages.map((p) => p.text).join('\n\f'), at, sourceId, at, vault.clinician.id);
    const page = db.prepare(
      `INSERT INTO document_pages (document_id, page, width, height, source, rotation, confidence, image, words, reviewed_how) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A PDF's text-layer page has nothing recognized to review; a scanned page waits for the clinician (review.ts).
    for (const p of input.pages) page.run(documentId, p.page, p.width, p.height, p.source, p.rotation, p.confidence, p.image ?? null, JSON.stringify(p.words), p.source === 'text-layer' ? 'text-layer' : null);
    const proposal = db.prepare(`INSERT INTO document_proposals (id, document_id, patient_id, kind, page, proposed) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const p of input.proposals) proposal.run(`${documentId}/${p.id}`, documentId, input.patientId, p.kind, p.evidence.page, JSON.stringify(p));
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
  const rows = vault.db
    .prepare('SELECT id, document_id, status, proposed, final, record_id FROM document_proposals WHERE document_id = ? ORDER BY page, rowid')
    .all(documentId) as { id: string; document_id: string; status: StoredProposal['status']; proposed: string; final: string | null; record_id: string | null }[];
  return rows.map((r) => ({ id: r.id, documentId: r.document_id, status: r.status, proposal: JSON.parse(r.proposed) as Proposal, final: r.final ? (JSON.parse(r.final) as Proposal) : null, recordId: r.record_id }));
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
  const row = db.prepare('SELECT p.*, d.source_id FROM document_proposals p JOIN documents d ON d.id = p.document_id WHERE p.id = ?').get(proposalId) as
    | { id: string; document_id: string; patient_id: string; status: string; proposed: string; source_id: number }
    | undefined;
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
        db.prepare(
          `INSERT INTO observations (id, patient_id, status, category, code_system, code, display, value_num, value_text, unit, unit_system, ref_low, ref_high, effective_at,
             source_id, source_ref, recorded_at, recorded_by)
           VALUES (@id, @patient, 'final', @category, 'http://loinc.org', @code, @display, @value, @text, @unit, 'http://unitsofmeasure.org', @low, @high, @effective,
             @source_id, @source_ref, @recorded_at, @recorded_by)`,
        ).run({
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
        db.prepare(
          `INSERT INTO medications (id, patient_id, status, intent, display, dosage_text, source_id, source_ref, recorded_at, recorded_by)
           VALUES (?, ?, 'active', 'order', ?, ?, ?, ?, ?, ?)`,
        ).run(recordId, row.patient_id, [final.name, final.strength].filter(Boolean).join(' '), [final.dose, final.frequency].filter(Boolean).join(' ') || null, provenance.source_id, provenance.source_ref, at, vault.clinician.id);
      } else if (final.kind === 'diagnosis') {
        // A coded diagnosis read from a page: a condition, unconfirmed until a clinician confirms it in the chart.
        recordTable = 'conditions';
        recordId = `condition-${randomUUID()}`;
        db.prepare(
          `INSERT INTO conditions (id, patient_id, clinical_status, verification_status, code_system, code, display, source_id, source_ref, recorded_at, recorded_by)
           VALUES (?, ?, 'active', 'provisional', 'http://hl7.org/fhir/sid/icd-10-cm', ?, ?, ?, ?, ?, ?)`,
        ).run(recordId, row.patient_id, final.code, `ICD-10-CM ${final.code}`, provenance.source_id, provenance.source_ref, at, vault.clinician.id);
      }
    }
    const status = decision === 'reject' ? 'rejected' : edited ? 'edited' : 'accepted';
    db.prepare('UPDATE document_proposals SET status = ?, final = ?, decided_by = ?, decided_at = ?, record_table = ?, record_id = ? WHERE id = ?').run(
      status,
      decision === 'accept' ? JSON.stringify(final) : null,
      vault.clinician.id,
      at,
      recordTable,
      recordId,
      proposalId,
    );
    vault.audit('record.write', row.patient_id, { proposalId, decision: status, recordId });
  });
  return listProposals(vault, row.document_id).find((p) => p.id === proposalId)!;
}
