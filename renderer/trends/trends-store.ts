import { create } from 'zustand';
import type { Analyte, Series } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../shell/session-end';
import { defaultAnalyte } from '../ui/analytes';

export interface TrendsState {
  readonly patientId: string | null;
  readonly analytes: readonly Analyte[] | null;
  readonly selected: string | null;
  readonly series: Series | null;
  readonly loading: boolean;
  readonly error: string | null;
  load(patientId: string): Promise<void>;
  select(code: string): Promise<void>;
}

let seq = 0;
const initial = { patientId: null, analytes: null, selected: null, series: null, loading: false, error: null } as const;

export const useTrends = create<TrendsState>()((set, get) => ({
  ...initial,

  async load(patientId) {
    const mine = ++seq;
    set({ ...initial, patientId, loading: true });
    try {
      const { analytes } = await call('observations.analytes', { patientId });
      if (mine !== seq) return;
      set({ analytes, loading: false });
      const first = defaultAnalyte(analytes);
      if (first) await get().select(first.code);
    } catch (error) {
      if (mine !== seq) return;
      set({ loading: false, error: errorMessage(error) });
    }
  },

  async select(code) {
    const { patientId } = get();
    if (!patientId) return;
    const mine = ++seq;
    set({ selected: code, series: null, loading: true, error: null });
    try {
      const series = await call('observations.series', { patientId, code });
      if (mine !== seq) return;
      set({ series, loading: false });
    } catch (error) {
      if (mine !== seq) return;
      set({ loading: false, error: errorMessage(error) });
    }
  },
}));

onSessionEnd(() => {
  seq++;
  useTrends.setState({ ...initial });
});
