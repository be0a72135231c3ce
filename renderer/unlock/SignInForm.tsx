import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ClinicianDto, DeviceSignIn } from '../../electron/api/schemas';
import { formatMinutes } from '../ui/format';

export interface SignInFormProps {
  readonly clinicians: readonly ClinicianDto[];
  readonly busy: boolean;
  readonly error: string | null;
  readonly notice: string | null;
  readonly lastClinicianId: string | null;
  /** What the host offers for "remember on this device"; the box shows only when it is available. */
  readonly device: DeviceSignIn | null;
  readonly autoLockMinutes: number | null;
  /** One-click sign-in for clinicians this computer remembers (RememberedSignIn), shown above the passphrase form. */
  readonly remembered?: ReactNode;
  /** Seconds until the next attempt is answered, after wrong passphrases (0 or absent: now). */
  readonly waitSeconds?: number;
  readonly onSubmit: (clinicianId: string, passphrase: string, remember: boolean) => void;
}

/** The vault exists: pick who you are, type your passphrase. */
export function SignInForm({ clinicians, busy, error, notice, lastClinicianId, device, autoLockMinutes, remembered, waitSeconds = 0, onSubmit }: SignInFormProps) {
  const initial = clinicians.find((c) => c.id === lastClinicianId)?.id ?? (clinicians.length === 1 ? clinicians[0]!.id : '');
  const [clinicianId, setClinicianId] = useState(initial);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const passRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (clinicianId) passRef.current?.focus();
  }, [clinicianId]);

  // A failed attempt clears the passphrase for the next try.
  useEffect(() => {
    if (error) {
      setPassphrase('');
      passRef.current?.focus();
    }
  }, [error]);

  const canRemember = device?.available === true;

  const waiting = waitSeconds > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (clinicianId && passphrase && !waiting) onSubmit(clinicianId, passphrase, canRemember && remember);
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Sign in">
      <div>
        <h1>Sign in</h1>
        <p className="muted">The vault is locked. Choose your name and enter your passphrase.</p>
      </div>
      {notice && (
        <div className="notice-line" role="status">
          {notice}
        </div>
      )}
      {remembered}
      <fieldset className="clinician-choice" style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className="sr-only">Clinician</legend>
        {clinicians.length === 0 && <p className="muted">No clinicians could be read from this vault.</p>}
        {clinicians.map((c) => (
          <label key={c.id} className={`clinician-option${c.id === clinicianId ? ' selected' : ''}`}>
            <input type="radio" name="clinician" value={c.id} checked={c.id === clinicianId} onChange={() => setClinicianId(c.id)} />
            <span className="who">
              <span>{c.displayName}</span>
              <small>{c.id}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="passphrase">Passphrase</label>
        <input
          id="passphrase"
          ref={passRef}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          aria-invalid={Boolean(error)}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </div>
      {canRemember && (
        <div className="field">
          <label style={{ display: 'flex', alignItems: 'center', gap: 8, fontWeight: 'normal' }}>
            <input type="checkbox" name="remember" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            Remember me on this computer
          </label>
          <span className="hint">
            Next time, sign in with one click instead of the passphrase. It still locks after{' '}
            {autoLockMinutes ? formatMinutes(autoLockMinutes) : 'a while'} without use. Not on a shared computer.
          </span>
        </div>
      )}
      {!canRemember && device?.reason && (
        <p className="muted" style={{ fontSize: 13, margin: 0 }} data-testid="remember-unavailable">
          Remember me on this computer is not offered: {device.reason}.
        </p>
      )}
      {error && (
        <div className="error-line" role="alert">
          {error}
        </div>
      )}
      {waiting && (
        <div className="notice-line" role="status" data-testid="sign-in-wait">
          After a wrong passphrase Continuum waits before it answers again, twice as long each time (up to a minute): {waitSeconds} s.
        </div>
      )}
      <button className="btn btn-primary" type="submit" disabled={busy || waiting || !clinicianId || !passphrase}>
        {busy ? 'Unlocking…' : waiting ? `Wait ${waitSeconds} s` : 'Unlock'}
      </button>
    </form>
  );
}
