import type { Box, OcrPage, OcrWord } from '../types';
import { ANALYTES, foldName, type AnalyteEntry } from './loinc';
import { editDistance } from '../../text/edit-distance';
import { isUnit, toUcum } from './ucum';

/** What extraction read and where: the words a proposal was built from. */
export interface Evidence {
  page: number;
  boxes: Box[];
  /** The words as OCR read them, e.g. "HbAlc 6.1 %". */
  read: string;
}

export type Proposal = {
  id: string;
  confidence: number;
  evidence: Evidence;
  /** What extraction restored that the page did not say plainly (the review pane asks the clinician to check it). */
  repaired?: string | null;
} & (
  | {
      kind: 'lab';
      analyte: string;
      /** What the printed name was matched to (the review pane shows both). */
      matchedName: string;
      loinc: string | null;
      display: string;
      value: number;
      comparator: '<' | '>' | null;
      unit: string;
      ucum: string | null;
      refLow: number | null;
      refHigh: number | null;
      date: string | null;
    }
  | { kind: 'medication'; name: string; matchedName: string; strength: string | null; dose: string | null; frequency: string | null }
  | { kind: 'vital'; vital: 'blood-pressure' | 'heart-rate' | 'temperature' | 'oxygen-saturation'; loinc: string; value: number; value2: number | null; ucum: string; date: string | null }
  | { kind: 'date'; role: 'specimen' | 'report' | 'admission' | 'document' | 'birth'; date: string }
);

interface Line {
  page: number;
  words: OcrWord[];
}

/** Words grouped into visual lines by vertical overlap, left to right (tesseract may split a table row into blocks). */
export function visualLines(page: OcrPage): Line[] {
  const sorted = [...page.words].sort((a, b) => a.box.y + a.box.h / 2 - (b.box.y + b.box.h / 2));
  const lines: { centre: number; height: number; words: OcrWord[] }[] = [];
  for (const word of sorted) {
    const centre = word.box.y + word.box.h / 2;
    const last = lines[lines.length - 1];
    if (last && Math.abs(centre - last.centre) < Math.max(last.height, word.box.h) * 0.5) {
      last.words.push(word);
      last.centre = (last.centre * (last.words.length - 1) + centre) / last.words.length;
      last.height = Math.max(last.height, word.box.h);
    } else lines.push({ centre, height: word.box.h, words: [word] });
  }
  return lines.map((l) => ({ page: page.page, words: l.words.sort((a, b) => a.box.x - b.box.x) }));
}

/** "O.8l" → "0.81": letters OCR reads for digits, only inside a token that is otherwise numeric. */
export function numeric(token: string): { value: number; comparator: '<' | '>' | null } | null {
  const fixed = token
    .replace(/[oO]/g, '0')
    .replace(/[lI|!]/g, '1')
    .replace(/[sS]/g, '5')
    .replace(/,/g, '.');
  const match = /^([<>])?(\d+(?:\.\d+)?)$/.exec(fixed);
  if (!match) return null;
  const value = Number(match[2]);
  // 400 digits read from a smudge parse to Infinity: not a value anyone printed.
  if (!Number.isFinite(value)) return null;
  return { value, comparator: (match[1] as '<' | '>' | undefined) ?? null };
}


/** The analyte a line starts with: the longest name matching the first 1-3 words, one edit allowed in names of 6+ letters. */
function matchAnalyte(words: readonly OcrWord[]): { entry: AnalyteEntry; name: string; used: number } | null {
  let best: { entry: AnalyteEntry; name: string; used: number; score: number } | null = null;
  for (let used = Math.min(3, words.length); used >= 1; used -= 1) {
    const printed = foldName(words.slice(0, used).map((w) => w.text).join(' '));
    if (printed === '') continue;
    for (const entry of ANALYTES) {
      for (const name of entry.names) {
        const d = editDistance(printed, name);
        const allowed = name.length >= 6 ? 1 : 0;
        if (d <= allowed) {
          const score = name.length - d * 3;
          if (!best || score > best.score) best = { entry, name, used, score };
        }
      }
    }
  }
  return best;
}

const DATE = /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;

function isoDate(text: string): string | null {
  const m = DATE.exec(text.replace(/[oO]/g, '0'));
  if (!m) return null;
  const [y, mo, d] = m[1] ? [m[1], m[2]!, m[3]!] : [m[6]!, m[5]!.padStart(2, '0'), m[4]!.padStart(2, '0')];
  const date = `${y}-${mo}-${d}`;
  // Date.parse rolls 2023-02-29 over to 1 March: only a date that round-trips is a real one.
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
}

