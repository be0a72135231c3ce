/**
 * How an analyte is named and rounded where Continuum shows it (brief,
 * alerts, vitals, chips). Until the shared clinical vocabulary (analytes by
 * LOINC code, with the short names clinicians write and their precision)
 * is in electron/clinical/, this answers the record's own name and no fixed
 * precision (values then get three significant digits, at most two
 * decimals): every caller goes through here, so the vocabulary replaces it
 * in one place.
 */
export interface AnalyteDisplay {
  /** The name to show: a short name clinicians write (HbA1c) when one is known, else the record's. */
  readonly name: string;
  /** Decimals as laboratories print the analyte, or null when not known. */
  readonly decimals: number | null;
}

export function analyteDisplay(_code: string | null, recordName: string): AnalyteDisplay {
  return { name: recordName, decimals: null };
}
