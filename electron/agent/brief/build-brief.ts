import type { Brief, BriefRule } from '../../api/schemas';
import type { DateStyle } from '../../api/clinical-format';
import { documentsFiledSince } from '../../ocr/review';
import type { Db } from '../../store/sqlite';
import { checkMedications } from '../checks';
import { citeRecord, type Claim } from '../grounding/citation';
import { verifyClaim } from '../grounding/verifier';
import { confirmedFindingFacts } from '../../imaging/findings/queries';
import { alertLines, flagLines } from './alerts';
import { citationLabel } from './citation-labels';
import * as q from './brief-queries';
import { briefFormat, type BriefFormat } from './format';
import { trendLines } from './trends';

type SectionId = Brief['sections'][number]['id'];

interface Draft {
  readonly id: SectionId;
  readonly title: string;
  readonly lines: Array<Claim & { rule?: BriefRule }>;
  readonly emptyText: string;
}

export interface BriefOptions {
  /** How dates are written: the reader's setting in the app; ISO for the CLI and the model. */
  readonly dateStyle?: DateStyle;
  /** The patient's date of death: the brief then describes the record as it stood at death. */
  readonly deceasedAt?: string | null;
}

/** Encounters named one by one in "since the previous visit"; the rest in one counted line. */
const MAX_ENCOUNTER_LINES = 8;

/**
 * The pre-visit brief written from memory alone (no model). A deceased
 * patient's brief says so first and describes the record at death; a
 * living patient's starts with alerts (critical values, rapid changes,
 * high-severity checks), then what happened since the previous visit to
 * the clinic (every encounter since, stays and emergencies included),
 * results that moved, the checks' other flags, active problems and
 * medications, allergies (an empty record is not "no known allergies"),
 * and open care with the next follow-up. Every line cites the records it
 * states and goes through the grounding verifier like any model answer; a
 * line that fails is kept but flagged, never shown as fact.
 */
export function buildBrief(db: Db, patientId: string, asOf: Date, options: BriefOptions = {}): Brief {
  const now = asOf.toISOString();
  const f = briefFormat(options.dateStyle ?? 'iso');
  const deceasedAt = options.deceasedAt ?? null;
  const results = q.numericResults(db, patientId, now);
  // A deceased patient's alerts and checks are those of the record at death (for a review of the death, not for care).
  const flags = checkMedications(db, patientId, asOf);
  const atDeath = deceasedAt ? ' at death' : '';
  const last = q.lastEncounter(db, patientId, now);
  const sections: Draft[] = [
    ...(deceasedAt ? [status(db, patientId, f)] : []),
    { id: 'alerts', title: `Alerts${atDeath}`, lines: alertLines(db, patientId, results, flags, f), emptyText: 'No critical value, rapid change or high-severity check.' },
    changes(db, patientId, now, last, f),
    { id: 'trends', title: 'Results that moved', lines: trendLines(results, f), emptyText: 'No result rose or fell markedly in its last three measurements.' },
    { id: 'checks', title: `Medication checks${atDeath}`, lines: flagLines(db, patientId, flags.filter((flag) => flag.severity !== 'high'), f), emptyText: 'No other flag on the active medications.' },
    {
      id: 'problems',
      title: deceasedAt ? 'Problems active at death' : 'Active problems',
      lines: q.activeConditions(db, patientId, now).map((c) => ({ text: `${c.display}, since ${f.day(c.start)}`, citations: [citeRecord('condition', c.id)] })),
      emptyText: 'No active problems recorded.',
    },
    {
      id: 'medications',
      title: deceasedAt ? 'Medications active at death' : 'Active medications',
      lines: q.activeMedications(db, patientId, now).map((m) => ({ text: `${m.display}, since ${f.day(m.start)}`, citations: [citeRecord('medication', m.id)] })),
      emptyText: 'No active medications recorded.',
    },
    allergies(db, patientId, f),
    ...(deceasedAt ? [] : [care(db, patientId, now, f)]),
  ];
  const verified = sections.map((s) => ({
    ...s,
    lines: s.lines.map((line) => ({
      ...verifyClaim(db, patientId, line, { asOf: now }),
      ...(line.rule ? { rule: line.rule } : {}),
      labels: line.citations.map((c) => citationLabel(db, patientId, c, f)),
    })),
  }));
  const lines = verified.flatMap((s) => s.lines);
  const supported = lines.filter((l) => l.verdict === 'supported').length;
  return {
    patientId,
    asOf: now,
    author: 'memory',
    deceasedAt,
    dateStyle: options.dateStyle ?? 'iso',
    sections: verified,
    counts: { lines: lines.length, supported, flagged: lines.length - supported },
    documents: documentsFiledSince(db, patientId, last?.start ?? null, now),
  };
}

/** A deceased patient: what the record says of the death (the date itself is in the brief's deceasedAt, from the patient record). */
function status(db: Db, patientId: string, f: BriefFormat): Draft {
  const cause = q.causeOfDeath(db, patientId);
  return {
    id: 'status',
    title: 'Deceased',
    lines: cause ? [{ text: `${cause.display}: ${cause.cause}${cause.at ? `, on ${f.day(cause.at)}` : ''}`, citations: [citeRecord('observation', cause.id)] }] : [],
    emptyText: 'The record gives no cause of death.',
  };
}

/**
 * Since the previous visit to the clinic: the last encounter, then every
 * encounter after the outpatient visit before it (hospital stays and
 * emergencies are not visits to the clinic, and must not hide what
 * happened in them), and the problems, medications, notes and confirmed
 * image findings since.
 */
