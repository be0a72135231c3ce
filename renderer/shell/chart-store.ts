import { create } from 'zustand';
import type { AuditEntryDto, Chart } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from './session-end';

export interface ChartState {
  readonly patientId: string | null;
  readonly chart: Chart | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly access: readonly AuditEntryDto[] | null;
  readonly accessError: string | null;
  open(patientId: string): Promise<void>;
  /** Reads the open chart again (after a signed visit changed its lists): another audited chart.open. */
  refresh(): Promise<void>;
  loadAccessHistory(): Promise<void>;
  close(): void;
}

let seq = 0;
const initial = { patientId: null, chart: null, loading: false, error: null, access: null, accessError: null } as const;

export const useChart = create<ChartState>()((set, get) => ({
  ...initial,

  async open(patientId) {
    const mine = ++seq;
    set({ ...initial, patientId, loading: true });
    try {
      const chart = await call('chart.open', { patientId });
      if (mine !== seq) return;
      set({ chart, loading: false });
    } catch (error) {
      if (mine !== seq) return;
      set({ loading: false, error: errorMessage(error) });
    }
  },

  async refresh() {
    const { patientId } = get();
    if (!patientId) return;
    const mine = seq;
    try {
      const chart = await call('chart.open', { patientId });
      if (mine === seq) set({ chart });
    } catch (error) {
      if (mine === seq) set({ error: errorMessage(error) });
    }
  },

  async loadAccessHistory() {
    const { patientId } = get();
    if (!patientId) return;
    const mine = seq;
    try {
      const { entries } = await call('chart.accessHistory', { patientId, limit: 200 });
      if (mine !== seq) return;
      set({ access: entries, accessError: null });
    } catch (error) {
      if (mine !== seq) return;
      set({ accessError: errorMessage(error) });
    }
  },

  close() {
    seq++;
    set({ ...initial });
  },
}));

onSessionEnd(() => useChart.getState().close());
