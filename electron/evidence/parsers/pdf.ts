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
      if (text.trim()) lines.push({ text: text.trim(), size, page });
      text = '';
      size = 0;
    }
  }
  if (text.trim()) lines.push({ text: text.trim(), size, page });
  return lines;
}

/** Body size: the size most characters are set in. Larger, short lines are headings, by size rank. */
function sectionsOf(lines: readonly Line[]): Section[] {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(round(line.size), (weight.get(round(line.size)) ?? 0) + line.text.length);
  const body = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const headingSizes = [...weight.keys()].filter((s) => s > body * 1.12).sort((a, b) => b - a);
  const sections: Section[] = [];
  const headings = new HeadingStack();
  let text: string[] = [];
  let page = lines[0]!.page;
  const flush = () => {
    const joined = tidy(text.join('\n'));
    if (joined) sections.push({ headings: headings.headings, text: joined, page });
    text = [];
  };
  for (const line of lines) {
    const level = headingSizes.indexOf(round(line.size));
    if (level >= 0 && line.text.length <= 120) {
      flush();
      headings.enter(level + 1, line.text);
      page = line.page;
    } else {
      if (text.length === 0) page = line.page;
      text.push(line.text);
    }
  }
  flush();
  return sections;
}

function round(size: number): number {
  return Math.round(size * 2) / 2;
}
