import { useEffect, useRef } from 'react';
import { BriefPanel } from '../brief/BriefPanel';
import { useBrief } from '../brief/brief-store';
import { useFindingFocus } from '../derm/finding-focus';
import { DermPanel } from '../derm/DermPanel';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { ImagingPanel } from '../imaging/ImagingPanel';
import { OcrReviewPanel } from '../ocr-review/OcrReviewPanel';
import { useDocumentReview } from '../ocr-review/review-store';
import { usePatients } from '../patients/patients-store';
import { ResultsSection } from '../results/ResultsSection';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { useTimeline } from '../timeline/timeline-store';
import { useTrends } from '../trends/trends-store';
import { VisitSection } from '../visit/VisitSection';
import { AccessHistory } from './AccessHistory';
import { ChartHeader } from './ChartHeader';
import { useChartNav, type ChartSection } from './chart-nav';
import { useChart } from './chart-store';
import { CodedList } from './CodedList';
import { useDetails } from './details-store';
import { useVitals } from './vitals-store';
import { VitalsStrip } from './VitalsStrip';

/** Loads what a section needs the first time it is shown for this patient (the summary's data comes with the chart). */
function loadSection(section: ChartSection, patientId: string, deceasedAt: string | null): void {
  if (section === 'results' && useTrends.getState().patientId !== patientId) void useTrends.getState().load(patientId);
  if (section === 'history') {
    if (useTimeline.getState().patientId !== patientId) void useTimeline.getState().load(patientId, { deceasedAt });
    // Who opened the chart, as of now: the list is read again each time the section is shown.
    void useChart.getState().loadAccessHistory();
  }
}

/**
 * Smart container: opens the selected patient's chart. The header (who,
 * allergies, deceased status, the sections) stays in view; the chart opens
 * on its summary, scrolled to the top, for every patient: the latest vital
 * signs, the brief beside the problem, medication and goal lists. The other
 * sections (results, imaging, documents, the visit note, history) load the
 * first time they are shown and are kept while the chart is open.
 */
export function ChartView() {
  const selectedId = usePatients((s) => s.selectedId);
  const emptyVault = usePatients((s) => s.loaded && s.total === 0 && s.query.trim() === '');
  const { chart, loading, error, open } = useChart();
  const showDetails = useDetails((s) => s.show);
  const { section, visited, show } = useChartNav();
  const vitals = useVitals((s) => (s.patientId === selectedId ? s.vitals : null));
  const brief = useBrief((s) => (s.patientId === selectedId ? s.brief : null));
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    useDetails.getState().close();
    useChartNav.getState().reset();
    // A new patient opens at the top of the chart, never where the last one was scrolled to.
    const scroller = top.current?.closest('.main');
    if (scroller) scroller.scrollTop = 0;
    // chart.open is the audited access and the core answers in order: the brief and vitals are asked at once after it.
    void open(selectedId);
    void useBrief.getState().load(selectedId);
    void useVitals.getState().load(selectedId);
  }, [selectedId, open]);

  // A citation elsewhere asked for an image finding or a scanned page: show the section that shows it.
  useEffect(() => {
    const offFocus = useFindingFocus.subscribe((now, before) => {
      if (now.seq !== before.seq && (now.finding || now.xrayFinding)) useChartNav.getState().show('imaging');
    });
    const offDocument = useDocumentReview.subscribe((now, before) => {
      if (now.focus && now.focus !== before.focus) useChartNav.getState().show('documents');
    });
    return () => {
      offFocus();
      offDocument();
    };
  }, []);

  // What scrolls into view (a cited image, a page's words) lands below the sticky header, however tall it is.
  const hasChart = chart !== null;
  useEffect(() => {
    const header = top.current?.querySelector<HTMLElement>('[data-testid="chart-header"]');
    const scroller = top.current?.closest<HTMLElement>('.main');
    if (!header || !scroller) return;
    const fit = () => {
      scroller.style.scrollPaddingTop = `${header.offsetHeight + 8}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(header);
    return () => observer.disconnect();
  }, [hasChart]);

  const patientId = chart?.patient.id ?? null;
  const deceasedAt = chart?.patient.deceasedAt ?? null;
  useEffect(() => {
    if (patientId) loadSection(section, patientId, deceasedAt);
  }, [section, patientId, deceasedAt]);

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
      <div className="chart" ref={top}>
        <div className="error-line" role="alert">
          {error}
        </div>
      </div>
    );
  }
  if (loading || !chart) {
    return (
      <div className="chart loading" ref={top}>
        Opening the chart…
      </div>
    );
  }

  const deceased = Boolean(chart.patient.deceasedAt);
  const unreviewed = brief?.documents.filter((d) => !d.reviewed).length ?? 0;
  const openDocument = (documentId: string) => {
    useDocumentReview.getState().select(chart.patient.id, documentId);
    show('documents');
  };
  const mounted = (s: ChartSection) => visited.has(s);
  return (
    <div className="chart" data-testid="chart" ref={top}>
      <ChartHeader
        chart={chart}
        section={section}
        badges={unreviewed > 0 ? { documents: `${unreviewed} new` } : {}}
        onSection={show}
        onOpenAllergy={(id) => void showDetails('allergy', id)}
      />
      <div className="chart-section" hidden={section !== 'summary'} data-testid="summary" role="tabpanel" aria-label="Summary">
        <VitalsStrip vitals={vitals?.latest ?? []} onOpen={(id) => void showDetails('observation', id)} />
        <div className="summary-grid">
          <BriefPanel onOpenDocument={openDocument} />
          <div className="summary-lists">
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
            {!deceased && (
              <CodedList
                title="Goals and follow-up"
                items={chart.goals.map((g) => ({ ...g, start: g.due ?? g.start }))}
                sort={false}
                empty="No open goals."
                onOpen={(id) => void showDetails('care-plan', id)}
                testId="goals"
                dateLabel={(item) => (chart.goals.find((g) => g.id === item.id)?.due ? 'due' : 'since')}
              />
            )}
          </div>
        </div>
      </div>
      {mounted('results') && (
        <div className="chart-section" hidden={section !== 'results'} role="tabpanel" aria-label="Results">
          <ResultsSection />
        </div>
      )}
      {mounted('imaging') && (
        <div className="chart-section" hidden={section !== 'imaging'} role="tabpanel" aria-label="Imaging">
          <ImagingPanel patientId={chart.patient.id} patientName={chart.patient.name} />
          <DermPanel patientId={chart.patient.id} />
        </div>
      )}
      {mounted('documents') && (
        <div className="chart-section" hidden={section !== 'documents'} role="tabpanel" aria-label="Documents">
          <OcrReviewPanel patientId={chart.patient.id} patientName={chart.patient.name} />
        </div>
      )}
      {mounted('notes') && (
        <div className="chart-section" hidden={section !== 'notes'} role="tabpanel" aria-label="Visit note">
          {deceased ? (
            <>
              <p className="muted card">The patient has died: no visit note is written here.</p>
              <EvidencePanel />
            </>
          ) : (
            <VisitSection chart={chart} />
          )}
        </div>
      )}
      {mounted('history') && (
        <div className="chart-section" hidden={section !== 'history'} role="tabpanel" aria-label="History">
          <TimelinePanel />
          <AccessHistory />
        </div>
      )}
    </div>
  );
}
