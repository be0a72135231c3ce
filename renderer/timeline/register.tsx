import { registerPanel } from '../shell/panels';
import { TimelinePanel } from './TimelinePanel';
import { onChartChanged } from '../shell/chart-changes';
import { reloadTimeline, useTimeline } from './timeline-store';

export function registerTimeline(): void {
  registerPanel({
    id: 'timeline',
    section: 'history',
    order: 10,
    shownBy: 'timeline',
    component: TimelinePanel,
    onShow: (chart) => {
      if (useTimeline.getState().patientId !== chart.patient.id) void useTimeline.getState().load(chart.patient.id, { deceasedAt: chart.patient.deceasedAt ?? null });
    },
  });
  onChartChanged('timeline', reloadTimeline);
}
