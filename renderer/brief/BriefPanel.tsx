import { ruleSourceText } from '../../electron/api/rule-source-text';
import { useBrief } from './brief-store';
import { ClaimLine } from './ClaimLine';
import { openCitation as open } from './open-citation';
import './brief.css';

/**
 * Smart container: the pre-visit brief. Every line cites its records and
 * has passed the grounding verifier; a line that did not is shown flagged.
 * A citation opens its record in the details drawer (and from there its
 * source, such as the scanned page it was read from).
 */
export function BriefPanel({ deceased = false }: { readonly deceased?: boolean }) {
  const { brief, flags, loading, error } = useBrief();
  return (
    <section className="card brief" aria-label="Pre-visit brief" data-testid="brief">
      <div className="card-title">
        <h2>{deceased ? 'Summary of the record at death' : 'Pre-visit brief'}</h2>
        <span className="spacer" />
        {brief && (
          <span className="muted" data-testid="brief-counts">
            {brief.counts.lines} lines from the record, {brief.counts.flagged === 0 ? 'all verified against their sources' : `${brief.counts.flagged} not verified`}
          </span>
        )}
      </div>
      {loading && <p className="loading">Writing the brief from the record…</p>}
      {error && (
        <p className="error-line" role="alert">
          {error}
        </p>
      )}
      {flags && flags.length > 0 && (
        <ul className="check-flags" aria-label="Medication checks" data-testid="check-flags">
          {flags.map((flag, i) => (
            <li key={i} className={`check-flag check-${flag.severity}`}>
              <strong>{flag.severity === 'high' ? 'Check' : 'Note'}:</strong> {flag.message}
              <span className="check-source">
                Rule: {ruleSourceText(flag.source)}
              </span>
              {flag.records.map((citation, j) => (
                <button key={j} type="button" className="citation-chip" onClick={() => open(citation)}>
                  {citation.kind === 'record' ? citation.record : 'passage'}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
      {brief && (
        <div className="brief-sections">
          {brief.sections.map((section) => (
            <div key={section.id} className="brief-section" data-section={section.id}>
              <h3>{section.title}</h3>
              {section.lines.length === 0 ? (
                <p className="muted brief-empty">{section.emptyText}</p>
              ) : (
                <ul className="claims">
                  {section.lines.map((line, i) => (
                    <ClaimLine key={i} claim={line} onOpenCitation={open} />
                  ))}
                </ul>
              )}
            </div>
          ))}
          <p className="muted brief-author">
            Written from the record without a language model{brief.author === 'memory' ? '' : ` (${brief.author})`}, as of {brief.asOf.slice(0, 10)}.
          </p>
        </div>
      )}
    </section>
  );
}
