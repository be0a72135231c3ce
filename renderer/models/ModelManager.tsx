import { useEffect } from 'react';
import type { ModelEntry } from '../../electron/api/session-schemas';
import { activeModelName, useModels } from './models-store';
import { formatContext, formatModelBytes, formatSpeed } from './format';
import { ModelCatalogue } from './ModelCatalogue';
import './models.css';

/** The top bar's model button: says which model the assistant uses, and opens the manager. */
export function ModelButton() {
  const { state, toggle, load } = useModels();
  useEffect(() => {
    void load();
  }, [load]);
  const name = activeModelName(state);
  return (
    <button type="button" className="btn model-button" data-testid="model-button" onClick={() => toggle()} title="Choose the local language model">
      Model: <strong>{name ?? 'none'}</strong>
    </button>
  );
}

/** A model's status as the table says it; `busy`: this row's load or add is under way. */
function statusText(status: ModelEntry['status'], busy: boolean): string {
  if (status === 'not-added') return busy ? 'Checking its files and loading it…' : 'Not added yet';
  if (status === 'loading' || busy) return 'Loading…';
  return status === 'active' ? 'In use' : status === 'problem' ? 'Problem' : 'Ready';
}

/** Smart container: the local models with size, quantization, context length and measured speed; picks the active one. */
export function ModelManager() {
  const { state, open, loading, selecting, error, select, add, toggle } = useModels();
  if (!open) return null;
  const busy = selecting !== null;
  return (
    <section className="card model-manager" aria-label="Model manager" data-testid="model-manager">
      <div className="card-title">
        <h2>Language model</h2>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => toggle(false)}>
          Close
        </button>
      </div>
      <p className="muted model-intro">
        The model runs on this computer only. Without one, the brief is still written from the record and every line verified; chat is off.
      </p>
      {state && (
        <p className="model-add-from-folder" data-testid="add-from-folder">
          <strong>Add from a folder or USB drive:</strong> copy the model&apos;s folder or its .gguf file into <code>{state.modelsDir}</code>, then press Add
          beside it below. This works without a network.
        </p>
      )}
      {loading && !state && <p className="loading">Reading the models folder…</p>}
      {error && (
        <p className="error-line" role="alert">
          {error}
        </p>
      )}
      {state?.problem && (
        <p className="error-line" role="alert" data-testid="model-problem">
          The model could not be loaded: {state.problem}. Continuum goes on without a model.
        </p>
      )}
      {state && state.models.length === 0 && (
        <p className="model-none" data-testid="no-models">
          No model is installed in <code>{state.modelsDir}</code>. Sessions run in no-model mode: the brief only, chat disabled. To add a model, copy a .gguf
          file or an ONNX export's folder (for example of Qwen2.5 Instruct) there, open this list again and press Add, or download one below; models/README.md
          says more.
        </p>
      )}
      {state && state.models.length > 0 && (
        <table className="model-table">
          <thead>
            <tr>
              <th>Model</th>
              <th>Size</th>
              <th>Quantization</th>
              <th>Context</th>
              <th>Speed</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {state.models.map((m) => (
              <tr key={m.dir} data-testid="model-row" data-folder={m.folder} data-status={m.status}>
                <td>
                  <strong>{m.name ?? m.folder}</strong>
                  <div className="muted model-folder">
                    {m.folder} · {m.kind === 'image-classifier' ? 'image model (decision support in Imaging)' : 'language model'}
                  </div>
                </td>
                <td>{formatModelBytes(m.bytes)}</td>
                <td>{m.quantization ?? '—'}</td>
                <td>{formatContext(m.contextLength)}</td>
                <td>{m.kind === 'image-classifier' || m.status === 'not-added' ? '—' : formatSpeed(m.tokensPerSecond)}</td>
                <td className={`model-status model-status-${m.status}`}>
                  {statusText(m.status, selecting === m.dir)}
                  {m.problem && <div className="model-problem-text">{m.problem}</div>}
                </td>
                <td>
                  {m.kind === 'image-classifier' ? (
                    <span className="muted">Used in Imaging</span>
                  ) : m.status === 'not-added' || (m.status === 'loading' && m.name === null) ? (
                    <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void add(m.dir)} aria-label={`Add ${m.folder}`}>
                      {selecting === m.dir ? 'Checking…' : 'Add'}
                    </button>
                  ) : m.status === 'active' ? (
                    <button type="button" className="btn btn-small" disabled={busy} onClick={() => void select(null)}>
                      Stop using
                    </button>
                  ) : (
                    <button type="button" className="btn btn-small btn-primary" disabled={busy || (m.name === null)} onClick={() => void select(m.dir)} aria-label={`Use ${m.name ?? m.folder}`}>
                      {selecting === m.dir ? 'Loading…' : 'Use'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state && <ModelCatalogue />}
    </section>
  );
}
