import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { insertSource } from '../../store/queries/sources';
import type { Db } from '../../store/sqlite';
import type { Proposal } from './proposals';
import * as q from './queries';
import { defineTool, type ToolContext } from './tool';

/**
 * The one write tool: turns an approved proposal into a record, in one
 * transaction with its audit entry and a source row that names the
 * session, so the record's provenance says which session proposed it and
 * which clinician approved it. Only the clinician's role may call it.
 */
export const approveProposal = defineTool({
  id: 'memory.approve',
  description: 'Write an approved proposal to the record (clinician only).',
  input: z.object({ proposalId: z.string().min(1).max(100), decision: z.enum(['approve', 'reject']) }).strict(),
  output: z.object({ proposalId: z.string(), status: z.enum(['approved', 'rejected']), recordId: z.string().nullable() }),
  sideEffect: 'write',
  roles: ['clinician'],
  run: (input, context) => {
    const proposal = context.proposals.get(input.proposalId);
    if (!proposal) throw new Error(`no proposal ${input.proposalId} in this session`);
    if (proposal.status !== 'pending') throw new Error(`proposal ${input.proposalId} is already ${proposal.status}`);
    if (input.decision === 'reject') {
      proposal.status = 'rejected';
      return { proposalId: proposal.id, status: 'rejected' as const, recordId: null };
    }
    const recordId = writeProposal(proposal, context);
    proposal.status = 'approved';
    proposal.recordId = recordId;
    return { proposalId: proposal.id, status: 'approved' as const, recordId };
  },
});

function writeProposal(proposal: Proposal, { vault, patientId, sessionId, now }: ToolContext): string {
  const db = vault.db;
  const at = now.toISOString();
  let id = `${proposal.body.kind}-${randomUUID()}`;
  // What the clinician wrote in the visit form is their own record; an agent's draft is an approved proposal.
  const byClinician = proposal.by === 'clinician';
  return vault.atomically(() => {
    const sourceId = insertSource(db, {
      kind: byClinician ? 'clinician' : 'agent-proposal',
      label: byClinician ? `visit note, session ${sessionId}` : `session ${sessionId}`,
      sha256: null,
      clinicianId: vault.clinician.id,
      at,
      detail: JSON.stringify({ sessionId, proposalId: proposal.id, by: proposal.by, citations: proposal.citations }),
    });
    const provenance = { source_id: sourceId, source_ref: proposal.id, recorded_at: at, recorded_by: vault.clinician.id };
    const body = proposal.body;
    switch (body.kind) {
      case 'fact':
        q.insertApprovedFact(db, { id, patient: patientId, kind: body.factKind, statement: body.statement, at, ...provenance });
        break;
      case 'note':
        q.insertApprovedNote(db, { id, patient: patientId, encounter: body.encounterId ?? null, title: body.title, body: body.body, at, ...provenance });
        break;
      case 'visit':
        id = body.encounterId;
        q.insertApprovedVisit(db, { id, patient: patientId, display: body.display, reason: body.reason, at, ...provenance });
        break;
      case 'medication-start':
        q.insertStartedMedication(db, { id, patient: patientId, display: body.display, dosage: body.dosage, at, ...provenance });
        break;
      case 'medication-stop':
        id = stopMedication(db, patientId, body.medicationId, at);
        break;
      case 'problem-add':
        q.insertAddedProblem(db, { id, patient: patientId, display: body.display, at, ...provenance });
        break;
      case 'problem-resolve':
        id = resolveCondition(db, patientId, body.conditionId, at);
        break;
      case 'care-item':
      case 'follow-up':
        q.insertCareGoal(db, {
          id,
          patient: patientId,
          display: body.kind === 'care-item' ? body.display : `Follow-up visit: ${body.reason}`,
          due: body.kind === 'care-item' ? body.dueAt : body.date,
          at,
          ...provenance,
        });
        break;
    }
    vault.audit('record.write', patientId, { sessionId, proposalId: proposal.id, recordId: id, kind: body.kind });
    return id;
  });
}

/**
 * Stops an active medication: its status and end date change, and so does
 * the imported resource (kept for export), so that an export says what the
 * chart says. Its content hash stays the import's: importing the same
 * bundle again changes nothing back. Who stopped it and why is in the visit
 * note and the audit trail.
 */
function stopMedication(db: Db, patientId: string, medicationId: string, at: string): string {
  const row = q.medicationState(db, patientId, medicationId);
  if (!row) throw new Error(`no medication ${medicationId} on this chart`);
  if (!['active', 'on-hold'].includes(row.status ?? '')) throw new Error(`medication ${medicationId} is not active (${row.status ?? 'no status'})`);
  const resource = row.resource ? { ...(JSON.parse(row.resource) as Record<string, unknown>), status: 'stopped' } : null;
  q.markMedicationStopped(db, medicationId, at, resource ? JSON.stringify(resource) : null);
  return medicationId;
}

/** Marks an active problem resolved, in its columns and its imported resource (see stopMedication). */
function resolveCondition(db: Db, patientId: string, conditionId: string, at: string): string {
  const row = q.conditionState(db, patientId, conditionId);
  if (!row) throw new Error(`no problem ${conditionId} on this chart`);
  if (row.clinical_status === 'resolved' || row.clinical_status === 'inactive' || row.abated_at) throw new Error(`problem ${conditionId} is not active`);
  const resource = row.resource
    ? {
        ...(JSON.parse(row.resource) as Record<string, unknown>),
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
        abatementDateTime: at,
      }
    : null;
  q.markConditionResolved(db, conditionId, at, resource ? JSON.stringify(resource) : null);
  return conditionId;
}
