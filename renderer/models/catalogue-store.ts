import { create } from 'zustand';
import type { CatalogueListing, HubStatus } from '../../electron/api/catalogue-schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../shell/session-end';
import { useModels } from './models-store';

/**
 * The model catalogue and its downloads: the listing (estimates, what is
 * installed, each download's state), whether the hub can be reached, and
 * the actions. While a download runs the listing is read again every
 * second; when one ends, the installed models are read again too.
 */
export interface CatalogueStore {
  readonly listing: CatalogueListing | null;
  /** null while the hub is being asked (a few seconds at most). */
  readonly hub: HubStatus | null;
  readonly error: string | null;
  load(): Promise<void>;
  checkHub(): Promise<void>;
  download(id: string): Promise<void>;
  pause(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
}

const POLL_MS = 1_000;
let timer: ReturnType<typeof setTimeout> | null = null;

const initial = { listing: null, hub: null, error: null } as const;

export const useCatalogue = create<CatalogueStore>()((set, get) => {
  /** Reads the listing again; keeps polling while a download runs; reloads the models once none does. */
  async function refresh(): Promise<void> {
    const before = get().listing?.entries.some((e) => e.download?.state === 'running') ?? false;
    try {
      const listing = await call('models.catalogue', {});
      set({ listing });
      const running = listing.entries.some((e) => e.download?.state === 'running');
      if (timer) clearTimeout(timer);
      timer = running ? setTimeout(() => void refresh(), POLL_MS) : null;
      if (before && !running) void useModels.getState().load();
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  }
  async function act(work: () => Promise<unknown>): Promise<void> {
    set({ error: null });
    try {
      await work();
    } catch (error) {
      set({ error: errorMessage(error) });
    }
    await refresh();
  }
  return {
    ...initial,
    load: () => refresh(),
    async checkHub() {
      set({ hub: null });
      try {
        set({ hub: await call('models.hubStatus', {}) });
      } catch (error) {
        set({ hub: { reachable: false, hub: '', message: errorMessage(error) } });
      }
    },
    download: (id) => act(() => call('models.startDownload', { id })),
    pause: (id) => act(() => call('models.pauseDownload', { id })),
    cancel: (id) => act(() => call('models.cancelDownload', { id })),
  };
});

onSessionEnd(() => {
  if (timer) clearTimeout(timer);
  timer = null;
  useCatalogue.setState({ ...initial });
});
