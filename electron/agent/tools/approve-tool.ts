import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../store/sqlite';
import type { Proposal } from './proposals';
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
    const sourceId = Number(
      db
        .prepare(`INSERT INTO sources (kind, label, clinician_id, created_at, detail) VALUES (?, ?, ?, ?, ?)`)
        .run(
          byClinician ? 'clinician' : 'agent-proposal',
          byClinician ? `visit note, session ${sessionId}` : `session ${sessionId}`,
          vault.clinician.id,
          at,
          JSON.stringify({ sessionId, proposalId: proposal.id, by: proposal.by, citations: proposal.citations }),
        ).lastInsertRowid,
    );
    const provenance = { source_id: sourceId, source_ref: proposal.id, recorded_at: at, recorded_by: vault.clinician.id };
    const body = proposal.body;
    switch (body.kind) {
      case 'fact':
        db.prepare(
          `INSERT INTO memory_facts (id, patient_id, kind, statement, status, valid_from, source_id, source_ref, recorded_at, recorded_by)
           VALUES (@id, @patient, @kind, @statement, 'active', @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
        ).run({ id, patient: patientId, kind: body.factKind, statement: body.statement, at, ...provenance });
        break;
      case 'note':
        db.prepare(
          `INSERT INTO notes (id, patient_id, encounter_id, title, body, written_at, source_id, source_ref, recorded_at, recorded_by)
           VALUES (@id, @patient, @encounter, @title, @body, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
        ).run({ id, patient: patientId, encounter: body.encounterId ?? null, title: body.title, body: body.body, at, ...provenance });
        break;
      case 'visit':
        id = body.encounterId;
        db.prepare(
          `INSERT INTO encounters (id, patient_id, status, class_code, display, reason, start_at, end_at, source_id, source_ref, recorded_at, recorded_by)
           VALUES (@id, @patient, 'finished', 'AMB', @display, @reason, @at, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
        ).run({ id, patient: patientId, display: body.display, reason: body.reason, at, ...provenance });
        break;
      case 'medication-start':
        db.prepare(
          `INSERT INTO medications (id, patient_id, status, intent, display, dosage_text, start_at, source_id, source_ref, recorded_at, recorded_by)
           VALUES (@id, @patient, 'active', 'order', @display, @dosage, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
        ).run({ id, patient: patientId, display: body.display, dosage: body.dosage, at, ...provenance });
        break;
      case 'medication-stop':
        id = stopMedication(db, patientId, body.medicationId, at);
        break;
      case 'problem-add':
        db.prepare(
          `INSERT INTO conditions (id, patient_id, clinical_status, verification_status, display, onset_at, source_id, source_ref, recorded_at, recorded_by)
           VALUES (@id, @patient, 'active', 'confirmed', @display, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
        ).run({ id, patient: patientId, display: body.display, at, ...provenance });
        break;
      case 'problem-resolve':
        id = resolveCondition(db, patientId, body.conditionId, at);
        break;
      case 'care-item':
      case 'follow-up':
        db.prepare(
          `INSERT INTO care_plan_items (id, patient_id, kind, status, display, start_at, due_at, source_id, source_ref, recorded_at, recorded_by)
           VALUES (@id, @patient, 'goal', 'active', @display, @at, @due, @source_id, @source_ref, @recorded_at, @recorded_by)`,
        ).run({
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
  const row = db.prepare(`SELECT status, resource FROM medications WHERE id = ? AND patient_id = ?`).get(medicationId, patientId) as { status: string | null; resource: string | null } | undefined;
  if (!row) throw new Error(`no medication ${medicationId} on this chart`);
  if (!['active', 'on-hold'].includes(row.status ?? '')) throw new Error(`medication ${medicationId} is not active (${row.status ?? 'no status'})`);
  const resource = row.resource ? { ...(JSON.parse(row.resource) as Record<string, unknown>), status: 'stopped' } : null;
  db.prepare(`UPDATE medications SET status = 'stopped', end_at = ?, resource = ? WHERE id = ?`).run(at, resource ? JSON.stringify(resource) : null, medicationId);
  return medicationId;
}

/** Marks an active problem resolved, in its columns and its imported resource (see stopMedication). */
function resolveCondition(db: Db, patientId: string, conditionId: string, at: string): string {
  const row = db.prepare(`SELECT clinical_status, abated_at, resource FROM conditions WHERE id = ? AND patient_id = ?`).get(conditionId, patientId) as
    | { clinical_status: string | null; abated_at: string | null; resource: string | null }
    | undefined;
  if (!row) throw new Error(`no problem ${conditionId} on this chart`);
  if (row.clinical_status === 'resolved' || row.clinical_status === 'inactive' || row.abated_at) throw new Error(`problem ${conditionId} is not active`);
  const resource = row.resource
    ? {
        ...(JSON.parse(row.resource) as Record<string, unknown>),
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
        abatementDateTime: at,
      }
    : null;
  db.prepare(`UPDATE conditions SET clinical_status = 'resolved', abated_at = ?, resource = ? WHERE id = ?`).run(at, resource ? JSON.stringify(resource) : null, conditionId);
  return conditionId;
}
