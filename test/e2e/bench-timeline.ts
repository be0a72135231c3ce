/**
 * `npm run bench:timeline`: the timeline with 10,000+ events for one patient
 * in Chromium (see timeline-perf.ts), written to bench-results/bench-timeline.json
 * as {"figures": [{name, value, unit, goal}]}. Figures only: it fails only when
 * it cannot run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFigures, TALL, measureTimeline, prepareTenThousandEvents } from './timeline-perf';
import { e2eSkipReason, ensureRendererBuilt, launchChromium, openWorkstation, ROOT, startHost } from './support';

const skip = e2eSkipReason();
if (skip) {
  process.stderr.write(`bench:timeline cannot run: ${skip}\n`);
  process.exit(1);
}

const staticDir = await ensureRendererBuilt();
const running = await startHost(staticDir);
const browser = await launchChromium();
try {
  await prepareTenThousandEvents(running);
  const opened = await openWorkstation(browser, running.host, TALL);
  const result = await measureTimeline(opened.page, 'bench-timeline');
  const out = join(ROOT, 'bench-results', 'bench-timeline.json');
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ figures: result.figures }, null, 2)}\n`);
  process.stdout.write(`timeline with ${result.events} events:\n${describeFigures(result.figures)}\nwritten to ${out}\n`);
  if (opened.problems.length > 0) process.stderr.write(`page problems:\n${opened.problems.join('\n')}\n`);
} finally {
  await browser.close().catch(() => undefined);
  await running.close();
}
