import type { Canvas, Image } from '@napi-rs/canvas';
import type { OcrPool } from './engine';
import { throwIfAborted } from './errors';
import { estimateSkew, turnPage } from './raster';
import type { OcrOptions, OcrPage } from './types';

/** Below this mean confidence a page is retried upside down and on its sides. */
const ORIENTATION_RETRY_BELOW = 45;

/**
 * One page image through the OCR pool: deskewed, then turned upside down and
 * onto its sides while the reading stays poor; the best reading is kept with
 * the page as it was read (PNG), which the review pane shows. The recognizer
 * gets the same pixels uncompressed (see turnPage), so each page is
 * compressed once, for storage only.
 */
export async function ocrImage(pool: OcrPool, image: Image | Canvas, page: number, pages: () => number, options: OcrOptions): Promise<OcrPage> {
  throwIfAborted(options.signal);
  const skew = estimateSkew(image);
  const report = (progress: number, status: string) => options.onProgress?.({ page, pages: pages(), progress, status });
  report(0, 'deskewed');
  let best: OcrPage | null = null;
  for (const quarter of [0, 180, 90, 270]) {
    const turned = turnPage(image, skew + quarter);
    const result = await pool.recognize(turned.pnm, { signal: options.signal, onProgress: (p) => report(p, 'recognizing') });
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
