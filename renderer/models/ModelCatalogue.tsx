import { useEffect } from 'react';
import type { CatalogueListing } from '../../electron/api/catalogue-schemas';
import { useCatalogue } from './catalogue-store';
import { formatModelBytes } from './format';

type Entry = CatalogueListing['entries'][number];

const speedText = (tokensPerSecond: number) => `≈ ${tokensPerSecond >= 10 ? Math.round(tokensPerSecond) : tokensPerSecond.toFixed(1)} tokens/s`;

/** A download's bar and buttons, or the Download button, or "Installed". */
function DownloadCell({ entry }: { entry: Entry }) {
  const { download, pause, cancel } = useCatalogue();
  const d = entry.download;
  if (entry.installed) return <span className="catalogue-installed">Installed</span>;
  if (d?.state === 'running' || d?.state === 'paused') {
    const fraction = d.totalBytes ? d.bytes / d.totalBytes : 0;
    const label = d.totalBytes ? `${formatModelBytes(d.bytes)} of ${formatModelBytes(d.totalBytes)}` : formatModelBytes(d.bytes);
    return (
      <div className="catalogue-download" data-testid="catalogue-download" data-state={d.state}>
        <progress max={1} value={fraction} aria-label={`Download of ${entry.name} ${entry.quantization}`} />
        <div className="muted catalogue-progress-text">
          {d.state === 'paused' ? `Paused at ${label}` : (d.message ?? label)}
          {d.state === 'running' && d.bytesPerSecond ? ` · ${(d.bytesPerSecond / 1e6).toFixed(1)} MB/s` : ''}
        </div>
        <div className="catalogue-buttons">
          {d.state === 'running' ? (
            <button type="button" className="btn btn-small" onClick={() => void pause(entry.id)}>
              Pause
            </button>
          ) : (
            <button type="button" className="btn btn-small btn-primary" onClick={() => void download(entry.id)}>
              Resume
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => void cancel(entry.id)}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <button type="button" className="btn btn-small btn-primary" onClick={() => void download(entry.id)} aria-label={`Download ${entry.name} ${entry.quantization}`}>
        Download
      </button>
      {d?.state === 'failed' && (
        <div className="model-problem-text model-status-problem" role="alert">
          {d.message}
        </div>
      )}
    </div>
  );
}

/**
 * Smart container: the models that can be downloaded, with what each needs
 * here, shown only when the hub answers; offline, it says so in one line.
 */
export function ModelCatalogue() {
  const { listing, hub, error, load, checkHub } = useCatalogue();
  useEffect(() => {
    void checkHub();
    void load();
  }, [checkHub, load]);
  return (
    <section className="model-catalogue" aria-label="Download a model" data-testid="model-catalogue">
      <h3>Download a model</h3>
      {hub === null && <p className="muted">Checking whether the model hub can be reached…</p>}
      {hub && !hub.reachable && (
        <p className="model-offline" data-testid="catalogue-offline">
          {hub.message}{' '}
          <button type="button" className="btn btn-small" onClick={() => void checkHub()}>
            Check again
          </button>
        </p>
      )}
      {error && (
        <p className="error-line" role="alert">
          {error}
        </p>
      )}
      {hub?.reachable && listing && (
        <>
          <p className="muted model-intro">
            From {listing.hub}. Each file is checked against the SHA-256 its publisher gives before it is added; a file that does not match is deleted. Memory and
            speed are estimates for this computer ({formatModelBytes(listing.totalMemoryBytes)} of memory).
          </p>
          <table className="model-table catalogue-table">
            <thead>
              <tr>
                <th>Model</th>
                <th>Size</th>
                <th title={listing.memoryFormula}>Memory needed</th>
                <th title={`${listing.speed.formula}; ${listing.speed.source}`}>Expected speed</th>
                <th>Licence</th>
                <th>This computer</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listing.entries.map((e) => (
                <tr key={e.id} data-testid="catalogue-row" data-id={e.id}>
                  <td>
                    <strong>{e.name}</strong> <span className="muted">{e.quantization}</span>
                    {e.note && <div className="muted model-folder">{e.note}</div>}
                  </td>
                  <td>{e.bytes === null ? `≈ ${formatModelBytes(e.approximateBytes)}` : formatModelBytes(e.bytes)}</td>
                  <td title={`${listing.memoryFormula}, at ${e.memoryContext.toLocaleString('en')} tokens of context`}>{formatModelBytes(e.memoryBytes)}</td>
                  <td title={`${listing.speed.formula} = ${(listing.speed.bandwidthBytesPerSecond / 1e9).toFixed(1)} GB/s ÷ ${formatModelBytes(e.bytes ?? e.approximateBytes)}; ${listing.speed.source}`}>
                    {speedText(e.tokensPerSecond)}
                  </td>
                  <td>
                    <a href={e.licence.url} target="_blank" rel="noreferrer">
                      {e.licence.id}
                    </a>
                    {e.licence.restrictions && <div className="catalogue-restriction">{e.licence.restrictions}</div>}
                  </td>
                  <td className={e.fits ? 'catalogue-fits' : 'catalogue-too-big'}>{e.fits ? 'Fits' : 'Needs more memory'}</td>
                  <td>
                    <DownloadCell entry={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
