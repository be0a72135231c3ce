/**
 * bench:jobs: does long work hold the core? The p95 latency of a chart read
 * (the timeline of a Synthea patient, 'timeline.events') asked every 25 ms
 * while each of these runs in the same worker-thread core (as both hosts run
 * it), against the same read on the idle core in the same run:
 * - OCR of a 10-page scan (a TIFF of generated A4 lab reports), as a job;
 * - a 30-bundle FHIR import (the other Synthea bundles of ../shared/data/synthea,
 *   then the first again until there are 30; one imported again adds nothing
 *   but is still read and checked), one 'import.fhirBundle' call each;
 * - a PACS pull from a real Orthanc (Debian's orthanc and orthanc-dicomweb) of
 *   one study of 40 instances of a real DX file.
 * Goal for each: p95 under load <= 3x idle and <= 100 ms.
 * Writes bench-results/bench-jobs.json.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiResponse, MethodName, Params, Result } from '../electron/api/contract';
import type { CoreClient } from '../electron/core/core-client';
import { startCoreWorker } from '../electron/core/worker-core';
import { labReport } from '../scripts/ocr/documents';
import { writeTiff } from '../test/integration/ocr/tiff-writer';
import { haveRealDicom, realDicom } from '../test/fixtures/imaging/dicom-files';
import { orthancSkipReason, startOrthanc } from '../test/helpers/orthanc';
import { report, type Figure } from './report';

const SYNTHEA = resolve(process.cwd(), '../shared/data/synthea');
const ENTRY = resolve(import.meta.dirname, '../electron/core/core-worker-bootstrap.mjs');
const READ_EVERY_MS = 25;
const PASSPHRASE = 'correct horse battery staple';
const PACS_INSTANCES = 40;

async function call<M extends MethodName>(core: CoreClient, method: M, params: Params<M>): Promise<Result<M>> {
  const answer = (await core.invoke(method, params)) as ApiResponse<M>;
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/** Reads the chart every READ_EVERY_MS until `load` settles (or `count` reads when there is none); the latencies in ms. */
async function readsDuring(core: CoreClient, patientId: string, load: Promise<unknown> | null, count = 200): Promise<{ latencies: number[]; loadMs: number }> {
  const latencies: number[] = [];
  let done = load === null;
  const started = performance.now();
  let loadMs = 0;
  const settled = load?.then(
    () => {
      done = true;
      loadMs = performance.now() - started;
    },
    (error: unknown) => {
      done = true;
      throw error;
    },
  );
  while (load ? !done : latencies.length < count) {
    const t0 = performance.now();
    await call(core, 'timeline.events', { patientId });
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, READ_EVERY_MS));
  }
  await settled;
  return { latencies, loadMs };
}

async function tenPageScan(): Promise<Buffer> {
  const pages = [];
  for (let i = 0; i < 10; i++) {
    const image = await loadImage(labReport(100 + i).png);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    pages.push({ width: image.width, height: image.height, rgba: ctx.getImageData(0, 0, image.width, image.height).data, layout: 'grey8' as const, compression: 'deflate' as const });
  }
  return writeTiff(pages);
}

