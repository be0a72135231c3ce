import type { Allergy, CodedItem } from '../../electron/api/schemas';
import { formatDate, formatStatus } from '../ui/format';

function isInactive(a: Allergy): boolean {
  const s = a.status?.toLowerCase();
  return s === 'inactive' || s === 'resolved' || s === 'entered-in-error';
}

export interface AllergyBannerProps {
  readonly allergies: readonly Allergy[];
  /** Records saying the patient has no known allergy (NKA, NKDA). */
  readonly noKnown: readonly CodedItem[];
  readonly onOpen: (id: string) => void;
}

/**
 * Pure, in the chart's header on every screen: the allergies with their
 * severity and reactions; or the record's statement that there are none
 * (NKA, NKDA, a clinician asked); or, with neither, that none is recorded,
 * which is not "no known allergies" and says so.
 */
export function AllergyBanner({ allergies, noKnown, onOpen }: AllergyBannerProps) {
  const active = allergies.filter((a) => !isInactive(a));
  const inactive = allergies.filter(isInactive);
  if (active.length === 0 && noKnown.length > 0) {
    const first = noKnown[0]!;
    return (
      <section className="allergy-banner nka" aria-label="Allergies" data-testid="allergy-banner" data-state="no-known">
        <span className="title">
          <button type="button" className="btn-link" onClick={() => onOpen(first.id)}>
            {first.display}
          </button>
        </span>
        <span>{first.start ? `Recorded ${formatDate(first.start)}.` : 'Recorded in the chart.'}</span>
        {inactive.length > 0 && <span className="muted">Past: {inactive.map((a) => a.display).join(', ')}</span>}
      </section>
    );
  }
  if (allergies.length === 0) {
    return (
      <section className="allergy-banner none" aria-label="Allergies" data-testid="allergy-banner" data-state="none-recorded">
        <span className="title">Allergies: none recorded</span>
        <span>Not the same as “no known allergies”: ask the patient, and record the answer.</span>
      </section>
    );
  }
  return (
    <section className="allergy-banner has" aria-label="Allergies" role="alert" data-testid="allergy-banner" data-state="allergies">
      <span className="title">{active.length > 0 ? `Allergies (${active.length})` : 'Allergies: none active'}</span>
      <ul>
        {active.map((a) => (
          <li key={a.id}>
            <button type="button" className="btn-link allergy-name" onClick={() => onOpen(a.id)}>
              {a.display}
            </button>
            {a.criticality?.toLowerCase() === 'high' ? <span className="crit">high risk</span> : a.criticality ? <span className="muted"> ({a.criticality} risk)</span> : null}
            {a.reactions.length > 0 && <span>: {a.reactions.join(', ')}</span>}
          </li>
        ))}
        {inactive.map((a) => (
          <li key={a.id} className="muted">
            <button type="button" className="btn-link" style={{ color: 'inherit' }} onClick={() => onOpen(a.id)}>
              {a.display}
            </button>{' '}
            ({formatStatus(a.status)?.toLowerCase()})
          </li>
        ))}
      </ul>
    </section>
  );
}
