import { z } from 'zod';
import { checkPrimitive } from '../datatypes';
import { FHIR_ID } from '../errors';

/**
 * zod schemas of the FHIR R4 datatypes the mappers read. Only the elements
 * we use are listed; anything else in a resource passes untouched (it is
 * kept in the stored resource, not in columns).
 */

export const id = z.string().regex(FHIR_ID, 'expected a FHIR id (1-64 letters, digits, "-" or ".")');
// FHIR date and dateTime as the specification defines them (../datatypes): the import has checked every element by then.
export const dateTime = z.string().refine((value) => checkPrimitive('dateTime', value) === null, 'expected a FHIR date or dateTime');

export const coding = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export type Coding = z.infer<typeof coding>;

export const codeableConcept = z.object({
  coding: z.array(coding).optional(),
  text: z.string().optional(),
});
export type CodeableConcept = z.infer<typeof codeableConcept>;

export const reference = z.object({
  reference: z.string().optional(),
  display: z.string().optional(),
});

export const period = z.object({
  start: dateTime.optional(),
  end: dateTime.optional(),
});

export const quantity = z.object({
  value: z.number().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

export const range = z.object({
  low: quantity.optional(),
  high: quantity.optional(),
});
