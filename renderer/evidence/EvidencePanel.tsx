import { useEffect, useState, type FormEvent } from 'react';
import { AddEvidenceForm } from './AddEvidenceForm';
import { EvidenceReader } from './EvidenceReader';
import { useEvidence } from './evidence-store';
import { Snippet } from './Snippet';
import './evidence.css';

const TIER_LABEL = { guideline: 'Guideline', reference: 'Reference', other: 'Other' } as const;

/**
 * Smart container: search the clinic's evidence library. Says plainly when
 * the library is empty: Continuum ships no clinical text it cannot cite.
 */
export function EvidencePanel() {
  const { sources, hits, loading, error, passage, reader, added, loadSources, search, openReader, closeReader, addDocument } = useEvidence();
  const [text, setText] = useState('');
  const [showSources, setShowSources] = useState(false);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void loadSources();
  }, [loadSources]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The library may have grown since the panel opened (the starter library imports in the background).
    void loadSources();
    void search(text);
  };
  const empty = sources !== null && sources.length === 0;
  return (
    <section className="card evidence" aria-label="Evidence library" data-testid="evidence">
      <div className="card-title">
        <h2>Evidence library</h2>
        <span className="spacer" />
        {sources && sources.length > 0 && (
          <button type="button" className="btn" aria-expanded={showSources} onClick={() => setShowSources(!showSources)} data-testid="evidence-sources-toggle">
            {sources.length} documents
          </button>
        )}
        <button type="button" className="btn" onClick={() => setAdding(!adding)} aria-expanded={adding}>
          Add a document
        </button>
      </div>
      {adding && <AddEvidenceForm onAdd={addDocument} onCancel={() => setAdding(false)} />}
      {added && <p className="muted" role="status">{added}</p>}
      {showSources && sources && (
        <ul className="evidence-sources" data-testid="evidence-sources" aria-label="Documents in the library, with their attribution and licence">
          {sources.map((s) => (
            <li key={s.id}>
              <span className={`tier tier-${s.tier}`}>{TIER_LABEL[s.tier]}</span> <strong>{s.title}</strong>{' '}
              <span className="muted">
                {s.issuer}, {s.published} · {s.licence} · {s.chunks} passages
              </span>
            </li>
          ))}
        </ul>
      )}
      {empty && (
        <p className="muted" data-testid="evidence-empty">
          The evidence library is empty. Continuum ships no clinical text it cannot cite: add guideline and reference documents here, or
          have your administrator run <code>continuum evidence import</code>. A checkout beside the shared guideline texts brings a starter
          library on first run.
        </p>
      )}
      <form className="evidence-search" onSubmit={submit} role="search">
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search guidelines and references" aria-label="Search the evidence library" />
        <button type="submit">Search</button>
      </form>
      {reader && <EvidenceReader context={reader} onMove={(id) => void openReader(id)} onClose={closeReader} />}
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
                {hit.page ? `, page ${hit.page}` : ''}{' '}
                <button type="button" className="btn btn-link" onClick={() => void openReader(hit.chunkId)} data-testid="evidence-open-reader">
                  {hit.page ? `Open at page ${hit.page}` : 'Open in the document'}
                </button>
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
