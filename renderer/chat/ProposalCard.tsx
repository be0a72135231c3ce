import type { Choice, ProposalEvent, ProposalStatus } from '../shell/sign-off-state';

const KIND_LABEL: Record<string, string> = {
  note: 'visit summary',
  fact: 'fact',
  'care-item': 'care-plan item',
  'follow-up': 'next follow-up',
  visit: 'visit',
  'medication-start': 'medication started',
  'medication-stop': 'medication stopped',
  'problem-add': 'problem added',
  'problem-resolve': 'problem resolved',
};

interface ProposalCardProps {
  readonly event: ProposalEvent;
  readonly status: ProposalStatus;
  /** Sign-off items only: the clinician's choice, not yet sent. */
  readonly choice: Choice | undefined;
  /** Sign-off items only: choices are locked while session.sign runs, and once the session is signed. */
  readonly locked: boolean;
  /** A chat proposal: decided at once. */
  readonly onDecide: (proposalId: string, decision: Choice) => void;
  /** A sign-off item: only selects. */
  readonly onChoose: (proposalId: string, choice: Choice) => void;
}

/**
 * Pure: one proposal in the consultation. A chat proposal's Approve writes
 * it at once; a sign-off item's Approve or Reject only marks what the
 * signature will do, since the sign-off writes its items together.
 */
export function ProposalCard({ event, status, choice, locked, onDecide, onChoose }: ProposalCardProps) {
  const what = KIND_LABEL[event.kind] ?? event.kind;
  const shown = status !== 'pending' ? status : choice === 'approve' ? 'will-write' : choice === 'reject' ? 'will-not-write' : 'pending';
  return (
    <div
      className={`chat-proposal chat-proposal-${shown}`}
      data-testid="chat-proposal"
      data-kind={event.kind}
      data-status={status}
      data-signoff={event.signOff ? 'true' : 'false'}
      data-choice={choice ?? ''}
    >
      <div className="chat-who">{event.signOff ? `Sign-off: proposed ${what}` : `Proposed ${what}: needs your decision`}</div>
      <div className="chat-proposal-summary">{event.summary}</div>
      {event.detail && <div className="chat-text chat-proposal-detail">{event.detail}</div>}
      {status !== 'pending' ? (
        <div className="chat-decided" data-testid="chat-decided">
          {status === 'approved' ? '✓ Approved: written to the record, with this session as its source' : 'Rejected: nothing written'}
        </div>
      ) : event.signOff ? (
        <>
          <div className="chat-actions" role="group" aria-label={`Your choice for the ${what}`}>
            <button type="button" className={`btn btn-small chat-choice ${choice === 'approve' ? 'chat-choice-on' : ''}`} aria-pressed={choice === 'approve'} disabled={locked} onClick={() => onChoose(event.proposalId, 'approve')}>
              Approve
            </button>
            <button type="button" className={`btn btn-small chat-choice ${choice === 'reject' ? 'chat-choice-on' : ''}`} aria-pressed={choice === 'reject'} disabled={locked} onClick={() => onChoose(event.proposalId, 'reject')}>
              Reject
            </button>
          </div>
          <div className="chat-choice-state" data-testid="chat-choice-state">
            {choice === 'approve' ? 'Will be written when you sign' : choice === 'reject' ? 'Will not be written' : 'Not chosen yet: nothing is written until you sign'}
          </div>
        </>
      ) : (
        <div className="chat-actions">
          <button type="button" className="btn btn-primary btn-small" onClick={() => onDecide(event.proposalId, 'approve')}>
            Approve
          </button>
          <button type="button" className="btn btn-small" onClick={() => onDecide(event.proposalId, 'reject')}>
            Reject
          </button>
        </div>
      )}
    </div>
  );
}
