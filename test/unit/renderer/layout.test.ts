import { describe, expect, it } from 'vitest';
import type { EventKind, TimelineEvent } from '../../../electron/api/schemas';
import {
  buildLayout,
  countByKind,
  dataExtent,
  hitTest,
  LANE_ORDER,
  packRows,
  prepareEvents,
  visibleItems,
  type PreparedEvent,
} from '../../../renderer/timeline/layout';
import { DAY, timeToX, YEAR } from '../../../renderer/timeline/scale';

const NOW = new Date(2024, 5, 1).getTime();
const ALL = new Set<EventKind>(LANE_ORDER);

function ev(kind: EventKind, id: string, start: string, end: string | null = null, ongoing = false): TimelineEvent {
  return { kind, id, start, end, ongoing, label: `${kind} ${id}`, status: null };
}

describe('preparing events', () => {
  it('parses dates, draws ongoing spans to now, counts the undated', () => {
    const { events, undated } = prepareEvents(
      [
        ev('condition', 'c1', '2010-05-01', null, true),
        ev('condition', 'c2', '2011-01-01', '2012-01-01'),
        ev('encounter', 'e1', '2009-01-01T10:00:00Z'),
        ev('encounter', 'bad', 'not a date'),
      ],
      NOW,
    );
    expect(undated).toBe(1);
    expect(events.map((e) => e.id)).toEqual(['e1', 'c1', 'c2']);
    const ongoing = events.find((e) => e.id === 'c1')!;
    expect(ongoing.isSpan && ongoing.ongoing).toBe(true);
    expect(ongoing.end).toBe(NOW);
    expect(events.find((e) => e.id === 'e1')!.isSpan).toBe(false);
    // The record's extent ends at its last date, not at "now".
    expect(dataExtent(events)!.end).toBe(new Date(2012, 0, 1).getTime());
  });

  it('treats an end before the start as a point', () => {
    const { events } = prepareEvents([ev('procedure', 'p', '2012-01-02', '2012-01-01')], NOW);
    expect(events[0]!.isSpan).toBe(false);
  });
});

describe('lanes and rows', () => {
  it('packs overlapping spans onto separate rows and reuses free rows', () => {
    const { events } = prepareEvents(
      [
        ev('medication', 'a', '2010-01-01', '2012-01-01'),
        ev('medication', 'b', '2011-01-01', '2013-01-01'),
        ev('medication', 'c', '2014-01-01', '2015-01-01'),
      ],
      NOW,
    );
    const rows = packRows(events, 10, 30 * DAY);
    expect(rows.map((r) => r.map((e) => e.id))).toEqual([['a', 'c'], ['b']]);
  });

  it('caps the rows per lane, putting the overflow on the last row', () => {
    const { events } = prepareEvents(
      Array.from({ length: 30 }, (_, i) => ev('condition', `c${i}`, '2010-01-01', null, true)),
      NOW,
    );
    const rows = packRows(events, 5, 0);
    expect(rows).toHaveLength(5);
    expect(rows.reduce((n, r) => n + r.length, 0)).toBe(30);
  });

  it('orders lanes, skips empty or hidden kinds, stacks lanes top to bottom', () => {
    const { events } = prepareEvents(
      [ev('results', 'r', '2010-01-01'), ev('encounter', 'e', '2010-01-01'), ev('condition', 'c', '2010-01-01', null, true)],
      NOW,
    );
    const layout = buildLayout(events, ALL);
    expect(layout.lanes.map((l) => l.kind)).toEqual(['encounter', 'condition', 'results']);
    for (let i = 1; i < layout.lanes.length; i++) {
      expect(layout.lanes[i]!.top).toBe(layout.lanes[i - 1]!.top + layout.lanes[i - 1]!.height);
    }
    const hidden = buildLayout(events, new Set<EventKind>(['condition']));
    expect(hidden.lanes.map((l) => l.kind)).toEqual(['condition']);
    expect(countByKind(events).get('results')).toBe(1);
  });
});

