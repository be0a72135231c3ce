import { useEffect } from 'react';
import { UnlockScreen } from '../unlock/UnlockScreen';
import { Brand } from '../ui/Brand';
import { connectSessionToClient, useSession } from '../shell/session-store';
import { Workspace } from './Workspace';

export function App() {
  const screen = useSession((s) => s.screen);
  const problem = useSession((s) => s.problem);
  const canRetry = useSession((s) => s.canRetry);

  useEffect(() => {
    const disconnect = connectSessionToClient();
    void useSession.getState().refresh();
    return disconnect;
  }, []);

  switch (screen) {
    case 'starting':
      return (
        <div className="centre-screen">
          <div className="muted">Starting Continuum…</div>
        </div>
      );
    case 'unlock':
      return <UnlockScreen />;
    case 'workspace':
      return <Workspace />;
    case 'disconnected':
      return (
        <div className="centre-screen">
          <div className="unlock-card">
            <Brand />
            <h1>Not connected</h1>
            <p>{problem ?? 'Continuum cannot be reached.'}</p>
            {canRetry && (
              <button type="button" className="btn btn-primary" onClick={() => void useSession.getState().refresh()}>
                Try again
              </button>
            )}
          </div>
        </div>
      );
  }
}
