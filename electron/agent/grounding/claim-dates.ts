import type { Span } from './claim-text';

/**
 * Dates in a claim, in the forms clinicians and models write them, each read
 * as the range of days it names: "2019-08-29" one day, "Aug 2019" a month,
 * "in 2019" a year, "mid-2019" April to September. A record's date supports
 * the claim when it falls inside that range.
 *
 * Numeric dates with both parts up to 12 ("08/03/2019") are read in the
 * clinic's date order (month first unless set otherwise); the other reading
 * is kept as `other`, so that a date that only matches it can be reported
 * as ambiguous rather than passed or called wrong.
 */
export type DateOrder = 'mdy' | 'dmy';

export interface ClaimDate extends Span {
  /** First and last ISO day of the range named. */
  readonly from: string;
  readonly to: string;
  readonly precision: 'day' | 'month' | 'year' | 'period';
  /** For "Nine days before the March 9, 2021 check-up", the date it counts from: what follows it names that event, not what the offset dates. */
  readonly anchor?: Span;
  /** For an ambiguous numeric date, the range under the other date order. */
  readonly other?: { readonly from: string; readonly to: string };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "((?:19|20)\\d{2}|'\\d{2})";

interface Pattern {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray, order: DateOrder) => Omit<ClaimDate, 'start' | 'end'> | null;
}

