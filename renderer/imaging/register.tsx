import { registerPanel, type PanelProps } from '../shell/panels';
import { registerSourceOpener } from '../shell/sources';
import { imageFindingSource } from './image-finding-source';
import { ImagingPanel } from './ImagingPanel';

function Imaging({ chart }: PanelProps) {
  return <ImagingPanel patientId={chart.patient.id} patientName={chart.patient.name} />;
}

export function registerImaging(): void {
  registerPanel({ id: 'imaging', section: 'imaging', order: 10, shownBy: 'imaging', component: Imaging });
  registerSourceOpener(imageFindingSource);
}
