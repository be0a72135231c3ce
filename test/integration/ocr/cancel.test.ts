import { afterAll, describe, expect, it } from 'vitest';
import { OcrError, OcrPool, recognizeDocument } from '../../../electron/ocr';
import { labReport } from '../../../scripts/ocr/documents';

// In its own file (its own process): terminating a tesseract worker thread in
// the same process as an open better-sqlite3 vault ended the vitest fork.
const doc = labReport(43, { width: 800, height: 300, fontPx: 20, maxLabs: 2 });
const pool = new OcrPool(1);
afterAll(() => pool.close());

describe('OCR cancellation', () => {
  it('cancels: a page cancelled while it runs rejects and the pool keeps working', async () => {
    const controller = new AbortController();
    const cancelled = recognizeDocument(pool, doc.png, 'lab.png', {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.status === 'recognizing') controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(OcrError);
    const again = new AbortController();
    again.abort();
    await expect(recognizeDocument(pool, doc.png, 'lab.png', { signal: again.signal })).rejects.toThrow(/cancelled/);
  });

});
