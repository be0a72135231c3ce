import { useEffect, useState } from 'react';
import {
  decisionSupportLabel,
  imageModelMismatch,
  type AnalysisImage,
  type ImageAnalysis,
  type ImageKind,
  type ImageModelInfo,
} from '../../electron/api/image-model-schemas';
import { imageKey, useDecisionSupport } from './decision-support-store';
import './decision-support.css';

/** Classes shown as bars; the rest are summed in one line (a 1000-class model would drown the panel). */
const SHOWN = 5;

function percent(p: number): string {
  return p >= 0.995 ? '>99 %' : p < 0.005 ? '<1 %' : `${Math.round(p * 100)} %`;
}

/**
 * Smart container: an image model's output for the image in view, as
 * decision support. Always under the words "Decision support — not a
 * diagnosis" (and "test model" for a test model), with the model's name,
 * version, licence and intended use. It runs only when the clinician asks,
 * and nothing it shows is written to the record.
 */
export function DecisionSupport({ image, kind }: { image: AnalysisImage; kind: ImageKind }) {
  const { models, listError, runs, loadModels, analyze } = useDecisionSupport();
  const [chosen, setChosen] = useState<string | null>(null);
  // Read again for each image: a model copied in while the app runs shows up without a restart (manifests only, instant).
  useEffect(() => {
    void loadModels();
  }, [loadModels]);

  if (listError) {
    return (
      <section className="decision-support ds-off" aria-label="Decision support" data-testid="decision-support">
        Decision support is unavailable: {listError}
      </section>
    );
  }
  if (models === null) return null;
  const usable = models.flatMap((m) => (m.ok ? [m.model] : []));
  if (usable.length === 0) {
    return (
      <section className="decision-support ds-off" aria-label="Decision support" data-testid="decision-support">
        Decision support is off: no image model is installed on this computer.
      </section>
    );
  }
  const fitting = usable.filter((m) => imageModelMismatch(m, kind) === null);
  const model = usable.find((m) => m.id === chosen) ?? fitting[0] ?? usable[0]!;
  const mismatch = imageModelMismatch(model, kind);
  const run = runs[imageKey(image, model.id)];
  const running = run?.status === 'running';

  return (
    <section className="decision-support" aria-label="Decision support" data-testid="decision-support">
      <div className="ds-head">
        <h3 data-testid="ds-label">{decisionSupportLabel(model.testModel)}</h3>
        <span className="spacer" />
        {usable.length > 1 && (
          <select aria-label="Image model" value={model.id} onChange={(e) => setChosen(e.target.value)}>
            {usable.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {imageModelMismatch(m, kind) ? ` (made for ${m.modality})` : ''}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="btn btn-small"
          data-testid="ds-run"
          disabled={running || mismatch !== null}
          title={mismatch ?? 'Run the image model on this image (nothing is saved)'}
          onClick={() => void analyze(image, model.id)}
        >
          {running ? 'Running…' : run?.status === 'done' ? 'Run again' : 'Run image model'}
        </button>
      </div>
      <ModelLine model={model} />
      {mismatch && (
        <p className="ds-mismatch" role="note">
          Not applicable to this image: {mismatch}.
        </p>
      )}
      {run?.status === 'failed' && (
        <p className="error-line" role="alert" data-testid="ds-error">
          {run.error}
        </p>
      )}
      {run?.status === 'done' && <Result analysis={run.analysis} />}
      {!run && !mismatch && <p className="muted ds-hint">Runs only when you ask. The result is shown here and never saved to the record.</p>}
    </section>
  );
}

function ModelLine({ model }: { model: ImageModelInfo }) {
  return (
    <div className="ds-model" data-testid="ds-model">
      <div>
        <strong>{model.name}</strong> · version {model.version} · licence {model.licence}
        {model.testModel && <span className="ds-test-tag">test model</span>}
      </div>
      <div className="muted">
        Made for {model.modality}. {model.intendedUse}
      </div>
    </div>
  );
}

/** Pure: the classes as bars, what the labels mean, what the model was given, and how long it took. */
function Result({ analysis }: { analysis: ImageAnalysis }) {
  const shown = analysis.predictions.slice(0, SHOWN);
  const rest = analysis.predictions.slice(SHOWN);
  const restTotal = rest.reduce((sum, p) => sum + p.probability, 0);
  const t = analysis.timing;
  return (
    <div className="ds-result" data-testid="ds-result">
      <ul className="ds-bars" aria-label="Model output">
        {shown.map((p) => (
          <li key={p.id} data-testid="ds-prediction">
            <span className="ds-name">{p.name}</span>
            <span className="ds-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0.5, p.probability * 100)}%` }} />
            </span>
            <span className="ds-pct">{percent(p.probability)}</span>
          </li>
        ))}
      </ul>
      {rest.length > 0 && (
        <p className="muted">
          {rest.length} other classes together: {percent(restTotal)}
        </p>
      )}
      <p className="ds-note">
        <strong>About these labels:</strong> {analysis.model.labelsNote}
      </p>
      <p className="muted ds-meta">
        Model input: {analysis.image.description}. Inference {Math.round(t.inferenceMs)} ms, total {Math.round(t.totalMs)} ms
        {t.loadMs !== null ? ` (model loaded and verified in ${Math.round(t.loadMs)} ms)` : ''}.
      </p>
      <p className="ds-not-saved" data-testid="ds-not-saved">
        Not saved to the record. If you agree with it, record your own finding.
      </p>
    </div>
  );
}
