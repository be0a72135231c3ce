import type { CitationDto, VitalSign } from '../../electron/api/schemas';
import type { MedicationChange, ProblemChange, VisitForm } from '../../electron/api/session-schemas';
import { displayUnit } from '../../electron/api/clinical-format';
import { formatDate, formatValue } from '../ui/format';

/**
 * Pure: the visit note as the form holds it, and what session.signVisit
 * receives. Kept apart from the store and the component so it can be tested.
 */
export interface VisitDraft {
  readonly reason: string;
  readonly subjective: string;
  readonly objective: string;
  readonly assessment: string;
  readonly plan: string;
  readonly followUpDate: string;
  readonly followUpReason: string;
  readonly medicationChanges: readonly MedicationChange[];
  readonly problemChanges: readonly ProblemChange[];
  /** The records the objective quotes (the vitals pulled in). */
  readonly cites: readonly CitationDto[];
}

export const EMPTY_DRAFT: VisitDraft = {
  reason: '',
  subjective: '',
  objective: '',
  assessment: '',
  plan: '',
  followUpDate: '',
  followUpReason: '',
  medicationChanges: [],
  problemChanges: [],
  cites: [],
};

/** The latest vitals as the objective's opening lines ("BP 128/82 mmHg (3 Feb 2025)"), with the records they quote. */
export function vitalsText(vitals: readonly VitalSign[]): { text: string; cites: CitationDto[] } {
  const parts = vitals.map((v) => {
    const unit = displayUnit(v.unit);
    const value = v.value2 !== null ? `${formatValue(v.value, 0)}/${formatValue(v.value2, 0)}` : formatValue(v.value, v.decimals);
    return `${v.label} ${value}${unit ? ` ${unit}` : ''} (${formatDate(v.at)})`;
  });
  return {
    text: parts.length ? `${parts.join('; ')}.` : '',
    cites: vitals.flatMap((v) => v.ids.map((id) => ({ kind: 'record' as const, record: 'observation' as const, id }))),
  };
}

/** What the form still lacks before it can be signed, in the clinician's words; null when it can be. */
export function missing(draft: VisitDraft, today: string): string | null {
  if (draft.assessment.trim() === '') return 'Write the assessment before signing.';
  if (draft.followUpDate && draft.followUpDate < today) return 'The follow-up date is in the past.';
  if (draft.followUpDate && draft.followUpReason.trim() === '') return 'Say what the follow-up is for.';
  if (!draft.followUpDate && draft.followUpReason.trim() !== '') return 'Give the follow-up a date, or clear its reason.';
  return null;
}

export function toVisitForm(draft: VisitDraft): VisitForm {
  return {
    reason: draft.reason.trim(),
    subjective: draft.subjective,
    objective: draft.objective,
    assessment: draft.assessment,
    plan: draft.plan,
    followUp: draft.followUpDate ? { date: draft.followUpDate, reason: draft.followUpReason.trim() } : null,
    medicationChanges: [...draft.medicationChanges],
    problemChanges: [...draft.problemChanges],
    cites: [...draft.cites],
  };
}

/** The clinic's calendar day (local time), YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
