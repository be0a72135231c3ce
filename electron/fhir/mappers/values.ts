import type { CodeableConcept, Coding } from './elements';

/** Small readers shared by the mappers: FHIR's many optional levels to one column value. */

export interface CodedColumns {
  code_system: string | null;
  code: string | null;
  display: string | null;
}

/** The first coding's system and code, and the human text (the concept's text, else the coding's display). */
export function coded(concept: CodeableConcept | undefined): CodedColumns {
  const first = concept?.coding?.[0];
  return {
    code_system: first?.system ?? null,
    code: first?.code ?? null,
    display: concept?.text ?? first?.display ?? null,
  };
}

export function codedFromCoding(item: Coding | undefined): CodedColumns {
  return { code_system: item?.system ?? null, code: item?.code ?? null, display: item?.display ?? null };
}

/** A status held in a CodeableConcept (Condition.clinicalStatus...): its first code. */
export function statusCode(concept: CodeableConcept | undefined): string | null {
  return concept?.coding?.[0]?.code ?? concept?.text ?? null;
}

/** What a person would read for a concept: text, else display, else code. */
export function conceptText(concept: CodeableConcept | undefined): string | null {
  const first = concept?.coding?.[0];
  return concept?.text ?? first?.display ?? first?.code ?? null;
}

export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}
