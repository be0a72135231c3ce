import { useState } from 'react';
import { errorMessage } from '../api/client';
import { useSession } from '../shell/session-store';

/**
 * The top bar's "This computer" menu, shown only while the signed-in
 * clinician is remembered here: "Forget this computer" removes the
 * one-click sign-in (their passphrase is needed here again). Audited.
 */
export function DeviceMenu() {
  const status = useSession((s) => s.status);
  const forgetDevice = useSession((s) => s.forgetDevice);
  const [problem, setProblem] = useState<string | null>(null);
  const me = status?.currentClinician;
  if (!me || !status?.device?.available || !status.device.remembered.includes(me.id)) return null;

  return (
    <details className="device-menu" style={{ position: 'relative' }}>
      <summary className="btn" title="You can sign in on this computer without your passphrase.">
        This computer
      </summary>
      <div className="card" role="menu" style={{ position: 'absolute', right: 0, top: '110%', zIndex: 20, width: 260 }}>
        <p className="muted" style={{ margin: '0 0 8px', fontSize: 13 }}>
          {me.displayName} can sign in here with one click, without the passphrase.
        </p>
        <button
          type="button"
          role="menuitem"
          className="btn"
          onClick={() => {
            setProblem(null);
            forgetDevice(me.id).catch((e: unknown) => setProblem(errorMessage(e)));
          }}
        >
          Forget this computer
        </button>
        {problem && (
          <div className="error-line" role="alert" style={{ marginTop: 8 }}>
            {problem}
          </div>
        )}
      </div>
    </details>
  );
}
