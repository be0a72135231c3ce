import type { Allergy } from '../../electron/api/schemas';
import { formatStatus } from '../ui/format';

function isInactive(a: Allergy): boolean {
  const s = a.status?.toLowerCase();
  return s === 'inactive' || s === 'resolved' || s === 'entered-in-error';
}

/**
 * Pure, always shown above everything else in a chart. With no allergy
 * records it says exactly that and no more: an empty record is not the same
 * as "no known allergies", which only a clinician can assert.
 */
export function AllergyBanner({ allergies, onOpen }: { allergies: readonly Allergy[]; onOpen: (id: string) => void }) {
  const active = allergies.filter((a) => !isInactive(a));
  const inactive = allergies.filter(isInactive);
  if (allergies.length === 0) {
    return (
      <section className="allergy-banner none" aria-label="Allergies" data-testid="allergy-banner">
        <span className="title">No known allergies recorded</span>
        <span>
          No allergy record was imported for this patient. That does not mean they have none: ask, and check other records.
        </span>
      </section>
    );
  }
  return (
    <section className="allergy-banner has" aria-label="Allergies" role="alert" data-testid="allergy-banner">
      <span className="title">
        {active.length > 0 ? `Allergies (${active.length})` : 'Allergies: none active'}
      </span>
      <ul>
        {active.map((a) => (
          <li key={a.id}>
            <button type="button" className="btn-link" style={{ color: 'inherit', fontWeight: 600 }} onClick={() => onOpen(a.id)}>
              {a.display}
            </button>
            {a.category && <span> ({a.category})</span>}
            {a.criticality?.toLowerCase() === 'high' && <span className="crit">high risk</span>}
            {a.reactions.length > 0 && <span> — {a.reactions.join(', ')}</span>}
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
