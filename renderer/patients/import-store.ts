import { create } from 'zustand';
import type { ImportReport } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../shell/session-end';

export interface ImportOutcome {
  readonly fileName: string;
  readonly report: ImportReport | null;
  readonly error: string | null;
}

export interface ImportState {
  readonly running: boolean;
  /** 1-based index of the file being imported, and how many there are. */
  readonly progress: { readonly index: number; readonly total: number; readonly fileName: string } | null;
  readonly outcomes: readonly ImportOutcome[];
  readonly open: boolean;
  importFiles(files: readonly File[]): Promise<void>;
  dismiss(): void;
}

export const useImport = create<ImportState>()((set, get) => ({
  running: false,
  progress: null,
  outcomes: [],
  open: false,

  async importFiles(files) {
    if (get().running || files.length === 0) return;
    set({ running: true, open: true, outcomes: [], progress: null });
    const outcomes: ImportOutcome[] = [];
    for (const [i, file] of files.entries()) {
      set({ progress: { index: i + 1, total: files.length, fileName: file.name } });
      try {
        const content = await file.text();
        const report = await call('import.fhirBundle', { fileName: file.name.slice(0, 260), content });
        outcomes.push({ fileName: file.name, report, error: null });
      } catch (error) {
        outcomes.push({ fileName: file.name, report: null, error: errorMessage(error) });
      }
      set({ outcomes: [...outcomes] });
    }
    set({ running: false, progress: null });
  },

  dismiss() {
    if (!get().running) set({ open: false, outcomes: [] });
  },
}));

onSessionEnd(() => useImport.setState({ open: false, outcomes: [], progress: null }));
