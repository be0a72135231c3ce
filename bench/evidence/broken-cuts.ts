/**
 * Chunk boundaries that split what a reader takes as one thing, counted
 * without the chunker's own rules: between two chunks of one section, a
 * number cut in two ("2." | "5 mg"), a number cut from its unit ("40" |
 * "mg"), or a cut right after an abbreviation ("U.S." | "Food"). The test
 * and eval:evidence count these over the whole starter library.
 */
export interface ChunkRow {
  readonly sourceId: number;
  readonly ord: number;
  readonly section: string;
  readonly text: string;
}

export interface BrokenCut {
  readonly sourceId: number;
  readonly ord: number;
  readonly kind: 'number' | 'unit' | 'abbreviation';
  readonly around: string;
}

const UNITS = /^(mg|mcg|µg|g|kg|ml|mL|L|dL|mmol|meq|mEq|units?|IU|mm|mmHg|%|m2|MME)\b/;
const ABBREVIATION = /(?:\bU\.S|\be\.g|\bi\.e|\bDr|\bvs|\bet al|\bNo)\.$/;

export function brokenCuts(chunks: readonly ChunkRow[]): BrokenCut[] {
  const out: BrokenCut[] = [];
  const sorted = [...chunks].sort((a, b) => a.sourceId - b.sourceId || a.ord - b.ord);
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (prev.sourceId !== next.sourceId || !oneText(prev.section, next.section)) continue;
    const left = prev.text.trimEnd();
    const right = next.text.trimStart();
    const around = `${left.slice(-20)} | ${right.slice(0, 20)}`;
    if (/\d[.,]?$/.test(left) && /^[.,]?\d/.test(right)) out.push({ sourceId: next.sourceId, ord: next.ord, kind: 'number', around });
    else if (/\d$/.test(left) && UNITS.test(right)) out.push({ sourceId: next.sourceId, ord: next.ord, kind: 'unit', around });
    else if (ABBREVIATION.test(left)) out.push({ sourceId: next.sourceId, ord: next.ord, kind: 'abbreviation', around });
  }
  return out;
}

/**
 * Whether two chunks' sections may be one text cut in two: the same
 * section, or one under a run-in heading that the other is not under
 * (chunk.ts names a chunk's run-in heading after its section's path; a cut
 * mid-text can fall between a chunk before the first run-in heading and
 * one after it). Two different run-in headings are not compared: the
 * sections of a PDF label look alike ("5.1" | "5.2") and their numbers
 * would be counted as cut.
 */
function oneText(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a} > `) || a.startsWith(`${b} > `);
}
