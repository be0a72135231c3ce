import { createHash, randomUUID } from 'node:crypto';

/**
 * DICOM UIDs under the 2.25 root (ISO/IEC 9834-8: a UUID as one decimal
 * number), which needs no registered organisation root.
 */
export function newUid(): string {
  return uuidUid(randomUUID());
}

/** The same UID every time for the same name (a lesion's study and series): a hash of it, shaped as a version-8 UUID. */
export function stableUid(name: string): string {
  const hash = createHash('sha256').update(`continuum:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x80;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return `2.25.${BigInt(`0x${hash.subarray(0, 16).toString('hex')}`).toString()}`;
}

function uuidUid(uuid: string): string {
  return `2.25.${BigInt(`0x${uuid.replace(/-/g, '')}`).toString()}`;
}
