import { z } from 'zod';

/**
 * Who a file says the patient is, beside the chart it would be filed under:
 * what every filing prompt shows (DICOM import, scanned documents), so that
 * a clinician sees a mismatch before anything is filed. Filing despite a
 * mismatch is an explicit override, audited.
 */
export const identityField = z.object({
  field: z.enum(['name', 'birthDate', 'sex', 'identifier']),
  /** The file's value as written in it (a DICOM name "DOE^JOHN", a page's "Patient: John Doe"); null when the file says nothing. */
  file: z.string().nullable(),
  /** The chart's value; null when the chart has none. */
  chart: z.string().nullable(),
  /** agrees; differs (a contradiction); unknown (one side is silent, or an identifier from another system). */
  verdict: z.enum(['agrees', 'differs', 'unknown']),
});
export type IdentityField = z.infer<typeof identityField>;

export const identityCheck = z.object({
  chart: z.object({ id: z.string(), name: z.string() }),
  fields: z.array(identityField),
  /** Something in the file contradicts the chart, or (for an image) nothing in it confirms the chart: filing needs the clinician's explicit override. */
  needsOverride: z.boolean(),
  /** The check in one line, for the prompt's heading and the audit. */
  summary: z.string(),
});
export type IdentityCheck = z.infer<typeof identityCheck>;
