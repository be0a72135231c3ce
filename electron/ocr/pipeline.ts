import type { Image } from '@napi-rs/canvas';
import type { OcrPool } from './engine';
import { OcrError, throwIfAborted } from './errors';
import { pdfPages } from './pdf';
import { decode, estimateSkew, rotated } from './raster';
import type { OcrMediaType, OcrOptions, OcrPage, OcrWord } from './types';

/** Below this mean confidence a page is retried upside down and on its sides. */
const ORIENTATION_RETRY_BELOW = 45;

export function sniffMediaType(bytes: Uint8Array): OcrMediaType | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[3] === 0x2a)) return 'image/tiff';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'application/pdf';
  return null;
}

/**
 * A document's words, page by page: PDFs through their text layer where they
 * have one, everything else through the OCR pool after deskewing. Pages run
 * in parallel across the pool; progress is reported per page; the signal
 * cancels whatever is still queued or running.
 */
export async function recognizeDocument(pool: OcrPool, bytes: Buffer, label: string, options: OcrOptions = {}): Promise<OcrPage[]> {
  if (bytes.length === 0) throw new OcrError('empty', `${label}: the file is empty`);
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new OcrError('unsupported', `${label}: not a PNG, JPEG, TIFF or PDF`);
  throwIfAborted(options.signal);
  if (mediaType === 'application/pdf') {
    const jobs: Promise<OcrPage>[] = [];
    let total = 0;
    for await (const page of pdfPages(bytes, label, options.maxPages ?? 200, options.signal)) {
      total = Math.max(total, page.page);
      if (page.kind === 'text') {
        const words = page.words;
        jobs.push(Promise.resolve({ page: page.page, width: page.width, height: page.height, source: 'text-layer', rotation: 0, confidence: 100, text: textOf(words), words }));
        options.onProgress?.({ page: page.page, pages: total, progress: 1, status: 'text layer' });
      } else {
        jobs.push(ocrImage(pool, page.image, page.page, () => total, options));
      }
      // Keep at most a pool's worth of rendered pages in memory.
      if (jobs.length % pool.size === 0) await Promise.all(jobs);
    }
    return Promise.all(jobs);
  }
  if (mediaType === 'image/tiff') {
    // @napi-rs/canvas cannot decode TIFF; Leptonica (inside tesseract) can: first page, no deskew.
    const result = await pool.recognize(bytes, { signal: options.signal, onProgress: (p) => options.onProgress?.({ page: 1, pages: 1, progress: p, status: 'recognizing' }) });
    const width = Math.max(0, ...result.words.map((w) => w.box.x + w.box.w));
    const height = Math.max(0, ...result.words.map((w) => w.box.y + w.box.h));
    return [{ page: 1, width, height, source: 'ocr', rotation: 0, confidence: result.confidence, text: result.text, words: result.words }];
  }
  const image = await decode(bytes, label);
  return [await ocrImage(pool, image, 1, () => 1, options)];
}

async function ocrImage(pool: OcrPool, image: Image, page: number, pages: () => number, options: OcrOptions): Promise<OcrPage> {
  throwIfAborted(options.signal);
  const skew = estimateSkew(image);
  const report = (progress: number, status: string) => options.onProgress?.({ page, pages: pages(), progress, status });
  report(0, 'deskewed');
  let best: OcrPage | null = null;
  for (const quarter of [0, 180, 90, 270]) {
    const turned = await rotated(image, skew + quarter);
    const result = await pool.recognize(turned.png, { signal: options.signal, onProgress: (p) => report(p, 'recognizing') });
    const candidate: OcrPage = {
      page,
      width: turned.width,
      height: turned.height,
      source: 'ocr',
      rotation: skew + quarter,
      confidence: result.confidence,
      text: result.text,
      words: result.words,
      image: turned.png,
    };
    if (!best || candidate.confidence > best.confidence) best = candidate;
    if (best.confidence >= ORIENTATION_RETRY_BELOW || best.words.length === 0) break;
  }
  report(1, 'done');
  return best!;
}

export function textOf(words: readonly OcrWord[]): string {
  const lines: string[] = [];
  let current = -1;
  for (const word of words) {
    if (word.line !== current) {
      lines.push(word.text);
      current = word.line;
    } else lines[lines.length - 1] += ` ${word.text}`;
  }
  return lines.join('\n');
}
