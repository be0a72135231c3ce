import type { SignReadiness } from '../shell/sign-off-state';

interface SignOffBarProps {
  readonly readiness: SignReadiness;
  readonly signing: boolean;
  /** The assistant is answering: the core refuses to sign meanwhile. */
  readonly busy: boolean;
  readonly error: string | null;
  readonly onSign: () => void;
}

/**
 * Pure: the one button that signs the sign-off. It says plainly that the
 * approved items are written together, and why it is not yet enabled.
 */
export function SignOffBar({ readiness, signing, busy, error, onSign }: SignOffBarProps) {
  if (readiness.items.length === 0 && !signing) return null;
  const n = readiness.items.length;
  return (
    <div className="chat-signoff" data-testid="chat-signoff" role="region" aria-label="Sign-off">
      <div className="chat-signoff-text">
        <strong>Sign-off: {readiness.chosen} of {n} {n === 1 ? 'item' : 'items'} chosen.</strong> Signing writes every approved item to the record together, in one step; if anything is refused, nothing is written.
        {readiness.waitingFor && !signing && <div className="muted">{readiness.waitingFor}</div>}
        {busy && !signing && <div className="muted">Wait for the assistant to finish before signing.</div>}
      </div>
      <button type="button" className="btn btn-primary" disabled={!readiness.ready || signing || busy} onClick={onSign}>
        {signing ? 'Signing…' : 'Sign and write to the record'}
      </button>
      {error && (
        <p className="error-line chat-signoff-error" role="alert" data-testid="chat-signoff-error">
          {error}
        </p>
      )}
    </div>
  );
}
