/**
 * The chart a clinician had open when the vault locked, so that their next
 * sign-in returns to it. Kept in this page's memory only (never stored), and
 * only for the same clinician: another clinician's sign-in opens no chart
 * on their behalf (opening one is an audited access).
 */
let remembered: { clinicianId: string; patientId: string } | null = null;

export function rememberChart(clinicianId: string | null | undefined, patientId: string | null): void {
  remembered = clinicianId && patientId ? { clinicianId, patientId } : null;
}

/** The chart to return to for this clinician, once; null when there is none or it was another clinician's. */
export function takeRememberedChart(clinicianId: string | null | undefined): string | null {
  const found = remembered && remembered.clinicianId === clinicianId ? remembered.patientId : null;
  remembered = null;
  return found;
}
