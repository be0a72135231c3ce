/**
 * `npm run bench:imaging` (issue 6): in Chromium (/usr/bin/chromium, playwright-core),
 * 1. the time from the click that opens a study to the first frame drawn on the
 *    viewer's canvas, for a generated 2,000 x 2,500 16-bit MONOCHROME2 X-ray
 *    (uncompressed, with Pixel Spacing), imported through the contract; the median
 *    of several cold opens (each a different study, so never from the image
 *    cache), and the same pixels decoded and drawn into a canvas in a page with
 *    no app, as a baseline and a ratio. The first frame is the viewer's preview
 *    (a box-filtered reduction no smaller than the image shows at fit-to-window,
 *    electron/imaging/preview.ts) when the canvas is much smaller than the image;
 *    the time to full resolution and where the time goes (the frame loader's and
 *    the viewer's marks, the core's read and decode) are reported beside it;
 * 2. memory with 20 such images cached: the page's JS heap (CDP), its ArrayBuffer
 *    backing stores, and the RSS of the process that runs the core;
 * 3. DICOMweb pull time per instance from a real Orthanc on loopback (QIDO-RS,
 *    WADO-RS, import), against GET /instances/{id}/file + the same import, with
 *    the ratio (bench/imaging/dicomweb-pull.ts; not measured without Orthanc).
 * Writes bench-results/bench-imaging.json as {"figures": [{name, value, unit, goal}]}.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CLINICIAN, PASSPHRASE, e2eSkipReason, ensureRendererBuilt, launchChromium, openWorkstation, signIn, startHost, syntheaBundle, type RunningHost } from '../test/e2e/support';
import { concat, explicitElement as element } from '../test/fixtures/imaging/dicom-files';
import { report, type Figure } from './report';
import { measureDicomWebPull } from './imaging/dicomweb-pull';


const ROWS = 2500;
const COLUMNS = 2000;
const SPACING_MM = 0.139;
/** Images opened in the viewer (and so in cornerstone's cache); the first opens with the chart, untimed. */
const IMAGES = 20;
const BASELINE_RUNS = 9;
const STEP_MS = 120_000;

// --- a valid DICOM Part 10 file, explicit VR little endian, written by hand ---

function padded(text: string, pad: string): Uint8Array {
  return new TextEncoder().encode(text.length % 2 === 1 ? `${text}${pad}` : text);
}


const str = (g: number, e: number, vr: string, text: string) => element(g, e, vr, padded(text, vr === 'UI' ? '\0' : ' '));
function us(g: number, e: number, n: number): Uint8Array {
  const v = new Uint8Array(2);
  new DataView(v.buffer).setUint16(0, n, true);
  return element(g, e, 'US', v);
}


/** A chest-like 12-bit image: a smooth body with lungs and ribs, and noise, so that windowing has something to show. */
function xrayPixels(seed: number): Uint16Array {
  const px = new Uint16Array(ROWS * COLUMNS);
  let s = seed * 2654435761 >>> 0;
  for (let y = 0; y < ROWS; y++) {
    for (let x = 0; x < COLUMNS; x++) {
      const nx = (x - COLUMNS / 2) / (COLUMNS / 2);
      const ny = (y - ROWS / 2) / (ROWS / 2);
      const body = Math.max(0, 1 - nx * nx * 0.9 - ny * ny * 0.5);
      const lung = Math.exp(-(((Math.abs(nx) - 0.42) / 0.25) ** 2) - ((ny + 0.1) / 0.55) ** 2);
      const rib = 0.5 + 0.5 * Math.sin(y / 38 + Math.abs(nx) * 3);
      s = (s * 1664525 + 1013904223) >>> 0;
      const v = 300 + 2600 * body - 1400 * lung * (0.8 + 0.2 * rib) + (s >>> 24);
      px[y * COLUMNS + x] = Math.max(0, Math.min(4095, Math.round(v)));
    }
  }
  return px;
}

