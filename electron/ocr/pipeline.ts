import type { OcrPool } from './engine';
import { OcrError, throwIfAborted } from './errors';
import { ocrImage } from './ocr-image';
import { pdfPages } from './pdf';
import { decode } from './raster';
import { recognizeTiff } from './tiff-pipeline';
import type { OcrMediaType, OcrOptions, OcrPage, OcrWord } from './types';

export function sniffMediaType(bytes: Uint8Array): OcrMediaType | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[3] === 0x2a)) return 'image/tiff';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'application/pdf';
  return null;
}

/**
 * A document's words, page by page: PDFs through their text layer where they
 * have one, everything else through the OCR pool after deskewing (every page
 * of a TIFF: see tiff-pipeline.ts). Pages run in parallel across the pool;
 * progress is reported per page; the signal cancels whatever is still queued
 * or running.
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
  if (mediaType === 'image/tiff') return recognizeTiff(pool, bytes, label, options);
  const image = await decode(bytes, label);
  return [await ocrImage(pool, image, 1, () => 1, options)];
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
