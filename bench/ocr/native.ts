import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { langPath } from '../../electron/ocr/engine';

/**
 * Debian's `tesseract` command, the bench's peer: installed with apt-get when
 * missing, run one process per core with one thread each (as our pool runs
 * one single-threaded WASM worker per core).
 */

export interface NativeConfig {
  /** Page segmentation mode: 3 is the command line's default (automatic layout), 6 (one block of text) tesseract.js's. */
  psm: 3 | 6;
  /** Directory holding eng.traineddata. */
  tessdata: string;
}

export function ensureNativeTesseract(): void {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('installing Debian tesseract-ocr with apt-get...');
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    const run = (args: string[]) => execFileSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { stdio: 'inherit' });
    try {
      run(['apt-get', 'install', '-y', 'tesseract-ocr', 'tesseract-ocr-eng']);
    } catch {
      run(['apt-get', 'update']);
      run(['apt-get', 'install', '-y', 'tesseract-ocr', 'tesseract-ocr-eng']);
    }
  }
}

/** tesseract.js's own English model (@tesseract.js-data/eng, 4.0.0_best_int, LSTM only), unpacked for the command line. */
export function ourTessdata(): string {
  const dir = resolve('test-artifacts/ocr-tessdata');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'eng.traineddata'))) writeFileSync(join(dir, 'eng.traineddata'), gunzipSync(readFileSync(join(langPath(), 'eng.traineddata.gz'))));
  return dir;
}

/** Debian's tesseract-ocr-eng model (tessdata 4.1.0: LSTM and legacy in one file), where the package put it. */
export function debianTessdata(): string | null {
  for (const dir of ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata']) {
    if (existsSync(join(dir, 'eng.traineddata'))) return dir;
  }
  return null;
}

function nativeOne(file: string, config: NativeConfig): Promise<string> {
  return new Promise((done, fail) => {
    const args = [file, 'stdout', '--tessdata-dir', config.tessdata, '--oem', '1', '--psm', String(config.psm), '-l', 'eng'];
    const child = spawn('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`tesseract exited ${code} on ${file}`))));
  });
}

/** Every file's text, `cores` processes at a time, and the wall-clock seconds it took. */
export async function runNative(files: readonly string[], config: NativeConfig, cores: number): Promise<{ texts: string[]; seconds: number }> {
  const texts: string[] = new Array(files.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (next < files.length) {
        const i = next++;
        texts[i] = await nativeOne(files[i]!, config);
      }
    }),
  );
  return { texts, seconds: (performance.now() - started) / 1000 };
}
