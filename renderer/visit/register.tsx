import { registerPanel, type PanelProps } from '../shell/panels';
import { VisitSection } from './VisitSection';

function VisitNote({ chart }: PanelProps) {
  if (chart.patient.deceasedAt) return <p className="muted card">The patient has died: no visit note is written here.</p>;
  return <VisitSection chart={chart} />;
}

export function registerVisit(): void {
  registerPanel({ id: 'visit-note', section: 'notes', order: 10, shownBy: 'chart', component: VisitNote });
}
