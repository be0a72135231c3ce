import type { OcrPool } from './engine';
import { OcrError, throwIfAborted } from './errors';
import { ocrImage } from './ocr-image';
import { imageSize } from './raster';
import { inspectTiff, tiffRaster, type TiffPageInfo } from './tiff';
import type { OcrOptions, OcrPage } from './types';

/**
 * A TIFF's words, page by page. Pages `tiff` decodes become the same raster
 * as a PNG (deskew, orientation, page image kept), a pool's worth at a time.
 * A file whose first page it cannot decode (fax compression) goes to
 * Leptonica inside tesseract, which reads only the first page: the page
 * carries a notice saying so. Pages after the first that cannot be decoded
 * end the reading there, with a notice; nothing is dropped silently.
 */
export async function recognizeTiff(pool: OcrPool, bytes: Buffer, label: string, options: OcrOptions): Promise<OcrPage[]> {
  const pages = inspectTiff(bytes, label, options.maxPages ?? 200);
  const first = pages[0]!;
  if (first.unreadable) return [await leptonicaFirstPage(pool, bytes, label, first, pages.length, options)];
  const stop = pages.findIndex((p) => p.unreadable !== null);
  const readable = stop < 0 ? pages : pages.slice(0, stop);
  // Our own signal, so that a page that fails to decode stops the pages already queued.
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const inner: OcrOptions = { ...options, signal: controller.signal };
  const jobs: Promise<OcrPage>[] = [];
  try {
    for (const info of readable) {
      throwIfAborted(inner.signal);
      jobs.push(ocrImage(pool, tiffRaster(bytes, info, label), info.page, () => readable.length, inner));
      // At most a pool's worth of decoded pages in memory.
      if (jobs.length % pool.size === 0) await Promise.all(jobs);
    }
    const out = await Promise.all(jobs);
    if (stop >= 0) {
      const missing = pages[stop]!;
      out[0]!.notice = `Only pages 1–${stop} of ${pages.length} were read: page ${missing.page} uses ${missing.unreadable}, which Continuum cannot decode after a file's first page. Scan the remaining pages again as PDF or PNG.`;
    }
    return out;
  } catch (error) {
    controller.abort();
    await Promise.allSettled(jobs);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}

async function leptonicaFirstPage(pool: OcrPool, bytes: Buffer, label: string, first: TiffPageInfo, total: number, options: OcrOptions): Promise<OcrPage> {
  throwIfAborted(options.signal);
  const report = (progress: number, status: string) => options.onProgress?.({ page: 1, pages: 1, progress, status });
  report(0, `reading (${first.unreadable})`);
  let result;
  try {
    result = await pool.recognize(bytes, { signal: options.signal, leptonica: true, onProgress: (p) => report(p, 'recognizing') });
  } catch (error) {
    if (error instanceof OcrError) throw error;
    throw new OcrError('unsupported', `${label}: page 1 of the TIFF uses ${first.unreadable} and could not be decoded; scan it again as PDF or PNG`);
  }
  report(1, 'done');
  const size = result.page ? imageSize(result.page.png) : null;
  const notice =
    total > 1
      ? `Only page 1 of ${total} was read: this TIFF uses ${first.unreadable}, which Continuum reads on a file's first page only. Scan the other pages again as PDF or PNG.`
      : undefined;
  return {
    page: 1,
    width: size?.width ?? Math.max(0, ...result.words.map((w) => w.box.x + w.box.w)),
    height: size?.height ?? Math.max(0, ...result.words.map((w) => w.box.y + w.box.h)),
    source: 'ocr',
    rotation: result.page?.rotation ?? 0,
    confidence: result.confidence,
    text: result.text,
    words: result.words,
    ...(result.page ? { image: result.page.png } : {}),
    ...(notice ? { notice } : {}),
  };
}
