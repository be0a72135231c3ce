import { useEffect } from 'react';
import { BriefPanel } from '../brief/BriefPanel';
import { ChatPanel } from '../chat/ChatPanel';
import { useBrief } from '../brief/brief-store';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { usePatients } from '../patients/patients-store';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { useTimeline } from '../timeline/timeline-store';
import { TrendsPanel } from '../trends/TrendsPanel';
import { useTrends } from '../trends/trends-store';
import { AccessHistory } from './AccessHistory';
import { AllergyBanner } from './AllergyBanner';
import { ChartHeader } from './ChartHeader';
import { ImagingPanel } from '../imaging/ImagingPanel';
import { DermPanel } from '../derm/DermPanel';
import { OcrReviewPanel } from '../ocr-review/OcrReviewPanel';
import { useChart } from './chart-store';
import { CodedList } from './CodedList';
import { useDetails } from './details-store';

/** Smart container: opens the selected patient's chart and lays out its panels. */
export function ChartView() {
  const selectedId = usePatients((s) => s.selectedId);
  const emptyVault = usePatients((s) => s.loaded && s.total === 0 && s.query.trim() === '');
  const { chart, loading, error, open } = useChart();
  const showDetails = useDetails((s) => s.show);

  useEffect(() => {
    if (!selectedId) return;
    useDetails.getState().close();
    void open(selectedId).then(() => {
      // The chart.open call is the audited access; the rest follow it.
      const chart = useChart.getState().chart;
      if (chart?.patient.id !== selectedId) return;
      void useTimeline.getState().load(selectedId, { deceasedAt: chart.patient.deceasedAt });
      void useTrends.getState().load(selectedId);
      void useBrief.getState().load(selectedId);
      void useChart.getState().loadAccessHistory();
    });
  }, [selectedId, open]);

  if (!selectedId) {
    if (emptyVault) {
      return (
        <div className="welcome">
          <h1>No patients in the vault yet</h1>
          <p>Import FHIR bundles (for example exported from the EHR) with “Import FHIR bundle…”. Their patients then appear in the list on the left.</p>
        </div>
      );
    }
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

  const deceased = Boolean(chart.patient.deceasedAt);
  return (
    <div className="chart" data-testid="chart">
      <ChartHeader patient={chart.patient} />
      <AllergyBanner allergies={chart.allergies} onOpen={(id) => void showDetails('allergy', id)} />
      <div className="summary-grid">
        <CodedList
          title={deceased ? 'Problems active at death' : 'Active problems'}
          items={chart.activeProblems}
          empty="No active problems recorded."
          onOpen={(id) => void showDetails('condition', id)}
          testId="active-problems"
        />
        <CodedList
          title={deceased ? 'Medications active at death' : 'Active medications'}
          items={chart.activeMedications}
          empty="No active medications recorded."
          onOpen={(id) => void showDetails('medication', id)}
          testId="active-medications"
        />
      </div>
      <BriefPanel deceased={deceased} />
      {!deceased && <ChatPanel patientId={chart.patient.id} />}
      <TimelinePanel />
      <TrendsPanel />
      <ImagingPanel patientId={chart.patient.id} />
      <DermPanel patientId={chart.patient.id} />
      <OcrReviewPanel patientId={chart.patient.id} />
      <EvidencePanel />
      <AccessHistory />
    </div>
  );
}
