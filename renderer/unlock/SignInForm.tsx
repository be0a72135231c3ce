import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ClinicianDto } from '../../electron/api/schemas';

export interface SignInFormProps {
  readonly clinicians: readonly ClinicianDto[];
  readonly busy: boolean;
  readonly error: string | null;
  readonly notice: string | null;
  readonly lastClinicianId: string | null;
  readonly onSubmit: (clinicianId: string, passphrase: string) => void;
}

/** The vault exists: pick who you are, type your passphrase. */
export function SignInForm({ clinicians, busy, error, notice, lastClinicianId, onSubmit }: SignInFormProps) {
  const initial = clinicians.find((c) => c.id === lastClinicianId)?.id ?? (clinicians.length === 1 ? clinicians[0]!.id : '');
  const [clinicianId, setClinicianId] = useState(initial);
  const [passphrase, setPassphrase] = useState('');
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (clinicianId && passphrase) onSubmit(clinicianId, passphrase);
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
      {error && (
        <div className="error-line" role="alert">
          {error}
        </div>
      )}
      <button className="btn btn-primary" type="submit" disabled={busy || !clinicianId || !passphrase}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