const DRUGS = ['metformin', 'lisinopril', 'atorvastatin', 'amlodipine', 'levothyroxine', 'omeprazole', 'amoxicillin', 'furosemide', 'simvastatin', 'ramipril', 'bisoprolol', 'aspirin', 'paracetamol', 'ibuprofen', 'warfarin', 'apixaban', 'insulin', 'salbutamol', 'sertraline', 'prednisolone'];
const FREQUENCY = /\b(once daily|twice daily|three times daily|four times daily|at night|every morning|as needed|od|bd|tds|qds|prn)\b/i;

let counter = 0;
function nextId(kind: string, page: number): string {
  counter += 1;
  return `${kind}-p${page}-${counter}`;
}

function evidence(page: number, words: readonly OcrWord[]): Evidence {
  return { page, boxes: words.map((w) => w.box), read: words.map((w) => w.text).join(' ') };
}

function meanConfidence(words: readonly OcrWord[]): number {
  return words.length === 0 ? 0 : Math.round(words.reduce((s, w) => s + w.confidence, 0) / words.length);
}

/**
 * Proposals from a document's words: lab results, medications, vital signs
 * and dates, each with the page and word boxes it was read from. Proposals
 * only: nothing here writes to the record.
 */
export function extract(pages: readonly OcrPage[]): Proposal[] {
  const proposals: Proposal[] = [];
  const lines = pages.flatMap(visualLines);
  let documentDate: string | null = null;
  for (const line of lines) {
    const text = line.words.map((w) => w.text).join(' ');
    const date = isoDate(text);
    if (!date) continue;
    const lower = text.toLowerCase();
    const role = /collect|specimen|sample/.test(lower) ? 'specimen' : /report/.test(lower) ? 'report' : /admit/.test(lower) ? 'admission' : /dob|birth/.test(lower) ? 'birth' : 'document';
    if (role !== 'birth' && (documentDate === null || role === 'specimen')) documentDate = date;
    const words = line.words.filter((w) => isoDate(w.text) !== null);
    proposals.push({ id: nextId('date', line.page), kind: 'date', role, date, confidence: meanConfidence(words), evidence: evidence(line.page, words.length ? words : line.words) });
  }
  for (const line of lines) {
    proposals.push(...labFrom(line, documentDate), ...medicationFrom(line), ...vitalsFrom(line, documentDate));
  }
  return proposals;
}

function labFrom(line: Line, date: string | null): Proposal[] {
  const match = matchAnalyte(line.words);
  if (!match) return [];
  const rest = line.words.slice(match.used);
  const valueIndex = rest.findIndex((w) => numeric(w.text) !== null);
  if (valueIndex < 0 || valueIndex > 1) return [];
  const value = numeric(rest[valueIndex]!.text)!;
  // A unit OCR split in two ("10^3/uL" read as "107 3/uL") is joined back.
  const first = rest[valueIndex + 1];
  const second = rest[valueIndex + 2];
  let unitWords: OcrWord[] = [];
  if (first && isUnit(first.text)) unitWords = [first];
  else if (first && second && isUnit(first.text + second.text)) unitWords = [first, second];
  else if (first && second && rest[valueIndex + 3] && isUnit(first.text + second.text + rest[valueIndex + 3]!.text)) unitWords = [first, second, rest[valueIndex + 3]!];
  if (unitWords.length === 0) return [];
  const unitWord: OcrWord = { ...unitWords[0]!, text: unitWords.map((w) => w.text).join('') };
  const rangeWords = rest.slice(valueIndex + 1 + unitWords.length);
  const printedRange = parseRange(rangeWords.map((w) => w.text).join(' '));
  const { range, repaired } = restoreRangeDecimals(value.value, printedRange);
  const used = [...line.words.slice(0, match.used), rest[valueIndex]!, ...unitWords, ...rangeWords];
  return [
    {
      id: nextId('lab', line.page),
      kind: 'lab',
      analyte: line.words.slice(0, match.used).map((w) => w.text).join(' '),
      matchedName: match.name,
      loinc: match.entry.loinc,
      display: match.entry.display,
      value: value.value,
      comparator: value.comparator,
      unit: unitWord.text,
      ucum: toUcum(unitWord.text),
      refLow: range.low,
      refHigh: range.high,
      date,
      confidence: meanConfidence(used),
      evidence: evidence(line.page, used),
      repaired,
    },
  ];
}

/**
 * A reference range whose decimal points OCR dropped ("3.5-5.0" read as
 * "35-50"): when the value lies far outside the range as read (beyond 3x) and
 * well inside it with both bounds divided by 10 or 100, the divided range is
 * used, and the proposal says so for the clinician to check. Anything less
 * clear is left as read.
 */
