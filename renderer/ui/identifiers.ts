import type { PatientSummary } from '../../electron/api/schemas';

type Identifier = PatientSummary['identifiers'][number];

const MRN_TYPES = new Set(['mr', 'mrn', 'medical record number', 'medical record no', 'medical record no.']);
/** Identifier kinds a list must never show (they are not for the clinic's eyes at a glance). */
const SENSITIVE_TYPES = new Set(['ss', 'ssn', 'social security number', 'dl', "driver's license", 'ppn', 'passport number']);

function typeOf(id: Identifier): string {
  return (id.type ?? '').trim().toLowerCase();
}

/**
 * The medical record number to show: an identifier typed MR, else none.
 * Social security, driving licence and passport numbers are never shown, and
 * neither is an importer's internal id (an untyped UUID).
 */
export function pickMrn(identifiers: readonly Identifier[]): string | null {
  const mrn = identifiers.find((id) => MRN_TYPES.has(typeOf(id)));
  return mrn?.value ?? null;
}

export function isSensitiveIdentifier(id: Identifier): boolean {
  return SENSITIVE_TYPES.has(typeOf(id));
}
