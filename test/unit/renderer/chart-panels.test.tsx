import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type * as Zustand from 'zustand';
import type { StateCreator } from 'zustand';
// Rendered on the server (no DOM here), a zustand hook reads its store's initial state; these tests set
// the stores first, so the hooks read them as they are now.
vi.mock('zustand', async (original) => {
  const zustand: typeof Zustand = await original();
  const bind = (init: StateCreator<unknown>) => {
    const api = zustand.createStore(init);
    api.getInitialState = api.getState;
    return Object.assign((selector?: (state: unknown) => unknown) => zustand.useStore(api, selector ?? ((s) => s)), api);
  };
  return { ...zustand, create: (init?: StateCreator<unknown>) => (init ? bind(init) : bind) };
});
vi.mock('../../../renderer/imaging/cornerstone-setup', () => ({ cornerstone: {}, cornerstoneTools: {}, imageIdFor: () => '', setupCornerstone: () => undefined }));
import { workflowPanelId, type WorkflowPanelId } from '../../../electron/api/panel-ids';
import { firstVisit } from '../../../electron/agent/harness/workflows/first-visit';
import { followUp } from '../../../electron/agent/harness/workflows/follow-up';
import { imagingReview } from '../../../electron/agent/harness/workflows/imaging-review';
import { registerFeatures } from '../../../renderer/app/features';
import { ChartView } from '../../../renderer/chart/ChartView';
import { useChart } from '../../../renderer/shell/chart-store';
import { CHART_SECTIONS, useChartNav } from '../../../renderer/shell/navigation';
import { useChat } from '../../../renderer/shell/chat-store';
import { panelsFor, registeredPanels, registerPanel } from '../../../renderer/shell/panels';
import { useWorkflow } from '../../../renderer/shell/workflow';

const chart = {
  patient: { id: 'p1', name: 'Grace Hopper', birthDate: '1950-12-09', sex: 'female', deceasedAt: null, identifiers: [] },
  allergies: [],
  noKnownAllergies: [],
  goals: [],
  activeProblems: [],
  activeMedications: [],
  counts: {},
  span: { start: null, end: null },
};

/** What each panel a workflow may name draws, as the chart's markup shows it. */
const MARKER: Record<WorkflowPanelId, string> = {
  brief: 'data-testid="brief"',
  timeline: 'data-testid="timeline"',
  trends: 'data-testid="trends"',
  chat: 'data-testid="chat"',
  evidence: 'data-testid="evidence"',
  imaging: 'data-testid="imaging-panel"',
  documents: 'data-testid="ocr-panel"',
};
/** The chart's own panels: there whatever the workflow. */
const OWN = ['data-testid="vitals-strip"', 'data-testid="active-problems"', 'data-testid="bp"', 'data-testid="visit-note"', 'data-testid="access-history"'];

registerFeatures();

/** The open chart with every section visited (each mounts once shown), as the app renders it for the active workflow. */
function renderChart(workflow: { id: string; panels: readonly WorkflowPanelId[] } | null): string {
  useChart.setState({ patientId: 'p1', chart, loading: false, error: null });
  useChartNav.setState({ section: 'summary', visited: new Set(CHART_SECTIONS.map((s) => s.id)) });
  useChat.setState({ patientId: 'p1', sessionId: 's1', chatDisabled: null, model: 'tiny' });
  useWorkflow.setState({ active: workflow });
  return renderToStaticMarkup(<ChartView selectedId="p1" emptyVault={false} />);
}

describe('the chart lays out the panels the active workflow names', () => {
  it('shows every registered panel when no workflow runs (the chart before a visit starts)', () => {
    const html = renderChart(null);
    for (const id of workflowPanelId.options) expect(html, id).toContain(MARKER[id]);
    for (const own of OWN) expect(html).toContain(own);
    for (const s of CHART_SECTIONS) expect(html).toContain(`data-testid="section-${s.id}"`);
  });

  it.each([followUp, firstVisit, imagingReview])('$id: exactly the panels its list names, with the chart\'s own, and only the sections that have something', (workflow) => {
    const html = renderChart({ id: workflow.id, panels: workflow.panels });
    for (const id of workflowPanelId.options) {
      if (workflow.panels.includes(id)) expect(html, `${workflow.id} names ${id}`).toContain(MARKER[id]);
      else expect(html, `${workflow.id} does not name ${id}`).not.toContain(MARKER[id]);
    }
    for (const own of OWN) expect(html).toContain(own);
    // Skin photos come with imaging; the Documents tab only when documents are named.
    expect(html.includes('data-testid="derm-panel"')).toBe(workflow.panels.includes('imaging'));
    expect(html.includes('data-testid="section-documents"')).toBe(workflow.panels.includes('documents'));
    expect(html.includes('data-testid="section-imaging"')).toBe(workflow.panels.includes('imaging'));
  });

  it('follow-up, the visit the app starts, names the whole chart: starting a visit hides nothing', () => {
    expect(renderChart({ id: followUp.id, panels: followUp.panels })).toBe(renderChart(null));
  });

  it('another list changes the chart without touching its code: imaging review drops the brief and the documents', () => {
    const html = renderChart({ id: 'imaging-review', panels: ['timeline', 'imaging', 'chat'] });
    expect(html).not.toContain(MARKER.brief);
    expect(html).not.toContain('data-testid="section-documents"');
    expect(html).toContain(MARKER.imaging);
  });
});

describe('the panel registry', () => {
  it('has a panel for every id a workflow may name (the contract\'s list)', () => {
    const shown = new Set(registeredPanels().map((p) => p.shownBy));
    for (const id of workflowPanelId.options) expect(shown.has(id), id).toBe(true);
  });

  it('refuses a second panel with the same id, and a workflow that names a panel nobody registered', () => {
    expect(() => registerPanel({ id: 'brief', section: 'summary', order: 99, shownBy: 'brief', component: () => null })).toThrow(/registered twice/);
    expect(() => panelsFor(['brief', 'nonsense' as WorkflowPanelId])).toThrow(/no feature registered: nonsense/);
  });
});
