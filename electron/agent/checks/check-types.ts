import type { Citation } from '../grounding/citation';

/** Where a check's rule comes from: every flag names a public source a clinician can look up. */
export interface RuleSource {
  readonly title: string;
  readonly issuer: string;
  readonly url?: string;
}

export interface CheckFlag {
  readonly kind: 'allergy-conflict' | 'duplicate-therapy' | 'renal-dose';
  readonly severity: 'high' | 'warning';
  readonly message: string;
  /** The patient's records the flag is about. */
  readonly records: Citation[];
  readonly source: RuleSource;
}

/** What a check looks at: the patient's active medications (and any proposed), allergies and kidney function. */
export interface Medication {
  readonly id: string | null;
  readonly display: string;
}
