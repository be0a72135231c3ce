import type { Problem } from './verifier';
import type { SourceFacts } from './source-facts';

/**
 * Claims about values rather than values themselves: "above the reference
 * range" needs a cited result above its range, "rising" needs cited results
 * that rise from the earliest to the latest. A word used loosely ("above"
 * in another sense) is checked the same way: the verifier prefers a false
 * flag to a false pass.
 */
const CHECKS: Array<{ pattern: RegExp; holds: (results: Array<NonNullable<SourceFacts['result']> & { at: string | null }>) => boolean; says: string }> = [
  {
    pattern: /\babove\b/gi,
    holds: (rs) => rs.some((r) => r.high !== null && r.value > r.high),
    says: 'no cited result is above its reference range',
  },
  {
    pattern: /\bbelow\b/gi,
    holds: (rs) => rs.some((r) => r.low !== null && r.value < r.low),
    says: 'no cited result is below its reference range',
  },
  {
    pattern: /\bwithin\b/gi,
    holds: (rs) => rs.length > 0 && rs.every((r) => (r.low === null || r.value >= r.low) && (r.high === null || r.value <= r.high) && (r.low !== null || r.high !== null)),
    says: 'the cited results are not all within their reference range',
  },
  { pattern: /\b(?:rising|increased|higher)\b/gi, holds: (rs) => direction(rs) > 0, says: 'the cited results do not rise' },
  { pattern: /\b(?:falling|decreased|lower)\b/gi, holds: (rs) => direction(rs) < 0, says: 'the cited results do not fall' },
  { pattern: /\b(?:unchanged|stable)\b/gi, holds: (rs) => rs.length > 1 && direction(rs) === 0, says: 'the cited results changed' },
];

export function checkAssertions(text: string, sources: readonly SourceFacts[]): Problem[] {
  const results = sources.flatMap((s) => (s.result ? [{ ...s.result, at: s.at }] : []));
  const problems: Problem[] = [];
  for (const check of CHECKS) {
    check.pattern.lastIndex = 0;
    for (let m = check.pattern.exec(text); m; m = check.pattern.exec(text)) {
      if (!check.holds(results)) problems.push({ start: m.index, end: m.index + m[0].length, kind: 'assertion', message: `"${m[0]}": ${check.says}` });
    }
  }
  return problems;
}

/** The sign of the change from the earliest cited result to the latest; 0 for fewer than two. */
function direction(results: ReadonlyArray<{ value: number; at: string | null }>): number {
  const dated = results.filter((r) => r.at !== null).sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0));
  if (dated.length < 2) return 0;
  return Math.sign(dated[dated.length - 1]!.value - dated[0]!.value);
}
