import { openPdf, PdfOpenError } from '../../pdf/open-pdf';
import { EvidenceError } from '../evidence-error';
import { HeadingStack, tidy, type Section } from '../section';

interface TextItem {
  str: string;
  transform: number[];
  hasEOL: boolean;
}

interface Line {
  text: string;
  size: number;
  page: number;
}

/**
 * A PDF's text layer, read with pdfjs-dist (Mozilla's PDF.js, no native
 * code), split at lines set larger than the body text: that is how PDFs
 * mark headings, since most carry no structure tags. A PDF without a text
 * layer (a scan) is refused here: scans belong to OCR.
 */
export async function parsePdf(fileName: string, bytes: Uint8Array): Promise<Section[]> {
  let document;
  try {
    document = await openPdf(bytes);
  } catch (error) {
    if (error instanceof PdfOpenError && error.reason === 'encrypted') throw new EvidenceError(`${fileName}: the PDF is encrypted; save an unprotected copy to import it`);
    throw new EvidenceError(`${fileName}: not a readable PDF (${error instanceof PdfOpenError ? error.detail : 'unknown error'})`);
  }
  try {
    const lines: Line[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      lines.push(...linesOf(content.items as TextItem[], number));
      page.cleanup();
    }
    if (lines.length === 0) throw new EvidenceError(`${fileName}: the PDF has no text layer (a scan?); import scans as patient documents, which are read by OCR`);
    return sectionsOf(lines);
  } finally {
    await document.destroy();
  }
}

/** Text items joined into lines; a line's size is its largest glyph height. */
function linesOf(items: readonly TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let text = '';
  let size = 0;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    text += item.str;
    size = Math.max(size, Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0));
    if (item.hasEOL) {
      if (text.trim()) lines.push({ text: tidy(text), size, page });
      text = '';
      size = 0;
    }
  }
  if (text.trim()) lines.push({ text: tidy(text), size, page });
  return lines;
}

/**
 * A heading by its wording, for PDFs that set headings in the body size
 * (FDA labels do): a numbered heading ("7.3 Drugs that Increase Bleeding
 * Risk", "7 DRUG INTERACTIONS"), or a short line in capitals
 * ("INDICATIONS AND USAGE", "WARNING: BLEEDING RISK").
 */
export function headingByWording(text: string): number | null {
  if (text.length > 90 || /[.,;]$/.test(text)) return null;
  const numbered = /^(\d{1,2}(?:\.\d{1,2}){0,2})\s+([A-Z][A-Za-z]*)(.*)$/.exec(text);
  if (numbered) {
    const depth = numbered[1]!.split('.').length;
    // "7 DRUG INTERACTIONS" is a section; "2 weeks ago" or "5 Mg" in a table is not.
    if (depth === 1 && !/^[A-Z][A-Z ,&/():-]+$/.test(`${numbered[2]}${numbered[3]}`)) return null;
    if (depth > 1 && /\d/.test(numbered[2]!)) return null;
    return depth;
  }
  const words = text.split(/\s+/);
  if (words.length >= 2 && words.length <= 8 && /^[A-Z][A-Z ,&/():'-]+$/.test(text) && /[A-Z]{4}/.test(text)) return 1;
  return null;
}

/**
 * Headings by size where the PDF sets them larger than the body, else by
 * wording (headingByWording). Each section keeps the page it starts on and
 * where in its text each later page begins, so that a chunk cites its page.
 */
function sectionsOf(lines: readonly Line[]): Section[] {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(round(line.size), (weight.get(round(line.size)) ?? 0) + line.text.length);
  const body = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const headingSizes = [...weight.keys()].filter((s) => s > body * 1.12).sort((a, b) => b - a);
  // Sizes set for a document's title only do not structure it: use wording when
  // larger sizes cover under 1% of the lines.
  const bySize = lines.filter((l) => headingSizes.includes(round(l.size))).length > lines.length * 0.01;
  const sections: Section[] = [];
  const headings = new HeadingStack();
  let text: string[] = [];
  let length = 0;
  let pageStarts: Array<{ offset: number; page: number }> = [];
  let page = lines[0]!.page;
  const flush = () => {
    const joined = text.join('\n');
    if (joined.trim()) sections.push({ headings: headings.headings, text: joined, page, ...(pageStarts.length > 1 ? { pageStarts } : {}) });
    text = [];
    length = 0;
    pageStarts = [];
  };
  for (const line of lines) {
    const level = bySize ? headingSizes.indexOf(round(line.size)) + 1 || null : headingByWording(line.text);
    if (level && line.text.length <= 120) {
      flush();
      headings.enter(level, line.text);
      page = line.page;
      continue;
    }
    if (text.length === 0) page = line.page;
    if (pageStarts.length === 0 || pageStarts[pageStarts.length - 1]!.page !== line.page) pageStarts.push({ offset: length === 0 ? 0 : length + 1, page: line.page });
    length += (text.length === 0 ? 0 : 1) + line.text.length;
    text.push(line.text);
  }
  flush();
  return sections;
}

function round(size: number): number {
  return Math.round(size * 2) / 2;
}
