import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { OcrError } from './errors';
import { wordsFromTsv } from './tsv-words';
import type { OcrWord } from './types';

const require = createRequire(import.meta.url);

/**
 * Where the English traineddata lives: the npm package @tesseract.js-data/eng
 * (4.0.0_best_int, LSTM only). tesseract.js reads it from disk because langPath
 * is a local directory; with cacheMethod 'none' it writes nothing either.
 */
export function langPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

export interface RecognizeResult {
  words: OcrWord[];
  confidence: number;
  text: string;
  /** With `leptonica`: the page as Leptonica read and straightened it (PNG), the boxes on it, and the turn it made in degrees. */
  page?: { png: Buffer; rotation: number };
}

export interface RecognizeOptions {
  onProgress?: (progress: number) => void;
  signal?: AbortSignal;
  /**
   * The image is a file only Leptonica can decode (a fax-compressed TIFF):
   * let it straighten the page too, and give the page back as it was read,
   * so that the review pane can show the boxes on it.
   */
  leptonica?: boolean;
  /**
   * 'block' (PSM 6, the default): one block of text, read row by row.
   * 'auto' (PSM 3): tesseract finds the page's blocks itself; a form with
   * scattered fields reads better so (see ocr-image.ts).
   */
  layout?: 'block' | 'auto';
}

interface Job extends RecognizeOptions {
  image: Buffer;
  resolve: (result: RecognizeResult) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Promise<Worker>;
  busy: Job | null;
}

/**
 * A pool of tesseract.js workers (one per core by default), each a worker
 * thread running the WASM core from node_modules. Pages queue; a cancelled
 * page that is already running terminates its worker (tesseract cannot stop
 * mid-page otherwise) and a fresh one replaces it on demand.
 */
export class OcrPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  private readonly cachePath = mkdtempSync(join(tmpdir(), 'continuum-ocr-'));

  constructor(readonly size = Math.max(1, availableParallelism())) {}

  recognize(image: Buffer, options: RecognizeOptions = {}): Promise<RecognizeResult> {
    if (this.closed) return Promise.reject(new Error('the OCR pool is closed'));
    if (options.signal?.aborted) return Promise.reject(new OcrError('cancelled', 'OCR cancelled'));
    return new Promise<RecognizeResult>((resolve, reject) => {
      const job: Job = { image, resolve, reject, ...options };
      options.signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the OCR pool is closed'));
    await Promise.all(this.slots.splice(0).map(async (slot) => (await slot.worker.catch(() => null))?.terminate()));
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((s) => s.busy === job);
    if (slot) {
      slot.busy = null;
      this.slots.splice(this.slots.indexOf(slot), 1);
      void slot.worker.then((w) => w.terminate()).catch(() => undefined);
    }
    job.reject(new OcrError('cancelled', 'OCR cancelled'));
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.size) {
        slot = { worker: this.spawn(), busy: null };
        this.slots.push(slot);
      }
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.busy = job;
      void this.run(slot, job);
    }
  }

  private spawn(): Promise<Worker> {
    const slotRef: { slot?: Slot } = {};
    const worker = createWorker('eng', 1, {
      langPath: langPath(),
      cachePath: this.cachePath,
      cacheMethod: 'none',
      gzip: true,
      logger: (message: { status: string; progress: number }) => {
        const slot = slotRef.slot ?? this.slots.find((s) => s.worker === worker);
        if (slot?.busy && message.status === 'recognizing text') slot.busy.onProgress?.(message.progress);
      },
      errorHandler: () => undefined,
    });
    return worker;
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    try {
      const worker = await slot.worker;
      if (slot.busy !== job) return;
      // PSM 6 (one uniform block of text) is tesseract's library default, made
      // explicit here: it reads a table row by row, where the command line's
      // default (PSM 3, automatic layout) reads it column by column.
      await worker.setParameters({ preserve_interword_spaces: '1', tessedit_pageseg_mode: job.layout === 'auto' ? PSM.AUTO : PSM.SINGLE_BLOCK });
      const { data } = await worker.recognize(job.image, job.leptonica ? { rotateAuto: true } : {}, { blocks: false, tsv: true, text: true, imageColor: job.leptonica === true });
      if (slot.busy !== job) return;
      const words = wordsFromTsv(data.tsv ?? '');
      const png = job.leptonica && data.imageColor ? Buffer.from(data.imageColor.slice(data.imageColor.indexOf(',') + 1), 'base64') : null;
      const rotation = Math.round((((data.rotateRadians ?? 0) * 180) / Math.PI) * 10) / 10;
      job.resolve({ words, confidence: data.confidence, text: data.text, ...(png ? { page: { png, rotation } } : {}) });
    } catch (error) {
      if (slot.busy === job) job.reject(error);
    } finally {
      if (slot.busy === job) slot.busy = null;
      this.pump();
    }
  }
}
