import { create } from 'zustand';
import type { ImagingFindingDto } from '../../electron/api/photo-schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../app/session-end';
import { useDetails } from '../chart/details-store';

export interface FindingFocusState {
  /** The cited image finding to show, with its annotation; null when none is open. */
  readonly finding: ImagingFindingDto | null;
  readonly error: string | null;
  /** Bumped on every open, so that the viewer scrolls to it again when the same citation is clicked twice. */
  readonly seq: number;
  openFact(factId: string): Promise<void>;
  show(finding: ImagingFindingDto): void;
  close(): void;
}

/**
 * A citation of a memory fact: an image finding opens its image at the
 * annotation (the findings viewer listens here); any other fact opens in the
 * details drawer like every record.
 */
export const useFindingFocus = create<FindingFocusState>()((set, get) => ({
  finding: null,
  error: null,
  seq: 0,
  async openFact(factId) {
    try {
      const { finding } = await call('findings.forFact', { factId });
      if (finding) set({ finding, error: null, seq: get().seq + 1 });
      else void useDetails.getState().show('fact', factId);
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  show(finding) {
    set({ finding, error: null, seq: get().seq + 1 });
  },
  close() {
    set({ finding: null, error: null });
  },
}));

onSessionEnd(() => useFindingFocus.getState().close());
