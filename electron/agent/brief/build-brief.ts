import type { Brief } from '../../api/schemas';
import type { Db } from '../../store/sqlite';
import { citeRecord, type Claim } from '../grounding/citation';
import { verifyClaim } from '../grounding/verifier';
import { confirmedFindingFacts } from '../../imaging/findings/queries';
import * as q from './brief-queries';
import { day } from './format';
import { trendLines } from './trends';

type SectionId = Brief['sections'][number]['id'];

interface Draft {
  readonly id: SectionId;
  readonly title: string;
  readonly lines: Claim[];
  readonly emptyText: string;
}

/**
 * The pre-visit brief written from memory alone (no model): what changed
 * since the previous visit, results that moved, active problems and
 * medications, allergies, open care. Every line cites the records it
 * states and goes through the grounding verifier like any model answer; a
 * line that fails is kept but flagged, never shown as fact.
 */
export function buildBrief(db: Db, patientId: string, asOf: Date): Brief {
  const now = asOf.toISOString();
  const sections: Draft[] = [
    changes(db, patientId, now),
    { id: 'trends', title: 'Results that moved', lines: trendLines(q.numericResults(db, patientId, now)), emptyText: 'No result rose or fell markedly in its last three measurements.' },
    {
      id: 'problems',
      title: 'Active problems',
      lines: q.activeConditions(db, patientId, now).map((c) => ({
        text: `${c.display}, since ${day(c.start)}`,
        citations: [citeRecord('condition', c.id)],
      })),
      emptyText: 'No active problems recorded.',
    },
    {
      id: 'medications',
      title: 'Active medications',
      lines: q.activeMedications(db, patientId, now).map((m) => ({
        text: `${m.display}, since ${day(m.start)}`,
        citations: [citeRecord('medication', m.id)],
      })),
      emptyText: 'No active medications recorded.',
    },
    {
      id: 'allergies',
      title: 'Allergies',
      lines: q.currentAllergies(db, patientId).map((a) => ({
        text: [a.display, a.criticality ? `criticality ${a.criticality}` : '', a.reactions.length ? `reactions: ${a.reactions.join(', ')}` : '']
          .filter(Boolean)
          .join('; '),
        citations: [citeRecord('allergy', a.id)],
      })),
      emptyText: 'No known allergies recorded.',
    },
    {
      id: 'care',
      title: 'Open care plans and overdue items',
      lines: q.openCarePlans(db, patientId, now).map((c) => ({
        text: c.due && c.due < now ? `${c.display}: overdue since ${day(c.due)}` : `${c.display}, since ${day(c.start)}`,
        citations: [citeRecord('care-plan', c.id)],
      })),
      emptyText: 'No open care plans or overdue items.',
    },
  ];
  const verified = sections.map((s) => ({ ...s, lines: s.lines.map((line) => verifyClaim(db, patientId, line, { asOf: now })) }));
  const lines = verified.flatMap((s) => s.lines);
  const supported = lines.filter((l) => l.verdict === 'supported').length;
  return {
    patientId,
    asOf: now,
    author: 'memory',
    sections: verified,
    counts: { lines: lines.length, supported, flagged: lines.length - supported },
  };
}

function changes(db: Db, patientId: string, now: string): Draft {
  const [last, previous] = q.recentVisits(db, patientId, now);
  const lines: Claim[] = [];
  if (last) lines.push({ text: `Last visit on ${day(last.start)}: ${last.display}`, citations: [citeRecord('encounter', last.id)] });
  if (previous) {
    const since = previous.start;
    const visit = citeRecord('encounter', previous.id);
    for (const c of q.conditionsSince(db, patientId, since, now)) {
      lines.push({ text: `New problem since the visit on ${day(since)}: ${c.display}, onset ${day(c.start)}`, citations: [citeRecord('condition', c.id), visit] });
    }
    for (const m of q.medicationsStartedSince(db, patientId, since, now)) {
      lines.push({ text: `Started since the visit on ${day(since)}: ${m.display}, on ${day(m.start)}`, citations: [citeRecord('medication', m.id), visit] });
    }
  }
  // Image findings the clinician confirmed since the previous visit, each in its fact's own words.
  for (const f of confirmedFindingFacts(db, patientId, previous?.start ?? null)) lines.push({ text: f.statement, citations: [citeRecord('fact', f.factId)] });
  return {
    id: 'changes',
    title: 'Since the previous visit',
    lines,
    emptyText: last ? 'No new problems or medications since the previous visit.' : 'No visits recorded.',
  };
}

