import type { ImagingFindingDto } from '../../electron/api/photo-schemas';

/**
 * Pure: image findings. A pending one is a proposal, shown as such with
 * Confirm and Reject; a confirmed one is a fact in the record (what the
 * assistant may cite) and opens its image at the annotation.
 */
export function FindingsList({
  findings,
  onDecide,
  onShow,
}: {
  readonly findings: readonly ImagingFindingDto[];
  readonly onDecide: (id: string, decision: 'confirm' | 'reject') => void;
  readonly onShow: (finding: ImagingFindingDto) => void;
}) {
  const shown = findings.filter((f) => f.status !== 'rejected');
  if (shown.length === 0) return <p className="muted">No image findings recorded yet.</p>;
  return (
    <ul className="derm-findings" data-testid="derm-findings">
      {shown.map((f) => (
        <li key={f.id} className={`derm-finding derm-finding-${f.status}`} data-status={f.status}>
          <span className="derm-finding-state">{f.status === 'pending' ? 'Proposed, not in the record yet' : 'In the record'}</span>
          <span className="derm-finding-text">{f.statement}</span>
          <span className="derm-finding-actions">
            <button type="button" className="btn" onClick={() => onShow(f)}>
              Show on image
            </button>
            {f.status === 'pending' && (
              <>
                <button type="button" className="btn btn-primary" onClick={() => onDecide(f.id, 'confirm')}>
                  Confirm finding
                </button>
                <button type="button" className="btn" onClick={() => onDecide(f.id, 'reject')}>
                  Reject
                </button>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
