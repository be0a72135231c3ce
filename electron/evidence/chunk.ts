import { safeCut, sentenceEnds } from './sentence-ends';
import { sectionPath, type Section } from './section';

export interface Chunk {
  readonly section: string;
  readonly page: number | null;
  readonly text: string;
}

/** About a screenful: long enough to carry a recommendation with its context, short enough to cite precisely. */
export const CHUNK_CHARS = 1200;
/** A cut is not taken before this much text: a chunk of a few words cites nothing. */
const MIN_CHUNK = Math.round(CHUNK_CHARS * 0.4);

/**
 * Sections into chunks: a short section is one chunk; a long one is cut
 * into pieces of at most CHUNK_CHARS, each a verbatim slice of the section
 * (so a quote from a chunk is a quote from the document) under the
 * section's headings. Cuts fall, in order of preference, at a paragraph
 * end, a line end, a sentence end, a clause end, then a space; never inside
 * a number, between a number and its unit, or after an abbreviation.
 * A PDF chunk carries the page its text starts on.
 */
export function chunkSections(sections: readonly Section[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const path = sectionPath(section.headings) || '(untitled)';
    for (const [start, end] of cuts(section.text, section.subheadings ?? [])) {
      const raw = section.text.slice(start, end);
      const text = raw.trim();
      const at = start + (raw.length - raw.trimStart().length);
      if (text) chunks.push({ section: subheadingAt(section, at, path), page: pageAt(section, at), text });
    }
  }
  return chunks;
}

/** The section's path, and the run-in heading the text at `offset` falls under, if any. */
function subheadingAt(section: Section, offset: number, path: string): string {
  let under: string | null = null;
  for (const h of section.subheadings ?? []) if (h.offset <= offset) under = h.text;
  return under ? sectionPath([path, under]) : path;
}

function pageAt(section: Section, offset: number): number | null {
  if (!section.pageStarts?.length) return section.page ?? null;
  let page = section.page ?? section.pageStarts[0]!.page;
  for (const mark of section.pageStarts) if (mark.offset <= offset) page = mark.page;
  return page;
}

/**
 * Candidate cut offsets with their rank: 5 before a run-in heading, 4
 * paragraph, 3 line, 2 sentence, 1 clause, 0 space; never between a run-in
 * heading and its text.
 */
function candidates(text: string, subheadings: Subheadings): Map<number, number> {
  const rank = new Map<number, number>();
  const add = (at: number, r: number) => {
    if (at > 0 && at < text.length && (rank.get(at) ?? -1) < r && safeCut(text.slice(Math.max(0, at - 40), at), text.slice(at, at + 40))) rank.set(at, r);
  };
  for (const m of text.matchAll(/\s+/g)) {
    const at = m.index + m[0].length;
    const gap = m[0];
    add(at, /\n\s*\n/.test(gap) ? 4 : gap.includes('\n') ? 3 : /[;:]$/.test(text.slice(0, m.index)) ? 1 : 0);
  }
  for (const at of sentenceEnds(text)) add(at, 2);
  for (const h of subheadings) {
    add(h.offset, 5);
    let next = h.offset + h.text.length;
    while (next < text.length && /\s/.test(text[next]!)) next += 1;
    for (let at = h.offset + 1; at <= next; at += 1) rank.delete(at);
  }
  return rank;
}

type Subheadings = NonNullable<Section['subheadings']>;

/** [start, end) offsets of the chunks of one section's text. */
function cuts(text: string, subheadings: Subheadings): Array<[number, number]> {
  if (text.length <= CHUNK_CHARS) return [[0, text.length]];
  const rank = candidates(text, subheadings);
  const sorted = [...rank.keys()].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > CHUNK_CHARS) {
    const limit = start + CHUNK_CHARS;
    let best = -1;
    let bestRank = -1;
    for (const at of sorted) {
      if (at <= start + MIN_CHUNK) continue;
      if (at > limit) break;
      const r = rank.get(at)!;
      if (r >= bestRank) {
        best = at;
        bestRank = r;
      }
    }
    // No safe place within a chunk's length (a giant token): cut at the limit rather than make a chunk without end.
    if (best < 0) best = sorted.find((at) => at > start + MIN_CHUNK && at <= limit) ?? limit;
    out.push([start, best]);
    start = best;
  }
  out.push([start, text.length]);
  return out;
}
