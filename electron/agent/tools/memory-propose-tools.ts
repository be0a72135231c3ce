import { z } from 'zod';
import { citation } from '../../api/schemas';
import { defineTool } from './tool';
import { localDay } from './proposal-checks';

/**
 * Proposals: drafts that exist only in the session until a clinician
 * approves them. Each must cite what it rests on.
 */

const proposed = z.object({ proposalId: z.string(), status: z.literal('pending') });
const citations = z.array(citation).min(1, 'cite the records or passages this rests on').max(20);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');

export const proposeFact = defineTool({
  id: 'memory.propose_fact',
  description: 'Propose a fact about the patient for long-term memory (e.g. "prefers morning appointments").',
  input: z.object({ statement: z.string().min(3).max(1000), kind: z.enum(['history', 'preference', 'social', 'finding', 'other']), citations }).strict(),
  output: proposed,
  sideEffect: 'propose',
  roles: ['memory', 'orchestrator', 'perception'],
  run: (input, { proposals }) => {
    const p = proposals.add({ kind: 'fact', statement: input.statement, factKind: input.kind }, input.citations, 'memory');
    return { proposalId: p.id, status: 'pending' as const };
  },
});

export const proposeNote = defineTool({
  id: 'memory.propose_note',
  description: 'Propose a clinical note (a visit summary, an assessment and plan).',
  input: z.object({ title: z.string().min(3).max(200), body: z.string().min(3).max(20_000), citations }).strict(),
  output: proposed,
  sideEffect: 'propose',
  roles: ['orchestrator', 'memory'],
  run: (input, { proposals }) => {
    const p = proposals.add({ kind: 'note', title: input.title, body: input.body }, input.citations, 'orchestrator');
    return { proposalId: p.id, status: 'pending' as const };
  },
});

export const proposeCareItem = defineTool({
  id: 'memory.propose_care_item',
  description: 'Propose a care-plan item (a test to order, a referral), with a due date if any.',
  input: z.object({ display: z.string().min(3).max(300), dueAt: day.nullable(), citations }).strict(),
  output: proposed,
  sideEffect: 'propose',
  roles: ['orchestrator', 'memory'],
  run: (input, { proposals }) => {
    const p = proposals.add({ kind: 'care-item', display: input.display, dueAt: input.dueAt }, input.citations, 'orchestrator');
    return { proposalId: p.id, status: 'pending' as const };
  },
});

export const proposeFollowUp = defineTool({
  id: 'memory.propose_follow_up',
  description: 'Propose the date of the next follow-up visit and why.',
  input: z.object({ date: day, reason: z.string().min(3).max(300), citations }).strict(),
  output: proposed,
  sideEffect: 'propose',
  roles: ['orchestrator'],
  run: (input, { proposals, now }) => {
    // Refused here, not only at sign-off, so the assistant (and the clinician reading the chat) sees why at once.
    const today = localDay(now);
    if (input.date < today) throw new Error(`the follow-up date ${input.date} is before today (${today})`);
    const p = proposals.add({ kind: 'follow-up', date: input.date, reason: input.reason }, input.citations, 'orchestrator');
    return { proposalId: p.id, status: 'pending' as const };
  },
});

export const MEMORY_PROPOSE_TOOLS = [proposeFact, proposeNote, proposeCareItem, proposeFollowUp];
