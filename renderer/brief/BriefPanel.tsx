import type { Brief } from '../../electron/api/schemas';
import { formatDate } from '../ui/format';
import { useBrief } from './brief-store';
import { ClaimLine } from '../ui/ClaimLine';
import { openCitation as open } from '../shell/sources';
import './brief.css';

/** Sections the chart shows beside the brief (its problem, medication and allergy lists): not repeated in it. */
const LISTED_BESIDE = new Set<Brief['sections'][number]['id']>(['problems', 'medications', 'allergies']);

export interface BriefPanelProps {
  /** A document of the brief's "new since the last visit" list was chosen. */
  readonly onOpenDocument?: (documentId: string) => void;
}

/**
 * Smart container: the pre-visit brief. A deceased patient's says so first;
 * a living patient's starts with its alerts (critical values, rapid
 * changes, high-severity checks, each with its rule's source), then what
 * happened since the previous visit, results that moved, the other checks,
 * open care and the next follow-up, and the documents filed since the last
 * visit. Every line cites its records and has passed the grounding
 * verifier; a line that did not is shown flagged. A citation chip says what
 * it cites and opens it.
 */
export function BriefPanel({ onOpenDocument }: BriefPanelProps) {
  const { brief, loading, error } = useBrief();
  const deceased = Boolean(brief?.deceasedAt);
  const shown = brief?.sections.filter((s) => !LISTED_BESIDE.has(s.id)) ?? [];
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
      {brief?.deceasedAt && (
        <p className="brief-deceased" role="status" data-testid="brief-deceased">
          <strong>Deceased on {formatDate(brief.deceasedAt)}.</strong> This summary describes the record as it stood at death: nothing in it is due or active now.
        </p>
      )}
      {brief && (
        <div className="brief-sections">
          {shown.map((section) =>
            section.id === 'alerts' && section.lines.length === 0 ? (
              <p key={section.id} className="muted brief-no-alerts" data-section="alerts">
                {section.emptyText}
              </p>
            ) : (
              <div key={section.id} className={`brief-section brief-${section.id}`} data-section={section.id}>
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
            ),
          )}
          <div className="brief-section" data-section="documents">
            <h3>New documents since the last visit</h3>
            {brief.documents.length === 0 ? (
              <p className="muted brief-empty">None.</p>
            ) : (
              <ul className="brief-documents" data-testid="brief-documents">
                {brief.documents.map((d) => (
                  <li key={d.id}>
                    <button type="button" className="btn-link" onClick={() => onOpenDocument?.(d.id)}>
                      {d.title}
                    </button>{' '}
                    <span className="muted">
                      {d.pages} {d.pages === 1 ? 'page' : 'pages'}, filed {formatDate(d.filedAt)}
                    </span>{' '}
                    {d.reviewed ? <span className="doc-state done">reviewed</span> : <span className="doc-state unreviewed">unreviewed</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <p className="muted brief-author">
            Written from the record without a language model{brief.author === 'memory' ? '' : ` (${brief.author})`}, as of {formatDate(brief.asOf)}. Problems, medications and allergies are listed beside it, from
            the same record.
          </p>
        </div>
      )}
    </section>
  );
}
