import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as Array#sort
 * does), no whitespace, values as JSON.stringify writes them. Two resources
 * that say the same thing with their keys in another order or other
 * indentation get the same text, hence the same content hash, and a
 * re-import is idempotent.
 *
 * Written for speed (every imported resource goes through it): FHIR repeats
 * a few dozen element names, so their quoted forms are cached.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${quoteKey(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

const QUOTED_KEYS = new Map<string, string>();
const MAX_CACHED_KEYS = 4096;

function quoteKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED_KEYS.size < MAX_CACHED_KEYS) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The content hash stored beside each resource. */
export function contentHash(resource: unknown): string {
  return sha256Hex(canonicalJson(resource));
}
