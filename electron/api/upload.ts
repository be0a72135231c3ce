import { z } from 'zod';

/**
 * Uploads carry their file as raw bytes, never as base64 inside JSON (a 500 MB
 * scan was ~700 MB of JSON in memory): on the browser host the request body
 * is the binary envelope (binary-envelope.ts: a JSON header with the other
 * params, then the file, streamed from disk by the browser); over Electron's
 * IPC the params carry a Uint8Array, structured-cloned as binary. The core's
 * handlers receive `bytes`.
 */

const MiB = 1024 * 1024;

/** The largest file each upload method takes, in bytes (what base64 limits of 700, 280 and 70 MiB of text held). */
export const UPLOAD_MAX_BYTES = {
  'imaging.import': 525 * MiB,
  'documents.upload': 210 * MiB,
  'documents.startUpload': 210 * MiB,
  'photos.import': 52.5 * MiB,
  'evidence.import': 52.5 * MiB,
  'evidence.startImport': 52.5 * MiB,
} as const;

export type ByteUploadMethod = keyof typeof UPLOAD_MAX_BYTES;

export function isByteUploadMethod(method: string): method is ByteUploadMethod {
  return Object.prototype.hasOwnProperty.call(UPLOAD_MAX_BYTES, method);
}

/** "52.5 MB": a limit as the clinician reads it. */
export function formatLimit(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MB`;
}

/** The Content-Type of an upload's body on the browser host: the binary envelope, header then file. */
export const UPLOAD_CONTENT_TYPE = 'application/vnd.continuum.upload';

/** The file field of an upload: bytes, not empty, at most `maxBytes`; what: the file in words ("scanned document"). */
export function fileBytes(maxBytes: number, what: string) {
  return z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: `the ${what} must arrive as bytes` })
    .refine((bytes) => bytes.byteLength > 0, { message: `the ${what} is empty` })
    .refine((bytes) => bytes.byteLength <= maxBytes, { message: `the ${what} is larger than ${formatLimit(maxBytes)}, the most Continuum takes` });
}
