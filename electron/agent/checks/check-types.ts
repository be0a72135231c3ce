import type { Citation } from '../grounding/citation';

/**
 * Where a check's rule comes from: every flag names a public source a
 * clinician can look up, the version of it the rule was taken from, and
 * where the rule sits in it (a label's section, a guideline's
 * recommendation, the row of a published table).
 */
export interface RuleSource {
  readonly title: string;
  readonly issuer: string;
  readonly url?: string;
  /** The edition or revision of the source, or of the table the rule was read from. */
  readonly version?: string;
  /** Where in the source: "7.3 Drugs that Increase Bleeding Risk, Table 3". */
  readonly section?: string;
  /** The table row that triggered the flag: "cdc-mme-conversion-factors.csv row 9: Oxycodone conversion-factor 1.5". */
  readonly row?: string;
  /** The document's file name in the starter evidence library, when it is there. */
  readonly libraryFile?: string;
}

export type CheckKind = 'allergy-conflict' | 'duplicate-therapy' | 'renal-dose' | 'interaction' | 'opioid-dose' | 'opioid-concurrent';

export interface CheckFlag {
  readonly kind: CheckKind;
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
  /** The dosage as written ("1 tablet every 6 hours, as needed"), where known. */
  readonly dosage?: string | null;
  /** RxNorm code of the product, where the record is coded. */
  readonly rxcui?: string | null;
}
