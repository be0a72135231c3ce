import { parseMediaType, type MediaType } from './media-type';

/** One body part of a multipart/related answer. */
export interface BodyPart {
  readonly mediaType: MediaType;
  readonly bytes: Uint8Array;
}

/** What is wrong with a multipart body, in words for a one-line message. */
export class MultipartError extends Error {
  constructor(
    readonly truncated: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'MultipartError';
  }
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Splits a multipart body (RFC 2046, as WADO-RS sends multipart/related,
 * DICOM PS3.18 8.7.3) into its parts. The boundary comes from the
 * Content-Type's parameter, quoted or not; the preamble before the first
 * delimiter and the epilogue after the last are ignored; a part's
 * Content-Length, when given, is used and checked against the delimiter that
 * must follow it. A body without its closing delimiter "--boundary--" is
 * cut short: MultipartError with truncated = true. The parts are views into
 * `body`, not copies.
 */
export function splitMultipart(contentType: string, body: Uint8Array): BodyPart[] {
  const media = parseMediaType(contentType);
  if (!media.type.startsWith('multipart/')) throw new MultipartError(false, `not a multipart answer (${media.type || 'no content type'})`);
  const boundary = media.params.get('boundary');
  if (!boundary || boundary.length > 70) throw new MultipartError(false, 'a multipart answer without a valid boundary parameter');
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const dashBoundary = Buffer.from(`--${boundary}`, 'latin1');
  const delimiter = Buffer.concat([CRLF, dashBoundary]);

  // The first delimiter may open the body without a CRLF before it.
  let at = buffer.subarray(0, dashBoundary.length).equals(dashBoundary) ? 0 : indexOrEnd(buffer, delimiter, 0) + CRLF.length;
  if (at > buffer.length - dashBoundary.length) {
    throw new MultipartError(buffer.length === 0, buffer.length === 0 ? 'an empty multipart answer' : 'no part boundary in the multipart answer');
  }
  const parts: BodyPart[] = [];
  for (;;) {
    let cursor = at + dashBoundary.length;
    if (buffer[cursor] === 0x2d && buffer[cursor + 1] === 0x2d) return parts; // "--": the close delimiter
    while (buffer[cursor] === 0x20 || buffer[cursor] === 0x09) cursor++; // transport padding
    if (cursor + 2 > buffer.length) throw new MultipartError(true, `cut short after part ${parts.length} (no closing boundary)`);
    if (buffer[cursor] !== 0x0d || buffer[cursor + 1] !== 0x0a) throw new MultipartError(false, `malformed boundary line before part ${parts.length + 1}`);
    cursor += 2;

    let headers: Map<string, string>;
    if (buffer[cursor] === 0x0d && buffer[cursor + 1] === 0x0a) {
      headers = new Map();
      cursor += 2;
    } else {
      const end = buffer.indexOf(HEADER_END, cursor);
      if (end === -1 || end - cursor > MAX_HEADER_BYTES) {
        if (end === -1 && buffer.length - cursor <= MAX_HEADER_BYTES) throw new MultipartError(true, `cut short in the headers of part ${parts.length + 1}`);
        throw new MultipartError(false, `part ${parts.length + 1} has no end to its headers`);
      }
      headers = parseHeaders(buffer.toString('latin1', cursor, end));
      cursor = end + HEADER_END.length;
    }

    const next = contentEnd(buffer, cursor, delimiter, headers.get('content-length'), parts.length + 1);
    parts.push({
      mediaType: parseMediaType(headers.get('content-type') ?? 'text/plain'),
      bytes: new Uint8Array(buffer.buffer, buffer.byteOffset + cursor, next - cursor),
    });
    at = next + CRLF.length;
  }
}

/** Where the part's content ends: at its declared length (checked), else at the next delimiter. */
function contentEnd(buffer: Buffer, start: number, delimiter: Buffer, declared: string | undefined, n: number): number {
  if (declared !== undefined && /^\d+$/.test(declared.trim())) {
    const end = start + Number(declared.trim());
    if (end + delimiter.length > buffer.length) throw new MultipartError(true, `cut short in part ${n} (${buffer.length - start} of ${declared.trim()} bytes)`);
    if (buffer.subarray(end, end + delimiter.length).equals(delimiter)) return end;
    throw new MultipartError(false, `part ${n} is not followed by a boundary where its Content-Length says it ends`);
  }
  const end = buffer.indexOf(delimiter, start);
  if (end === -1) throw new MultipartError(true, `cut short in part ${n} (no boundary after it)`);
  return end;
}

function indexOrEnd(buffer: Buffer, needle: Buffer, from: number): number {
  const found = buffer.indexOf(needle, from);
  return found === -1 ? buffer.length : found;
}

/** "Name: value" lines (folded lines joined), names in lower case; the first of a repeated name wins. */
function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}
