import { useMemo } from 'react';
import type { EventKind } from '../../electron/api/schemas';
import { useDetails } from '../shell/details-store';
import { opener } from '../shell/sources';
import { formatCount, formatMsDate, plural } from '../ui/format';
import { KIND_COLOR } from './colors';
import { buildLayout, KIND_LABEL, LANE_ORDER } from './layout';
import { matchingPreset, ZOOM_PRESETS } from './scale';
import { TimelineCanvas } from './TimelineCanvas';
import { presetBounds, useTimeline } from './timeline-store';

export interface FilterChipsProps {
  readonly counts: ReadonlyMap<EventKind, number>;
  readonly hidden: ReadonlySet<EventKind>;
  readonly onToggle: (kind: EventKind) => void;
}

/** Pure: one chip per kind present in the record; pressed = shown. */
export function FilterChips({ counts, hidden, onToggle }: FilterChipsProps) {
  return (
    <div className="chips" role="group" aria-label="Show or hide kinds of record">
      {LANE_ORDER.filter((k) => (counts.get(k) ?? 0) > 0).map((kind) => (
        <button
          key={kind}
          type="button"
          className="chip"
          aria-pressed={!hidden.has(kind)}
          onClick={() => onToggle(kind)}
          title={hidden.has(kind) ? `Show ${KIND_LABEL[kind].toLowerCase()}` : `Hide ${KIND_LABEL[kind].toLowerCase()}`}
        >
          <span className="swatch" style={{ background: KIND_COLOR[kind] }} />
          {KIND_LABEL[kind]}
          <span className="n">{formatCount(counts.get(kind) ?? 0)}</span>
        </button>
      ))}
    </div>
  );
}

/** Smart container: filter chips, zoom presets and the canvas. */
/** A scanned document on the timeline opens in the chart's document pane (whoever registered it with the shell), not the details drawer. */
function openDocument(patientId: string, documentId: string): void {
  opener('document')(patientId, documentId);
}

export function TimelinePanel() {
  const { events, counts, hidden, view, extent, now, deceased, loading, error, truncated, undated, setView, preset, toggleKind } = useTimeline();
  const showDetails = useDetails((s) => s.show);
  const patientId = useTimeline((s) => s.patientId);
  const selectedId = useDetails((s) => s.target?.id ?? null);

  const visible = useMemo(() => new Set(LANE_ORDER.filter((k) => !hidden.has(k))), [hidden]);
  const layout = useMemo(() => buildLayout(events, visible), [events, visible]);

  const state = useTimeline.getState();
  const active = view ? ZOOM_PRESETS.find((p) => {
    const bounds = presetBounds(state, p.id);
    return bounds ? matchingPreset(view, bounds) === p.id : false;
  })?.id ?? null : null;

  return (
    <section className="card" aria-label="Timeline" data-testid="timeline">
      <div className="card-title">
        <h2>Timeline</h2>
        {view && (
          <span className="muted" data-testid="timeline-range">
            {formatMsDate(view.start)} – {formatMsDate(view.end)}
          </span>
        )}
        <span className="spacer" />
        <div className="segmented" role="group" aria-label="Zoom">
          {ZOOM_PRESETS.map((p) => (
            <button key={p.id} type="button" aria-pressed={active === p.id} title={p.title} onClick={() => preset(p.id)} disabled={!extent}>
              {p.label}
            </button>
          ))}
        </div>
      </div>
      {loading && <div className="loading">Loading the timeline…</div>}
      {error && <div className="error-line">{error}</div>}
      {!loading && !error && events.length === 0 && <p className="muted">No dated records for this patient.</p>}
      {events.length > 0 && view && (
        <>
          <div className="toolbar">
            <FilterChips counts={counts} hidden={hidden} onToggle={toggleKind} />
          </div>
          {layout.lanes.length === 0 ? (
            <p className="muted">Every kind of record is hidden. Press a chip above to show it again.</p>
          ) : (
            <TimelineCanvas
              layout={layout}
              view={view}
              now={now}
              deceased={deceased}
              selectedId={selectedId}
              onViewChange={setView}
              onOpen={(e) => (e.kind === 'document' && patientId ? openDocument(patientId, e.id) : void showDetails(e.kind, e.id))}
              label={`Timeline of ${plural(events.length, 'record')}; use the zoom buttons, or arrow keys and + and - when focused.`}
            />
          )}
          <div className="hint-line">
            Scroll to zoom, drag to move in time, click a mark for its details.
            {undated > 0 && ` ${plural(undated, 'record')} without a date ${undated === 1 ? 'is' : 'are'} not shown.`}
            {truncated && ' This record is very large: only the first part is shown.'}
          </div>
        </>
      )}
    </section>
  );
}
