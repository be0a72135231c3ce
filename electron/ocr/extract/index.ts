import { drugVocabulary, type Ingredient } from '../../clinical/drugs';
import type { Box, OcrPage, OcrWord } from '../types';
import { findDates, type DateOrder } from './dates';
import { findDiagnosisCodes } from './diagnoses';
import { findNames, type NameRole } from './names';
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
  | {
      kind: 'medication';
      /** The RxNorm ingredient(s), as the record names them ("Ibuprofen"). */
      name: string;
      /** The name as printed and matched ("Motrin"). */
      matchedName: string;
      strength: string | null;
      dose: string | null;
      frequency: string | null;
    }
  | { kind: 'vital'; vital: 'blood-pressure' | 'heart-rate' | 'temperature' | 'oxygen-saturation'; loinc: string; value: number; value2: number | null; ucum: string; date: string | null }
  | {
      kind: 'date';
      role: DateRole;
      date: string;
      /** The other reading of a date whose day and month could be swapped (07-08-2020), for the clinician to choose. */
      alternative?: string | null;
    }
  | { kind: 'name'; role: NameRole; name: string }
  | { kind: 'diagnosis'; system: 'ICD-10-CM'; code: string }
);

export type DateRole = 'specimen' | 'report' | 'admission' | 'discharge' | 'service' | 'onset' | 'document' | 'birth';

/** How a clinic reads paperwork: the order of day and month in numeric dates (vault setting ocr.dateOrder). */
export interface ExtractOptions {
  readonly dateOrder?: DateOrder;
  /** Today, for two-digit years (65 -> 1965, 21 -> 2021). */
  readonly today?: Date;
}

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

const FREQUENCY = /\b(once daily|twice daily|three times daily|four times daily|once a day|twice a day|once\/week|once a week|weekly|daily|at night|every morning|as needed|od|bd|bid|tid|qid|tds|qds|prn|qhs)\b/i;

/** A date's role from the words before it on its line: "Admitted:", "DOB", "SIGNED ... DATE". */
function dateRole(before: string, above = ''): DateRole {
  const own = roleOf(before);
  // A form prints the label above its box ("BIRTH DATE" over "7-20-1975"): with no label before it, the line above names it.
  return own === 'document' && !/[a-z]{3}/i.test(before.replace(/\bdate\b/gi, '')) && above ? roleOf(above) : own;
}

function roleOf(before: string): DateRole {
  const lower = before.toLowerCase();
  const last = (pattern: RegExp) => {
    let at = -1;
    for (const m of lower.matchAll(pattern)) at = m.index;
    return at;
  };
  const roles: Array<[DateRole, number]> = [
    ['specimen', last(/collect|specimen|sample/g)],
    ['report', last(/report/g)],
    ['admission', last(/admi(?:t|ssion)/g)],
    ['discharge', last(/discharg/g)],
    ['birth', last(/\bdob\b|birth|born/g)],
    ['onset', last(/symptom|illness|onset|injury/g)],
    ['service', last(/service|visit|\bdos\b|encounter/g)],
  ];
  const [role, at] = roles.sort((a, b) => b[1] - a[1])[0]!;
  return at >= 0 ? role : 'document';
}

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
export function extract(pages: readonly OcrPage[], options: ExtractOptions = {}): Proposal[] {
  const proposals: Proposal[] = [];
  const lines = pages.flatMap(visualLines);
  let documentDate: string | null = null;
  lines.forEach((line, index) => {
    const text = line.words.map((w) => w.text).join(' ');
    const above = index > 0 && lines[index - 1]!.page === line.page ? lines[index - 1]!.words.map((w) => w.text).join(' ') : '';
    for (const found of findDates(text, options.dateOrder, options.today)) {
      const role = dateRole(text.slice(0, found.start), above);
      if (role !== 'birth' && (documentDate === null || role === 'specimen')) documentDate = found.date;
      const words = wordsIn(line.words, found.start, found.end);
      proposals.push({ id: nextId('date', line.page), kind: 'date', role, date: found.date, alternative: found.alternative, confidence: meanConfidence(words), evidence: evidence(line.page, words) });
    }
  });
  const texts = lines.map((line) => line.words.map((w) => w.text).join(' '));
  for (const name of findNames(texts)) {
    const line = lines[name.line]!;
    const words = wordsIn(line.words, name.start, name.end);
    proposals.push({ id: nextId('name', line.page), kind: 'name', role: name.role, name: name.name, confidence: meanConfidence(words), evidence: evidence(line.page, words) });
  }
  for (const code of findDiagnosisCodes(texts)) {
    const line = lines[code.line]!;
    const words = wordsIn(line.words, code.start, code.end);
    proposals.push({ id: nextId('dx', line.page), kind: 'diagnosis', system: 'ICD-10-CM', code: code.code, confidence: meanConfidence(words), evidence: evidence(line.page, words) });
  }
  for (const line of lines) {
    proposals.push(...labFrom(line, documentDate), ...medicationFrom(line), ...vitalsFrom(line, documentDate));
  }
  return proposals;
}

