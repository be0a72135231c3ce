import { useDetails } from '../shell/details-store';
import { useVitals } from '../shell/vitals-store';
import { BpChart } from './BpChart';

/** Smart container: blood pressure over time with its goal, first in the results section (any result's trend follows it, the trends panel). */
export function BloodPressure() {
  const vitals = useVitals((s) => s.vitals);
  const showDetails = useDetails((s) => s.show);
  return (
    <section className="card" aria-label="Blood pressure" data-testid="bp">
      <div className="card-title">
        <h2>Blood pressure</h2>
        <span className="bp-key">
          <span className="swatch systolic" /> Systolic <span className="swatch diastolic" /> Diastolic <span className="swatch goal" /> At goal
        </span>
      </div>
      {vitals && (
        <p className="muted bp-goal" data-testid="bp-goal">
          Goal below {vitals.bp.target.systolicBelow}/{vitals.bp.target.diastolicBelow} mmHg: {vitals.bp.target.source.title} ({vitals.bp.target.source.version}).
        </p>
      )}
      {vitals ? <BpChart bp={vitals.bp} onOpen={(id) => void showDetails('observation', id)} /> : <div className="loading">Loading…</div>}
    </section>
  );
}
