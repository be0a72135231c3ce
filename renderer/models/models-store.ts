import { create } from 'zustand';
import type { ModelsState } from '../../electron/api/session-schemas';
import { call, errorMessage } from '../api/client';
import { useActiveModel } from '../shell/active-model';
import { onSessionEnd } from '../shell/session-end';

export interface ModelsStore {
  readonly state: ModelsState | null;
  readonly open: boolean;
  readonly loading: boolean;
  /** The folder being loaded now. */
  readonly selecting: string | null;
  readonly error: string | null;
  load(): Promise<void>;
  select(dir: string | null): Promise<void>;
  /** Adds an export copied into the models folder (records its files, loads it); `selecting` is its folder meanwhile. */
  add(dir: string): Promise<void>;
  toggle(open?: boolean): void;
}

const initial = { state: null, open: false, loading: false, selecting: null, error: null } as const;

export const useModels = create<ModelsStore>()((set) => ({
  ...initial,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ state: await call('models.list', {}), loading: false });
    } catch (error) {
      set({ loading: false, error: errorMessage(error) });
    }
  },
  async select(dir) {
    set({ selecting: dir ?? '', error: null });
    try {
      set({ state: await call('models.select', { dir }), selecting: null });
    } catch (error) {
      set({ selecting: null, error: errorMessage(error) });
    }
  },
  async add(dir) {
    set({ selecting: dir, error: null });
    try {
      set({ state: await call('models.add', { dir }), selecting: null });
    } catch (error) {
      set({ selecting: null, error: errorMessage(error) });
    }
  },
  toggle(open) {
    set((s) => ({ open: open ?? !s.open }));
  },
}));

/** The active model's display name, or null. */
export function activeModelName(state: ModelsState | null): string | null {
  if (!state?.active) return null;
  const model = state.models.find((m) => m.dir === state.active);
  return model?.name ?? model?.folder ?? null;
}

onSessionEnd(() => useModels.setState({ ...initial }));

// The visit restarts its session when the loaded model changes: it reads the shell's copy, not this store.
useModels.subscribe((now) => {
  const active = now.state?.active ?? null;
  if (useActiveModel.getState().active !== active) useActiveModel.setState({ active });
});