/** The words of a line that a span of its joined text (words joined by one space) covers. */
function wordsIn(words: readonly OcrWord[], start: number, end: number): OcrWord[] {
  const out: OcrWord[] = [];
  let at = 0;
  for (const word of words) {
    const wordEnd = at + word.text.length;
    if (wordEnd > start && at < end) out.push(word);
    at = wordEnd + 1;
  }
  return out.length > 0 ? out : [...words];
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

/** Names of drugs to look for, folded as OCR text is, with what they stand for; built once. */
let drugNames: Array<{ folded: string; ingredients: readonly Ingredient[]; via: string }> | null = null;
function knownDrugNames() {
  drugNames ??= drugVocabulary()
    .names()
    .filter((n) => n.name.replace(/ /g, '').length >= 4)
    .map((n) => ({ folded: foldName(n.name), ingredients: n.ingredients, via: n.via }));
  return drugNames;
}

/** Words that say a line is about medicines: a brand name alone is taken only on such a line (brands can be surnames). */
const MEDICATION_CUE = /\b(?:meds?|medications?|medicines?|rx|drugs?|mg|mcg|tablets?|tabs?|capsules?|take|taking|daily|once|twice|prn|dose)\b/i;

/**
 * Medicines on a line, by the drug vocabulary (RxNorm ingredients, brands,
 * synonyms): a printed name matched exactly, or with one letter OCR got
 * wrong in a name of seven letters or more. Strength, dose and frequency
 * from the words after it.
 */
function medicationFrom(line: Line): Proposal[] {
  const out: Proposal[] = [];
  const text = line.words.map((w) => w.text).join(' ');
  const cue = MEDICATION_CUE.test(text);
  const names = knownDrugNames();
  for (let i = 0; i < line.words.length; i += 1) {
    // Up to three words form a name ("insulin glargine", "penicillin v", "MS Contin").
    let best: { used: number; entry: (typeof names)[number]; distance: number } | null = null;
    for (let used = Math.min(3, line.words.length - i); used >= 1 && !best; used -= 1) {
      const folded = foldName(line.words.slice(i, i + used).map((w) => w.text).join(' '));
      if (folded.replace(/ /g, '').length < 4) continue;
      for (const entry of names) {
        if (Math.abs(entry.folded.length - folded.length) > 1) continue;
        const distance = entry.folded === folded ? 0 : entry.folded.length >= 7 ? editDistance(folded, entry.folded) : 9;
        if (distance <= 1 && (!best || distance < best.distance)) best = { used, entry, distance };
      }
    }
    if (!best) continue;
    if (best.entry.via === 'brand' && !cue) continue;
    const matched = line.words.slice(i, i + best.used);
    const after = line.words.slice(i + best.used, i + best.used + 11);
    const afterText = after.map((w) => w.text).join(' ');
    const strength = /^(?:\w+\s+){0,2}?(\d+(?:[.,]\d+)?)\s*(mg|mcg|µg|g|ml|units?)\b/i.exec(afterText.replace(/[oO](?=\d|\s*m)/g, '0'));
    const dose = /\btake\s+(\d+\s+\w+)/i.exec(afterText);
    const frequency = FREQUENCY.exec(afterText);
    const used = [...matched, ...after.slice(0, strength ? 2 : 0)];
    const ingredients = best.entry.ingredients.map((n) => n.name.charAt(0).toUpperCase() + n.name.slice(1)).join(' / ');
    out.push({
      id: nextId('med', line.page),
      kind: 'medication',
      name: ingredients,
      matchedName: matched.map((w) => w.text).join(' '),
      strength: strength ? `${strength[1]!.replace(',', '.')} ${strength[2]!.toLowerCase()}` : null,
      dose: dose ? dose[1]! : null,
      frequency: frequency ? frequency[1]!.toLowerCase() : null,
      confidence: meanConfidence(used),
      evidence: evidence(line.page, used),
    });
    i += best.used - 1;
  }
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
