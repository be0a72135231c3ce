import { create } from 'zustand';
import type { ImagingFindingDto } from '../../electron/api/photo-schemas';
import { call, errorMessage } from '../api/client';
import { useChartNav } from './navigation';
import { onSessionEnd } from './session-end';
import { useDetails } from './details-store';

export interface FindingFocusState {
  /** The cited photo finding, shown by the dermatology viewer with its annotation; null when none is open. */
  readonly finding: ImagingFindingDto | null;
  /** The cited X-ray (DICOM frame) finding, shown by the X-ray viewer with its annotation; null when none is open. */
  readonly xrayFinding: ImagingFindingDto | null;
  readonly error: string | null;
  /** Bumped on every open, so that the viewer scrolls to it again when the same citation is clicked twice. */
  readonly seq: number;
  openFact(factId: string): Promise<void>;
  show(finding: ImagingFindingDto): void;
  /** Closes the photo finding (the dermatology viewer's Close). */
  close(): void;
  /** Clears the X-ray finding (the X-ray viewer's "Clear"). */
  closeXray(): void;
}

/**
 * Which viewer shows a finding: a photo in the dermatology viewer, a DICOM
 * frame in the X-ray viewer (with its tools, window presets, spacing warning
 * and overlays). Only one cited finding is open at a time.
 */
function opened(finding: ImagingFindingDto, seq: number): Pick<FindingFocusState, 'finding' | 'xrayFinding' | 'error' | 'seq'> {
  return finding.target === 'dicom' ? { finding: null, xrayFinding: finding, error: null, seq: seq + 1 } : { finding, xrayFinding: null, error: null, seq: seq + 1 };
}

/**
 * A citation of a memory fact: an image finding opens its image at the
 * annotation (the viewer for its kind of image listens here); any other
 * fact opens in the details drawer like every record.
 */
export const useFindingFocus = create<FindingFocusState>()((set, get) => ({
  finding: null,
  xrayFinding: null,
  error: null,
  seq: 0,
  async openFact(factId) {
    try {
      const { finding } = await call('findings.forFact', { factId });
      if (finding) set(opened(finding, get().seq));
      else void useDetails.getState().show('fact', factId);
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  show(finding) {
    set(opened(finding, get().seq));
  },
  close() {
    set({ finding: null, error: null });
  },
  closeXray() {
    set({ xrayFinding: null, error: null });
  },
}));

onSessionEnd(() => useFindingFocus.setState({ finding: null, xrayFinding: null, error: null }));

// A citation (or a record's provenance) opened an image finding: the chart shows the section with the viewers.
useFindingFocus.subscribe((now, before) => {
  if (now.seq !== before.seq && (now.finding || now.xrayFinding)) useChartNav.getState().show('imaging');
});
