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
  | { readonly kind: 'note'; readonly title: string; readonly body: string; readonly encounterId?: string }
  | { readonly kind: 'care-item'; readonly display: string; readonly dueAt: string | null }
  | { readonly kind: 'follow-up'; readonly date: string; readonly reason: string }
  // The clinician's own visit note (session.signVisit): the visit itself, and the changes it makes.
  | { readonly kind: 'visit'; readonly encounterId: string; readonly display: string; readonly reason: string | null }
  | { readonly kind: 'medication-start'; readonly display: string; readonly dosage: string | null }
  | { readonly kind: 'medication-stop'; readonly medicationId: string; readonly display: string; readonly reason: string | null }
  | { readonly kind: 'problem-add'; readonly display: string }
  | { readonly kind: 'problem-resolve'; readonly conditionId: string; readonly display: string };

export type ProposalStatus = 'pending' | 'approved' | 'rejected';

export interface Proposal {
  readonly id: string;
  readonly body: ProposalBody;
  readonly citations: readonly Citation[];
  /** The agent that proposed it, or 'clinician' for what the clinician wrote in the visit form. */
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

  /** Drops proposals that never reached the record (a visit form whose signature was refused). */
  discard(ids: readonly string[]): void {
    for (const id of ids) if (this.items.get(id)?.status === 'pending') this.items.delete(id);
  }
}
