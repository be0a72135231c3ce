import { useEffect, useRef } from 'react';
import type { EvidenceContextDto } from '../../electron/api/schemas';

/**
 * Pure: a passage in its document, as a reader opens it: the passages
 * around it in order, each page's start marked, the passage itself shown
 * and scrolled to. Earlier and later move through the document.
 */
export function EvidenceReader({ context, onMove, onClose }: { readonly context: EvidenceContextDto; readonly onMove: (chunkId: number) => void; readonly onClose: () => void }) {
  const current = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block body: an effect may return only its clean-up (Chromium's scrollIntoView answers a promise).
    void current.current?.scrollIntoView?.({ block: 'nearest' });
  }, [context]);
  const { source, chunks, at } = context;
  const first = chunks[0];
  const last = chunks[chunks.length - 1];
  return (
    <div className="evidence-reader" data-testid="evidence-reader" aria-label={`Reader: ${source.title}`}>
      <div className="evidence-reader-head">
        <strong>{source.title}</strong>
        <span className="muted">
          {source.issuer}, {source.published} · {source.licence} · {source.fileName}
        </span>
        <span className="spacer" />
        <button type="button" className="btn" disabled={!first || first.ord === 0} onClick={() => first && onMove(first.chunkId)}>
          Earlier
        </button>
        <button type="button" className="btn" disabled={!last || last.ord >= context.total - 1} onClick={() => last && onMove(last.chunkId)}>
          Later
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="evidence-reader-body">
        {chunks.map((chunk, i) => {
          const newPage = chunk.page !== null && (i === 0 || chunks[i - 1]!.page !== chunk.page);
          const newSection = i === 0 || chunks[i - 1]!.section !== chunk.section;
          return (
            <div key={chunk.chunkId} ref={i === at ? current : undefined} className={`evidence-reader-chunk${i === at ? ' current' : ''}`} data-testid={i === at ? 'evidence-reader-current' : undefined}>
              {newPage && <div className="evidence-page-mark">page {chunk.page}</div>}
              {newSection && <div className="evidence-section muted">{chunk.section}</div>}
              <p>{chunk.text}</p>
            </div>
          );
        })}
      </div>
    </div>
  );
}
