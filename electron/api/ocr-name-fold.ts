/**
 * How a printed name is folded so that OCR's usual confusions compare equal:
 * lower case; 0 and o, 1 and l and i and |, 5 and s, "rn" and "m" merged;
 * punctuation dropped. "HbAlc", "HbA1c" and "Hb A|c" all fold to "hbalc".
 * Part of the contract because both sides need the same answer: the core
 * matches analytes and drugs with it, the review pane tells an exact match
 * from a near one with it.
 */
export function foldName(text: string): string {
  // "rn" is merged last: dropping punctuation first could make a new one ('r"n'), and folding must
  // give the same answer twice (found by the property test: 'r"N' folded to "rn", then to "m").
  return text
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/[1i|!]/g, 'l')
    .replace(/5/g, 's')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/rn/g, 'm');
}
