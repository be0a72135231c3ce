import type { Canvas, Image } from '@napi-rs/canvas';
import type { OcrPool } from './engine';
import { throwIfAborted } from './errors';
import { estimateSkew, turnPage } from './raster';
import type { OcrOptions, OcrPage } from './types';

/** Below this mean confidence a page is retried upside down and on its sides. */
const ORIENTATION_RETRY_BELOW = 45;
/**
 * Below this mean confidence the page is read again with automatic layout
 * (PSM 3) and the more confident reading kept: a form with fields scattered
 * over the page (a hand-filled intake form) reads poorly as one block, while
 * a table or letter, read well as one block, never pays for the second pass.
 */
const LAYOUT_RETRY_BELOW = 85;

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
  if (best && best.words.length > 0 && best.confidence < LAYOUT_RETRY_BELOW) {
    // Automatic layout, on the page as deskewed and, where it was turned, as it came: a phone
    // photo of a form is not skewed as a whole, and turning it can cost more than it gains.
    const angles = skew === 0 ? [best.rotation] : [best.rotation, best.rotation - skew];
    for (const angle of angles) {
      throwIfAborted(options.signal);
      const turned = turnPage(image, angle);
      const result = await pool.recognize(turned.pnm, { signal: options.signal, layout: 'auto' });
      // The reading with more confidently read words wins: a mean confidence alone favours a pass that drops the hard words.
      if (confidentWords(result.words) > confidentWords(best.words)) {
        best = { ...best, width: turned.width, height: turned.height, rotation: angle, confidence: result.confidence, text: result.text, words: result.words, image: turned.png };
      }
    }
  }
  report(1, 'done');
  return best!;
}

/** Words read at 60 % confidence or more: how much of a page a reading got. */
function confidentWords(words: ReadonlyArray<{ confidence: number; text: string }>): number {
  return words.filter((w) => w.confidence >= 60 && /[\p{L}\p{N}]/u.test(w.text)).length;
}
