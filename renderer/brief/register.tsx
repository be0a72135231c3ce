import { registerPanel, registerSectionBadge, type PanelProps } from '../shell/panels';
import { opener } from '../shell/sources';
import { BriefPanel } from './BriefPanel';
import { onChartChanged } from '../shell/chart-changes';
import { useBrief } from './brief-store';

function Brief({ chart }: PanelProps) {
  return <BriefPanel onOpenDocument={(documentId) => opener('document')(chart.patient.id, documentId)} />;
}

/** "2 new" beside Documents: scanned documents nobody has reviewed yet, as the brief counts them. */
function Unreviewed({ chart }: PanelProps) {
  const unreviewed = useBrief((s) => (s.patientId === chart.patient.id ? (s.brief?.documents.filter((d) => !d.reviewed).length ?? 0) : 0));
  return unreviewed > 0 ? <span className="tab-badge">{unreviewed} new</span> : null;
}

export function registerBrief(): void {
  registerSectionBadge('documents', Unreviewed);
  registerPanel({
    id: 'brief',
    section: 'summary',
    slot: 'main',
    // First of the summary's loads: the core answers in order, and the brief is what the clinician reads first.
    order: 10,
    shownBy: 'brief',
    component: Brief,
    onChartOpen: (patientId) => void useBrief.getState().load(patientId),
  });
  onChartChanged('brief', (patientId) => {
    if (useBrief.getState().patientId === patientId) void useBrief.getState().load(patientId);
  });
}
