import { registerPanel, type PanelProps } from '../shell/panels';
import { onChartChanged } from '../shell/chart-changes';
import { registerCitationOpener } from '../shell/sources';
import { AccessHistory } from './AccessHistory';
import { useChart } from '../shell/chart-store';
import { CodedList } from './CodedList';
import { useDetails } from '../shell/details-store';
import { useVitals } from '../shell/vitals-store';
import { VitalsStrip } from './VitalsStrip';

function LatestVitals({ chart }: PanelProps) {
  const vitals = useVitals((s) => (s.patientId === chart.patient.id ? s.vitals : null));
  const showDetails = useDetails((s) => s.show);
  return <VitalsStrip vitals={vitals?.latest ?? []} onOpen={(id) => void showDetails('observation', id)} />;
}

/** The problem, medication and goal lists beside the brief; a deceased patient's as they stood at death, without goals. */
function ProblemLists({ chart }: PanelProps) {
  const showDetails = useDetails((s) => s.show);
  const deceased = Boolean(chart.patient.deceasedAt);
  return (
    <>
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
    </>
  );
}

/** The chart's own panels (always laid out) and the details drawer as the opener of cited records. */
export function registerChart(): void {
  registerPanel({
    id: 'vitals',
    section: 'summary',
    slot: 'top',
    order: 20,
    shownBy: 'chart',
    component: LatestVitals,
    onChartOpen: (patientId) => void useVitals.getState().load(patientId),
  });
  registerPanel({ id: 'problem-lists', section: 'summary', slot: 'side', order: 30, shownBy: 'chart', component: ProblemLists });
  registerPanel({
    id: 'access-history',
    section: 'history',
    order: 20,
    shownBy: 'chart',
    component: AccessHistory,
    // Who opened the chart, as of now: the list is read again each time the section is shown.
    onShow: () => void useChart.getState().loadAccessHistory(),
  });
  registerCitationOpener('record', (kind, id) => void useDetails.getState().show(kind, id));
  // The open chart's own parts read themselves again after a write to this patient (a signed visit changes the lists).
  const showing = (patientId: string) => useChart.getState().chart?.patient.id === patientId;
  onChartChanged('chart', (patientId) => {
    if (showing(patientId)) void useChart.getState().refresh();
  });
  onChartChanged('vitals', (patientId) => {
    if (useVitals.getState().patientId === patientId) void useVitals.getState().load(patientId);
  });
  onChartChanged('access-history', (patientId) => {
    if (showing(patientId)) void useChart.getState().loadAccessHistory();
  });
}