export function restoreRangeDecimals(
  value: number,
  range: { low: number | null; high: number | null },
): { range: { low: number | null; high: number | null }; repaired: string | null } {
  const { low, high } = range;
  if (low === null || high === null || !(low < high) || value <= 0) return { range, repaired: null };
  const near = (lo: number, hi: number) => value >= lo / 3 && value <= hi * 3;
  if (near(low, high)) return { range, repaired: null };
  for (const divisor of [10, 100]) {
    const lo = low / divisor;
    const hi = high / divisor;
    if (Number.isInteger(low) && Number.isInteger(high) && value >= lo / 1.5 && value <= hi * 1.5) {
      const fixed = { low: Number(lo.toFixed(2)), high: Number(hi.toFixed(2)) };
      return { range: fixed, repaired: `range read as ${low}-${high}; decimal points restored to ${fixed.low}-${fixed.high}` };
    }
  }
  return { range, repaired: null };
}

export function parseRange(text: string): { low: number | null; high: number | null } {
  const fixed = text.replace(/[oO]/g, '0').replace(/[lI|]/g, '1').replace(/,/g, '.').replace(/[–—~]/g, '-');
  // A bound too long to be a number (Infinity) is left out rather than proposed.
  const bound = (digits: string | undefined): number | null => (Number.isFinite(Number(digits)) ? Number(digits) : null);
  const between = /(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)/.exec(fixed);
  if (between) return { low: bound(between[1]), high: bound(between[2]) };
  const upper = /<\s*=?\s*(\d+(?:\.\d+)?)/.exec(fixed);
  if (upper) return { low: null, high: bound(upper[1]) };
  const lower = />\s*=?\s*(\d+(?:\.\d+)?)/.exec(fixed);
  if (lower) return { low: bound(lower[1]), high: null };
  return { low: null, high: null };
}

function medicationFrom(line: Line): Proposal[] {
  const out: Proposal[] = [];
  line.words.forEach((word, i) => {
    const folded = foldName(word.text);
    if (folded.length < 4) return;
    const drug = DRUGS.find((d) => editDistance(folded, foldName(d)) <= (d.length >= 7 ? 1 : 0));
    if (!drug) return;
    const after = line.words.slice(i + 1, i + 12);
    const afterText = after.map((w) => w.text).join(' ');
    const strength = /^(\d+(?:[.,]\d+)?)\s*(mg|mcg|µg|g|ml|units?)\b/i.exec(afterText.replace(/[oO](?=\d|\s*m)/g, '0'));
    const dose = /\btake\s+(\d+\s+\w+)/i.exec(afterText);
    const frequency = FREQUENCY.exec(afterText);
    const used = [word, ...after.slice(0, strength ? 2 : 0)];
    out.push({
      id: nextId('med', line.page),
      kind: 'medication',
      name: drug.charAt(0).toUpperCase() + drug.slice(1),
      matchedName: word.text,
      strength: strength ? `${strength[1]!.replace(',', '.')} ${strength[2]!.toLowerCase()}` : null,
      dose: dose ? dose[1]! : null,
      frequency: frequency ? frequency[1]!.toLowerCase() : null,
      confidence: meanConfidence(used),
      evidence: evidence(line.page, used),
    });
  });
  return out;
}

function vitalsFrom(line: Line, date: string | null): Proposal[] {
  const out: Proposal[] = [];
  const words = line.words;
  const find = (pattern: RegExp, span: number, build: (m: RegExpExecArray, used: OcrWord[]) => Proposal | null) => {
    for (let i = 0; i < words.length; i += 1) {
      const used = words.slice(i, i + span);
      const m = pattern.exec(used.map((w) => w.text).join(' '));
      if (m) {
        const p = build(m, used);
        if (p) out.push(p);
        return;
      }
    }
  };
  const base = (used: OcrWord[]) => ({ id: nextId('vital', line.page), confidence: meanConfidence(used), evidence: evidence(line.page, used), date });
  find(/^(?:BP|blood pressure)\s*:?\s*(\d{2,3})\/(\d{2,3})/i, 3, (m, used) => ({ ...base(used), kind: 'vital', vital: 'blood-pressure', loinc: '85354-9', value: Number(m[1]), value2: Number(m[2]), ucum: 'mm[Hg]' }));
  find(/^(?:pulse|HR|heart rate)\s*:?\s*(\d{2,3})\s*(?:bpm|\/min)/i, 3, (m, used) => ({ ...base(used), kind: 'vital', vital: 'heart-rate', loinc: '8867-4', value: Number(m[1]), value2: null, ucum: '/min' }));
  find(/^(?:temperature|temp)\s*:?\s*(\d{2}(?:\.\d)?)\s*°?\s*C\b/i, 3, (m, used) => ({ ...base(used), kind: 'vital', vital: 'temperature', loinc: '8310-5', value: Number(m[1]), value2: null, ucum: 'Cel' }));
  find(/^SpO2\s*:?\s*(\d{2,3})\s*%/i, 2, (m, used) => ({ ...base(used), kind: 'vital', vital: 'oxygen-saturation', loinc: '59408-5', value: Number(m[1]), value2: null, ucum: '%' }));
  return out;
}
