import { foldName } from '../../electron/api/ocr-name-fold';
import type { OcrWordView, ProposalView } from '../../electron/api/ocr-schemas';

/** Words below this confidence (0-100) are listed for review, unless the clinician moves it. */
export const DEFAULT_THRESHOLD = 75;

export type Band = 'low' | 'mid' | 'high' | 'corrected';

/** How a word is shaded: below the threshold, up to 90, above; corrected words apart. */
export function band(word: OcrWordView, threshold: number): Band {
  if (word.corrected) return 'corrected';
  if (word.confidence < threshold) return 'low';
  if (word.confidence < 90) return 'mid';
  return 'high';
}

/** Indices of the doubtful words, in reading order (line, then left to right). */
export function doubtful(words: readonly OcrWordView[], threshold: number): number[] {
  return words
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => !w.corrected && w.confidence < threshold)
    .sort((a, b) => a.w.line - b.w.line || a.w.box.x - b.w.box.x)
    .map(({ i }) => i);
}

/** The next (or previous) doubtful word after `current`, wrapping round; null when none. */
export function step(list: readonly number[], current: number | null, direction: 1 | -1): number | null {
  if (list.length === 0) return null;
  const at = current === null ? -1 : list.indexOf(current);
  if (at < 0) return direction === 1 ? list[0]! : list[list.length - 1]!;
  return list[(at + direction + list.length) % list.length]!;
}

/** Lines of word indices, in reading order, for the recognized text beside the image. */
export function lines(words: readonly OcrWordView[]): number[][] {
  const out = new Map<number, number[]>();
  words.forEach((w, i) => {
    const line = out.get(w.line) ?? [];
    line.push(i);
    out.set(w.line, line);
  });
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l.sort((a, b) => words[a]!.box.x - words[b]!.box.x));
}

function num(n: number | null): string {
  return n === null ? '' : String(n);
}

/** What a proposal was matched to, in words a clinician reads at a glance. */
export function matchedText(p: ProposalView): string {
  switch (p.kind) {
    case 'lab': {
      const range = p.refLow !== null || p.refHigh !== null ? ` (range ${num(p.refLow)}–${num(p.refHigh)})` : '';
      return `${p.display}${p.loinc ? ` [LOINC ${p.loinc}]` : ''}: ${p.comparator ?? ''}${p.value} ${p.ucum ?? `${p.unit} (unit not recognised)`}${range}${p.date ? ` · ${p.date}` : ' · no date'}`;
    }
    case 'vital':
      return `${p.vital.replace('-', ' ')}: ${p.value}${p.value2 !== null ? `/${p.value2}` : ''} ${p.ucum}${p.date ? ` · ${p.date}` : ''}`;
    case 'medication':
      return [p.name, p.strength, p.dose, p.frequency].filter(Boolean).join(' · ');
    case 'date':
      return `${p.role} date ${p.date}${p.alternative ? ` (or ${p.alternative}: day and month could be swapped; the clinic's order was used)` : ''}`;
    case 'name':
      return `${p.role}: ${p.name}`;
    case 'diagnosis':
      return `${p.system} ${p.code}`;
  }
}

export const KIND_LABEL: Record<ProposalView['kind'], string> = { lab: 'Lab result', vital: 'Vital sign', medication: 'Medication', date: 'Date', name: 'Name', diagnosis: 'Diagnosis' };


/** The printed name matched only by similarity (OCR changed a letter or two): the pane says so. */
export function nearMatch(p: ProposalView): string | null {
  if (p.kind === 'lab') return foldName(p.analyte) === p.matchedName ? null : `Printed name read as “${p.analyte}”, taken to be ${p.matchedName}: check it.`;
  if (p.kind === 'medication') return foldName(p.matchedName) === foldName(p.name) ? null : `Read as “${p.matchedName}”, taken to be ${p.name}: check it.`;
  return null;
}