/** A big record: 10,000 points and a few hundred spans over 40 years. */
function bigRecord(): PreparedEvent[] {
  const raw: TimelineEvent[] = [];
  const base = new Date(1984, 0, 1).getTime();
  for (let i = 0; i < 10_000; i++) {
    const t = new Date(base + (i / 10_000) * 40 * YEAR).toISOString();
    raw.push(ev(i % 3 === 0 ? 'encounter' : 'results', `p${i}`, t));
  }
  for (let i = 0; i < 300; i++) {
    const s = base + (i / 300) * 40 * YEAR;
    raw.push(ev(i % 2 ? 'medication' : 'condition', `s${i}`, new Date(s).toISOString(), new Date(s + (1 + (i % 7)) * YEAR).toISOString()));
  }
  return prepareEvents(raw, NOW).events;
}

describe('culling', () => {
  it('returns exactly the items overlapping the range (checked against a linear scan)', () => {
    const events = bigRecord();
    const layout = buildLayout(events, ALL);
    const from = new Date(2001, 0, 1).getTime();
    const to = new Date(2003, 6, 1).getTime();
    for (const lane of layout.lanes) {
      for (const row of lane.rows) {
        const fast = visibleItems(row, from, to).map((e) => e.id);
        const slow = row.items.filter((e) => e.start <= to && e.end >= from).map((e) => e.id);
        expect(fast).toEqual(slow);
      }
    }
  });

  it('finds a long span that began long before the view', () => {
    const { events } = prepareEvents(
      [ev('condition', 'old', '1990-01-01', null, true), ev('condition', 'short', '1991-01-01', '1991-02-01')],
      NOW,
    );
    const layout = buildLayout(events, ALL);
    const lane = layout.lanes[0]!;
    const seen = lane.rows.flatMap((row) => visibleItems(row, new Date(2020, 0, 1).getTime(), new Date(2021, 0, 1).getTime()));
    expect(seen.map((e) => e.id)).toEqual(['old']);
  });

  it('culls a one-week view of a 10,000-event record in well under a frame', () => {
    const layout = buildLayout(bigRecord(), ALL);
    const from = new Date(2010, 3, 1).getTime();
    const to = from + 7 * DAY;
    const t0 = performance.now();
    let n = 0;
    for (let k = 0; k < 100; k++) for (const lane of layout.lanes) for (const row of lane.rows) n += visibleItems(row, from, to).length;
    const perFrame = (performance.now() - t0) / 100;
    expect(n).toBeGreaterThan(0);
    expect(perFrame).toBeLessThan(4);
  });
});

describe('hit-testing', () => {
  const { events } = prepareEvents(
    [
      ev('encounter', 'e1', '2010-01-01'),
      ev('encounter', 'e2', '2015-01-01'),
      ev('condition', 'c1', '2011-01-01', '2013-01-01'),
      ev('condition', 'c2', '2012-01-01', null, true),
    ],
    NOW,
  );
  const layout = buildLayout(events, ALL);
  const view = { start: new Date(2009, 0, 1).getTime(), end: new Date(2025, 0, 1).getTime() };
  const width = 1000;
  const rowY = (kind: EventKind, row: number) => {
    const lane = layout.lanes.find((l) => l.kind === kind)!;
    const top = lane.top + (lane.height - lane.rows.length * lane.rowHeight) / 2;
    return top + row * lane.rowHeight + lane.rowHeight / 2;
  };
  const x = (iso: string) => timeToX(view, width, new Date(iso).getTime());

  it('finds a point under the pointer, within a few pixels', () => {
    const hit = hitTest(layout, view, width, x('2010-01-01T00:00:00') + 2, rowY('encounter', 0));
    expect(hit?.items[0]?.id).toBe('e1');
    expect(hitTest(layout, view, width, x('2010-01-01T00:00:00') + 40, rowY('encounter', 0))).toBeNull();
  });

  it('finds a span anywhere along it, on the right row', () => {
    expect(hitTest(layout, view, width, x('2012-06-01T00:00:00'), rowY('condition', 0))?.items[0]?.id).toBe('c1');
    expect(hitTest(layout, view, width, x('2020-06-01T00:00:00'), rowY('condition', 1))?.items[0]?.id).toBe('c2');
    expect(hitTest(layout, view, width, x('2020-06-01T00:00:00'), rowY('condition', 0))).toBeNull();
  });

  it('answers nothing above the lanes (the axis) or below them', () => {
    expect(hitTest(layout, view, width, x('2010-01-01T00:00:00'), 5)).toBeNull();
    expect(hitTest(layout, view, width, x('2010-01-01T00:00:00'), layout.height + 50)).toBeNull();
  });
});
