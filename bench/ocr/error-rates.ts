import { editDistance } from '../../electron/text/edit-distance';

/** Character and word error rates in percent, over all pages together (whitespace runs count as one space). */
export interface ErrorRates {
  cer: number;
  wer: number;
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

export function errorRates(pages: readonly { truth: string; read: string }[]): ErrorRates {
  let chars = 0;
  let charErrors = 0;
  let words = 0;
  let wordErrors = 0;
  for (const { truth, read } of pages) {
    const t = norm(truth);
    const r = norm(read);
    chars += t.length;
    charErrors += editDistance([...t], [...r]);
    const tw = t.split(' ');
    words += tw.length;
    wordErrors += editDistance(tw, r.split(' '));
  }
  return { cer: chars === 0 ? 0 : (100 * charErrors) / chars, wer: words === 0 ? 0 : (100 * wordErrors) / words };
}
