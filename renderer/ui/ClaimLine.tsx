import type { BriefRule, CitationDto, VerifiedClaimDto } from '../../electron/api/schemas';
import { ruleSourceCitation } from '../../electron/api/rule-source-text';
import { KIND_SINGULAR } from './record-kinds';
import { claimParts } from './claim-parts';
import './claims.css';

export interface ClaimLineProps {
  readonly claim: VerifiedClaimDto & { readonly rule?: BriefRule };
  readonly onOpenCitation: (citation: CitationDto) => void;
}

const MARKS = {
  supported: { className: 'claim-supported', mark: '✓', label: 'Verified against its sources' },
  unchecked: { className: 'claim-unchecked', mark: '?', label: 'Partly not checked: nothing contradicts it, but part of it could not be checked' },
  unsupported: { className: 'claim-flagged', mark: '⚠', label: 'Not supported by its sources' },
  uncited: { className: 'claim-flagged', mark: '⚠', label: 'Cites no source' },
} as const;

const SEVERITY: Record<BriefRule['severity'], string> = { critical: 'Critical', high: 'Alert', warning: 'Check' };

/** A chip's words: what the citation cites ("HbA1c 7.2 % 1 Mar 2024"), else its kind. */
export function chipLabel(claim: Pick<VerifiedClaimDto, 'labels'>, citation: CitationDto, index: number): string {
  return claim.labels?.[index] ?? (citation.kind === 'record' ? (citation.record === 'patient' ? 'Whole chart' : KIND_SINGULAR[citation.record]) : 'Guideline passage');
}

/**
 * Pure: one sentence of a brief or an answer. A supported line reads as
 * plain fact with its sources after it, each chip saying what it cites; a
 * flagged line is marked as such, its failing spans underlined with the
 * reason, so that it can never be mistaken for fact. Spans the verifier
 * could not check are marked apart (dotted, "Not checked") from what its
 * sources contradict or lack. An alert or a check shows the rule it
 * crossed, with the rule's source, under its line.
 */
export function ClaimLine({ claim, onOpenCitation }: ClaimLineProps) {
  const look = MARKS[claim.verdict];
  const wrong = claim.problems.filter((p) => p.kind !== 'unchecked');
  const unchecked = claim.problems.filter((p) => p.kind === 'unchecked');
  return (
    <li
      className={`claim ${look.className}${claim.rule ? ` claim-rule claim-${claim.rule.severity}` : ''}`}
      data-verdict={claim.verdict}
      data-severity={claim.rule?.severity}
    >
      <span className="claim-mark" aria-label={look.label} title={look.label}>
        {look.mark}
      </span>
      <span className="claim-text">
        {claim.rule && <strong className="claim-severity">{SEVERITY[claim.rule.severity]}: </strong>}
        {claimParts(claim).map((part, i) =>
          part.problem ? (
            <mark key={i} className={part.unchecked ? 'claim-unchecked-span' : 'claim-problem'} title={part.problem}>
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
        {wrong.length > 0 && <span className="claim-why">Not verified: {wrong.map((p) => p.message).join('; ')}</span>}
        {unchecked.length > 0 && <span className="claim-why claim-why-unchecked">Not checked: {unchecked.map((p) => p.message).join('; ')}</span>}
      </span>
      {claim.rule && (
        <span className="claim-rule-text" data-testid="claim-rule">
          {claim.rule.text}{' '}
          <span className="claim-rule-source">({ruleSourceCitation(claim.rule.source)})</span>
          {claim.rule.source.row && (
            <details className="claim-rule-row">
              <summary>Table row</summary>
              {claim.rule.source.row}
            </details>
          )}
        </span>
      )}
      <span className="claim-sources">
        {claim.citations.map((citation, i) => (
          <button
            key={i}
            type="button"
            className="citation-chip"
            onClick={() => onOpenCitation(citation)}
            title={citation.kind === 'record' && citation.record === 'patient' ? 'Checked against the whole chart' : 'Open the source'}
          >
            {chipLabel(claim, citation, i)}
          </button>
        ))}
      </span>
    </li>
  );
}
