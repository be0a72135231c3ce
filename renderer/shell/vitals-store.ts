import { create } from 'zustand';
import type { Vitals } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from './session-end';

export interface VitalsState {
  readonly patientId: string | null;
  readonly vitals: Vitals | null;
  readonly error: string | null;
  load(patientId: string): Promise<void>;
}

let seq = 0;
const initial = { patientId: null, vitals: null, error: null } as const;

/** The chart's latest vital signs and its blood pressures (for the strip and the BP chart). */
export const useVitals = create<VitalsState>()((set) => ({
  ...initial,
  async load(patientId) {
    const mine = ++seq;
    set({ ...initial, patientId });
    try {
      const vitals = await call('chart.vitals', { patientId });
      if (mine === seq) set({ vitals });
    } catch (error) {
      if (mine === seq) set({ error: errorMessage(error) });
    }
  },
}));

onSessionEnd(() => {
  seq++;
  useVitals.setState({ ...initial });
});
