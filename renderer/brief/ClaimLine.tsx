import type { CitationDto, VerifiedClaimDto } from '../../electron/api/schemas';
import { KIND_SINGULAR } from '../timeline/layout';
import { claimParts } from './claim-parts';

export interface ClaimLineProps {
  readonly claim: VerifiedClaimDto;
  readonly onOpenCitation: (citation: CitationDto) => void;
}

/**
 * Pure: one sentence of a brief or an answer. A supported line reads as
 * plain fact with its sources after it; a flagged line is marked as such,
 * its failing spans underlined with the reason, so that it can never be
 * mistaken for fact.
 */
export function ClaimLine({ claim, onOpenCitation }: ClaimLineProps) {
  const supported = claim.verdict === 'supported';
  return (
    <li className={`claim ${supported ? 'claim-supported' : 'claim-flagged'}`} data-verdict={claim.verdict}>
      <span className="claim-mark" aria-label={supported ? 'Verified against its sources' : 'Not supported by its sources'}>
        {supported ? '✓' : '⚠'}
      </span>
      <span className="claim-text">
        {claimParts(claim).map((part, i) =>
          part.problem ? (
            <mark key={i} className="claim-problem" title={part.problem}>
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
        {!supported && <span className="claim-why">Not verified: {claim.problems.map((p) => p.message).join('; ')}</span>}
      </span>
      <span className="claim-sources">
        {claim.citations.map((citation, i) => (
          <button key={i} type="button" className="citation-chip" onClick={() => onOpenCitation(citation)} title="Open the source">
            {citation.kind === 'record' ? KIND_SINGULAR[citation.record] : 'Guideline passage'}
          </button>
        ))}
      </span>
    </li>
  );
}
