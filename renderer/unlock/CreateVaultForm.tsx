import { useState, type FormEvent } from 'react';
import { passphraseRules, suggestClinicianId, validateCreateVault, type CreateVaultErrors } from './validation';

export interface CreateVaultFormProps {
  readonly busy: boolean;
  readonly error: string | null;
  readonly onSubmit: (input: { clinicianId: string; displayName: string; passphrase: string }) => void;
}

/** First run: the clinic's vault does not exist yet. */
export function CreateVaultForm({ busy, error, onSubmit }: CreateVaultFormProps) {
  const [displayName, setDisplayName] = useState('');
  const [clinicianId, setClinicianId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<CreateVaultErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateCreateVault({ clinicianId, displayName, passphrase, confirm });
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit({ clinicianId, displayName: displayName.trim(), passphrase });
  };

  const rules = passphraseRules(passphrase, confirm);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Create the clinic's vault">
      <div>
        <h1>Create the clinic's vault</h1>
        <p className="muted">
          Patient records are kept encrypted on this computer. You will be its first clinician; colleagues can be added later.
        </p>
      </div>
      <div className="field">
        <label htmlFor="displayName">Your name</label>
        <input
          id="displayName"
          autoFocus
          value={displayName}
          aria-invalid={Boolean(errors.displayName)}
          placeholder="Dr Ada Okafor"
          onChange={(e) => {
            setDisplayName(e.target.value);
            if (!idTouched) setClinicianId(suggestClinicianId(e.target.value));
          }}
        />
        <span className="hint">As colleagues and the access history will see it.</span>
        {errors.displayName && <span className="field-error">{errors.displayName}</span>}
      </div>
      <div className="field">
        <label htmlFor="clinicianId">Sign-in name</label>
        <input
          id="clinicianId"
          value={clinicianId}
          autoComplete="username"
          aria-invalid={Boolean(errors.clinicianId)}
          placeholder="ada.okafor"
          onChange={(e) => {
            setIdTouched(true);
            setClinicianId(e.target.value.trim());
          }}
        />
        <span className="hint">Lower-case letters, digits, "." "_" or "-".</span>
        {errors.clinicianId && <span className="field-error">{errors.clinicianId}</span>}
      </div>
      <div className="field">
        <label htmlFor="passphrase">Passphrase</label>
        <input
          id="passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          aria-invalid={Boolean(errors.passphrase)}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {errors.passphrase && <span className="field-error">{errors.passphrase}</span>}
      </div>
      <div className="field">
        <label htmlFor="confirm">Passphrase again</label>
        <input
          id="confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          aria-invalid={Boolean(errors.confirm)}
          onChange={(e) => setConfirm(e.target.value)}
        />
        {errors.confirm && <span className="field-error">{errors.confirm}</span>}
      </div>
      <ul className="rules" aria-label="Passphrase rules">
        {rules.map((r) => (
          <li key={r.id} className={r.met ? 'met' : undefined}>
            {r.met ? '✓ ' : ''}
            {r.text}
          </li>
        ))}
        <li>It cannot be recovered: if every clinician forgets theirs, the records cannot be opened.</li>
      </ul>
      {error && (
        <div className="error-line" role="alert">
          {error}
        </div>
      )}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? 'Creating the vault…' : 'Create the vault'}
      </button>
    </form>
  );
}
