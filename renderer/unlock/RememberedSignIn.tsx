import type { ClinicianDto } from '../../electron/api/schemas';

export interface RememberedSignInProps {
  /** The clinicians remembered on this device, as the core listed them. */
  readonly remembered: readonly ClinicianDto[];
  readonly busy: boolean;
  readonly onSignIn: (clinicianId: string) => void;
  readonly onForget: (clinicianId: string) => void;
}

/**
 * Who this device remembers, each with a button: signing in without a
 * passphrase is always the clinician's own click, never automatic at start.
 */
export function RememberedSignIn({ remembered, busy, onSignIn, onForget }: RememberedSignInProps) {
  if (remembered.length === 0) return null;
  return (
    <section className="card" aria-label="Remembered on this computer" data-testid="remembered-sign-in">
      <p className="muted" style={{ margin: '0 0 8px' }}>
        Remembered on this computer: no passphrase needed.
      </p>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {remembered.map((c) => (
          <div key={c.id} style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onSignIn(c.id)}>
              Sign in as {c.displayName}
            </button>
            <button
              type="button"
              className="btn-link"
              disabled={busy}
              onClick={() => onForget(c.id)}
              title={`${c.displayName} will need their passphrase on this computer again.`}
            >
              Forget this computer
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
