import { useEffect, useState, type FormEvent } from 'react';
import { useEvidence } from './evidence-store';
import { Snippet } from './Snippet';
import './evidence.css';

const TIER_LABEL = { guideline: 'Guideline', reference: 'Reference', other: 'Other' } as const;

/**
 * Smart container: search the clinic's evidence library. Says plainly when
 * the library is empty: Continuum ships no clinical text it cannot cite.
 */
export function EvidencePanel() {
  const { sources, hits, loading, error, passage, loadSources, search } = useEvidence();
  const [text, setText] = useState('');
  useEffect(() => {
    void loadSources();
  }, [loadSources]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(text);
  };
  const empty = sources !== null && sources.length === 0;
  return (
    <section className="card evidence" aria-label="Evidence library" data-testid="evidence">
      <div className="card-title">
        <h2>Evidence library</h2>
        <span className="spacer" />
        {sources && sources.length > 0 && <span className="muted">{sources.length} documents</span>}
      </div>
      {empty ? (
        <p className="muted" data-testid="evidence-empty">
          The evidence library is empty. Continuum ships no clinical text it cannot cite; your administrator adds guideline and
          reference documents with <code>continuum evidence import</code>.
        </p>
      ) : (
        <form className="evidence-search" onSubmit={submit} role="search">
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search guidelines and references" aria-label="Search the evidence library" />
          <button type="submit">Search</button>
        </form>
      )}
      {passage && (
        <div className="evidence-passage" data-testid="evidence-passage">
          <div className="evidence-source">
            <span className={`tier tier-${passage.tier}`}>{TIER_LABEL[passage.tier]}</span> <strong>{passage.title}</strong>{' '}
            <span className="muted">
              {passage.issuer}, {passage.published} · {passage.licence}
            </span>
          </div>
          <div className="evidence-section muted">
            {passage.section}
            {passage.page ? `, page ${passage.page}` : ''}
          </div>
          <p className="evidence-snippet">{passage.text}</p>
        </div>
      )}
      {loading && <p className="loading">Searching…</p>}
      {error && (
        <p className="error-line" role="alert">
          {error}
        </p>
      )}
      {hits && hits.length === 0 && <p className="muted">No passage matches those words.</p>}
      {hits && hits.length > 0 && (
        <ol className="evidence-hits">
          {hits.map((hit) => (
            <li key={hit.chunkId}>
              <div className="evidence-source">
                <span className={`tier tier-${hit.tier}`}>{TIER_LABEL[hit.tier]}</span> <strong>{hit.title}</strong>{' '}
                <span className="muted">
                  {hit.issuer}, {hit.published} · {hit.licence}
                </span>
              </div>
              <div className="evidence-section muted">
                {hit.section}
                {hit.page ? `, page ${hit.page}` : ''}
              </div>
              <p className="evidence-snippet">
                <Snippet text={hit.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
