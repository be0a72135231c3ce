import type { Db } from '../../store/sqlite';
import { readSource } from '../grounding/source-records';
import type { Proposal } from './proposals';
import { conditionState, medicationState } from './queries';

/**
 * What must hold of a proposal before a clinician's approval may write it:
 * its text is there, its dates are real calendar days (a follow-up not
 * before today), and everything it
 * cites exists in this patient's record or the library (provenance that
 * points nowhere is no provenance). The proposal tools check shapes when an
 * agent proposes; these checks are the ones a regex cannot make, run again
 * at sign-off so that one bad item stops the whole sign-off before anything
 * is written. Answers the problem in a few words, or null.
 */
export function proposalProblem(proposal: Proposal, db: Db, patientId: string, today: string): string | null {
  const body = proposal.body;
  switch (body.kind) {
    case 'note':
      if (blank(body.title)) return 'its title is empty';
      if (blank(body.body)) return 'its text is empty';
      break;
    case 'fact':
      if (blank(body.statement)) return 'its statement is empty';
      break;
    case 'care-item':
      if (blank(body.display)) return 'its description is empty';
      if (body.dueAt !== null && !isCalendarDay(body.dueAt)) return `its due date ${body.dueAt.slice(0, 10)} is not a calendar date`;
      break;
    case 'follow-up':
      if (!isCalendarDay(body.date)) return `its date ${body.date.slice(0, 10)} is not a calendar date`;
      if (body.date < today) return `its date ${body.date} is before today (${today})`;
      if (blank(body.reason)) return 'its reason is empty';
      break;
    case 'visit':
    case 'medication-start':
    case 'problem-add':
      if (blank(body.display)) return 'its description is empty';
      break;
    case 'medication-stop': {
      const medication = medicationState(db, patientId, body.medicationId);
      if (medication === undefined) return "the medication is not on this patient's chart";
      if (!['active', 'on-hold'].includes(medication.status ?? '')) return 'the medication is no longer active';
      break;
    }
    case 'problem-resolve': {
      const row = conditionState(db, patientId, body.conditionId);
      if (!row) return "the problem is not on this patient's chart";
      if (row.abated_at || row.clinical_status === 'resolved' || row.clinical_status === 'inactive') return 'the problem is no longer active';
      break;
    }
  }
  // What the clinician writes in the visit form is their own record and needs no source; an agent's draft must cite one.
  if (proposal.citations.length === 0 && proposal.by !== 'clinician') return 'it cites nothing';
  for (const citation of proposal.citations) {
    if (readSource(db, patientId, citation) === null) {
      return citation.kind === 'record'
        ? `it cites ${citation.record} ${citation.id.slice(0, 80)}, which is not in this patient's record`
        : `it cites evidence passage ${citation.chunkId}, which is not in the library`;
    }
  }
  return null;
}

const DESCRIBED: Partial<Record<Proposal['body']['kind'], string>> = {
  'follow-up': 'the follow-up',
  'care-item': 'the care-plan item',
  visit: 'the visit',
  'medication-start': 'the medication started',
  'medication-stop': 'the medication stopped',
  'problem-add': 'the problem added',
  'problem-resolve': 'the problem resolved',
};

/** How a message names a proposal: its kind and id, never its text (messages may reach a log; the text is patient data). */
export function describeProposal(proposal: Proposal): string {
  const body = proposal.body;
  const what =
    body.kind === 'note' ? (body.title.startsWith('Visit summary') ? 'the visit summary' : 'the note') : (DESCRIBED[body.kind] ?? 'the fact');
  return `${what} (${proposal.id})`;
}

/** The clinic's calendar day of `now` (local time), YYYY-MM-DD: what "today" means for a follow-up date. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** YYYY-MM-DD naming a day that exists ("2025-02-30" does not). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function blank(text: string): boolean {
  return text.trim() === '';
}
