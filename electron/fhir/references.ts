/**
 * FHIR references inside a bundle. Synthea (and most transaction bundles)
 * name entries by fullUrl "urn:uuid:..." and refer to each other by it; such
 * a name means nothing outside its bundle. So, as a FHIR server does when it
 * processes a transaction, every reference to an entry of the bundle is
 * rewritten to "Type/id" before the resource is stored: a stored resource
 * then stands on its own, exports as it is, and hashes the same whichever
 * bundle it came in.
 */

const TYPE = '[A-Z][A-Za-z]{0,63}';
const ID = '[A-Za-z0-9\\-.]{1,64}';
const HISTORY = `(?:/_history/${ID})?`;
const RELATIVE = new RegExp(`^(${TYPE})/(${ID})${HISTORY}$`);
const ABSOLUTE = new RegExp(`^https?://.+/(${TYPE})/(${ID})${HISTORY}$`);

export interface TypedReference {
  readonly type: string;
  readonly id: string;
}

/** "Patient/123", or an absolute URL ending so, as its parts; null for anything else. */
export function parseTypedReference(reference: string): TypedReference | null {
  const match = RELATIVE.exec(reference) ?? ABSOLUTE.exec(reference);
  return match ? { type: match[1] as string, id: match[2] as string } : null;
}

/** A reference that may name an entry of this bundle (urn:uuid:, urn:oid:, an absolute URL), not yet resolved. */
export function isBundleLocal(reference: string): boolean {
  return reference.startsWith('urn:') || reference.startsWith('http://') || reference.startsWith('https://');
}

/** fullUrl -> "Type/id" for the entries read so far. */
export class FullUrlMap {
  private readonly byUrl = new Map<string, { readonly ref: string; readonly index: number }>();

  /**
   * Records an entry's fullUrl. Returns the index of an earlier entry that
   * used the same fullUrl for another resource: references to it would be
   * ambiguous, and a wrong patient is worse than no import.
   */
  register(fullUrl: string, type: string, id: string, index: number): number | null {
    const ref = `${type}/${id}`;
    const earlier = this.byUrl.get(fullUrl);
    if (earlier) return earlier.ref === ref ? null : earlier.index;
    this.byUrl.set(fullUrl, { ref, index });
    return null;
  }

  resolve(reference: string): string | undefined {
    return this.byUrl.get(reference)?.ref;
  }
}

/**
 * Rewrites, in place, every Reference.reference that names a known entry to
 * "Type/id". Returns how many references still name something that a later
 * entry of the bundle may define, so the caller can come back to this
 * resource at the end of the bundle.
 */
export function rewriteReferences(node: unknown, resolve: (reference: string) => string | undefined): number {
  if (node === null || typeof node !== 'object') return 0;
  let unresolved = 0;
  if (Array.isArray(node)) {
    for (const item of node) if (item !== null && typeof item === 'object') unresolved += rewriteReferences(item, resolve);
    return unresolved;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (key === 'reference' && typeof value === 'string') {
      if (value.startsWith('#')) continue; // a contained resource
      const target = resolve(value);
      if (target !== undefined) record[key] = target;
      else if (isBundleLocal(value)) unresolved += 1;
    } else if (value !== null && typeof value === 'object') {
      unresolved += rewriteReferences(value, resolve);
    }
  }
  return unresolved;
}
