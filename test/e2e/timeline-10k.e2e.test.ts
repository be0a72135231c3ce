import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFigures, TALL, GENERATED_EVENTS, measureTimeline, prepareTenThousandEvents } from './timeline-perf';
import {
  ARTIFACTS,
  e2eSkipReason,
  type OpenedPage,
  type RunningHost,
  startWorkstation,
  type Workstation,
} from './support';

/**
 * "Smooth with 10,000+ events for one patient": a measurement, not a timing
 * assertion. The test checks that every event reaches the timeline and that
 * zooming and panning redraw it; the frame times are printed and written to
 * test-artifacts/e2e-timeline/figures.json (`npm run bench:timeline` writes
 * them to bench-results/ with their goals).
 */

const skip = e2eSkipReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const GROUP = 'e2e-timeline';
const SETUP_MS = 10 * 60_000;
const TEST_MS = 10 * 60_000;

describe.skipIf(skip !== null)(`timeline with 10,000+ events (Chromium)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let workstation: Workstation;
  let opened: OpenedPage;
  let prepared: number;

  beforeAll(async () => {
    workstation = await startWorkstation({ viewport: TALL, beforeBrowser: async (host: RunningHost) => void (prepared = await prepareTenThousandEvents(host)) });
    ({ opened } = workstation);
  }, SETUP_MS);

  afterAll(async () => {
    await workstation?.close();
  });

  it('loads every event, zooms and pans, and records the frame times', async () => {
    expect(prepared).toBeGreaterThan(10_000);
    expect(prepared).toBeGreaterThanOrEqual(GENERATED_EVENTS);
    const result = await measureTimeline(opened.page, GROUP);
    expect(result.events).toBe(prepared);
    // Zooming and panning redrew the timeline, frame after frame.
    expect(result.frameMs.length).toBeGreaterThan(20);
    expect(result.drawMs.length).toBeGreaterThan(20);
    console.log(`[e2e] timeline with ${result.events} events:\n${describeFigures(result.figures)}`);
    mkdirSync(join(ARTIFACTS, GROUP), { recursive: true });
    writeFileSync(join(ARTIFACTS, GROUP, 'figures.json'), `${JSON.stringify({ figures: result.figures }, null, 2)}\n`);
    expect(opened.problems).toEqual([]);
  }, TEST_MS);
});
