/**
 * Where a row of a clinical table comes from: every threshold Continuum
 * applies names the publication it was taken from, with its version (year,
 * edition, issue), so that a clinician can look it up and an auditor can
 * check that the number is the publication's.
 */
export interface TableSource {
  readonly title: string;
  readonly issuer: string;
  /** Edition, year, volume and pages: what distinguishes this version of the source from later ones. */
  readonly version: string;
  readonly url?: string;
}
