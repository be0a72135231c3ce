import { randomUUID } from 'node:crypto';
import { z } from 'zod';
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
  const id = `${proposal.body.kind}-${randomUUID()}`;
  return vault.atomically(() => {
    const sourceId = Number(
      db
        .prepare(`INSERT INTO sources (kind, label, clinician_id, created_at, detail) VALUES ('agent-proposal', ?, ?, ?, ?)`)
        .run(`session ${sessionId}`, vault.clinician.id, at, JSON.stringify({ sessionId, proposalId: proposal.id, by: proposal.by, citations: proposal.citations }))
        .lastInsertRowid,
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
          `INSERT INTO notes (id, patient_id, title, body, written_at, source_id, source_ref, recorded_at, recorded_by)
           VALUES (@id, @patient, @title, @body, @at, @source_id, @source_ref, @recorded_at, @recorded_by)`,
        ).run({ id, patient: patientId, title: body.title, body: body.body, at, ...provenance });
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
