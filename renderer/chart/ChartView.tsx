import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Chart } from '../../electron/api/schemas';
import { CHART_SECTIONS, useChartNav, type ChartSection } from '../shell/navigation';
import { panelsFor, sectionBadge, sectionsOf, type PanelDefinition } from '../shell/panels';
import { useWorkflow } from '../shell/workflow';
import { ChartHeader } from './ChartHeader';
import { useChart } from '../shell/chart-store';
import { useDetails } from '../shell/details-store';

/** Each panel of a section, when it is shown with the chart loaded, loads what it needs (the summary's data comes with the chart). */
function showSection(laidOut: readonly PanelDefinition[], section: ChartSection, chart: Chart): void {
  for (const panel of laidOut) if (panel.section === section) panel.onShow?.(chart);
}

const labelOf = (id: ChartSection) => CHART_SECTIONS.find((s) => s.id === id)!.label;

export interface ChartViewProps {
  /** The patient chosen in the list (the shell's composition root passes it), or null. */
  readonly selectedId: string | null;
  /** The vault holds no patient yet (the welcome says how to import). */
  readonly emptyVault: boolean;
}

/**
 * Smart container: opens the selected patient's chart. The header (who,
 * allergies, deceased status, the sections) stays in view; the chart opens
 * on its summary, scrolled to the top, for every patient. It draws no panel
 * of its own choosing: the features register their panels with the shell
 * (renderer/shell/panels.ts), and the chart lays out those the active
 * workflow names (all of them when none runs), each in its section. A
 * section's panels mount the first time it is shown and are kept while the
 * chart is open; each panel loads what it needs when its section is shown.
 */
export function ChartView({ selectedId, emptyVault }: ChartViewProps) {
  const { chart, loading, error, open } = useChart();
  const showDetails = useDetails((s) => s.show);
  const { section, visited, show } = useChartNav();
  const workflow = useWorkflow((s) => s.active);
  const laidOut = useMemo(() => panelsFor(workflow?.panels ?? null), [workflow]);
  const sections = useMemo(() => sectionsOf(laidOut), [laidOut]);
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    useDetails.getState().close();
    useChartNav.getState().reset();
    // The last patient's visit (and its workflow) is not this one's: the whole chart until a session starts here.
    useWorkflow.getState().end();
    // A new patient opens at the top of the chart, never where the last one was scrolled to.
    const scroller = top.current?.closest('.main');
    if (scroller) scroller.scrollTop = 0;
    // chart.open is the audited access and the core answers in order: what the summary shows (brief, vitals) is asked at once after it.
    void open(selectedId);
    for (const panel of panelsFor(useWorkflow.getState().active?.panels ?? null)) if (panel.section === 'summary') panel.onChartOpen?.(selectedId);
  }, [selectedId, open]);

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
    const open = useChart.getState().chart;
    if (patientId && open?.patient.id === patientId) showSection(laidOut, section, open);
  }, [section, patientId, deceasedAt, laidOut]);

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

  const inSection = (id: ChartSection) => laidOut.filter((p) => p.section === id);
  const draw = (panels: readonly PanelDefinition[]) => panels.map((p) => <p.component key={p.id} chart={chart} />);
  const badges: Partial<Record<ChartSection, ReactNode>> = {};
  for (const id of sections) {
    const Badge = sectionBadge(id);
    if (Badge) badges[id] = <Badge chart={chart} />;
  }
  const summary = inSection('summary');
  const slot = (name: 'top' | 'main' | 'side') => summary.filter((p) => (p.slot ?? 'main') === name);
  return (
    <div className="chart" data-testid="chart" ref={top}>
      <ChartHeader
        chart={chart}
        section={section}
        sections={sections}
        badges={badges}
        onSection={show}
        onOpenAllergy={(id) => void showDetails('allergy', id)}
      />
      <div className="chart-section" hidden={section !== 'summary'} data-testid="summary" role="tabpanel" aria-label="Summary">
        {draw(slot('top'))}
        <div className="summary-grid">
          {draw(slot('main'))}
          <div className="summary-lists">{draw(slot('side'))}</div>
        </div>
      </div>
      {sections
        .filter((id) => id !== 'summary' && visited.has(id))
        .map((id) => (
          <div key={id} className="chart-section" hidden={section !== id} role="tabpanel" aria-label={labelOf(id)}>
            {draw(inSection(id))}
          </div>
        ))}
    </div>
  );
}
