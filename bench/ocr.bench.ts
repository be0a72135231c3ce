import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { editDistance } from '../electron/text/edit-distance';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OcrPool, langPath } from '../electron/ocr/engine';
import { extract } from '../electron/ocr/extract';
import { recognizeDocument } from '../electron/ocr/pipeline';
import { generateSet, type SetPage } from '../scripts/ocr/generate';

/**
 * OCR bench: the generated set (lab reports, prescriptions, discharge letters,
 * each clean and degraded) through Continuum's pipeline and through Debian's
 * native `tesseract` with the same traineddata, both using every core.
 * Prints and writes bench-results/bench-ocr.json.
 */


const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

function errorRates(pages: readonly { truth: string; read: string }[]): { cer: number; wer: number } {
  let chars = 0;
  let charErrors = 0;
  let words = 0;
  let wordErrors = 0;
  for (const { truth, read } of pages) {
    const t = norm(truth);
    const r = norm(read);
    chars += t.length;
    charErrors += editDistance([...t], [...r]);
    const tw = t.split(' ');
    words += tw.length;
    wordErrors += editDistance(tw, r.split(' '));
  }
  return { cer: (100 * charErrors) / chars, wer: (100 * wordErrors) / words };
}

function ensureNativeTesseract(): void {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('installing Debian tesseract-ocr with apt-get...');
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    const run = (args: string[]) => execFileSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { stdio: 'inherit' });
    try {
      run(['apt-get', 'install', '-y', 'tesseract-ocr']);
    } catch {
      run(['apt-get', 'update']);
      run(['apt-get', 'install', '-y', 'tesseract-ocr']);
    }
  }
}

function nativeOne(file: string, tessdata: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('tesseract', [file, 'stdout', '--tessdata-dir', tessdata, '--oem', '1', '--psm', '3', '-l', 'eng'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`tesseract exited ${code} on ${file}`))));
  });
}

async function runNative(pages: readonly SetPage[], tessdata: string, cores: number): Promise<string[]> {
  const results: string[] = new Array(pages.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (next < pages.length) {
        const i = next++;
        results[i] = await nativeOne(pages[i]!.file, tessdata);
      }
    }),
  );
  return results;
}

async function main(): Promise<void> {
  const perKind = Number(process.env.OCR_BENCH_DOCS ?? '2');
  const setDir = resolve('test-artifacts/ocr-set');
  console.log(`generating the test set in ${setDir}...`);
  const pages = await generateSet(setDir, perKind);
  const cores = availableParallelism();

  ensureNativeTesseract();
  const tessdata = resolve('test-artifacts/ocr-tessdata');
  mkdirSync(tessdata, { recursive: true });
  if (!existsSync(join(tessdata, 'eng.traineddata'))) {
    writeFileSync(join(tessdata, 'eng.traineddata'), gunzipSync(readFileSync(join(langPath(), 'eng.traineddata.gz'))));
  }

  console.log(`native tesseract on ${pages.length} pages (${cores} processes)...`);
  let started = performance.now();
  const nativeText = await runNative(pages, tessdata, cores);
  const nativeSeconds = (performance.now() - started) / 1000;

  console.log(`Continuum pipeline on ${pages.length} pages (${cores} workers)...`);
  const pool = new OcrPool(cores);
  // Worker start-up (loading the model) is paid once per app session, not per page.
  await pool.recognize(readFileSync(pages[0]!.file)).catch(() => undefined);
  await Promise.all(Array.from({ length: cores - 1 }, () => pool.recognize(readFileSync(pages[0]!.file)))).catch(() => undefined);
  started = performance.now();
  const results = await Promise.all(pages.map((page) => recognizeDocument(pool, readFileSync(page.file), page.file)));
  const pipelineSeconds = (performance.now() - started) / 1000;
  await pool.close();

  const truthText = pages.map((p) => p.truth.lines.join('\n'));
  const ours = errorRates(pages.map((_, i) => ({ truth: truthText[i]!, read: results[i]!.map((r) => r.text).join('\n') })));
  const native = errorRates(pages.map((_, i) => ({ truth: truthText[i]!, read: nativeText[i]! })));

  let tp = 0;
  let fp = 0;
  let fn = 0;
  pages.forEach((page, i) => {
    const labs = extract(results[i]!).filter((p) => p.kind === 'lab');
    const truth = [...page.truth.labs];
    for (const lab of labs) {
      const hit = truth.findIndex((t) => t.loinc === lab.loinc && t.value === lab.value && t.ucum === lab.ucum);
      if (hit >= 0) {
        tp += 1;
        truth.splice(hit, 1);
      } else fp += 1;
    }
    fn += truth.length;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const perPage = pipelineSeconds / pages.length;
  const nativePerPage = nativeSeconds / pages.length;
  const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

  const figures = [
    { name: 'pipeline CER', value: round(ours.cer, 2), unit: '%', goal: `<= native + 1 (${round(native.cer + 1, 2)})` },
    { name: 'native tesseract CER', value: round(native.cer, 2), unit: '%', goal: 'reference' },
    { name: 'pipeline WER', value: round(ours.wer, 2), unit: '%', goal: 'reference' },
    { name: 'native tesseract WER', value: round(native.wer, 2), unit: '%', goal: 'reference' },
    { name: 'pipeline seconds per page', value: round(perPage), unit: 's', goal: `<= 1.5x native (${round(nativePerPage * 1.5)})` },
    { name: 'native tesseract seconds per page', value: round(nativePerPage), unit: 's', goal: 'reference' },
    { name: 'lab extraction precision', value: round(precision), unit: 'ratio', goal: 'reference' },
    { name: 'lab extraction recall', value: round(recall), unit: 'ratio', goal: 'reference' },
    { name: 'lab extraction F1', value: round(f1), unit: 'ratio', goal: '>= 0.95' },
    { name: 'pages', value: pages.length, unit: 'count', goal: 'reference' },
  ];
  const byDegradation: Record<string, { cer: number; nativeCer: number }> = {};
  for (const d of new Set(pages.map((p) => p.degradation))) {
    const idx = pages.map((p, i) => (p.degradation === d ? i : -1)).filter((i) => i >= 0);
    byDegradation[d] = {
      cer: round(errorRates(idx.map((i) => ({ truth: truthText[i]!, read: results[i]!.map((r) => r.text).join('\n') }))).cer, 2),
      nativeCer: round(errorRates(idx.map((i) => ({ truth: truthText[i]!, read: nativeText[i]! }))).cer, 2),
    };
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench-ocr.json', `${JSON.stringify({ figures, byDegradation, cores }, null, 2)}\n`);
  for (const f of figures) console.log(`${f.name.padEnd(36)} ${String(f.value).padStart(8)} ${f.unit.padEnd(6)} goal: ${f.goal}`);
  console.log('by degradation (CER %, pipeline / native):', JSON.stringify(byDegradation));
  console.log('wrote bench-results/bench-ocr.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
