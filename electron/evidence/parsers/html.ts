import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { HeadingStack, markedSubheadings, SUBHEADING_MARK, tidy, type Section } from '../section';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'footer', 'svg']);
const BLOCKS = new Set(['p', 'div', 'li', 'tr', 'br', 'section', 'article', 'table', 'ul', 'ol', 'dd', 'dt', 'blockquote', 'pre']);

/**
 * HTML split at <h1>..<h6>, parsed with parse5 (the WHATWG algorithm, so
 * broken markup reads as a browser would read it). Scripts, styles and
 * navigation are dropped; nothing is ever run or fetched.
 */
export function parseHtml(source: string): Section[] {
  const document = parse(source);
  const sections: Section[] = [];
  const headings = new HeadingStack();
  let buffer = '';
  const flush = () => {
    const { text, subheadings } = markedSubheadings(tidy(buffer));
    if (text) sections.push({ headings: headings.headings, text, ...(subheadings.length > 0 ? { subheadings } : {}) });
    buffer = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeName === '#text') {
      buffer += (node as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!('childNodes' in node)) return;
    const name = node.nodeName;
    if (SKIPPED.has(name)) return;
    const level = /^h([1-6])$/.exec(name);
    if (level) {
      flush();
      headings.enter(Number(level[1]), tidy(textOf(node as Element)).replace(/\n/g, ' '));
      return;
    }
    const runIn = runInHeading(node as Element);
    if (runIn) {
      buffer += `\n${SUBHEADING_MARK}${runIn}${SUBHEADING_MARK}\n`;
      return;
    }
    if (BLOCKS.has(name)) buffer += '\n';
    for (const child of node.childNodes) walk(child);
    if (BLOCKS.has(name)) buffer += '\n';
  };
  walk(document);
  flush();
  return sections;
}

/**
 * A paragraph that is nothing but bold text, short and not a sentence
 * ("<p><strong>Sodium Reduction</strong></p>"): a heading, as documents
 * converted from XML or word processors mark one (the NGC summaries head
 * each group of recommendations so). It stays a line of the section's text;
 * the section lists it among its subheadings.
 */
function runInHeading(node: Element): string | null {
  if (node.nodeName !== 'p') return null;
  const children = node.childNodes.filter((c) => !(c.nodeName === '#text' && !(c as DefaultTreeAdapterMap['textNode']).value.trim()));
  if (children.length !== 1 || !['strong', 'b'].includes(children[0]!.nodeName)) return null;
  const text = tidy(textOf(children[0]!)).replace(/\s+/g, ' ').replace(new RegExp(SUBHEADING_MARK, 'g'), '');
  return text && text.length <= 120 && !/[.;:!?]$/.test(text) ? text : null;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!('childNodes' in node)) return '';
  return node.childNodes.map(textOf).join('');
}
