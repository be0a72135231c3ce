import type { OcrWord } from './types';

/**
 * The words of tesseract's TSV output (level, page, block, paragraph, line,
 * word, left, top, width, height, confidence, text; one row per page, block,
 * paragraph, line and word). Asking the worker for this string instead of
 * tesseract.js's `blocks` tree saves building and copying a JavaScript object
 * for every symbol of the page, about a fifth of the recognition time.
 * Lines are numbered in reading order across the page, as the review pane
 * and the extractor expect.
 */
export function wordsFromTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  let line = -1;
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const level = cells[0];
    if (level === '4') line += 1;
    if (level !== '5') continue;
    // The text is the last column; a word never holds a tab, but keep any that did.
    const text = cells.slice(11).join('\t');
    if (text.trim() === '') continue;
    const [x, y, w, h, confidence] = cells.slice(6, 11).map(Number) as [number, number, number, number, number];
    words.push({ text, confidence: Math.round(Math.max(0, confidence) * 10) / 10, box: { x, y, w, h }, line: Math.max(0, line) });
  }
  return words;
}
