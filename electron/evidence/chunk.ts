import { sectionPath, type Section } from './section';

export interface Chunk {
  readonly section: string;
  readonly page: number | null;
  readonly text: string;
}

/** About a screenful: long enough to carry a recommendation with its context, short enough to cite precisely. */
export const CHUNK_CHARS = 1200;

/**
 * Sections into chunks: a short section is one chunk; a long one is cut
 * at paragraph ends (or, for a giant paragraph, at sentence ends) into
 * pieces of at most CHUNK_CHARS, each keeping its headings.
 */
export function chunkSections(sections: readonly Section[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const path = sectionPath(section.headings) || '(untitled)';
    for (const text of pack(section.text)) chunks.push({ section: path, page: section.page ?? null, text });
  }
  return chunks;
}

function pack(text: string): string[] {
  if (text.length <= CHUNK_CHARS) return [text];
  const pieces = text.split(/\n\s*\n|\n(?=• )/).flatMap((p) => (p.length <= CHUNK_CHARS ? [p] : sentences(p)));
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && current.length + piece.length + 2 > CHUNK_CHARS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${piece}` : piece;
  }
  if (current) out.push(current);
  return out;
}

/** A paragraph longer than a chunk, cut at sentence ends; a sentence longer than that, at CHUNK_CHARS. */
function sentences(paragraph: string): string[] {
  const parts = paragraph.match(/[^.!?]+(?:[.!?]+|$)\s*/g) ?? [paragraph];
  return parts.flatMap((s) => {
    const pieces: string[] = [];
    for (let at = 0; at < s.length; at += CHUNK_CHARS) pieces.push(s.slice(at, at + CHUNK_CHARS).trim());
    return pieces.filter(Boolean);
  });
}
