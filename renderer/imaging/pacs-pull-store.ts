import { create } from 'zustand';
import type { PacsSearchResult, PacsState, PullProgressState } from '../../electron/api/pacs-schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../shell/session-end';

/**
 * The "Pull from PACS" dialog's state. The password typed here stays in this
 * store only while the dialog is open (a search and the pull that follows
 * need it when the clinician did not ask the core to keep it); closing the
 * dialog or the vault locking forgets it. A pull runs in the core; this store
 * polls its progress, also while the dialog is closed.
 */
export interface PacsPullStore {
  readonly open: boolean;
  readonly patientId: string | null;
  readonly pacs: PacsState | null;
  readonly editingSettings: boolean;
  readonly settingsError: string | null;
  readonly password: string;
  readonly remember: boolean;
  readonly searching: boolean;
  readonly searchError: string | null;
  readonly result: PacsSearchResult | null;
  readonly selected: readonly string[];
  readonly pull: PullProgressState | null;
  readonly pullError: string | null;
  /** Bumped when a pull of `patientId` ends: the imaging list reloads. */
  readonly finishedSeq: number;
  show(patientId: string): Promise<void>;
  close(): void;
  editSettings(editing: boolean): void;
  saveSettings(url: string, user: string): Promise<void>;
  forgetPassword(): Promise<void>;
  setPassword(password: string): void;
  setRemember(remember: boolean): void;
  search(): Promise<void>;
  toggle(studyUid: string): void;
  startPull(): Promise<void>;
  cancelPull(): Promise<void>;
}

const POLL_MS = 250;

const fresh = {
  pacs: null,
  editingSettings: false,
  settingsError: null,
  password: '',
  remember: true,
  searching: false,
  searchError: null,
  result: null,
  selected: [] as string[],
} as const;

function running(p: PullProgressState | null): boolean {
  return p !== null && (p.state === 'searching' || p.state === 'pulling');
}

/**
 * The studies whose images the last pull refused (patient data that do not fit the chart, not DICOM...):
 * read from each outcome's WADO-RS address, .../studies/UID/series/...
 */
export function refusedStudies(pull: PullProgressState | null): Set<string> {
  const uids = new Set<string>();
  for (const o of pull?.outcomes ?? []) {
    if (o.status === 'imported' || o.status === 'already-imported') continue;
    const uid = /\/studies\/([0-9.]+)\/series\//.exec(o.file)?.[1];
    if (uid) uids.add(uid);
  }
  return uids;
}

/** Studies worth pulling by default: those not wholly in the vault, not filed under another chart, not just refused. */
function defaultSelection(result: PacsSearchResult, refused: Set<string>): string[] {
  return result.studies
    .filter((s) => !s.otherChart && !refused.has(s.studyUid) && (s.instances === null || s.inVault < s.instances))
    .map((s) => s.studyUid);
}

export const usePacsPull = create<PacsPullStore>()((set, get) => {
  let polling: ReturnType<typeof setTimeout> | null = null;

  const credentials = () => {
    const { password, remember, pacs } = get();
    if (!pacs?.settings?.user || pacs.passwordRemembered || password === '') return {};
    return { password, remember };
  };

  /** After the core took the password and keeps it, the renderer's copy goes. */
  const afterAccepted = async () => {
    if (!get().remember || get().password === '') return;
    const pacs = await call('pacs.settings', {});
    set({ pacs, ...(pacs.passwordRemembered ? { password: '' } : {}) });
  };

  const poll = (pullId: string) => {
    if (polling) clearTimeout(polling);
    polling = setTimeout(() => {
      polling = null;
      void call('pacs.progress', { pullId })
        .then(({ progress }) => {
          if (get().pull?.pullId !== pullId) return;
          if (!progress) {
            set({ pull: null, pullError: 'The pull is no longer known to Continuum (the vault was locked); what was imported before stays.' });
            return;
          }
          set({ pull: progress });
          if (running(progress)) poll(pullId);
          else {
            set((s) => ({ finishedSeq: s.finishedSeq + 1 }));
            void afterAccepted().then(() => (get().open ? get().search() : undefined));
          }
        })
        .catch((error: unknown) => {
          if (get().pull?.pullId !== pullId) return;
          set({ pullError: errorMessage(error) });
          poll(pullId);
        });
    }, POLL_MS);
  };

  return {
    open: false,
    patientId: null,
    ...fresh,
    pull: null,
    pullError: null,
    finishedSeq: 0,

    async show(patientId) {
      // Another chart's finished pull is not shown under this one; a running one is (one pull at a time).
      const keepPull = get().pull?.patientId === patientId || running(get().pull);
      set({ open: true, patientId, ...fresh, ...(keepPull ? {} : { pull: null, pullError: null }) });
      try {
        const pacs = await call('pacs.settings', {});
        set({ pacs, editingSettings: pacs.settings === null });
      } catch (error) {
        set({ settingsError: errorMessage(error) });
      }
    },

    close() {
      set({ open: false, password: '', searchError: null });
    },

    editSettings(editing) {
      set({ editingSettings: editing, settingsError: null });
    },

    async saveSettings(url, user) {
      set({ settingsError: null });
      try {
        const pacs = await call('pacs.saveSettings', { url, user });
        set({ pacs, editingSettings: false, result: null, selected: [], searchError: null });
      } catch (error) {
        set({ settingsError: errorMessage(error) });
      }
    },

    async forgetPassword() {
      try {
        set({ pacs: await call('pacs.forgetPassword', {}), password: '' });
      } catch (error) {
        set({ searchError: errorMessage(error) });
      }
    },

    setPassword(password) {
      set({ password });
    },

    setRemember(remember) {
      set({ remember });
    },

    async search() {
      const patientId = get().patientId;
      if (!patientId) return;
      set({ searching: true, searchError: null });
      try {
        const result = await call('pacs.search', { patientId, ...credentials() });
        const previous = get().result;
        // A search after a pull keeps the clinician's choice where it still makes sense.
        const worth = defaultSelection(result, refusedStudies(get().pull?.patientId === patientId ? get().pull : null));
        const selected = previous ? get().selected.filter((uid) => worth.includes(uid)) : worth;
        set({ result, selected, searching: false });
        await afterAccepted();
      } catch (error) {
        set({ searching: false, searchError: errorMessage(error) });
      }
    },

    toggle(studyUid) {
      set((s) => ({ selected: s.selected.includes(studyUid) ? s.selected.filter((u) => u !== studyUid) : [...s.selected, studyUid] }));
    },

    async startPull() {
      const { patientId, selected } = get();
      if (!patientId || selected.length === 0 || running(get().pull)) return;
      const pullId = `pull-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      set({ pullError: null });
      try {
        const pull = await call('pacs.pull', { patientId, pullId, studyUids: [...selected], ...credentials() });
        set({ pull });
        poll(pullId);
      } catch (error) {
        set({ pullError: errorMessage(error) });
      }
    },

    async cancelPull() {
      const pull = get().pull;
      if (!pull || !running(pull)) return;
      try {
        await call('pacs.cancel', { pullId: pull.pullId });
      } catch (error) {
        set({ pullError: errorMessage(error) });
      }
    },
  };
});

// The password and what the PACS holds for a patient are forgotten when the vault locks.
onSessionEnd(() => usePacsPull.setState({ open: false, patientId: null, ...fresh, pull: null, pullError: null }));
