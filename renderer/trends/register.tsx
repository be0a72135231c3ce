import { registerPanel } from '../shell/panels';
import { TrendsPanel } from './TrendsPanel';
import { onChartChanged } from '../shell/chart-changes';
import { useTrends } from './trends-store';

export function registerTrends(): void {
  registerPanel({
    id: 'trends',
    section: 'results',
    order: 20,
    shownBy: 'trends',
    component: TrendsPanel,
    onShow: (chart) => {
      if (useTrends.getState().patientId !== chart.patient.id) void useTrends.getState().load(chart.patient.id);
    },
  });
  // Read again only when it shows this patient; another patient's trends load when the results section is shown.
  onChartChanged('trends', (patientId) => {
    if (useTrends.getState().patientId === patientId) void useTrends.getState().load(patientId);
  });
}