async function main(): Promise<void> {
  const files = readdirSync(SYNTHEA).filter((f) => f.endsWith('.json')).sort();
  if (files.length < 2) throw new Error(`${SYNTHEA}: the Synthea bundles are missing`);
  const dir = mkdtempSync(join(tmpdir(), 'continuum-bench-jobs-'));
  const core = startCoreWorker({ vaultFile: join(dir, 'clinic.vault'), scrypt: { N: 2 ** 12, r: 8, p: 1 } }, ENTRY);
  const figures: Figure[] = [];
  try {
    await call(core, 'vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE });
    // The chart read: the largest Synthea patient's timeline.
    const target = files.map((f) => ({ f, size: readFileSync(join(SYNTHEA, f)).length })).sort((a, b) => b.size - a.size)[0]!.f;
    await call(core, 'import.fhirBundle', { fileName: target, content: readFileSync(join(SYNTHEA, target), 'utf8') });
    const patientId = (await call(core, 'patients.list', {})).patients[0]!.id;
    const events = (await call(core, 'timeline.events', { patientId })).events.length;
    console.log(`chart read: timeline.events of ${target} (${events} events), every ${READ_EVERY_MS} ms`);

    await readsDuring(core, patientId, null, 20); // warm-up
    const idle = p95((await readsDuring(core, patientId, null)).latencies);
    figures.push({ name: 'chart read p95, idle core', value: idle, unit: 'ms' });

    const scenario = (name: string, latencies: number[], loadMs: number) => {
      const value = p95(latencies);
      console.log(`${name}: ${latencies.length} reads over ${(loadMs / 1000).toFixed(1)} s, p95 ${value.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms, ${(value / idle).toFixed(1)}x idle`);
      figures.push({ name: `chart read p95 during ${name}`, value, unit: 'ms', goal: '<= 100' });
      figures.push({ name: `chart read p95 during ${name} / idle`, value: value / idle, unit: 'x', goal: '<= 3' });
    };

    // OCR of a 10-page scan, as a job.
    const scan = await tenPageScan();
    const { job } = await call(core, 'documents.startUpload', { patientId, fileName: 'ten-pages.tiff', bytes: scan });
    const ocr = await readsDuring(
      core,
      patientId,
      call(core, 'jobs.result', { jobId: job.id }).then((r) => {
        if (r.job.state !== 'done') throw new Error(`the OCR job ended ${r.job.state}: ${r.job.error?.message ?? ''}`);
      }),
    );
    scenario('OCR of a 10-page scan', ocr.latencies, ocr.loadMs);

    // A 30-bundle FHIR import, bundle after bundle, as the import dialog sends them.
    const others = files.filter((f) => f !== target);
    const thirty = Array.from({ length: 30 }, (_, i) => others[i % others.length]!);
    const fhir = await readsDuring(
      core,
      patientId,
      (async () => {
        for (const f of thirty) await call(core, 'import.fhirBundle', { fileName: f, content: readFileSync(join(SYNTHEA, f), 'utf8') });
      })(),
    );
    scenario('a 30-bundle FHIR import', fhir.latencies, fhir.loadMs);

    // A PACS pull from a real Orthanc.
    const skip = orthancSkipReason() ?? (haveRealDicom() ? null : 'the real DICOM files are not in ../shared/data/dicom');
    if (skip) {
      console.log(`PACS pull not measured: ${skip}`);
      figures.push({ name: 'chart read p95 during a PACS pull', value: null, unit: `ms (not measured: ${skip})`, goal: '<= 100' });
    } else {
      const orthanc = await startOrthanc();
      try {
        const dx = await orthanc.upload(realDicom('nih_chest_dx.dcm'));
        await orthanc.copies(dx, PACS_INSTANCES - 1, 2);
        const chart = 'a1b2c3d4-0000-4000-8000-00000000c0f1';
        const bundle = {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            {
              fullUrl: `urn:uuid:${chart}`,
              resource: {
                resourceType: 'Patient',
                id: chart,
                name: [{ given: ['Test'], family: 'Covid0000' }],
                identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }], text: 'Medical Record Number' }, value: 'Covid0000' }],
              },
              request: { method: 'POST', url: 'Patient' },
            },
          ],
        };
        await call(core, 'import.fhirBundle', { fileName: 'covid.json', content: JSON.stringify(bundle) });
        await call(core, 'pacs.saveSettings', { url: orthanc.dicomWebUrl, user: orthanc.user });
        const found = await call(core, 'pacs.search', { patientId: chart, password: orthanc.password, remember: true });
        const pullId = 'bench-pull';
        await call(core, 'pacs.pull', { patientId: chart, pullId, studyUids: found.studies.map((s) => s.studyUid) });
        const pull = await readsDuring(
          core,
          patientId,
          (async () => {
            for (;;) {
              const { progress } = await call(core, 'pacs.progress', { pullId });
              if (!progress) throw new Error('the pull vanished');
              if (progress.state === 'done') return;
              if (progress.state !== 'searching' && progress.state !== 'pulling') throw new Error(`the pull ended ${progress.state}: ${progress.error ?? ''}`);
              await new Promise((r) => setTimeout(r, 50));
            }
          })(),
        );
        scenario(`a PACS pull (${PACS_INSTANCES} instances)`, pull.latencies, pull.loadMs);
      } finally {
        await orthanc.stop();
      }
    }

    figures.push({ name: 'chart read p95, idle core, after', value: p95((await readsDuring(core, patientId, null)).latencies), unit: 'ms' });
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  report('bench:jobs', figures);
}

await main();
