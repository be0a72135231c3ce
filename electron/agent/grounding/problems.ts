import type { Span } from './claim-text';

/**
 * What the verifier found wrong with a claim, with where it is (for
 * highlighting). 'unchecked' is not an error found but a part of the claim
 * the verifier could not check: shown apart from contradictions, never
 * passed silently.
 */
export type ProblemKind = 'citation' | 'value' | 'unit' | 'date' | 'term' | 'assertion' | 'status' | 'negation' | 'latest' | 'unchecked';

export interface Problem extends Span {
  readonly kind: ProblemKind;
  readonly message: string;
}

/**
 * supported: every fact found in what it cites. unsupported: something is
 * contradicted by, or missing from, its sources. unchecked: nothing
 * contradicted, but part of it could not be checked. uncited: no sources.
 */
export type Verdict = 'supported' | 'unsupported' | 'unchecked' | 'uncited';

export function problem(span: Span, kind: ProblemKind, message: string): Problem {
  return { start: span.start, end: span.end, kind, message };
}

export function verdictOf(problems: readonly Problem[]): Verdict {
  if (problems.length === 0) return 'supported';
  return problems.every((p) => p.kind === 'unchecked') ? 'unchecked' : 'unsupported';
}
