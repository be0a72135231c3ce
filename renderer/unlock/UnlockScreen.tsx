import { useEffect, useState } from 'react';
import type { ClinicianDto } from '../../electron/api/schemas';
import { errorMessage, isApiError } from '../api/client';
import { useSession } from '../shell/session-store';
import { Brand } from '../ui/Brand';
import { CreateVaultForm } from './CreateVaultForm';
import { RememberedSignIn } from './RememberedSignIn';
import { SignInForm } from './SignInForm';

let lastClinicianId: string | null = null;

/** Wrong passphrase and friends in words; anything else as the core said it. */
export function unlockErrorMessage(error: unknown, clinicianName: string | null): string {
  if (isApiError(error, 'wrong-passphrase')) {
    return `That passphrase is not right${clinicianName ? ` for ${clinicianName}` : ''}. Check Caps Lock and try again.`;
  }
  if (isApiError(error, 'too-many-attempts')) return 'Too many wrong passphrases: Continuum answers the next attempt only after a wait.';
  if (isApiError(error, 'unknown-user')) return 'That clinician is not on this vault. Choose your name from the list.';
  if (isApiError(error, 'vault-exists')) return 'A vault already exists here. Reload to sign in to it.';
  if (isApiError(error, 'damaged')) return `The vault could not be read: ${errorMessage(error)}`;
  return errorMessage(error);
}

/** When the next sign-in attempt will be answered (ms since the epoch), from a failed or refused attempt; null: now. */
export function nextAttemptAt(error: unknown, now = Date.now()): number | null {
  if (!isApiError(error) || !error.retryAfterSeconds) return null;
  return now + error.retryAfterSeconds * 1000;
}

function secondsUntil(until: number | null): number {
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** Whole seconds until `until`, ticking while there are any left. */
function useSecondsUntil(until: number | null): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(until));
  useEffect(() => {
    setSeconds(secondsUntil(until));
    if (until === null) return;
    const timer = window.setInterval(() => {
      const next = secondsUntil(until);
      setSeconds(next);
      if (next === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [until]);
  return seconds;
}

/** The remembered ids with their names, in the vault's order of clinicians. */
export function rememberedClinicians(clinicians: readonly ClinicianDto[], remembered: readonly string[]): ClinicianDto[] {
  return clinicians.filter((c) => remembered.includes(c.id));
}

/** Smart container: first run (create the vault) or sign in. */
export function UnlockScreen() {
  const status = useSession((s) => s.status);
  const notice = useSession((s) => s.lockNotice);
  const create = useSession((s) => s.create);
  const unlock = useSession((s) => s.unlock);
  const unlockOnDevice = useSession((s) => s.unlockOnDevice);
  const forgetDevice = useSession((s) => s.forgetDevice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const waitSeconds = useSecondsUntil(waitUntil);

  const firstRun = status?.state === 'no-vault';
  const remembered = status?.device?.available ? rememberedClinicians(status.clinicians, status.device.remembered) : [];

  // One busy flag and one error line for every way of signing in.
  const run = (action: () => Promise<void>, name: string | null) => {
    setBusy(true);
    setError(null);
    action()
      .catch((e: unknown) => {
        setError(unlockErrorMessage(e, name));
        setWaitUntil(nextAttemptAt(e));
      })
      .finally(() => setBusy(false));
  };

  return (
    <div className="centre-screen">
      <div className="unlock-card">
        <Brand />
        {firstRun ? (
          <CreateVaultForm
            busy={busy}
            error={error}
            onSubmit={(input) => {
              setBusy(true);
              setError(null);
              create(input)
                .catch((e: unknown) => setError(unlockErrorMessage(e, null)))
                .finally(() => setBusy(false));
            }}
          />
        ) : (
          <SignInForm
            clinicians={status?.clinicians ?? []}
            busy={busy}
            error={error}
            notice={error ? null : notice}
            lastClinicianId={lastClinicianId}
            device={status?.device ?? null}
            autoLockMinutes={status?.autoLockMinutes ?? null}
            waitSeconds={waitSeconds}
            remembered={
              <RememberedSignIn
                remembered={remembered}
                busy={busy}
                onSignIn={(clinicianId) => {
                  lastClinicianId = clinicianId;
                  run(() => unlockOnDevice(clinicianId), null);
                }}
                onForget={(clinicianId) => run(() => forgetDevice(clinicianId), null)}
              />
            }
            onSubmit={(clinicianId, passphrase, remember) => {
              lastClinicianId = clinicianId;
              const name = status?.clinicians.find((c) => c.id === clinicianId)?.displayName ?? null;
              run(() => unlock(clinicianId, passphrase, remember), name);
            }}
          />
        )}
        {status && <div className="vault-file">Vault: {status.vaultFile}</div>}
      </div>
    </div>
  );
}
