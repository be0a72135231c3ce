import { create } from 'zustand';
import type { EventKind } from '../../electron/api/schemas';
import { call, errorMessage } from '../api/client';
import { isoToMs } from '../ui/format';
import { onSessionEnd } from '../shell/session-end';
import { countByKind, dataExtent, prepareEvents, type PreparedEvent } from './layout';
import { keepInBounds, presetView, type ViewRange, type ZoomPreset } from './scale';

export interface TimelineState {
  readonly patientId: string | null;
  readonly events: readonly PreparedEvent[];
  readonly counts: ReadonlyMap<EventKind, number>;
  readonly undated: number;
  readonly truncated: boolean;
  readonly loading: boolean;
  readonly error: string | null;
  readonly hidden: ReadonlySet<EventKind>;
  /** First and last recorded date. */
  readonly extent: ViewRange | null;
  readonly view: ViewRange | null;
  /**
   * Where ongoing spans end, fixed when the chart opened so drawing is stable:
   * now, or the date of death (nothing goes on after it).
   */
  readonly now: number;
  /** The patient died at `now`: the marker reads "Died", not "Today". */
  readonly deceased: boolean;
  load(patientId: string, options?: { deceasedAt?: string | null }): Promise<void>;
  setView(view: ViewRange): void;
  preset(preset: ZoomPreset): void;
  toggleKind(kind: EventKind): void;
  showAllKinds(): void;
}

let seq = 0;
const initial = {
  patientId: null,
  events: [],
  counts: new Map<EventKind, number>(),
  undated: 0,
  truncated: false,
  loading: false,
  error: null,
  hidden: new Set<EventKind>(),
  extent: null,
  view: null,
  now: Date.now(),
  deceased: false,
} as const;

/** The date of death the timeline was last loaded with: a reload after a write keeps it. */
let loadedDeceasedAt: string | null = null;

export const useTimeline = create<TimelineState>()((set, get) => ({
  ...initial,

  async load(patientId, options = {}) {
    const mine = ++seq;
    loadedDeceasedAt = options.deceasedAt ?? null;
    const died = isoToMs(options.deceasedAt);
    const deceased = died !== null && died < Date.now();
    const now = deceased ? died : Date.now();
    set({ ...initial, patientId, loading: true, now, deceased, hidden: new Set(), counts: new Map() });
    try {
      const result = await call('timeline.events', { patientId });
      if (mine !== seq) return;
      const { events, undated } = prepareEvents(result.events, now);
      const extent = dataExtent(events);
      set({
        events,
        counts: countByKind(events),
        undated,
        truncated: result.truncated,
        extent,
        view: extent ? presetView('all', presetBounds({ extent, events, now }, 'all')!) : null,
        loading: false,
      });
    } catch (error) {
      if (mine !== seq) return;
      set({ loading: false, error: errorMessage(error) });
    }
  },

  setView(view) {
    const { extent, now } = get();
    set({ view: extent ? keepInBounds(view, { start: extent.start, end: Math.max(extent.end, now) }) : view });
  },

  preset(preset) {
    const bounds = presetBounds(get(), preset);
    if (bounds) set({ view: presetView(preset, bounds) });
  },

  toggleKind(kind) {
    const hidden = new Set(get().hidden);
    if (hidden.has(kind)) hidden.delete(kind);
    else hidden.add(kind);
    set({ hidden });
  },

  showAllKinds() {
    set({ hidden: new Set() });
  },
}));

function hasOngoing(events: readonly PreparedEvent[]): boolean {
  return events.some((e) => e.ongoing);
}

/** The data range the preset buttons use (ongoing spans stretch "All" to today). */
export function presetBounds(state: Pick<TimelineState, 'extent' | 'events' | 'now'>, preset: ZoomPreset): ViewRange | null {
  if (!state.extent) return null;
  const end = preset === 'all' && hasOngoing(state.events) ? Math.max(state.extent.end, state.now) : state.extent.end;
  return { start: state.extent.start, end };
}

onSessionEnd(() => {
  seq++;
  useTimeline.setState({ ...initial, hidden: new Set(), counts: new Map() });
});

/** After a write: read this patient's timeline again, if it is the one shown (else it loads when the history section is next shown). */
export function reloadTimeline(patientId: string): void {
  if (useTimeline.getState().patientId === patientId) void useTimeline.getState().load(patientId, { deceasedAt: loadedDeceasedAt });
}
