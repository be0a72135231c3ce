import { describe, expect, it } from 'vitest';
import type { EventKind, PatientSummary, TimelineEvent } from '../../../electron/api/schemas';
import { displayField } from '../../../renderer/chart/DetailsDrawer';
import { patientFacts } from '../../../renderer/patients/PatientList';
import { describeOthers, describeWhen, drawFrame, fitText } from '../../../renderer/timeline/draw';
import { buildLayout, LANE_ORDER, prepareEvents, type PreparedEvent } from '../../../renderer/timeline/layout';
import { DAY } from '../../../renderer/timeline/scale';
import { computeTicks } from '../../../renderer/timeline/ticks';
import { formatMinutes, formatRange } from '../../../renderer/ui/format';

/**
 * The timeline's drawing against a recording 2D context (every character
 * 7 px wide), and the words the chart shows.
 */

interface Call {
  readonly op: string;
  readonly args: readonly unknown[];
}

function recordingContext(): { ctx: CanvasRenderingContext2D; calls: Call[] } {
  const calls: Call[] = [];
  const state: Record<string, unknown> = {};
  const target = {
    measureText: (text: string) => ({ width: text.length * 7 }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
  };
  const ctx = new Proxy(target, {
    get(t, prop: string) {
      if (prop in t) return (t as Record<string, unknown>)[prop];
      if (prop in state) return state[prop];
      return (...args: unknown[]) => {
        calls.push({ op: prop, args });
      };
    },
    set(_t, prop: string, value) {
      state[prop] = value;
      calls.push({ op: `set ${prop}`, args: [value] });
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const NOW = Date.UTC(2024, 0, 1);

function ev(kind: EventKind, id: string, start: string, end: string | null, label: string, ongoing = false): TimelineEvent {
  return { kind, id, start, end, ongoing, label, status: null };
}

function draw(events: TimelineEvent[], view: { start: number; end: number }, width = 1150, nowLabel = 'Today') {
  const prepared = prepareEvents(events, NOW).events;
  const layout = buildLayout(prepared, new Set<EventKind>(LANE_ORDER));
  const { ctx, calls } = recordingContext();
  drawFrame(ctx, {
    layout,
    view,
    ticks: computeTicks(view, width - 150),
    width,
    height: layout.height + 6,
    gutter: 150,
    now: NOW,
    nowLabel,
    hover: null,
    selected: null,
  });
  const texts = calls.filter((c) => c.op === 'fillText').map((c) => ({ text: String(c.args[0]), x: Number(c.args[1]) }));
  return { calls, texts };
}

describe('timeline drawing', () => {
  const view = { start: Date.UTC(2000, 0, 1), end: Date.UTC(2024, 0, 1) };

  it('writes a span label inside its bar when it fits', () => {
    const { texts } = draw([ev('condition', 'c1', '2001-01-01', '2020-01-01', 'Hypertension')], view);
    const label = texts.find((t) => t.text === 'Hypertension');
    expect(label).toBeDefined();
    expect(label!.x).toBeGreaterThan(0);
  });

  it('writes the label before a short bar when the row has room there', () => {
    const { texts } = draw([ev('condition', 'c1', '2022-01-01', '2022-06-01', 'Acute bronchitis (disorder)')], view);
    expect(texts.some((t) => t.text === 'Acute bronchitis (disorder)')).toBe(true);
  });

  it('shortens a label with an ellipsis rather than cutting it mid-letter', () => {
    const { ctx } = recordingContext();
    expect(fitText(ctx, 'Nonproliferative diabetic retinopathy', 100)).toBe('Nonproliferat…');
    expect(fitText(ctx, 'Short', 100)).toBe('Short');
    expect(fitText(ctx, 'Anything', 5)).toBe('');
  });

  it('leaves out an axis label that the right edge would cut', () => {
    const { texts } = draw([ev('encounter', 'e1', '2010-01-01', null, 'Check-up')], view, 400);
    for (const t of texts) expect(t.x + 150 + t.text.length * 7).toBeLessThanOrEqual(400 + 150);
  });

  it('names the line at now: Today, or Died for a deceased patient', () => {
    expect(draw([ev('encounter', 'e1', '2010-01-01', null, 'Check-up')], view, 1150, 'Died').texts.some((t) => t.text === 'Died')).toBe(true);
    expect(draw([ev('encounter', 'e1', '2010-01-01', null, 'Check-up')], view).texts.some((t) => t.text === 'Today')).toBe(true);
  });

  it('fills thousands of points with one path per row, not one fill each', () => {
    const many: TimelineEvent[] = [];
    for (let i = 0; i < 5000; i++) many.push(ev('immunization', `i${i}`, new Date(Date.UTC(2000, 0, 1) + i * 1.7 * DAY).toISOString(), null, 'Flu'));
    const { calls } = draw(many, view);
    expect(calls.filter((c) => c.op === 'fill').length).toBeLessThanOrEqual(2);
    // Points on the same pixel are drawn once: at most one diamond per pixel of the plot.
    expect(calls.filter((c) => c.op === 'moveTo').length).toBeLessThan(1200);
  });

  it('draws no label for a span that starts under an earlier one (a full last row)', () => {
    // 15 overlapping problems: the 15th shares the last row with the 14th.
    const events: TimelineEvent[] = [];
    for (let i = 0; i < 15; i++) events.push(ev('condition', `c${i}`, `2001-01-${String(i + 1).padStart(2, '0')}`, '2020-01-01', `Problem ${i}`));
    const { texts } = draw(events, view);
    expect(texts.filter((t) => t.text.startsWith('Problem')).length).toBe(14);
  });
});

describe('timeline words', () => {
  const item = (label: string): PreparedEvent => ({
    kind: 'encounter',
    id: label,
    label,
    status: null,
    start: 0,
    end: 0,
    isSpan: false,
    ongoing: false,
    startText: '2020-01-01',
    endText: null,
  });

  it('sums up the other records under the pointer by label', () => {
    expect(describeOthers([item('Check-up'), item('Check-up'), item('Follow-up')])).toBe('Check-up ×2; Follow-up');
    expect(describeOthers(['a', 'b', 'c', 'd'].map(item))).toBe('a; b; c; …');
  });

  it('says a span on one day once, and an open span of a deceased patient ran until death', () => {
    expect(formatRange('2019-03-12T09:10:00Z', '2019-03-12T09:40:00Z', false)).toBe('12 Mar 2019');
    const open = { ...item('Diabetes'), isSpan: true, ongoing: true, startText: '1970-05-01' };
    expect(describeWhen(open)).toBe('1 May 1970 – ongoing');
    expect(describeWhen(open, true)).toBe('1 May 1970 – until death');
  });

  it('writes idle times in words', () => {
    expect(formatMinutes(10)).toBe('10 minutes');
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatMinutes(0.2)).toBe('12 seconds');
  });
});

describe('chart words', () => {
  it('shows codes in words, keeping the code', () => {
    expect(displayField('Class', 'AMB')).toBe('Ambulatory (AMB)');
    expect(displayField('Class', 'XYZ')).toBe('XYZ');
    expect(displayField('Interpretation', 'H')).toBe('High (H)');
    expect(displayField('Status', 'entered-in-error')).toBe('Entered in error');
    expect(displayField('Clinical status', 'active')).toBe('Active');
    expect(displayField('Code system', 'http://snomed.info/sct')).toBe('SNOMED CT (http://snomed.info/sct)');
    expect(displayField('Category', 'vital-signs')).toBe('Vital signs');
    expect(displayField('Start', '2019-03-12')).toBe('12 Mar 2019');
  });

  it("gives a patient row's second line: birth date, sex and MRN, never other identifiers", () => {
    const patient: PatientSummary = {
      id: 'p1',
      name: 'Vito Feeney',
      birthDate: '1910-09-19',
      sex: 'male',
      deceasedAt: null,
      identifiers: [
        { system: 'http://hospital.smarthealthit.org', value: 'MRN-1', type: 'MR' },
        { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-59-9609', type: 'SS' },
      ],
    };
    expect(patientFacts(patient)).toBe('Born 19 Sep 1910 · Male · MRN MRN-1');
    expect(patientFacts({ ...patient, birthDate: null, sex: null, identifiers: [] })).toBe('Birth date not recorded · Sex not recorded');
  });
});
