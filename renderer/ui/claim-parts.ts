import type { VerifiedClaimDto } from '../../electron/api/schemas';

export interface ClaimPart {
  readonly text: string;
  /** Why this span is flagged; absent for text the sources support. */
  readonly problem?: string;
  /** The span was not checked (nothing contradicts it): marked apart from what the sources contradict or lack. */
  readonly unchecked?: boolean;
}

/**
 * A claim's text cut into plain and flagged spans, so that the UI can mark
 * exactly what its sources do not support. Overlapping problems merge;
 * a problem over the whole claim (a missing citation) marks all of it.
 */
export function claimParts(claim: Pick<VerifiedClaimDto, 'text' | 'problems'>): ClaimPart[] {
  const spans = [...claim.problems]
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start)
    .reduce<Array<{ start: number; end: number; messages: string[]; unchecked: boolean }>>((merged, p) => {
      const last = merged[merged.length - 1];
      if (last && p.start < last.end) {
        last.end = Math.max(last.end, p.end);
        last.messages.push(p.message);
        last.unchecked &&= p.kind === 'unchecked';
      } else merged.push({ start: p.start, end: p.end, messages: [p.message], unchecked: p.kind === 'unchecked' });
      return merged;
    }, []);
  const parts: ClaimPart[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push({ text: claim.text.slice(at, span.start) });
    parts.push({ text: claim.text.slice(span.start, span.end), problem: span.messages.join('; '), ...(span.unchecked ? { unchecked: true } : {}) });
    at = span.end;
  }
  if (at < claim.text.length) parts.push({ text: claim.text.slice(at) });
  return parts;
}
