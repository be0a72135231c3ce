import { HeadingStack, tidy, type Section } from '../section';

/**
 * Plain text has no markup, so headings are guessed the way a reader
 * would: a short line in capitals, or a numbered line ("2.1 Treatment"),
 * standing alone between blank lines. Otherwise the whole text is one
 * section and the chunker splits it by paragraphs.
 */
export function parsePlainText(source: string): Section[] {
  const sections: Section[] = [];
  const headings = new HeadingStack();
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  let text: string[] = [];
  const flush = () => {
    const joined = tidy(text.join('\n\n'));
    if (joined) sections.push({ headings: headings.headings, text: joined });
    text = [];
  };
  for (const block of blocks) {
    const trimmed = block.trim();
    const heading = headingOf(trimmed);
    if (heading) {
      flush();
      headings.enter(heading.level, heading.text);
    } else if (trimmed) {
      text.push(trimmed);
    }
  }
  flush();
  return sections;
}

function headingOf(block: string): { level: number; text: string } | null {
  if (block.includes('\n') || block.length > 90 || block.length < 3) return null;
  const numbered = /^(\d+(?:\.\d+){0,3})\.?\s+([A-Z].*)$/.exec(block);
  if (numbered && !/[.:;,]$/.test(block)) return { level: numbered[1]!.split('.').length, text: block };
  // A line in capitals titles the document or a part of it: above numbered headings.
  if (/^[A-Z0-9][A-Z0-9 ,&/()'-]+$/.test(block) && /[A-Z]{3}/.test(block)) return { level: 0, text: block };
  return null;
}