function changes(db: Db, patientId: string, now: string, last: q.Encounter | null, f: BriefFormat): Draft {
  const lines: Claim[] = [];
  if (last) lines.push({ text: `Last visit on ${f.day(last.start)}: ${encounterPhrase(last, f)}`, citations: [citeRecord('encounter', last.id)] });
  const anchor = last ? (q.previousOutpatientVisit(db, patientId, last.start) ?? q.recentVisits(db, patientId, now)[1] ?? null) : null;
  if (anchor) {
    const since = anchor.start;
    const sinceDay = f.day(since);
    const between = q.encountersSince(db, patientId, since, now).filter((e) => e.id !== last?.id);
    for (const e of between.slice(-MAX_ENCOUNTER_LINES)) {
      lines.push({ text: `Visit on ${f.day(e.start)}: ${encounterPhrase(e, f)}`, citations: [citeRecord('encounter', e.id)] });
    }
    const older = between.slice(0, Math.max(0, between.length - MAX_ENCOUNTER_LINES));
    if (older.length > 0) {
      lines.push({
        text: `${older.length} ${older.length === 1 ? 'visit' : 'visits'} from ${f.day(older[0]!.start)} to ${f.day(older[older.length - 1]!.start)}`,
        citations: older.map((e) => citeRecord('encounter', e.id)),
      });
    }
    const visit = citeRecord('encounter', anchor.id);
    for (const c of q.conditionsSince(db, patientId, since, now)) {
      lines.push({ text: `New problem since the visit on ${sinceDay}: ${c.display}, onset ${f.day(c.start)}`, citations: [citeRecord('condition', c.id), visit] });
    }
    for (const m of q.medicationsStartedSince(db, patientId, since, now)) {
      lines.push({ text: `Started since the visit on ${sinceDay}: ${m.display}, on ${f.day(m.start)}`, citations: [citeRecord('medication', m.id), visit] });
    }
    for (const m of q.medicationsStoppedSince(db, patientId, since, now)) {
      lines.push({ text: `Stopped since the visit on ${sinceDay}: ${m.display}, on ${f.day(m.end)}`, citations: [citeRecord('medication', m.id), visit] });
    }
    for (const n of q.notesSince(db, patientId, since, now)) lines.push({ text: `${n.title}, on ${f.day(n.at)}`, citations: [citeRecord('note', n.id)] });
  }
  // Image findings the clinician confirmed since the previous visit, each in its fact's own words.
  for (const finding of confirmedFindingFacts(db, patientId, anchor?.start ?? null)) lines.push({ text: finding.statement, citations: [citeRecord('fact', finding.factId)] });
  return { id: 'changes', title: 'Since the previous visit', lines, emptyText: last ? 'No new problems or medications since the previous visit.' : 'No visits recorded.' };
}

/** An encounter as its record names it, with its reason and, for a stay over several days, its end. */
function encounterPhrase(e: q.Encounter, f: BriefFormat): string {
  const reason = e.reason && e.reason !== e.display ? `, for ${e.reason}` : '';
  const until = e.end && e.end.slice(0, 10) !== e.start.slice(0, 10) ? `, until ${f.day(e.end)}` : '';
  return `${e.display}${reason}${until}`;
}

/**
 * Allergies: each current one, or the record's statement that there is
 * none (NKA, NKDA). With neither, the section says the record is silent:
 * an empty record is not "no known allergies", which only a clinician can
 * record after asking.
 */
function allergies(db: Db, patientId: string, f: BriefFormat): Draft {
  const current = q.currentAllergies(db, patientId).map((a) => ({
    text: [a.display, a.criticality ? `criticality ${a.criticality}` : '', a.reactions.length ? `reactions: ${a.reactions.join(', ')}` : ''].filter(Boolean).join('; '),
    citations: [citeRecord('allergy', a.id)],
  }));
  const none = current.length > 0 ? [] : q.noKnownAllergyRecords(db, patientId).map((a) => ({ text: a.start ? `${a.display}, recorded ${f.day(a.start)}` : a.display, citations: [citeRecord('allergy', a.id)] }));
  return {
    id: 'allergies',
    title: 'Allergies',
    lines: [...current, ...none],
    emptyText: 'None recorded. The record does not say "no known allergies": ask the patient.',
  };
}

/** Open care plans, goals (imported, and follow-ups signed here) with their due dates, and what is overdue. */
function care(db: Db, patientId: string, now: string, f: BriefFormat): Draft {
  const plans = q.openCarePlans(db, patientId, now).map((c) => ({
    text: c.due && c.due < now ? `${c.display}: overdue since ${f.day(c.due)}` : `${c.display}, since ${f.day(c.start)}`,
    citations: [citeRecord('care-plan', c.id)],
  }));
  const goals = q.openGoals(db, patientId, now);
  // Dated goals (the next follow-up first) lead; goals with no date follow the plans.
  const dated = goals.filter((g) => g.due).map((g) => ({ text: `${g.display}, due ${f.day(g.due)}`, citations: [citeRecord('care-plan', g.id)] }));
  const undated = goals.filter((g) => !g.due).map((g) => ({ text: `Goal: ${g.display}${g.status ? ` (${g.status})` : ''}`, citations: [citeRecord('care-plan', g.id)] }));
  return { id: 'care', title: 'Open care plans, goals and follow-up', lines: [...dated, ...plans, ...undated], emptyText: 'No open care plans, goals or overdue items.' };
}