function xrayFile(n: number, pixels: Uint16Array): Uint8Array {
  const sopClass = '1.2.840.10008.5.1.4.1.1.1.1'; // Digital X-Ray Image Storage - For Presentation
  const sop = `2.25.7300${n}1`;
  const metaBody = concat([
    element(0x0002, 0x0001, 'OB', new Uint8Array([0, 1])),
    str(0x0002, 0x0002, 'UI', sopClass),
    str(0x0002, 0x0003, 'UI', sop),
    str(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1'),
    str(0x0002, 0x0012, 'UI', '2.25.730000'),
  ]);
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, metaBody.length, true);
  const preamble = new Uint8Array(132);
  preamble.set(new TextEncoder().encode('DICM'), 128);
  const pixelBytes = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  return concat([
    preamble,
    element(0x0002, 0x0000, 'UL', groupLength),
    metaBody,
    str(0x0008, 0x0016, 'UI', sopClass),
    str(0x0008, 0x0018, 'UI', sop),
    str(0x0008, 0x0020, 'DA', '20240115'),
    str(0x0008, 0x0060, 'CS', 'DX'),
    str(0x0008, 0x1030, 'LO', `Bench study ${String(n).padStart(2, '0')}`),
    str(0x0010, 0x0010, 'PN', 'Bench^Xray'),
    str(0x0010, 0x0020, 'LO', `BENCH-${n}`),
    str(0x0018, 0x0015, 'CS', 'CHEST'),
    str(0x0018, 0x5101, 'CS', 'PA'),
    str(0x0020, 0x000d, 'UI', `2.25.7300${n}2`),
    str(0x0020, 0x000e, 'UI', `2.25.7300${n}3`),
    str(0x0020, 0x0013, 'IS', '1'),
    us(0x0028, 0x0002, 1),
    str(0x0028, 0x0004, 'CS', 'MONOCHROME2'),
    us(0x0028, 0x0010, ROWS),
    us(0x0028, 0x0011, COLUMNS),
    str(0x0028, 0x0030, 'DS', `${SPACING_MM}\\${SPACING_MM}`),
    us(0x0028, 0x0100, 16),
    us(0x0028, 0x0101, 12),
    us(0x0028, 0x0102, 11),
    us(0x0028, 0x0103, 0),
    str(0x0028, 0x1050, 'DS', '1600'),
    str(0x0028, 0x1051, 'DS', '3200'),
    element(0x7fe0, 0x0010, 'OW', pixelBytes),
  ]);
}

// --- the run ---

