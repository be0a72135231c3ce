import { useEffect } from 'react';
import { ChartView } from '../chart/ChartView';
import { DetailsDrawer } from '../chart/DetailsDrawer';
import { ModelButton, ModelManager } from '../models/ModelManager';
import { ImportButton } from '../patients/ImportButton';
import { ImportDialog } from '../patients/ImportDialog';
import { PatientsPanel } from '../patients/PatientsPanel';
import { Brand } from '../ui/Brand';
import { DeviceMenu } from '../unlock/DeviceMenu';
import { SignInHistory } from '../unlock/SignInHistory';
import { formatMinutes } from '../ui/format';
import { useSession } from '../shell/session-store';
import { useActivity } from './useActivity';
import { takeRememberedChart } from '../shell/last-chart';
import { SettingsMenu } from './SettingsMenu';
import { usePatients } from '../patients/patients-store';

/** The unlocked app: top bar, patient list, chart. */
export function Workspace() {
  const status = useSession((s) => s.status);
  const lock = useSession((s) => s.lock);
  const selectedId = usePatients((s) => s.selectedId);
  const emptyVault = usePatients((s) => s.loaded && s.total === 0 && s.query.trim() === '');
  useActivity(status?.autoLockMinutes ?? 10);

  // Signed in again after a lock: back to the chart that was open (the same clinician only).
  const clinicianId = status?.currentClinician?.id;
  useEffect(() => {
    const patientId = takeRememberedChart(clinicianId);
    if (patientId) usePatients.getState().select(patientId);
  }, [clinicianId]);

  return (
    <div className="workspace">
      <header className="topbar">
        <Brand />
        <span className="spacer" />
        <span className="who" data-testid="signed-in-as">
          Signed in as <strong>{status?.currentClinician?.displayName ?? '—'}</strong>
        </span>
        <SignInHistory />
        <DeviceMenu />
        <SettingsMenu />
        <ModelButton />
        <ImportButton />
        <button
          type="button"
          className="btn"
          onClick={() => void lock()}
          title={`Locks now. It also locks by itself after ${formatMinutes(status?.autoLockMinutes ?? 10)} without use.`}
        >
          Lock
        </button>
      </header>
      <div className="workspace-body">
        <PatientsPanel />
        <main className="main">
          <ModelManager />
          <ChartView selectedId={selectedId} emptyVault={emptyVault} />
        </main>
        {/* Inside the body, so the top bar (Lock, Import) stays in reach while it is open. */}
        <DetailsDrawer />
      </div>
      <ImportDialog />
    </div>
  );
}
