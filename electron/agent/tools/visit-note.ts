import { randomUUID } from 'node:crypto';
import type { VisitForm } from '../../api/session-schemas';
import { VaultError } from '../../store/errors';
import type { Db } from '../../store/sqlite';
import { citedRecordName } from '../brief/label-queries';
import { citeRecord, type Citation } from '../grounding/citation';
import type { ProposalBody } from './proposals';

/**
 * The clinician's visit form as the items a sign-off writes: the visit (an
 * outpatient encounter), the note (subjective, objective, assessment, plan,
 * and the changes and follow-up spelled out, so the note reads whole on its
 * own), each medication and problem change, and the follow-up. They go
 * through the same sign-off as a model's draft (one transaction, each item
 * through memory.approve with its audit entry); only their author differs.
 */
export interface VisitItem {
  readonly body: ProposalBody;
  readonly citations: Citation[];
}

const TITLE_CHARS = 120;

function firstLine(text: string): string {
  const line = text.trim().split(/\n|(?<=\.)\s/)[0]!.trim();
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1).trimEnd()}…` : line;
}

export function visitItems(db: Db, patientId: string, form: VisitForm): VisitItem[] {
  const encounterId = `visit-${randomUUID()}`;
  const reason = form.reason.trim() || null;
  const items: VisitItem[] = [{ body: { kind: 'visit', encounterId, display: 'Follow-up visit', reason }, citations: [] }];
  const changes: string[] = [];

  for (const change of form.medicationChanges) {
    if (change.action === 'start') {
      items.push({ body: { kind: 'medication-start', display: change.display, dosage: change.dosage || null }, citations: [] });
      changes.push(`Started ${change.display}${change.dosage ? `, ${change.dosage}` : ''}`);
    } else {
      const display = named(db, 'medication', patientId, change.medicationId, 'medication');
      items.push({ body: { kind: 'medication-stop', medicationId: change.medicationId, display, reason: change.reason || null }, citations: [citeRecord('medication', change.medicationId)] });
      changes.push(`Stopped ${display}${change.reason ? ` (${change.reason})` : ''}`);
    }
  }
  const problems: string[] = [];
  for (const change of form.problemChanges) {
    if (change.action === 'add') {
      items.push({ body: { kind: 'problem-add', display: change.display }, citations: [] });
      problems.push(`Added ${change.display}`);
    } else {
      const display = named(db, 'condition', patientId, change.conditionId, 'problem');
      items.push({ body: { kind: 'problem-resolve', conditionId: change.conditionId, display }, citations: [citeRecord('condition', change.conditionId)] });
      problems.push(`Resolved ${display}`);
    }
  }
  if (form.followUp) items.push({ body: { kind: 'follow-up', date: form.followUp.date, reason: form.followUp.reason }, citations: [] });

  const sections = [
    ['Reason for visit', reason ?? ''],
    ['Subjective', form.subjective],
    ['Objective', form.objective],
    ['Assessment', form.assessment],
    ['Plan', form.plan],
    ['Medication changes', changes.join('; ')],
    ['Problem list changes', problems.join('; ')],
    ['Follow-up', form.followUp ? `${form.followUp.date}: ${form.followUp.reason}` : ''],
  ].filter(([, text]) => text!.trim() !== '');
  const note: ProposalBody = {
    kind: 'note',
    title: `Visit note: ${firstLine(reason ?? form.assessment)}`,
    body: sections.map(([name, text]) => `${name}: ${text!.trim()}`).join('\n\n'),
    encounterId,
  };
  items.splice(1, 0, { body: note, citations: [...form.cites] });
  return items;
}

/** A record of this patient's chart by its name, or a one-line refusal naming what is missing. */
function named(db: Db, record: 'medication' | 'condition', patientId: string, id: string, what: string): string {
  const display = citedRecordName(db, patientId, record, id);
  if (display === undefined) throw new VaultError('invalid-input', `sign-off refused, nothing written: the ${what} ${id.slice(0, 80)} is not on this patient's chart`);
  return display;
}
