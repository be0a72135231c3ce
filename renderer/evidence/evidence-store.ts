import { create } from 'zustand';
import type { EvidenceHitDto, EvidenceSourceDto } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../app/session-end';

export interface EvidenceState {
  readonly sources: readonly EvidenceSourceDto[] | null;
  readonly query: string;
  readonly hits: readonly EvidenceHitDto[] | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** A passage a citation opened, in full. */
  readonly passage: (EvidenceHitDto & { text: string }) | null;
  loadSources(): Promise<void>;
  search(query: string): Promise<void>;
  openPassage(chunkId: number): Promise<void>;
}

let seq = 0;
const initial = { sources: null, query: '', hits: null, loading: false, error: null, passage: null } as const;

export const useEvidence = create<EvidenceState>()((set) => ({
  ...initial,

  async loadSources() {
    try {
      const { sources } = await call('evidence.sources', {});
      set({ sources });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },

  async search(query) {
    const mine = ++seq;
    set({ query, loading: true, error: null, passage: null });
    if (!query.trim()) return set({ hits: null, loading: false });
    try {
      const { hits } = await call('evidence.search', { query, limit: 10 });
      if (mine === seq) set({ hits, loading: false });
    } catch (error) {
      if (mine === seq) set({ loading: false, error: errorMessage(error) });
    }
  },

  async openPassage(chunkId) {
    try {
      set({ passage: await call('evidence.passage', { chunkId }), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));

onSessionEnd(() => {
  seq++;
  useEvidence.setState({ ...initial });
});
