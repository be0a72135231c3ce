import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import { openPdf, PdfOpenError } from '../pdf/open-pdf';
import { OcrError, throwIfAborted } from './errors';
import type { OcrWord } from './types';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export type PdfPage =
  | { kind: 'text'; page: number; width: number; height: number; words: OcrWord[] }
  | { kind: 'image'; page: number; image: Image };

/** Render scale for scanned pages: 2 = 144 dpi. */
const RENDER_SCALE = 2;
/** A page with fewer text-layer characters than this is treated as a scan. */
const MIN_TEXT = 20;

/**
 * The pages of a PDF, one at a time: a page with a text layer gives its words
 * (boxes from PDF.js's text positions, in points scaled by RENDER_SCALE),
 * a page without is rasterized with PDF.js onto an @napi-rs/canvas for OCR.
 */
export async function* pdfPages(bytes: Uint8Array, label: string, maxPages: number, signal?: AbortSignal): AsyncGenerator<PdfPage, void, undefined> {
  let document;
  try {
    document = await openPdf(bytes);
  } catch (error) {
    if (error instanceof PdfOpenError && error.reason === 'encrypted') throw new OcrError('encrypted', `${label}: the PDF is encrypted; save an unprotected copy to import it`);
    throw new OcrError('corrupt', `${label}: not a readable PDF`);
  }
  try {
    if (document.numPages === 0) throw new OcrError('empty', `${label}: the PDF has no pages`);
    if (document.numPages > maxPages) throw new OcrError('too-large', `${label}: ${document.numPages} pages; import at most ${maxPages} at a time`);
    for (let number = 1; number <= document.numPages; number += 1) {
      throwIfAborted(signal);
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: RENDER_SCALE });
      const content = await page.getTextContent();
      const items = (content.items as TextItem[]).filter((item) => typeof item.str === 'string');
      const chars = items.reduce((n, item) => n + item.str.trim().length, 0);
      if (chars >= MIN_TEXT) {
        yield { kind: 'text', page: number, width: Math.round(viewport.width), height: Math.round(viewport.height), words: textWords(items, viewport.height) };
      } else {
        const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
        yield { kind: 'image', page: number, image: await loadImage(await canvas.encode('png')) };
      }
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
}

/** Each text item split into words, with boxes in rendered page pixels (y down). */
function textWords(items: readonly TextItem[], pageHeight: number): OcrWord[] {
  const words: OcrWord[] = [];
  let line = 0;
  let lastY: number | null = null;
  for (const item of items) {
    const [, , , d = 0, e = 0, f = 0] = item.transform;
    const size = Math.abs(d) || item.height;
    const y = pageHeight - (f + size) * RENDER_SCALE;
    if (lastY !== null && Math.abs(y - lastY) > 2) line += 1;
    lastY = y;
    const charWidth = item.str.length > 0 ? item.width / item.str.length : 0;
    let offset = 0;
    for (const part of item.str.split(/(\s+)/)) {
      if (part.trim() !== '') {
        words.push({
          text: part,
          confidence: 100,
          line,
          box: { x: Math.round((e + offset * charWidth) * RENDER_SCALE), y: Math.round(y), w: Math.round(part.length * charWidth * RENDER_SCALE), h: Math.round(size * RENDER_SCALE) },
        });
      }
      offset += part.length;
    }
  }
  return words;
}
