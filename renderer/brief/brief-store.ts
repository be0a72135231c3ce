import { create } from 'zustand';
import type { Brief, CheckFlagDto } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../app/session-end';

export interface BriefState {
  readonly brief: Brief | null;
  /** Medication checks (allergy conflicts, duplicates, kidney function), shown with the brief. */
  readonly flags: readonly CheckFlagDto[] | null;
  readonly loading: boolean;
  readonly error: string | null;
  load(patientId: string): Promise<void>;
}

let seq = 0;
const initial = { brief: null, flags: null, loading: false, error: null } as const;

export const useBrief = create<BriefState>()((set) => ({
  ...initial,
  async load(patientId) {
    const mine = ++seq;
    set({ ...initial, loading: true });
    try {
      const [brief, checks] = await Promise.all([call('brief.get', { patientId }), call('checks.get', { patientId })]);
      if (mine === seq) set({ brief, flags: checks.flags, loading: false });
    } catch (error) {
      if (mine === seq) set({ loading: false, error: errorMessage(error) });
    }
  },
}));

onSessionEnd(() => {
  seq++;
  useBrief.setState({ ...initial });
});
