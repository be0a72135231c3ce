import { create } from 'zustand';
import type { PatientSummary } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../shell/session-end';

/** The most rows the list asks for; past this the clinician narrows the search. */
export const LIST_LIMIT = 5000;

export interface PatientsState {
  readonly query: string;
  readonly patients: readonly PatientSummary[];
  readonly total: number;
  readonly loaded: boolean;
  readonly loading: boolean;
  readonly error: string | null;
  readonly selectedId: string | null;
  setQuery(query: string): void;
  load(): Promise<void>;
  select(id: string | null): void;
}

let requestSeq = 0;

const initial = { query: '', patients: [], total: 0, loaded: false, loading: false, error: null, selectedId: null } as const;

export const usePatients = create<PatientsState>()((set, get) => ({
  ...initial,

  setQuery(query) {
    set({ query });
  },

  async load() {
    const seq = ++requestSeq;
    const query = get().query.trim();
    set({ loading: true, error: null });
    try {
      const result = await call('patients.list', { ...(query ? { query } : {}), limit: LIST_LIMIT });
      if (seq !== requestSeq) return;
      set({ patients: result.patients, total: result.total, loaded: true, loading: false });
    } catch (error) {
      if (seq !== requestSeq) return;
      set({ loading: false, error: errorMessage(error) });
    }
  },

  select(id) {
    set({ selectedId: id });
  },
}));

onSessionEnd(() => {
  requestSeq++;
  usePatients.setState({ ...initial });
});
