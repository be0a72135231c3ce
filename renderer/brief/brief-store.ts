import { create } from 'zustand';
import type { Brief } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../app/session-end';

export interface BriefState {
  readonly brief: Brief | null;
  readonly loading: boolean;
  readonly error: string | null;
  load(patientId: string): Promise<void>;
}

let seq = 0;
const initial = { brief: null, loading: false, error: null } as const;

export const useBrief = create<BriefState>()((set) => ({
  ...initial,
  async load(patientId) {
    const mine = ++seq;
    set({ ...initial, loading: true });
    try {
      const brief = await call('brief.get', { patientId });
      if (mine === seq) set({ brief, loading: false });
    } catch (error) {
      if (mine === seq) set({ loading: false, error: errorMessage(error) });
    }
  },
}));

onSessionEnd(() => {
  seq++;
  useBrief.setState({ ...initial });
});
