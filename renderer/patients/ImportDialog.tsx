import { useEffect } from 'react';
import { formatCount, plural } from '../ui/format';
import { useImport, type ImportOutcome } from './import-store';
import { countLines, headline } from './import-summary';

function Counts({ title, counts }: { title: string; counts: Record<string, number> }) {
  const lines = countLines(counts);
  if (lines.length === 0) return null;
  return (
    <div style={{ marginTop: 8 }}>
      <div className="muted" style={{ fontSize: 13 }}>
        {title}
      </div>
      <div className="count-table">
        {lines.map((l) => (
          <div key={l.type} style={{ display: 'contents' }}>
            <span className="n">{formatCount(l.count)}</span>
            <span>{l.words}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

export function OutcomeView({ outcome }: { outcome: ImportOutcome }) {
  const { report, error, fileName } = outcome;
  if (!report) {
    return (
      <div className="import-file failed" data-testid="import-outcome">
        <div className="file-name">{fileName}</div>
        <div role="alert">{error ?? 'The file could not be imported.'}</div>
      </div>
    );
  }
  const names = report.patients.map((p) => p.name).join(', ');
  return (
    <div className="import-file" data-testid="import-outcome">
      <div className="file-name">{fileName}</div>
      <div>
        {report.patients.length > 0 ? (
          <>
            <strong>{names}</strong> ({plural(report.patients.length, 'patient')})
          </>
        ) : (
          'No patient in this file.'
        )}
        {report.alreadyImported && <span className="muted"> — this file had already been imported; nothing changed.</span>}
      </div>
      <div className="muted">{headline(report)}</div>
      <Counts title="Added" counts={report.added} />
      <Counts title="Updated" counts={report.updated} />
      <Counts title="Not used by Continuum (kept out of the chart)" counts={report.notMapped} />
    </div>
  );
}

/** Smart container: progress while importing, then one summary per file. */
export function ImportDialog() {
  const { open, running, progress, outcomes, dismiss } = useImport();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') dismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, dismiss]);

  if (!open) return null;
  const failed = outcomes.filter((o) => o.error).length;
  return (
    <div className="modal-backdrop" role="presentation">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <div className="modal-head">
          <h2 id="import-title">{running ? 'Importing FHIR bundles' : 'Import finished'}</h2>
          <span className="spacer" />
          <button type="button" className="btn" onClick={dismiss} disabled={running}>
            Close
          </button>
        </div>
        {progress && (
          <p role="status">
            Importing file {progress.index} of {progress.total}: <strong>{progress.fileName}</strong>…
          </p>
        )}
        {!running && outcomes.length > 1 && (
          <p>
            {plural(outcomes.length - failed, 'file')} imported{failed > 0 ? `, ${plural(failed, 'file')} failed` : ''}.
          </p>
        )}
        {outcomes.map((o, i) => (
          <OutcomeView key={`${o.fileName}-${i}`} outcome={o} />
        ))}
      </div>
    </div>
  );
}
