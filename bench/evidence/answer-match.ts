/**
 * When a retrieved chunk answers a question: it comes from the question's
 * document and holds the answer passage. Both texts are normalised alike:
 * Unicode NFKC (ligatures such as "ﬁ" in PDF text become "fi"), curly
 * quotes and dashes made plain, every whitespace run one space, lower
 * case. The chunk holds the passage when it contains it whole; or, where
 * chunking cut the passage between two chunks, when the chunk contains an
 * unbroken part of the passage at least 60% of its length (and at least
 * 60 characters): the chunk carries most of the answer, and the reader
 * opens it at that place. `strict` reports whole containment alone.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Length of the longest run of characters the two texts share. */
function longestCommonRun(a: string, b: string): number {
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : 0;
      if (row[j]! > best) best = row[j]!;
    }
    [prev, row] = [row, prev];
  }
  return best;
}

export const PART_SHARE = 0.6;
export const PART_MIN_CHARS = 60;

export function holdsAnswer(chunkText: string, passage: string): { strict: boolean; loose: boolean } {
  const chunk = normalizeForMatch(chunkText);
  const answer = normalizeForMatch(passage);
  if (chunk.includes(answer)) return { strict: true, loose: true };
  const need = Math.min(answer.length, Math.max(PART_MIN_CHARS, Math.ceil(answer.length * PART_SHARE)));
  return { strict: false, loose: longestCommonRun(answer, chunk) >= need };
}
