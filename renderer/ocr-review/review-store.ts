import { create } from 'zustand';
import type { DocumentSourceRef } from '../../electron/api/ocr-source-ref';
import { onSessionEnd } from '../shell/session-end';

/** A place on a scanned page a citation asked to see: the review opens there, the boxes outlined. */
export interface DocumentFocus extends DocumentSourceRef {
  /** Counts up on every request, so that asking twice for the same box scrolls to it again. */
  readonly seq: number;
}

export interface DocumentReviewState {
  /** The chart the selection belongs to: another patient's chart starts with nothing selected. */
  readonly patientId: string | null;
  readonly documentId: string | null;
  readonly page: number;
  readonly focus: DocumentFocus | null;
  /** A document chosen from the list: its first page, nothing outlined. */
  select(patientId: string, documentId: string | null): void;
  setPage(page: number): void;
  /** A citation's source: that document, at that page, the boxes outlined and scrolled into view. */
  openAt(patientId: string, ref: DocumentSourceRef): void;
  /** The outline was seen (the clinician moved on): drop it. */
  clearFocus(): void;
}

const initial = { patientId: null, documentId: null, page: 1, focus: null } as const;
let seq = 0;

/**
 * Which scanned document the review pane shows, at which page, and what it
 * outlines. The pane reads it; a citation writes it (through openAt), so the
 * chart, the brief and the chat reach the page the same way the list does.
 */
export const useDocumentReview = create<DocumentReviewState>()((set, get) => ({
  ...initial,

  select(patientId, documentId) {
    const s = get();
    if (s.patientId === patientId && s.documentId === documentId) return;
    set({ patientId, documentId, page: 1, focus: null });
  },

  setPage(page) {
    set({ page: Math.max(1, Math.floor(page)), focus: null });
  },

  openAt(patientId, ref) {
    seq += 1;
    set({ patientId, documentId: ref.documentId, page: ref.page, focus: { ...ref, boxes: ref.boxes.map((b) => ({ ...b })), seq } });
  },

  clearFocus() {
    set({ focus: null });
  },
}));

onSessionEnd(() => useDocumentReview.setState({ ...initial }));