const PATTERNS: readonly Pattern[] = [
  // ISO day or datetime, and ISO with slashes
  { re: /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, read: (m) => day(+m[1]!, +m[2]!, +m[3]!) },
  // the 29th of August 2019, 29th of August, 2019
  { re: new RegExp(`\\b(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'), read: (m) => day(year(m[3]!), month(m[2]!), +m[1]!) },
  // August 29th, 2019; Aug 29 2019; Aug. 29, 2019
  { re: new RegExp(`\\b${MONTH}\\s+(?:the\\s+)?${DAY},?\\s+${YEAR}\\b`, 'gi'), read: (m) => day(year(m[3]!), month(m[1]!), +m[2]!) },
  // 29-Aug-2019, 29/Aug/2019
  { re: new RegExp(`\\b${DAY}[-/ ]${MONTH}[-/ ]${YEAR}\\b`, 'gi'), read: (m) => day(year(m[3]!), month(m[2]!), +m[1]!) },
  // a span of years: "2016–2021", "2011-2020"
  { re: /\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b(?![-/.]\d)/g, read: (m) => (+m[2]! >= +m[1]! ? { from: `${m[1]}-01-01`, to: `${m[2]}-12-31`, precision: 'period' } : null) },
  // "stable 2013 to 2019": two bare years joined by "to" are a span of years too (a value is not written so); not "May 2012 to 2014".
  { re: new RegExp(`(?<!\\bfrom\\s+)(?<!\\b${MONTH.replace('(', '(?:')}\\s+)\\b((?:19|20)\\d{2})\\s+(?:to|through|thru|until)\\s+((?:19|20)\\d{2})\\b(?![-/.]\\d)`, 'gi'), read: (m) => (+m[2]! > +m[1]! ? { from: `${m[1]}-01-01`, to: `${m[2]}-12-31`, precision: 'period' } : null) },
  // numeric: 08/29/2019, 29.08.2019, 8-29-19
  { re: /\b(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2}|\d{2})\b/g, read: (m, order) => numeric(+m[1]!, +m[3]!, m[4]!, order) },
  // early/mid/late October 2004: a part of the month
  { re: new RegExp(`\\b(early|mid|late)[-\\s]+${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'), read: (m) => partOfMonth(m[1]!.toLowerCase(), year(m[3]!), month(m[2]!)) },
  // early/mid/late 2019, mid-2019
  { re: new RegExp(`\\b(early|mid|late|end of|beginning of|start of|the end of|the start of)[-\\s]+${YEAR}\\b`, 'gi'), read: (m) => part(m[1]!.toLowerCase(), year(m[2]!)) },
  // Q3 2014, Q3-2014, 2014 Q3, 3Q 2014: a calendar quarter
  { re: /\b(?:Q([1-4])|([1-4])Q)[\s/-]*((?:19|20)\d{2})\b|\b((?:19|20)\d{2})[\s/-]*Q([1-4])\b/g, read: (m) => quarter(+(m[1] ?? m[2] ?? m[5])!, +(m[3] ?? m[4])!) },
  // spring/summer/autumn/fall/winter 2019
  { re: new RegExp(`\\b(spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'), read: (m) => season(m[1]!.toLowerCase(), year(m[2]!)) },
  // August 2019, Aug '19, August of 2019
  { re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'), read: (m) => monthRange(year(m[2]!), month(m[1]!)) },
  // 2019-08 (not followed by another -dd)
  { re: /\b((?:19|20)\d{2})-(\d{2})\b(?!-\d)/g, read: (m) => monthRange(+m[1]!, +m[2]!) },
  // 08/2019
  { re: /\b(\d{1,2})\/((?:19|20)\d{2})\b/g, read: (m) => monthRange(+m[2]!, +m[1]!) },
  // A year alone where it reads as one: after a preposition of time, at the start before a colon,
  // in parentheses, or in a span ("2011-2020", "2011 to 2020").
  {
    re: /(?:(?<=\b(?:labs|bloods|vitals|in|since|during|of|from|to|until|till|by|between|and|through|before|after|year|around|circa|c\.|ca\.|drawn|measured|recorded|checked|obtained|dated|taken|noted|done|performed|diagnosed|dx|started|stopped|placed|given|administered|onset|again|ended|resolved|prescribed|ordered|seen|began|begun|initiated|discontinued|completed|received|last|first|early|late|mid|her|his|their|the|this|that|its|over|coded|documented|recorded|then)\s+)|^|(?<=[([])|(?<=[,:;—–•·]\s)|(?<=[A-Za-z]\s)(?=(?:19|20)\d{2}(?:[,;)]|\.(?!\d)|$))|(?<=\b(?:19|20)\d{2}\s*[-–]\s*))((?:19|20)\d{2})\b(?=\s*[-–]\s*(?:19|20)\d{2}|\s*[:),.;\]]|\s|$)(?!\s*(?:mg|g|kg|ml|mcg|units?|iu|mmol|%|lb|cm|mmhg|mm)\b)/gi,
    read: (m) => yearRange(+m[1]!),
  },
];

/** The dates written in a text, leftmost-longest, not overlapping. */
export function datesIn(text: string, order: DateOrder = 'mdy'): ClaimDate[] {
  const found = writtenDates(text, order);
  const withYearless = [...found, ...yearlessDates(text, found)].sort((a, b) => a.start - b.start);
  return [...withYearless, ...sameDateReferences(text, withYearless), ...offsetDates(text, withYearless)].sort((a, b) => a.start - b.start);
}

const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
/** How far "N weeks before" may be from the exact day: a count of weeks, months or years is rounded by whoever writes it. */
const SLACK_DAYS: Record<string, number> = { day: 0, week: 3, month: 15, year: 182 };
const DAYS_IN: Record<string, number> = { day: 1, week: 7 };
const OFFSET = new RegExp(`\\b(\\d{1,3}|${Object.keys(COUNTS).join('|')})\\s+(day|week|month|year)s?\\s+(before|after|prior to)\\s+(?:the\\s+)?(?:[\\w'-]+\\s+){0,5}?$`, 'i');

/**
 * "Nine days before the March 9, 2021 check-up", "13 weeks after the visit of
 * 30 September 2020": the day the offset names, counted from the day-precise
 * date that follows it (which stays a date of its own, of the event it names).
 */
function offsetDates(text: string, dates: readonly ClaimDate[]): ClaimDate[] {
  const found: ClaimDate[] = [];
  for (const anchor of dates) {
    if (anchor.precision !== 'day') continue;
    const before = text.slice(Math.max(0, anchor.start - 90), anchor.start);
    const m = OFFSET.exec(before);
    if (!m || dates.some((d) => d !== anchor && d.end > anchor.start - before.length + m.index && d.start < anchor.start)) continue;
    const count = COUNTS[m[1]!.toLowerCase()] ?? Number(m[1]);
    const unit = m[2]!.toLowerCase();
    const sign = m[3]!.toLowerCase() === 'after' ? 1 : -1;
    const at = new Date(`${anchor.from}T00:00:00Z`);
    if (unit in DAYS_IN) at.setUTCDate(at.getUTCDate() + sign * count * DAYS_IN[unit]!);
    else if (unit === 'month') at.setUTCMonth(at.getUTCMonth() + sign * count);
    else at.setUTCFullYear(at.getUTCFullYear() + sign * count);
    const shift = (days: number) => new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const start = anchor.start - before.length + m.index;
    const phrase = m[0].search(/\s+(?:before|after|prior to)\b/i);
    found.push({ start, end: start + m[0].indexOf(m[3]!, phrase) + m[3]!.length, from: shift(-SLACK_DAYS[unit]!), to: shift(SLACK_DAYS[unit]!), precision: unit === 'day' ? 'day' : 'period', anchor: { start: anchor.start, end: anchor.end } });
  }
  return found;
}

/**
 * "(29 Oct)", "(17 June)", "between Aug and Nov 1982", "the 1970s": a day
 * or month written without its year takes the year of the nearest full date
 * written in the same claim (after it, else before it); a decade is its ten years.
 */
// Compiled once: these name every month spelling, and a claim is parsed on every streamed token.
const YEARLESS: Array<[RegExp, (m: RegExpMatchArray, y: number) => Omit<ClaimDate, 'start' | 'end'> | null]> = [
  [new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?![\\s,]*(?:of\\s+)?(?:\\d|'))`, 'gi'), (m, y) => day(y, month(m[2]!), +m[1]!)],
  [new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?![\\s,]*(?:\\d|'))`, 'gi'), (m, y) => day(y, month(m[1]!), +m[2]!)],
  [new RegExp(`(?<=\\(|\\band\\s|\\bbetween\\s|\\bin\\s|\\bby\\s)${MONTH}(?![a-z])(?![\\s,]*(?:of\\s+)?(?:\\d|'))`, 'gi'), (m, y) => monthRange(y, month(m[1]!))],
];

function yearlessDates(text: string, dated: readonly ClaimDate[]): ClaimDate[] {
  const found: ClaimDate[] = [];
  const free = (start: number, end: number) => !dated.some((d) => start < d.end && end > d.start) && !found.some((d) => start < d.end && end > d.start);
  for (const m of text.matchAll(/\b(?:the\s+)?((?:19|20)\d)0s\b/gi)) {
    const start = m.index!;
    if (!free(start, start + m[0].length)) continue;
    const decade = +m[1]! * 10;
    found.push({ start, end: start + m[0].length, from: `${decade}-01-01`, to: `${decade + 9}-12-31`, precision: 'period' });
  }
  const withYear = dated.filter((d) => d.precision !== 'period' || /\d{4}/.test(text.slice(d.start, d.end)));
  if (withYear.length === 0) return found;
  const yearNear = (at: number) => (withYear.find((d) => d.start >= at) ?? [...withYear].reverse().find((d) => d.end <= at))!.from.slice(0, 4);
  for (const [re, read] of YEARLESS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const r = read(m, +yearNear(start));
      if (r) found.push({ start, end, ...r });
    }
  }
  return found;
}

/**
 * "the same day", "that month", "at that visit": the date written before it
 * again, at the precision named.
 */
function sameDateReferences(text: string, dates: readonly ClaimDate[]): ClaimDate[] {
  const found: ClaimDate[] = [];
  const re = /\b(?:(?:on|in|at|during)\s+)?(?:the\s+same|that\s+same|that|the\s+very\s+same)\s+(day|date|month|year|visit|encounter|time|occasion)\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const previous = [...dates].filter((d) => d.end <= m!.index).pop();
    if (!previous) continue;
    const unit = m[1]!.toLowerCase();
    const range = unit === 'month' ? monthRange(+previous.from.slice(0, 4), +previous.from.slice(5, 7))! : unit === 'year' ? yearRange(+previous.from.slice(0, 4)) : { from: previous.from, to: previous.to, precision: previous.precision };
    found.push({ start: m.index, end: m.index + m[0].length, ...range });
  }
  return found;
}

function writtenDates(text: string, order: DateOrder): ClaimDate[] {
  const found: ClaimDate[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((d) => start < d.end && end > d.start)) continue;
      const read = pattern.read(m, order);
      if (read) found.push({ start, end, ...read });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}


/** Whether an ISO day or datetime falls in a claim date's range (its primary reading). */
export function dateCovers(date: Pick<ClaimDate, 'from' | 'to'>, iso: string | null): boolean {
  if (!iso) return false;
  const d = iso.slice(0, 10);
  return d >= date.from && d <= date.to;
}

function year(written: string): number {
  if (written.startsWith("'")) {
    const yy = +written.slice(1);
    return yy > 50 ? 1900 + yy : 2000 + yy;
  }
  return +written;
}

function month(written: string): number {
  return MONTHS.indexOf(written.slice(0, 3).toLowerCase()) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function day(y: number, m: number, d: number): Omit<ClaimDate, 'start' | 'end'> | null {
  if (!valid(y, m, d)) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return { from: iso, to: iso, precision: 'day' };
}

function numeric(first: number, second: number, writtenYear: string, order: DateOrder): Omit<ClaimDate, 'start' | 'end'> | null {
  const y = writtenYear.length === 2 ? (+writtenYear > 50 ? 1900 : 2000) + +writtenYear : +writtenYear;
  const mdy = day(y, first, second);
  const dmy = day(y, second, first);
  if (mdy && !dmy) return mdy;
  if (dmy && !mdy) return dmy;
  if (!mdy || !dmy) return null;
  if (mdy.from === dmy.from) return mdy;
  const [primary, other] = order === 'mdy' ? [mdy, dmy] : [dmy, mdy];
  return { ...primary, other: { from: other.from, to: other.to } };
}

function monthRange(y: number, m: number): Omit<ClaimDate, 'start' | 'end'> | null {
  if (m < 1 || m > 12) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}`, precision: 'month' };
}

function yearRange(y: number): Omit<ClaimDate, 'start' | 'end'> {
  return { from: `${y}-01-01`, to: `${y}-12-31`, precision: 'year' };
}

function part(which: string, y: number): Omit<ClaimDate, 'start' | 'end'> {
  const months: Record<string, [number, number]> = {
    early: [1, 4],
    'beginning of': [1, 3],
    'start of': [1, 3],
    'the start of': [1, 3],
    mid: [4, 9],
    late: [9, 12],
    'end of': [10, 12],
    'the end of': [10, 12],
  };
  const [a, b] = months[which] ?? [1, 12];
  return { from: `${y}-${pad(a)}-01`, to: monthRange(y, b)!.to, precision: 'period' };
}

function partOfMonth(which: string, y: number, m: number): Omit<ClaimDate, 'start' | 'end'> | null {
  const range = monthRange(y, m);
  if (!range) return null;
  const last = +range.to.slice(8);
  const [a, b] = which === 'early' ? [1, 10] : which === 'mid' ? [10, 20] : [20, last];
  return { from: `${y}-${pad(m)}-${pad(a)}`, to: `${y}-${pad(m)}-${pad(b)}`, precision: 'period' };
}

function quarter(q: number, y: number): Omit<ClaimDate, 'start' | 'end'> {
  return { from: `${y}-${pad(3 * q - 2)}-01`, to: monthRange(y, 3 * q)!.to, precision: 'period' };
}

function season(which: string, y: number): Omit<ClaimDate, 'start' | 'end'> {
  // Northern-hemisphere meteorological seasons; winter of a year is its December to the next February.
  const ranges: Record<string, [number, number, number]> = { spring: [3, 5, 0], summer: [6, 8, 0], autumn: [9, 11, 0], fall: [9, 11, 0], winter: [12, 2, 1] };
  const [a, b, next] = ranges[which]!;
  return { from: `${y}-${pad(a)}-01`, to: monthRange(y + next, b)!.to, precision: 'period' };
}
