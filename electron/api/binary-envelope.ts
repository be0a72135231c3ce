/**
 * How a binary method's answer (a JSON header and raw bytes) travels in one
 * HTTP body on the browser host. Electron's IPC needs none of this: it
 * structured-clones { header, bytes } as they are.
 *
 *   uint32 LE  length H of the header, in bytes
 *   H bytes    the header, JSON in UTF-8
 *   0-7 zeros  so that the bytes start at a multiple of 8
 *   the bytes
 *
 * The alignment lets the page view 16-bit pixels in place (a Uint16Array over
 * the response's own buffer) instead of copying 10 MB per image. Pure and
 * without Node imports: the host encodes with it, the renderer decodes.
 */

/** The Content-Type of a binary answer; errors still come as the JSON envelope. */
export const BINARY_CONTENT_TYPE = 'application/vnd.continuum.binary';

/** A header is a few hundred bytes; anything much larger is not one of ours. */
export const MAX_BINARY_HEADER_BYTES = 64 * 1024;

const ALIGN = 8;

function bytesStart(headerLength: number): number {
  return Math.ceil((4 + headerLength) / ALIGN) * ALIGN;
}

/** What goes before the bytes (length, header, padding); the host writes it, then the bytes, without joining them. */
export function encodeBinaryPrefix(header: unknown): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  if (json.length > MAX_BINARY_HEADER_BYTES) throw new Error(`the binary header is ${json.length} bytes, over ${MAX_BINARY_HEADER_BYTES}`);
  const prefix = new Uint8Array(bytesStart(json.length));
  new DataView(prefix.buffer).setUint32(0, json.length, true);
  prefix.set(json, 4);
  return prefix;
}

/**
 * The header (parsed JSON, still to be checked against the contract) and
 * where the bytes start, once the first `received` bytes of the body are in:
 * null while the header is still incomplete, a one-line reason when the body
 * is not a binary envelope. A streaming reader calls it as chunks arrive.
 */
export function readBinaryHeader(body: ArrayBuffer, received = body.byteLength): { header: unknown; bytesStart: number } | { problem: string } | null {
  if (received < 4) return received < body.byteLength ? null : { problem: `the answer is ${received} bytes long, too short for a header` };
  const length = new DataView(body).getUint32(0, true);
  if (length > MAX_BINARY_HEADER_BYTES || 4 + length > body.byteLength) {
    return { problem: `the answer's header length (${length}) does not fit its ${body.byteLength} bytes` };
  }
  if (4 + length > received) return null;
  try {
    const header: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(body, 4, length)));
    return { header, bytesStart: Math.min(bytesStart(length), body.byteLength) };
  } catch {
    return { problem: "the answer's header is not valid JSON" };
  }
}

/** A whole binary body: the header and a view of the bytes in the body's own buffer, or a one-line reason. */
export function decodeBinaryBody(body: ArrayBuffer): { header: unknown; bytes: Uint8Array } | { problem: string } {
  const read = readBinaryHeader(body);
  if (read === null) return { problem: 'the answer ended inside its header' };
  if ('problem' in read) return read;
  return { header: read.header, bytes: new Uint8Array(body, read.bytesStart) };
}
