import { create } from 'zustand';
import type { SignedVisit } from '../../electron/api/session-schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../shell/session-end';
import { EMPTY_DRAFT, toVisitForm, type VisitDraft } from './visit-form';

export interface VisitState {
  readonly patientId: string | null;
  readonly draft: VisitDraft;
  /** The assistant filled these fields from its draft: the form says so until they are edited. */
  readonly drafted: ReadonlySet<keyof VisitDraft>;
  readonly signing: boolean;
  readonly error: string | null;
  /** What was signed, and the names of the records it stopped or resolved (gone from the chart's lists since). */
  readonly signed: (SignedVisit & { at: string; names: Readonly<Record<string, string>> }) | null;
  /** Another patient's chart: a fresh form. */
  open(patientId: string): void;
  edit(patch: Partial<VisitDraft>): void;
  /** The assistant's draft, into the fields the clinician has left empty. */
  applyDraft(draft: { assessment: string; plan: string; followUpDate: string | null }): void;
  sign(sessionId: string, names: Readonly<Record<string, string>>): Promise<boolean>;
  /** A fresh note after a signed one. */
  reset(): void;
}

const initial = { patientId: null, draft: EMPTY_DRAFT, drafted: new Set<keyof VisitDraft>(), signing: false, error: null, signed: null } as const;

/** The visit note being written for the open chart (kept while the clinician looks at other sections). */
export const useVisit = create<VisitState>()((set, get) => ({
  ...initial,
  open(patientId) {
    if (get().patientId === patientId) return;
    set({ ...initial, patientId });
  },
  edit(patch) {
    const drafted = new Set(get().drafted);
    for (const key of Object.keys(patch) as Array<keyof VisitDraft>) drafted.delete(key);
    set((s) => ({ draft: { ...s.draft, ...patch }, drafted, error: null }));
  },
  applyDraft(draft) {
    const { draft: current } = get();
    const patch: { -readonly [K in keyof VisitDraft]?: VisitDraft[K] } = {};
    if (!current.assessment.trim() && draft.assessment.trim()) patch.assessment = draft.assessment.trim();
    if (!current.plan.trim() && draft.plan.trim()) patch.plan = draft.plan.trim();
    if (!current.followUpDate && draft.followUpDate) patch.followUpDate = draft.followUpDate;
    set((s) => ({ draft: { ...s.draft, ...patch }, drafted: new Set([...s.drafted, ...(Object.keys(patch) as Array<keyof VisitDraft>)]) }));
  },
  reset() {
    set((s) => ({ ...initial, patientId: s.patientId }));
  },
  async sign(sessionId, names) {
    const { draft, signing } = get();
    if (signing) return false;
    set({ signing: true, error: null });
    try {
      const signed = await call('session.signVisit', { sessionId, visit: toVisitForm(draft) });
      set({ signing: false, signed: { ...signed, at: new Date().toISOString(), names } });
      return true;
    } catch (error) {
      // Refused: nothing was written; the form stays as it was, to correct and sign again.
      set({ signing: false, error: errorMessage(error) });
      return false;
    }
  },
}));

onSessionEnd(() => useVisit.setState({ ...initial }));
