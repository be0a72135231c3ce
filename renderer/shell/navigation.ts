import { create } from 'zustand';
import { onSessionEnd } from './session-end';

/**
 * The chart's sections, in the order of its navigation. Summary is what a
 * follow-up visit opens on; a section's panels are mounted the first time
 * it is shown and kept (a draft note or an image survives a look elsewhere);
 * another patient starts again on the summary.
 */
export const CHART_SECTIONS = [
  { id: 'summary', label: 'Summary' },
  { id: 'results', label: 'Results' },
  { id: 'imaging', label: 'Imaging' },
  { id: 'documents', label: 'Documents' },
  { id: 'notes', label: 'Visit note' },
  { id: 'history', label: 'History' },
] as const;

export type ChartSection = (typeof CHART_SECTIONS)[number]['id'];

export interface ChartNavState {
  readonly section: ChartSection;
  /** Sections shown at least once for this patient (their panels stay mounted). */
  readonly visited: ReadonlySet<ChartSection>;
  show(section: ChartSection): void;
  /** Another chart: back to its summary, nothing else mounted. */
  reset(): void;
}

const initial = { section: 'summary' as ChartSection, visited: new Set<ChartSection>(['summary']) };

export const useChartNav = create<ChartNavState>()((set, get) => ({
  ...initial,
  show(section) {
    const { visited } = get();
    set({ section, visited: visited.has(section) ? visited : new Set([...visited, section]) });
  },
  reset() {
    set({ section: 'summary', visited: new Set(['summary']) });
  },
}));

onSessionEnd(() => useChartNav.getState().reset());
