import type { SessionEvent } from '../../electron/api/session-schemas';

/**
 * Pure: the sign-off as the chat panel holds it. The core writes the
 * sign-off's items (visit summary, follow-up) all together or not at all
 * (session.sign), so the panel only collects the clinician's choice for each
 * and sends them in one call; a chat proposal is still decided on its own,
 * at once (session.decide). Kept apart from the store so it can be tested.
 */

export type Choice = 'approve' | 'reject';
export type ProposalStatus = 'pending' | 'approved' | 'rejected';
export type ProposalEvent = Extract<SessionEvent, { type: 'proposal' }>;
/** Proposal id to what the core answered when it was written or rejected. */
export type Decided = Readonly<Record<string, { readonly status: 'approved' | 'rejected'; readonly recordId: string | null }>>;
/** Proposal id to the clinician's choice, not yet sent. */
export type Choices = Readonly<Record<string, Choice>>;

/** Every decision the core has made: the answers this panel got, then the decision events of the session's log. */
export function decidedFrom(events: readonly SessionEvent[], answered: Decided): Decided {
  const fromLog: Record<string, { status: 'approved' | 'rejected'; recordId: string | null }> = {};
  for (const e of events) if (e.type === 'decision') fromLog[e.proposalId] = { status: e.decision === 'approve' ? 'approved' : 'rejected', recordId: e.recordId };
  return { ...fromLog, ...answered };
}

export function statusOf(proposalId: string, decided: Decided): ProposalStatus {
  return decided[proposalId]?.status ?? 'pending';
}

/** The sign-off's items still waiting for the signature, in the order they were proposed. */
export function openSignOffItems(events: readonly SessionEvent[], decided: Decided): ProposalEvent[] {
  return events.filter((e): e is ProposalEvent => e.type === 'proposal' && e.signOff && statusOf(e.proposalId, decided) === 'pending');
}

/** Chat proposals nobody has decided yet: the core signs only when every open proposal has a decision. */
export function openChatProposals(events: readonly SessionEvent[], decided: Decided): ProposalEvent[] {
  return events.filter((e): e is ProposalEvent => e.type === 'proposal' && !e.signOff && statusOf(e.proposalId, decided) === 'pending');
}

/** The clinician picks Approve or Reject for one item; picking the same again takes the choice back. */
export function choose(choices: Choices, proposalId: string, choice: Choice): Choices {
  if (choices[proposalId] === choice) {
    const rest = { ...choices };
    delete rest[proposalId];
    return rest;
  }
  return { ...choices, [proposalId]: choice };
}

export interface SignReadiness {
  /** The open sign-off items. */
  readonly items: readonly ProposalEvent[];
  readonly chosen: number;
  /** True when the sign button may be pressed. */
  readonly ready: boolean;
  /** Why it may not, in the clinician's words; null when ready or when there is nothing to sign. */
  readonly waitingFor: string | null;
}

export function signReadiness(events: readonly SessionEvent[], decided: Decided, choices: Choices): SignReadiness {
  const items = openSignOffItems(events, decided);
  const chosen = items.filter((i) => choices[i.proposalId] !== undefined).length;
  const openChat = openChatProposals(events, decided).length;
  let waitingFor: string | null = null;
  if (items.length > 0 && chosen < items.length) {
    const left = items.length - chosen;
    const which = items.length === 1 ? 'the item' : left === items.length ? 'each item' : left === 1 ? 'the last item' : `${left} more items`;
    waitingFor = `Choose Approve or Reject for ${which} before signing.`;
  } else if (items.length > 0 && openChat > 0) {
    waitingFor = `Approve or reject the ${openChat === 1 ? 'proposal' : `${openChat} proposals`} from the conversation above first: signing closes the session's decisions.`;
  }
  return { items, chosen, ready: items.length > 0 && waitingFor === null, waitingFor };
}

/** What session.sign receives: one decision per open sign-off item, in order. Throws if one has no choice (the button prevents it). */
export function signDecisions(items: readonly ProposalEvent[], choices: Choices): Array<{ proposalId: string; decision: Choice }> {
  return items.map((item) => {
    const decision = choices[item.proposalId];
    if (!decision) throw new Error(`${item.summary}: no choice made`);
    return { proposalId: item.proposalId, decision };
  });
}

/** After a successful signature: the core's answer for each item joins the decisions, and their choices are spent. */
export function afterSigned(decided: Decided, choices: Choices, result: ReadonlyArray<{ proposalId: string; status: 'approved' | 'rejected'; recordId: string | null }>): { decided: Decided; choices: Choices } {
  const nextDecided: Record<string, { status: 'approved' | 'rejected'; recordId: string | null }> = { ...decided };
  const nextChoices: Record<string, Choice> = { ...choices };
  for (const r of result) {
    nextDecided[r.proposalId] = { status: r.status, recordId: r.recordId };
    delete nextChoices[r.proposalId];
  }
  return { decided: nextDecided, choices: nextChoices };
}
