import { useState } from 'react';
import { errorMessage, isApiError } from '../api/client';
import { useSession } from '../app/session-store';
import { Brand } from '../ui/Brand';
import { CreateVaultForm } from './CreateVaultForm';
import { SignInForm } from './SignInForm';

let lastClinicianId: string | null = null;

/** Wrong passphrase and friends in words; anything else as the core said it. */
export function unlockErrorMessage(error: unknown, clinicianName: string | null): string {
  if (isApiError(error, 'wrong-passphrase')) {
    return `That passphrase is not right${clinicianName ? ` for ${clinicianName}` : ''}. Check Caps Lock and try again.`;
  }
  if (isApiError(error, 'unknown-user')) return 'That clinician is not on this vault. Choose your name from the list.';
  if (isApiError(error, 'vault-exists')) return 'A vault already exists here. Reload to sign in to it.';
  if (isApiError(error, 'damaged')) return `The vault could not be read: ${errorMessage(error)}`;
  return errorMessage(error);
}

/** Smart container: first run (create the vault) or sign in. */
export function UnlockScreen() {
  const status = useSession((s) => s.status);
  const notice = useSession((s) => s.lockNotice);
  const create = useSession((s) => s.create);
  const unlock = useSession((s) => s.unlock);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const firstRun = status?.state === 'no-vault';

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
            onSubmit={(clinicianId, passphrase) => {
              setBusy(true);
              setError(null);
              lastClinicianId = clinicianId;
              const name = status?.clinicians.find((c) => c.id === clinicianId)?.displayName ?? null;
              unlock(clinicianId, passphrase)
                .catch((e: unknown) => setError(unlockErrorMessage(e, name)))
                .finally(() => setBusy(false));
            }}
          />
        )}
        {status && <div className="vault-file">Vault: {status.vaultFile}</div>}
      </div>
    </div>
  );
}
