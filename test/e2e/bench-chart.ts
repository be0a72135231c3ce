/**
 * `npm run bench:chart`: how fast a chart opens for the largest Synthea
 * patient, and whether a 1366x768 screen shows what must be seen without
 * scrolling, in Chromium over the browser host (the core in its worker, as
 * `npm start` runs it). Writes bench-results/bench-chart.json.
 *
 * Open time: from the click on the patient's row to the header (with the
 * patient's name), the brief and the summary's first section (the vitals
 * strip) painted: measured in the page (performance.now() at the click, two
 * animation frames after all three are in the DOM), p95 over 20 opens, each
 * after another patient's chart (so nothing is reused). The peer, measured
 * in the same run: the core alone answering the same calls (chart.open,
 * brief.get, chart.vitals) for the same patient, p95 of 20; the ratio says
 * what the page adds. Figures only: it fails only when it cannot run.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { percentile, report, type Figure } from '../../bench/report';
import { CLINICIAN, e2eSkipReason, ensureRendererBuilt, launchChromium, openPatient, openWorkstation, PASSPHRASE, signIn, startHost, syntheaBundle, invokeCore } from './support';

const skip = e2eSkipReason();
if (skip) {
  process.stderr.write(`bench:chart cannot run: ${skip}\n`);
  process.exit(1);
}

const OPENS = 20;
const LARGEST = 'Vito_Feeney_';
const OTHER = 'Man_Schamberger_';


const round = (n: number) => Math.round(n * 10) / 10;

const staticDir = await ensureRendererBuilt();
const running = await startHost(staticDir);
const browser = await launchChromium();
try {
  await invokeCore(running, 'vault.create', { clinicianId: CLINICIAN.id, displayName: CLINICIAN.name, passphrase: PASSPHRASE });
  const ids: Record<string, string> = {};
  for (const prefix of [LARGEST, OTHER]) {
    const file = syntheaBundle(prefix);
    const imported = (await invokeCore(running, 'import.fhirBundle', { fileName: basename(file), content: readFileSync(file, 'utf8') })) as { patients: Array<{ id: string }> };
    ids[prefix] = imported.patients[0]!.id;
  }
  await invokeCore(running, 'vault.lock', {});

  const opened = await openWorkstation(browser, running.host, { width: 1440, height: 900 });
  const { page } = opened;
  await signIn(page, PASSPHRASE);
  await page.getByTestId('signed-in-as').waitFor();
  await page.getByTestId('patient-row').nth(1).waitFor();

  // The page's own clock: click, then wait (on animation frames) for the header, the brief and the vitals strip, then two more frames to paint.
  const OPEN_IN_PAGE = `(async ({ rowName }) => {
    const row = [...document.querySelectorAll('[data-testid="patient-row"]')].find((r) => r.textContent.includes(rowName));
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const t0 = performance.now();
    row.click();
    for (;;) {
      await frame();
      const name = document.querySelector('[data-testid="chart-name"]');
      const brief = document.querySelector('[data-testid="brief"] .claim');
      const first = document.querySelector('[data-testid="vitals-strip"] .vital');
      if (name && name.textContent.includes(rowName) && brief && first) break;
      if (performance.now() - t0 > 60000) throw new Error('the chart did not open in 60 s');
    }
    await frame();
    await frame();
    return performance.now() - t0;
  })`;
  const openIn = (rowName: string) => page.evaluate(`${OPEN_IN_PAGE}({ rowName: ${JSON.stringify(rowName)} })`) as Promise<number>;

  // Warm-up: each chart once (the renderer's code, the core's statements).
  await openIn('Man');
  await openIn('Vito');
  const ui: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    await openIn('Man');
    ui.push(await openIn('Vito'));
  }

  // The peer: the core alone, the same calls in the same order, for the same patient.
  const core: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const t0 = performance.now();
    await Promise.all([
      invokeCore(running, 'chart.open', { patientId: ids[LARGEST] }),
      invokeCore(running, 'brief.get', { patientId: ids[LARGEST], dateStyle: 'mdy' }),
      invokeCore(running, 'chart.vitals', { patientId: ids[LARGEST] }),
    ]);
    core.push(performance.now() - t0);
  }

  // At 1366x768: the name, the allergies and the brief's first line, in view without scrolling.
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIn('Man');
  await openPatient(page, 'Vito');
  await page.locator('[data-testid="brief"] .claim').first().waitFor();
  const visible = (await page.evaluate(`(() => {
    const inView = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; };
    return {
      name: inView(document.querySelector('[data-testid="chart-name"]')),
      allergies: inView(document.querySelector('[data-testid="allergy-banner"]')),
      briefFirstLine: inView(document.querySelector('[data-testid="brief"] .claim')),
      scrolled: document.querySelector('.main').scrollTop,
    };
  })()`)) as { name: boolean; allergies: boolean; briefFirstLine: boolean; scrolled: number };

  const sortedUi = [...ui].sort((a, b) => a - b);
  const sortedCore = [...core].sort((a, b) => a - b);
  const p95 = percentile(sortedUi, 95);
  const coreP95 = percentile(sortedCore, 95);
  const figures: Figure[] = [
    { name: `chart open p95, click to header + brief + first section painted (${basename(syntheaBundle(LARGEST))}, ${OPENS} opens)`, value: round(p95), unit: 'ms', goal: '<= 500' },
    { name: 'chart open p50', value: round(percentile(sortedUi, 50)), unit: 'ms' },
    { name: 'chart open max', value: round(sortedUi.at(-1)!), unit: 'ms' },
    { name: 'peer: the core alone, chart.open + brief.get + chart.vitals, p95', value: round(coreP95), unit: 'ms' },
    { name: 'chart open p95 / core p95 (what the page adds)', value: Math.round((p95 / coreP95) * 100) / 100, unit: 'ratio' },
    {
      name: 'at 1366x768 without scrolling: name, allergies and the brief first line visible (1 yes, 0 no)',
      value: visible.name && visible.allergies && visible.briefFirstLine && visible.scrolled === 0 ? 1 : 0,
      unit: `yes/no (name ${visible.name}, allergies ${visible.allergies}, brief first line ${visible.briefFirstLine})`,
      goal: '>= 1',
    },
  ];
  report('bench:chart', figures);
  if (opened.problems.length > 0) process.stderr.write(`page problems:\n${opened.problems.join('\n')}\n`);
} finally {
  await browser.close().catch(() => undefined);
  await running.close();
}
