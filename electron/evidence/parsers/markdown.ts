import { HeadingStack, tidy, type Section } from '../section';

/**
 * Markdown split at ATX headings ("## Treatment"); fenced code is kept as
 * text and its "#" lines are not headings. Links keep their words and lose
 * their targets; emphasis marks go.
 */
export function parseMarkdown(source: string): Section[] {
  const sections: Section[] = [];
  const headings = new HeadingStack();
  let lines: string[] = [];
  let fenced = false;
  const flush = () => {
    const text = tidy(lines.map(plainInline).join('\n'));
    if (text) sections.push({ headings: headings.headings, text });
    lines = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      headings.enter(heading[1]!.length, plainInline(heading[2]!));
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/^\s*[-*+]\s+/, '• ')
    .replace(/^\s*>\s?/, '');
}
