import { useEffect, useState } from 'react';
import type { AuditEntryDto, ClinicianDto } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { useSession } from '../shell/session-store';
import { formatDateTime } from '../ui/format';

/** A sign-in event in words ("Signed in", "Failed sign-in as Bo Jensen"). */
export function describeSignIn(entry: Pick<AuditEntryDto, 'action' | 'detail'>, clinicians: readonly ClinicianDto[]): string {
  const name = (id: unknown) => clinicians.find((c) => c.id === id)?.displayName ?? String(id);
  const via = entry.detail['via'] === 'cli' ? ' (command line)' : '';
  switch (entry.action) {
    case 'vault.create':
      return 'Created the vault';
    case 'vault.unlock':
      return entry.detail['via'] === 'device' ? 'Signed in on this computer, without the passphrase' : 'Signed in';
    case 'signin.failed':
      return typeof entry.detail['more'] === 'number'
        ? `${entry.detail['more']} more failed sign-ins, not kept one by one`
        : `Failed sign-in as ${name(entry.detail['clinician'])}${via}: wrong passphrase`;
    case 'vault.lock':
      return 'Locked';
    case 'device.remember':
      return 'Remembered this computer';
    case 'device.forget':
      return 'Forgot this computer';
    case 'clinician.passphrase':
      return 'Changed the passphrase';
    default:
      return entry.action;
  }
}

const NO_CLINICIANS: readonly ClinicianDto[] = [];

/**
 * The top bar's "Sign-ins" menu: who signed in and when, and every failed
 * attempt (recorded at the next sign-in, since a locked vault cannot be
 * written). Opens by itself when attempts failed since the last sign-in.
 */
export function SignInHistory() {
  const clinicians = useSession((s) => s.status?.clinicians ?? NO_CLINICIANS);
  const [entries, setEntries] = useState<AuditEntryDto[] | null>(null);
  const [failed, setFailed] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('vault.signInHistory', { limit: 50 })
      .then((history) => {
        if (!live) return;
        setEntries(history.entries);
        setFailed(history.failedSinceLastSignIn);
      })
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <details className="device-menu" style={{ position: 'relative' }} open={failed > 0 ? true : undefined} data-testid="sign-in-history">
      <summary className="btn" title="Sign-ins to this vault, and failed attempts">
        Sign-ins{failed > 0 && <strong style={{ color: 'var(--danger)' }}>{` · ${failed} failed`}</strong>}
      </summary>
      <div className="card" style={{ position: 'absolute', right: 0, top: '110%', zIndex: 20, width: 460, maxHeight: 420, overflow: 'auto' }}>
        {failed > 0 && (
          <div className="error-line" role="alert" style={{ marginBottom: 8 }}>
            {failed === 1 ? 'One failed attempt' : `${failed} failed attempts`} to sign in since the last sign-in. If that was not you or a colleague, tell
            the clinic's administrator.
          </div>
        )}
        {problem && <div className="error-line">{problem}</div>}
        {!entries && !problem && <div className="loading">Loading…</div>}
        {entries && (
          <ul className="access-list">
            {entries.map((e) => (
              <li key={e.seq} style={e.action === 'signin.failed' ? { color: 'var(--danger)' } : undefined}>
                {/* A failure is written at the next sign-in; it shows when it happened. */}
                <span className="muted">{formatDateTime(e.action === 'signin.failed' && typeof e.detail['at'] === 'string' ? e.detail['at'] : e.at)}</span>
                <span>
                  {e.action === 'signin.failed' ? null : <strong>{clinicians.find((c) => c.id === e.clinicianId)?.displayName ?? e.clinicianId} — </strong>}
                  {describeSignIn(e, clinicians)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
