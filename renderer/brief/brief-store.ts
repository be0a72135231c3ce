import { create } from 'zustand';
import type { Brief } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../shell/session-end';
import { useSettings } from '../shell/settings-store';

export interface BriefState {
  readonly patientId: string | null;
  /** The brief, with the medication checks' flags among its lines (alerts and checks). */
  readonly brief: Brief | null;
  readonly loading: boolean;
  readonly error: string | null;
  load(patientId: string): Promise<void>;
}

let seq = 0;
const initial = { patientId: null, brief: null, loading: false, error: null } as const;

export const useBrief = create<BriefState>()((set) => ({
  ...initial,
  async load(patientId) {
    const mine = ++seq;
    set({ ...initial, patientId, loading: true });
    try {
      const brief = await call('brief.get', { patientId, dateStyle: useSettings.getState().dateStyle });
      if (mine === seq) set({ brief, loading: false });
    } catch (error) {
      if (mine === seq) set({ loading: false, error: errorMessage(error) });
    }
  },
}));

// The brief is written in the reader's date style: written again when it changes.
useSettings.subscribe((now, before) => {
  const { patientId } = useBrief.getState();
  if (now.dateStyle !== before.dateStyle && patientId) void useBrief.getState().load(patientId);
});

onSessionEnd(() => {
  seq++;
  useBrief.setState({ ...initial });
});
