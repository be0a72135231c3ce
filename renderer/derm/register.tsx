import { registerPanel, type PanelProps } from '../shell/panels';
import { registerCitationOpener } from '../shell/sources';
import { DermPanel } from './DermPanel';
import { useFindingFocus } from '../shell/finding-focus';

function Photos({ chart }: PanelProps) {
  return <DermPanel patientId={chart.patient.id} />;
}

export function registerDerm(): void {
  // Skin photos sit under the X-rays: a workflow that names imaging gets both.
  registerPanel({ id: 'photos', section: 'imaging', order: 20, shownBy: 'imaging', component: Photos });
  registerCitationOpener('fact', (factId) => void useFindingFocus.getState().openFact(factId));
}