async function invoke(running: RunningHost, method: string, params: unknown): Promise<unknown> {
  const response = await running.core.invoke(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.value;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const mb = (bytes: number) => round(bytes / (1024 * 1024), 1);

/** One open, in ms from the click (page clock), and what the core said its stages took. */
interface Open {
  /** The click to the first frame drawn on the viewer's canvas: the figure with the goal. */
  readonly firstFrame: number;
  /** The click to the full-resolution image drawn (the same frame when there was no preview). */
  readonly fullResolution: number;
  /** The click to the viewer's request for the pixels (React, the loader's queue). */
  readonly requested: number;
  /** The click to the preview's pixels in hand (null without a preview). */
  readonly previewReady: number | null;
  /** The click to the full frame's pixels in hand. */
  readonly received: number;
  /** In the core: reading the instance from the vault, and decoding it (with the preview's pass). */
  readonly readMs: number;
  readonly decodeMs: number;
}

/**
 * Clicks the study's button and waits until its full resolution is drawn (so that no open still
 * streams the previous image); answers the frame loader's and viewer's marks relative to the click.
 */
async function openStudy(page: Page, n: number): Promise<Open> {
  await page.evaluate('performance.clearMarks()');
  await page.getByRole('button', { name: new RegExp(`Bench study ${String(n).padStart(2, '0')}`) }).click();
  // No inner functions in the predicate: tsx would wrap them in a helper the page does not have.
  const handle = await page.waitForFunction(
    (names) => {
      const failed = document.querySelector('.xray-error');
      if (failed) return { error: failed.textContent ?? '' };
      const click = performance.getEntriesByName('bench:click')[0];
      if (!click || !performance.getEntriesByName('continuum:xray-full-resolution')[0]) return null;
      const out: Record<string, number | null> = {};
      for (const [key, name] of Object.entries(names)) {
        const mark = performance.getEntriesByName(name)[0];
        out[key] = mark ? mark.startTime - click.startTime : null;
      }
      const received = performance.getEntriesByName('continuum:xray-frame-received')[0] as PerformanceMark | undefined;
      const detail = (received?.detail ?? {}) as { readMs?: number; decodeMs?: number };
      out['readMs'] = detail.readMs ?? null;
      out['decodeMs'] = detail.decodeMs ?? null;
      return out;
    },
    {
      firstFrame: 'continuum:xray-first-frame',
      fullResolution: 'continuum:xray-full-resolution',
      requested: 'continuum:xray-frame-requested',
      previewReady: 'continuum:xray-preview-ready',
      received: 'continuum:xray-frame-received',
    },
    { timeout: STEP_MS, polling: 'raf' },
  );
  const result = (await handle.jsonValue()) as { error?: string } & { [K in keyof Open]: number | null };
  if (result.error !== undefined) throw new Error(`study ${n} was not shown: ${result.error}`);
  const missing = (['firstFrame', 'fullResolution', 'requested', 'received', 'readMs', 'decodeMs'] as const).filter((k) => result[k] === null);
  if (missing.length > 0) throw new Error(`study ${n}: the viewer left no mark for ${missing.join(', ')}`);
  return result as unknown as Open;
}

/** Where the time of an open goes (medians over the opens): the stages the frame loader and the viewer mark. */
function openBreakdown(timings: readonly Open[]): Figure[] {
  const previews = timings.filter((t) => t.previewReady !== null);
  const stage = (name: string, values: readonly number[]): Figure => ({ name: `  ${name} (median)`, value: values.length ? round(median(values)) : null, unit: values.length ? 'ms' : 'not measured: no open had this stage' });
  return [
    stage('click to the request for the pixels (React, loader queue)', timings.map((t) => t.requested)),
    stage('core: vault read of the instance (SQLCipher)', timings.map((t) => t.readMs)),
    stage('core: decode, range and preview (one pass)', timings.map((t) => t.decodeMs)),
    stage('request to the preview in hand (core, transfer, header check)', previews.map((t) => t.previewReady! - t.requested)),
    stage('preview in hand to first frame drawn (cornerstone)', previews.map((t) => t.firstFrame - t.previewReady!)),
    { name: `  opens that drew a preview first`, value: previews.length, unit: `of ${timings.length}` },
    stage('request to the full frame in hand', timings.map((t) => t.received - t.requested)),
    { name: 'open study to full resolution drawn (median)', value: round(median(timings.map((t) => t.fullResolution))), unit: 'ms' },
  ];
}

const skip = e2eSkipReason();
if (skip) {
  process.stderr.write(`bench:imaging cannot run: ${skip}\n`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'continuum-bench-imaging-'));
const staticDir = await ensureRendererBuilt();
const running = await startHost(staticDir);
const browser = await launchChromium();
const figures: Figure[] = [];
try {
  // The vault, one chart, and IMAGES X-rays filed under it through the contract.
  await invoke(running, 'vault.create', { clinicianId: CLINICIAN.id, displayName: CLINICIAN.name, passphrase: PASSPHRASE });
  const bundle = syntheaBundle('Michael_Kihn_');
  await invoke(running, 'import.fhirBundle', { fileName: bundle.split('/').pop(), content: readFileSync(bundle, 'utf8') });
  const listed = (await invoke(running, 'patients.list', { query: 'Kihn' })) as { patients: Array<{ id: string; name: string }> };
  const patient = listed.patients[0];
  if (!patient) throw new Error('the Synthea patient was not imported');
  let firstFile = '';
  for (let n = 0; n < IMAGES; n++) {
    const file = join(work, `xray-${n}.dcm`);
    writeFileSync(file, xrayFile(n, xrayPixels(n + 1)));
    if (n === 0) firstFile = file;
    const outcome = (await invoke(running, 'imaging.import', {
      fileName: `xray-${n}.dcm`,
      bytes: readFileSync(file),
      patientId: patient.id,
    })) as { status: string; message: string };
    if (outcome.status !== 'imported') throw new Error(`import ${n}: ${outcome.message}`);
  }
  await invoke(running, 'vault.lock', {});

  // The app: sign in, open the chart (its first study opens by itself, untimed), then open the others.
  const opened = await openWorkstation(browser, running.host);
  const { page } = opened;
  await signIn(page, PASSPHRASE);
  await page.getByTestId('signed-in-as').waitFor({ timeout: STEP_MS });
  await page.evaluate(`document.addEventListener('click', () => performance.mark('bench:click'), { capture: true })`);
  await page.getByLabel('Search patients').fill('Kihn');
  await page.getByTestId('patient-row').filter({ hasText: 'Kihn' }).first().click();
  await page.locator('[data-testid="current-slot"] [data-testid="xray-canvas"][data-loaded="true"], .xray-error').first().waitFor({ timeout: STEP_MS });
  if (await page.locator('.xray-error').count()) throw new Error(await page.locator('.xray-error').first().innerText());
  const shownFirst = (await page.getByTestId('current-slot').innerText()).match(/Bench study (\d+)/)?.[1];
  const toOpen = [...Array(IMAGES).keys()].filter((n) => n !== Number(shownFirst));
  const timings: Open[] = [];
  for (const n of toOpen) timings.push(await openStudy(page, n));
  const opens = timings.map((t) => t.firstFrame);
  const canvas = page.locator('[data-testid="current-slot"] [data-testid="xray-canvas"] canvas');
  const size = await canvas.evaluate((c) => ({ width: (c as HTMLCanvasElement).width, height: (c as HTMLCanvasElement).height }));
  const levels = await canvas.evaluate((c) => {
    const el = c as HTMLCanvasElement;
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add(data[i]!);
    return seen.size;
  });
  if (levels < 50) throw new Error(`the viewer's canvas shows only ${levels} grey levels: not the image`);

  // Memory with IMAGES images opened (and so in cornerstone's cache), after a garbage collection.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const jsHeapUsed = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  const heapUsage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number; backingStorageSize?: number };
  const coreRss = process.memoryUsage().rss;

  // The baseline: the same pixels (the file's bytes as base64, as a data URL would carry them) decoded,
  // windowed and drawn into a canvas of the viewer's size, in a page with no app.
  const bare = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const barePage = await bare.newPage();
  await barePage.setContent(`<canvas id="c" width="${size.width}" height="${size.height}"></canvas>`);
  await barePage.evaluate((b64) => {
    (window as unknown as { __dicom: string }).__dicom = b64;
  }, readFileSync(firstFile).toString('base64'));
  const baseline: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) {
    const ms = (await barePage.evaluate(`(() => {
      const t0 = performance.now();
      const binary = atob(window.__dicom);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const rows = ${ROWS}, columns = ${COLUMNS}, n = rows * columns;
      const pixels = new Uint16Array(bytes.buffer, bytes.length - n * 2, n);
      const lo = 1600 - 3200 / 2, width = 3200;
      const image = new ImageData(columns, rows);
      const rgba = image.data;
      for (let p = 0, q = 0; p < n; p++, q += 4) {
        const v = Math.max(0, Math.min(255, ((pixels[p] - lo) / width) * 255));
        rgba[q] = v; rgba[q + 1] = v; rgba[q + 2] = v; rgba[q + 3] = 255;
      }
      const full = document.createElement('canvas');
      full.width = columns; full.height = rows;
      full.getContext('2d').putImageData(image, 0, 0);
      const c = document.getElementById('c');
      const ctx = c.getContext('2d');
      const scale = Math.min(c.width / columns, c.height / rows);
      ctx.fillStyle = 'black'; ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(full, (c.width - columns * scale) / 2, (c.height - rows * scale) / 2, columns * scale, rows * scale);
      return performance.now() - t0;
    })()`)) as number;
    baseline.push(ms);
  }
  await bare.close();

  const appMedian = median(opens);
  const baseMedian = median(baseline);
  figures.push(
    { name: `open study to first image drawn, ${COLUMNS} x ${ROWS} 16-bit X-ray (median of ${opens.length} cold opens)`, value: round(appMedian), unit: 'ms', goal: '<= 300' },
    { name: 'open study to first image drawn, slowest open', value: round(Math.max(...opens)), unit: 'ms' },
    ...openBreakdown(timings),
    { name: `baseline: same pixels decoded and drawn into a canvas, no app (median of ${BASELINE_RUNS})`, value: round(baseMedian), unit: 'ms' },
    { name: 'app / baseline', value: round(appMedian / baseMedian, 2), unit: 'x' },
    { name: `page JS heap used with ${IMAGES} images cached (CDP JSHeapUsedSize, after GC)`, value: mb(jsHeapUsed), unit: 'MiB' },
  );
  if (heapUsage.backingStorageSize !== undefined) {
    figures.push({ name: `page ArrayBuffer backing stores with ${IMAGES} images cached (CDP Runtime.getHeapUsage)`, value: mb(heapUsage.backingStorageSize), unit: 'MiB' });
  }
  figures.push(
    { name: `core process RSS with ${IMAGES} images imported and served (bench process: host + core worker thread)`, value: mb(coreRss), unit: 'MiB' },
    { name: `raw pixels of ${IMAGES} images (context)`, value: mb(IMAGES * ROWS * COLUMNS * 2), unit: 'MiB' },
  );
  if (opened.problems.length > 0) process.stderr.write(`page problems:\n${opened.problems.join('\n')}\n`);
  await opened.context.close();
} finally {
  await browser.close().catch(() => undefined);
  await running.close();
  rmSync(work, { recursive: true, force: true });
}

// 3. DICOMweb pull from a real Orthanc on loopback, against plain REST GETs of the same files (bench/imaging/dicomweb-pull.ts).
figures.push(...(await measureDicomWebPull()));

report('bench:imaging', figures);
