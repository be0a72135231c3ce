import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type { PDFDocumentProxy as PdfDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Why a PDF could not be opened: each caller words it for its own users. */
export class PdfOpenError extends Error {
  constructor(readonly reason: 'encrypted' | 'unreadable', readonly detail: string) {
    super(`${reason}: ${detail}`);
  }
}

/**
 * Opens a PDF with PDF.js (Mozilla's, no native code) the one way the app
 * allows: in Node its "worker" runs in-process from the package's own file,
 * no eval, no system or web fonts, nothing fetched. The evidence library
 * and OCR both read PDFs through this.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const require = createRequire(import.meta.url);
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  try {
    // A copy PDF.js may transfer, and a plain Uint8Array: PDF.js refuses a Node Buffer (Buffer.slice is a Buffer too),
    // which is what a file read gives (`continuum ocr letter.pdf` refused every PDF as unreadable).
    return await pdfjs.getDocument({ data: Uint8Array.from(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name ?? 'unknown error';
    throw new PdfOpenError(name === 'PasswordException' ? 'encrypted' : 'unreadable', name);
  }
}
