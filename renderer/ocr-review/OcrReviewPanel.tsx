import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary, UploadOutcome } from '../../electron/api/ocr-schemas';
import { FileAnywayButton, IdentityComparison } from '../ui/IdentityComparison';
import { formatDate } from '../ui/format';
import { call, errorMessage, upload as sendFile } from '../api/client';
import { DocumentReview } from './DocumentReview';
import { useDocumentReview } from './review-store';
import './ocr-review.css';

/**
 * Smart container: a patient's scanned documents, an upload button, and the
 * review of the chosen one. Which one is chosen lives in the review store, so
 * that a citation can open a document at its page as the list does.
 */
export function OcrReviewPanel({ patientId, patientName }: { patientId: string; patientName?: string }) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [held, setHeld] = useState<(UploadOutcome & { fileName: string }) | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const selected = useDocumentReview((s) => (s.patientId === patientId ? s.documentId : null));
  const setSelected = useCallback((documentId: string | null) => useDocumentReview.getState().select(patientId, documentId), [patientId]);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    try {
      const r = await call('documents.list', { patientId });
      setDocuments(r.documents);
      return r.documents;
    } catch (e) {
      setError(errorMessage(e));
      return [];
    }
  }, [patientId]);

  useEffect(() => {
    setDocuments(null);
    setError(null);
    setHeld(null);
    setFiled(null);
    void reload().then((docs) => {
      // A document a citation already asked for stays chosen; otherwise the newest.
      const state = useDocumentReview.getState();
      const chosen = state.patientId === patientId ? state.documentId : null;
      if (!chosen || !docs.some((d) => d.id === chosen)) setSelected(docs[0]?.id ?? null);
    });
  }, [reload, patientId, setSelected]);

  async function upload(file: File) {
    setError(null);
    const uploadId = `upload-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    setProgress(`Reading ${file.name}…`);
    const poll = setInterval(() => {
      void call('documents.progress', { uploadId })
        .then(({ progress: p }) => {
          if (p) setProgress(`Reading ${file.name}: page ${p.page} of ${p.pages}, ${Math.round(p.progress * 100)}%`);
        })
        .catch(() => undefined);
    }, 700);
    setHeld(null);
    setFiled(null);
    try {
      const outcome = await sendFile('documents.upload', { patientId, fileName: file.name, uploadId }, file);
      if (outcome.document) {
        await reload();
        setSelected(outcome.document.id);
        setFiled(`${file.name}: filed under ${outcome.identity.chart.name}. ${outcome.identity.summary}.`);
      } else setHeld({ ...outcome, fileName: file.name });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      clearInterval(poll);
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  }

  async function fileAnyway(pendingId: string) {
    try {
      const outcome = await call('documents.fileAnyway', { pendingId });
      setHeld(null);
      await reload();
      if (outcome.document) {
        setSelected(outcome.document.id);
        setFiled(`${outcome.document.title}: filed under ${outcome.identity.chart.name} on your override (recorded in the audit trail).`);
      }
    } catch (e) {
      setHeld(null);
      setError(errorMessage(e));
    }
  }

  async function discard(pendingId: string) {
    setHeld(null);
    await call('documents.discardPending', { pendingId }).catch(() => undefined);
    setFiled('Not filed: nothing of the document was kept.');
  }

  return (
    <section className="panel ocr-panel" data-testid="ocr-panel" aria-label="Scanned documents">
      <div className="ocr-panel-head">
        <h2>Scanned documents</h2>
        <label className="btn" title={patientName ? `Files the document under ${patientName}'s chart, after checking whose name is on it` : undefined}>
          {patientName ? `Add a scanned document to ${patientName}'s chart…` : 'Add a scanned document…'}
          <input
            ref={input}
            type="file"
            className="sr-only"
            data-testid="ocr-upload-input"
            accept=".png,.jpg,.jpeg,.tif,.tiff,.pdf,image/png,image/jpeg,image/tiff,application/pdf"
            disabled={progress !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
        </label>
        {progress && (
          <span className="ocr-progress" role="status" data-testid="ocr-progress">
            {progress}
          </span>
        )}
      </div>
      {error && (
        <div className="error-line" role="alert">
          {error}
        </div>
      )}
      {held && held.pendingId && (
        <div className="identity-prompt" role="alertdialog" aria-label={`Whose document is ${held.fileName}?`} data-testid="ocr-identity-prompt">
          <p className="identity-prompt-head">
            <strong>Not filed yet: {held.fileName}.</strong> {held.identity.summary}. Check the page before filing it under this chart.
          </p>
          <IdentityComparison check={held.identity} fileLabel="On the page" />
          <div className="identity-actions">
            <button type="button" className="btn btn-primary" onClick={() => void discard(held.pendingId!)} data-testid="identity-discard">
              Do not file it
            </button>
            <FileAnywayButton check={held.identity} what="this document" onFile={() => void fileAnyway(held.pendingId!)} />
          </div>
        </div>
      )}
      {filed && (
        <p className="muted ocr-filed" role="status" data-testid="ocr-filed">
          {filed}
        </p>
      )}
      {documents && documents.length === 0 && !progress && <p className="muted">No scanned documents. Nothing read from a scan enters the record until you accept it.</p>}
      {documents && documents.length > 0 && (
        <ul className="ocr-documents" data-testid="ocr-documents">
          {documents.map((d) => (
            <li key={d.id}>
              <button type="button" className={`btn${selected === d.id ? ' active' : ''}`} aria-pressed={selected === d.id} onClick={() => setSelected(d.id)}>
                {d.title} · {d.pages} {d.pages === 1 ? 'page' : 'pages'} · {formatDate(d.createdAt)}
                {d.proposals.pending > 0 && <span className="ocr-badge">{d.proposals.pending} to decide</span>}
                {d.review.reviewed ? (
                  <span className="ocr-badge done">reviewed</span>
                ) : (
                  <span className="ocr-badge unreviewed" data-testid="ocr-unreviewed">
                    unreviewed{d.review.wordsLeft > 0 ? `: ${d.review.wordsLeft} ${d.review.wordsLeft === 1 ? 'word' : 'words'} to check` : ''}
                  </span>
                )}
                {d.notice && <span className="ocr-badge partial">partly read</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && documents?.find((d) => d.id === selected)?.notice && (
        <div className="ocr-notice" role="status" data-testid="ocr-notice">
          {documents.find((d) => d.id === selected)!.notice}
        </div>
      )}
      {selected && documents && !documents.some((d) => d.id === selected) && (
        <div className="error-line" role="alert">
          The cited document is not among this patient’s scanned documents.
        </div>
      )}
      {selected && documents?.some((d) => d.id === selected) && (
        <DocumentReview key={selected} documentId={selected} pages={documents.find((d) => d.id === selected)!.pages} onChanged={() => void reload()} />
      )}
    </section>
  );
}
