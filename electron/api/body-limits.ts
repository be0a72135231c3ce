import { z } from 'zod';
import { contract, type MethodName } from './contract';
import { isByteUploadMethod, UPLOAD_MAX_BYTES } from './upload';

/**
 * How large a request body each method may send, from the contract itself:
 * a method that carries a file (an upload) may send its file field's largest
 * size (a string's length, or the bytes of a binary upload) plus a small envelope; every other method is a small JSON call.
 * The browser host refuses anything larger before reading it (413).
 */

/** Every method that is not an upload: its params fit in far less. */
export const SMALL_BODY_LIMIT = 1024 * 1024;

/** The other fields of an upload and the JSON punctuation around its file. */
const ENVELOPE = 64 * 1024;

/** A string field allowed to be longer than this is a file: its method must be listed below. */
export const LARGE_FIELD = 256 * 1024;

/** The methods that carry a file, and the field that holds it. */
export const UPLOAD_FIELDS = {
  'import.fhirBundle': 'content',
  'import.startFhirBundle': 'content',
  'imaging.import': 'bytes',
  'documents.upload': 'bytes',
  'documents.startUpload': 'bytes',
  'photos.import': 'bytes',
  'evidence.import': 'bytes',
  'evidence.startImport': 'bytes',
} as const satisfies Partial<Record<MethodName, string>>;

export type UploadMethod = keyof typeof UPLOAD_FIELDS;

export function isUploadMethod(method: string): method is UploadMethod {
  return Object.prototype.hasOwnProperty.call(UPLOAD_FIELDS, method);
}

/** The largest string a method's params allow in `field` (the contract's .max()), or the largest file of a binary upload's bytes. */
export function fieldMaxLength(method: MethodName, field: string): number | null {
  if (field === 'bytes' && isByteUploadMethod(method)) return UPLOAD_MAX_BYTES[method];
  const params = contract[method].params as z.ZodType;
  if (!(params instanceof z.ZodObject)) return null;
  const schema = (params.shape as Record<string, z.ZodType>)[field];
  return schema instanceof z.ZodString ? schema.maxLength : null;
}

/** The largest request body `method` may send, in bytes (a string of N characters is at least N bytes of JSON). */
export function bodyLimit(method: string): number {
  if (!isUploadMethod(method)) return SMALL_BODY_LIMIT;
  const max = fieldMaxLength(method, UPLOAD_FIELDS[method]);
  if (max === null) throw new Error(`${method}: the contract sets no largest length for its file field "${UPLOAD_FIELDS[method]}"`);
  return max + ENVELOPE;
}

/** The largest body any method may send. */
export function largestBodyLimit(): number {
  return Math.max(SMALL_BODY_LIMIT, ...Object.keys(UPLOAD_FIELDS).map(bodyLimit));
}
