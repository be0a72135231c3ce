import { create } from 'zustand';
import type { EventKind, RecordDetails, ResultValue } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from './session-end';
import { useChart } from './chart-store';

export interface ResultsGroup {
  readonly day: string;
  readonly category: string | null;
  readonly results: readonly ResultValue[];
}

export interface DetailsState {
  readonly target: { readonly kind: EventKind; readonly id: string } | null;
  /** One record (record.details). */
  readonly details: RecordDetails | null;
  /** A timeline 'results' event: that day's results of one category (observations.results). */
  readonly group: ResultsGroup | null;
  /** The group a single result was opened from, to go back to it. */
  readonly back: { readonly kind: EventKind; readonly id: string } | null;
  readonly loading: boolean;
  readonly error: string | null;
  show(kind: EventKind, id: string, from?: { kind: EventKind; id: string }): Promise<void>;
  close(): void;
}

let seq = 0;
const empty = { target: null, details: null, group: null, back: null, loading: false, error: null } as const;

export const useDetails = create<DetailsState>()((set) => ({
  ...empty,

  async show(kind, id, from) {
    const mine = ++seq;
    set({ ...empty, target: { kind, id }, back: from ?? null, loading: true });
    try {
      if (kind === 'results') {
        const patientId = useChart.getState().patientId;
        if (!patientId) throw new Error('No chart is open.');
        const group = await call('observations.results', { patientId, groupId: id });
        if (mine !== seq) return;
        set({ group, loading: false });
      } else {
        const details = await call('record.details', { kind, id });
        if (mine !== seq) return;
        set({ details, loading: false });
      }
    } catch (error) {
      if (mine !== seq) return;
      set({ loading: false, error: errorMessage(error) });
    }
  },

  close() {
    seq++;
    set({ ...empty });
  },
}));

onSessionEnd(() => useDetails.getState().close());
