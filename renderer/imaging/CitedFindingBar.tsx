import type { ImagingFindingDto } from '../../electron/api/photo-schemas';
import { citedKindText, citedMeasureText } from './cited-finding';
import { formatDate } from '../ui/format';

/**
 * Pure: the "Cited finding" bar above the X-ray the citation opened: what was
 * recorded (the sentence in the record), on which frame, by whom and when,
 * and a way to clear it. When the viewer shows another image meanwhile, it
 * offers the way back.
 */
export function CitedFindingBar({
  finding,
  shown,
  onShow,
  onClear,
}: {
  readonly finding: ImagingFindingDto;
  /** Whether the viewer shows the finding's image and frame now. */
  readonly shown: boolean;
  readonly onShow: () => void;
  readonly onClear: () => void;
}) {
  const who = finding.status === 'confirmed' ? `recorded by ${finding.decidedBy} on ${formatDate(finding.decidedAt)}` : 'a proposal, not yet confirmed';
  return (
    <div className="xray-cited-bar" role="region" aria-label="Cited finding" data-testid="xray-cited-finding">
      <div className="xray-cited-head">
        <strong>Cited finding</strong>
        <span className="xray-cited-measure" data-testid="cited-measure">{`${citedKindText(finding)} ${citedMeasureText(finding)}`}</span>
        {!shown && (
          <button type="button" className="btn" onClick={onShow}>
            Show the cited image
          </button>
        )}
        <button type="button" className="btn" onClick={onClear}>
          Clear cited finding
        </button>
      </div>
      <div className="xray-cited-statement" data-testid="cited-statement">{finding.statement}</div>
      <div className="muted">
        {`Frame ${finding.frame + 1} · ${who}`}
        {shown ? ' · drawn in orange on the image below' : ' · the viewer shows another image now'}
      </div>
    </div>
  );
}
