import { useEffect } from 'react';
import { usePatients } from '../patients/patients-store';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { useTimeline } from '../timeline/timeline-store';
import { TrendsPanel } from '../trends/TrendsPanel';
import { useTrends } from '../trends/trends-store';
import { AccessHistory } from './AccessHistory';
import { AllergyBanner } from './AllergyBanner';
import { ChartHeader } from './ChartHeader';
import { useChart } from './chart-store';
import { CodedList } from './CodedList';
import { useDetails } from './details-store';

/** Smart container: opens the selected patient's chart and lays out its panels. */
export function ChartView() {
  const selectedId = usePatients((s) => s.selectedId);
  const { chart, loading, error, open } = useChart();
  const showDetails = useDetails((s) => s.show);

  useEffect(() => {
    if (!selectedId) return;
    useDetails.getState().close();
    void open(selectedId).then(() => {
      // The chart.open call is the audited access; the rest follow it.
      if (useChart.getState().chart?.patient.id !== selectedId) return;
      void useTimeline.getState().load(selectedId);
      void useTrends.getState().load(selectedId);
      void useChart.getState().loadAccessHistory();
    });
  }, [selectedId, open]);

  if (!selectedId) {
    return (
      <div className="welcome">
        <h1>Choose a patient</h1>
        <p>Search the list on the left by name, medical record number or birth date, then select a patient to open the chart.</p>
      </div>
    );
  }
  if (error) {
    return (
      <div className="chart">
        <div className="error-line" role="alert">
          {error}
        </div>
      </div>
    );
  }
  if (loading || !chart) return <div className="chart loading">Opening the chart…</div>;

  return (
    <div className="chart" data-testid="chart">
      <ChartHeader patient={chart.patient} />
      <AllergyBanner allergies={chart.allergies} onOpen={(id) => void showDetails('allergy', id)} />
      <div className="summary-grid">
        <CodedList
          title="Active problems"
          items={chart.activeProblems}
          empty="No active problems recorded."
          onOpen={(id) => void showDetails('condition', id)}
          testId="active-problems"
        />
        <CodedList
          title="Active medications"
          items={chart.activeMedications}
          empty="No active medications recorded."
          onOpen={(id) => void showDetails('medication', id)}
          testId="active-medications"
        />
      </div>
      <TimelinePanel />
      <TrendsPanel />
      <AccessHistory />
    </div>
  );
}
