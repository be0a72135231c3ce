import { VaultError } from '../../store/errors';
import type { Proposal } from './proposals';
import { describeProposal, localDay, proposalProblem } from './proposal-checks';
import type { ToolRegistry } from './registry';
import type { ToolContext } from './tool';

export interface SignOffDecision {
  readonly proposalId: string;
  readonly decision: 'approve' | 'reject';
}

export interface SignedItem {
  readonly proposalId: string;
  readonly kind: Proposal['body']['kind'];
  readonly status: 'approved' | 'rejected';
  readonly recordId: string | null;
}

/** The audit entry that marks a session signed off; the crash check looks for it by this kind. */
export const SIGN_OFF_AUDIT_KIND = 'session.sign-off';

/**
 * A session's sign-off, all or nothing: the clinician's decision on every
 * pending proposal, the approved ones written (each through memory.approve,
 * so the registry's role check and argument validation still apply item by
 * item), their audit entries, and one entry marking the session signed, in
 * ONE transaction. A visit summary is never on record without its
 * follow-up, whatever kills the process between them.
 *
 * Every item is checked before the transaction begins; a refusal from the
 * registry or the database inside it rolls the whole sign-off back. Either
 * way the clinician gets one line naming the item, and nothing is written.
 */
export function signOffProposals(tools: ToolRegistry, context: ToolContext, decisions: readonly SignOffDecision[]): SignedItem[] {
  const { vault, patientId, sessionId, proposals } = context;
  const chosen = checkDecisions(context, decisions);
  for (const { proposal, decision } of chosen) {
    if (decision !== 'approve') continue;
    const problem = proposalProblem(proposal, vault.db, patientId, localDay(vault.now()));
    if (problem) throw refused(`${describeProposal(proposal)}: ${problem}`);
  }

  // memory.approve marks each proposal as it writes it; if the transaction rolls back, so must the marks.
  const marks = proposals.all().map((p) => ({ proposal: p, status: p.status, recordId: p.recordId }));
  try {
    return vault.write(() => {
      const signed: SignedItem[] = [];
      for (const { proposal, decision } of chosen) {
        const result = tools.call('clinician', 'memory.approve', { proposalId: proposal.id, decision }, context);
        if (!result.ok) throw refused(`${describeProposal(proposal)}: ${result.message.replace(/^memory\.approve: /, '')}`);
        const output = result.output as { status: 'approved' | 'rejected'; recordId: string | null };
        signed.push({ proposalId: proposal.id, kind: proposal.body.kind, status: output.status, recordId: output.recordId });
      }
      vault.audit('record.write', patientId, {
        kind: SIGN_OFF_AUDIT_KIND,
        sessionId,
        approved: signed.filter((s) => s.status === 'approved').map((s) => ({ proposalId: s.proposalId, kind: s.kind, recordId: s.recordId })),
        rejected: signed.filter((s) => s.status === 'rejected').map((s) => s.proposalId),
      });
      return signed;
    });
  } catch (error) {
    for (const mark of marks) {
      mark.proposal.status = mark.status;
      if (mark.recordId === undefined) delete mark.proposal.recordId;
      else mark.proposal.recordId = mark.recordId;
    }
    // A database failure (disk full, read-only) keeps the store's code and message, said as a refused sign-off.
    if (error instanceof VaultError && !error.message.startsWith('sign-off refused')) throw new VaultError(error.code, `sign-off refused, nothing written: ${error.message}`);
    throw error;
  }
}

/** Each decision names a pending proposal of this session, once; every pending proposal has a decision. */
function checkDecisions(context: ToolContext, decisions: readonly SignOffDecision[]): Array<{ proposal: Proposal; decision: 'approve' | 'reject' }> {
  const { proposals } = context;
  if (decisions.length === 0) throw refused('there is nothing to sign: no decisions were given');
  const seen = new Set<string>();
  const chosen = decisions.map(({ proposalId, decision }) => {
    const proposal = proposals.get(proposalId);
    if (!proposal) throw refused(`no proposal ${proposalId.slice(0, 100)} in this session`);
    if (seen.has(proposalId)) throw refused(`${describeProposal(proposal)} is decided twice`);
    seen.add(proposalId);
    if (proposal.status !== 'pending') throw refused(`${describeProposal(proposal)} is already ${proposal.status}`);
    return { proposal, decision };
  });
  const undecided = proposals.pending().find((p) => !seen.has(p.id));
  if (undecided) throw refused(`${describeProposal(undecided)} has no decision: approve or reject every item of the sign-off`);
  return chosen;
}

function refused(why: string): VaultError {
  return new VaultError('invalid-input', `sign-off refused, nothing written: ${why}`);
}
