import { VaultError } from '../store/errors';

/**
 * Import errors: one line naming the file, the entry (its index in
 * Bundle.entry, counted from 0), the resource (type/id) and the field, so an
 * administrator can find the spot in the file. They never quote a value from
 * the file: values are patient data, ids and field paths are not.
 */

/** Where in a bundle a problem sits. */
export interface EntryPlace {
  readonly index: number;
  readonly type?: string;
  readonly id?: string;
}

/** A FHIR resource type name. Never an Object.prototype member, so it is safe as a key of the report's counts. */
export const TYPE_NAME = /^[A-Z][A-Za-z]{0,63}$/;
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export class FhirImportError extends VaultError {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly place?: EntryPlace,
  ) {
    super('invalid-input', formatImportError(file, problem, place));
    this.name = 'FhirImportError';
  }
}

export function formatImportError(file: string, problem: string, place?: EntryPlace): string {
  const where = place ? `entry ${place.index}${describeResource(place)}: ` : '';
  return oneLine(`${file}: ${where}${problem}`);
}

/** " (Observation/abc)", or less when the type or id is missing or not a valid name. */
function describeResource(place: EntryPlace): string {
  if (!place.type || !TYPE_NAME.test(place.type)) return '';
  if (!place.id || !FHIR_ID.test(place.id)) return ` (${place.type})`;
  return ` (${place.type}/${place.id})`;
}

/** A file name or a resource type is shown only when it is safe on one line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** A type name from the file, quoted only when it looks like one (it is not patient data then). */
export function safeTypeName(value: unknown): string {
  return typeof value === 'string' && TYPE_NAME.test(value) ? `"${value}"` : 'something else';
}
