import { create } from 'zustand';
import type { EvidenceContextDto, EvidenceHitDto, EvidenceSourceDto } from '../../electron/api/schemas';
import { call, errorMessage, upload } from '../api/client';
import { onSessionEnd } from '../shell/session-end';

export interface EvidenceState {
  readonly sources: readonly EvidenceSourceDto[] | null;
  readonly query: string;
  readonly hits: readonly EvidenceHitDto[] | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** A passage a citation opened, in full. */
  readonly passage: (EvidenceHitDto & { text: string }) | null;
  /** The reader: a passage in its document, with its neighbours and page. */
  readonly reader: EvidenceContextDto | null;
  /** What the last "Add a document" did, in a line. */
  readonly added: string | null;
  loadSources(): Promise<void>;
  search(query: string): Promise<void>;
  openPassage(chunkId: number): Promise<void>;
  openReader(chunkId: number): Promise<void>;
  closeReader(): void;
  addDocument(file: File, meta: { title: string; issuer: string; published: string; licence: string; tier: EvidenceSourceDto['tier'] }): Promise<boolean>;
}

let seq = 0;
const initial = { sources: null, query: '', hits: null, loading: false, error: null, passage: null, reader: null, added: null } as const;

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

  async openReader(chunkId) {
    try {
      set({ reader: await call('evidence.context', { chunkId, around: 2 }), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },

  closeReader() {
    set({ reader: null });
  },

  async addDocument(file, meta) {
    set({ added: null, error: null });
    try {
      const result = await upload('evidence.import', { fileName: file.name, ...meta }, file);
      const { sources } = await call('evidence.sources', {});
      set({ sources, added: result.alreadyImported ? `${file.name}: already in the library; nothing added` : `${file.name}: ${result.chunks} passages added` });
      return true;
    } catch (error) {
      set({ error: errorMessage(error) });
      return false;
    }
  },
}));

onSessionEnd(() => {
  seq++;
  useEvidence.setState({ ...initial });
});
