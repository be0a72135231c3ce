/**
 * A document as the library stores it: sections of text under their
 * headings. Every parser (Markdown, HTML, text, PDF) produces this, and
 * chunking works on it alone.
 */
export interface Section {
  /** The headings above the text, outermost first. */
  readonly headings: readonly string[];
  readonly text: string;
  /** PDF page the section starts on. */
  readonly page?: number;
  /** For a section that runs over pages: the offset in `text` where each page begins. */
  readonly pageStarts?: ReadonlyArray<{ readonly offset: number; readonly page: number }>;
  /**
   * Headings inside the text, as a run-in line of their own (a bold-only
   * paragraph heading a group of recommendations), with the offset in
   * `text` where each line begins: chunks are cut before one rather than
   * after it, and a chunk's section names the one it falls under.
   */
  readonly subheadings?: ReadonlyArray<{ readonly offset: number; readonly text: string }>;
}

/** Headings as one line: "Hypertension > Treatment". */
export function sectionPath(headings: readonly string[]): string {
  return headings.join(' > ');
}

/** Collapses runs of whitespace so that chunk text and search snippets read cleanly. */
export function tidy(text: string): string {
  return text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Keeps a stack of headings by level as a parser walks down a document. */
export class HeadingStack {
  private readonly stack: Array<{ level: number; text: string }> = [];

  enter(level: number, text: string): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    this.stack.push({ level, text });
  }

  get headings(): string[] {
    return this.stack.map((h) => h.text);
  }
}

/** Marks a run-in heading's line in a parser's text until markedSubheadings() takes the marks out. */
export const SUBHEADING_MARK = '\u0001';

/** A section's text without the marks, and where each marked line (a run-in heading) begins in it. */
export function markedSubheadings(marked: string): { text: string; subheadings: Array<{ offset: number; text: string }> } {
  const subheadings: Array<{ offset: number; text: string }> = [];
  let text = '';
  for (const [i, part] of marked.split(SUBHEADING_MARK).entries()) {
    // Odd parts are the headings' lines (the mark opens and closes each).
    if (i % 2 === 1 && part.trim()) subheadings.push({ offset: text.length, text: part.trim() });
    text += part;
  }
  return { text, subheadings };
}
