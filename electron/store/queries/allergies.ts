/**
 * SNOMED CT codes for a recorded absence of allergy ("no known allergy",
 * "no known drug allergy"...): a clinician asked and the patient had none.
 * That is a finding to state, unlike an empty record, which says nothing.
 */
export const NO_KNOWN_ALLERGY_CODES = ['716186003', '409137002', '429625007', '428607008', '428197003'];
const NO_KNOWN_ALLERGY_TEXT = /^\s*(?:nk(?:d)?a|no known (?:drug |food |environmental |latex )?allerg)/i;

/** Whether an allergy record says there is none (NKA, NKDA) rather than naming an allergen. */
export function isNoKnownAllergy(row: { code?: string | null; display: string | null }): boolean {
  return (row.code ? NO_KNOWN_ALLERGY_CODES.includes(row.code) : false) || NO_KNOWN_ALLERGY_TEXT.test(row.display ?? '');
}
