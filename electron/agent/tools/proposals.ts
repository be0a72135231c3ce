import { randomUUID } from 'node:crypto';
import type { Citation } from '../grounding/citation';

/**
 * What an agent may propose: a fact, a note, a care-plan item, the next
 * follow-up. A proposal lives in its session only; it becomes a record
 * when a clinician approves it (or an explicit approval step of a headless
 * script does), with provenance pointing at the session.
 */
export type ProposalBody =
  | { readonly kind: 'fact'; readonly statement: string; readonly factKind: string }
  | { readonly kind: 'note'; readonly title: string; readonly body: string }
  | { readonly kind: 'care-item'; readonly display: string; readonly dueAt: string | null }
  | { readonly kind: 'follow-up'; readonly date: string; readonly reason: string };

export type ProposalStatus = 'pending' | 'approved' | 'rejected';

export interface Proposal {
  readonly id: string;
  readonly body: ProposalBody;
  readonly citations: readonly Citation[];
  /** The agent that proposed it. */
  readonly by: string;
  status: ProposalStatus;
  /** The record it became, once approved. */
  recordId?: string;
}

export class ProposalStore {
  private readonly items = new Map<string, Proposal>();

  add(body: ProposalBody, citations: readonly Citation[], by: string): Proposal {
    const proposal: Proposal = { id: `proposal-${randomUUID()}`, body, citations, by, status: 'pending' };
    this.items.set(proposal.id, proposal);
    return proposal;
  }

  get(id: string): Proposal | undefined {
    return this.items.get(id);
  }

  pending(): Proposal[] {
    return [...this.items.values()].filter((p) => p.status === 'pending');
  }

  all(): Proposal[] {
    return [...this.items.values()];
  }
}
