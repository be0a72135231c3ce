import type { CheckFlagDto } from './schemas';

/**
 * A check's rule source as one line a clinician can look up: title, issuer,
 * version, section and the table row that triggered it
 * ("Warfarin sodium tablets… (FDA…), Revised 8/2022, section 7.3…; interaction table row 2: warfarin-antiplatelet").
 */
export function ruleSourceText(source: CheckFlagDto['source']): string {
  return [ruleSourceCitation(source), source.row].filter(Boolean).join('; ');
}

/**
 * The source as a clinician cites it (title, issuer, version, section),
 * without the table row: the row names data files and their versions, which
 * the brief shows only on request.
 */
export function ruleSourceCitation(source: CheckFlagDto['source']): string {
  const head = `${source.title} (${source.issuer})`;
  const tail = [source.version, source.section ? `section ${source.section}` : null].filter(Boolean).join(', ');
  return tail ? `${head}, ${tail}` : head;
}
