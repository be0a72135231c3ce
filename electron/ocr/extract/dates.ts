/**
 * Dates as paperwork prints them: ISO (2019-07-25), numeric with - / . in
 * either order (07-25-2019, 25.07.2019, 7/20/75), with a month name
 * (07-Sep-2020, 7 September 2020, April 1, 2022, Sep 7 2020), and the
 * two-digit boxes of claim forms (10 | 11 | 21). A numeric date whose day
 * and month could be swapped is read in the clinic's order and carries the
 * other reading, so the review pane shows the ambiguity instead of hiding
 * a guess; one whose first number is over 12 has only one reading.
 */
export type DateOrder = 'month-first' | 'day-first';

export interface FoundDate {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The other valid reading of an ambiguous numeric date, else null. */
  readonly alternative: string | null;
  /** Character offsets of the date in the text. */
  readonly start: number;
  readonly end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

const PATTERNS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray, order: DateOrder, pivot: number) => Omit<FoundDate, 'start' | 'end'> | null }> = [
  // 2019-07-25, 2019/07/25
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, read: (m) => one(Number(m[1]), Number(m[2]), Number(m[3])) },
  // 07-Sep-2020, 7 Sep 2020, 7 September, 2020
  { re: new RegExp(String.raw`\b(\d{1,2})[-\s/.]*${MONTH}\.?[-\s/.,]*(\d{4}|\d{2})\b`, 'gi'), read: (m, _o, pivot) => one(year(m[3]!, pivot), month(m[2]!), Number(m[1])) },
  // April 1, 2022; Sep 7 2020
  { re: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'gi'), read: (m) => one(Number(m[3]), month(m[1]!), Number(m[2])) },
  // 07-25-2019, 25/07/2019, 7/20/75, 25.07.19
  { re: /\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\b/g, read: (m, order, pivot) => numeric(Number(m[1]), Number(m[3]), year(m[4]!, pivot), order) },
  // Claim-form boxes: "10 11 21", "06 | 12 65" (two digits each, spaces or rules between).
  { re: /(?<![\d|])(\d{2})\s*[|\s]\s*(\d{2})\s*[|\s]\s*(\d{2})(?![\d|]|\s+\d)/g, read: (m, order, pivot) => numeric(Number(m[1]), Number(m[2]), year(m[3]!, pivot), order) },
];

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A two-digit year in the century that does not put it in the future (65 -> 1965, 21 -> 2021). */
function year(text: string, pivot: number): number {
  if (text.length === 4) return Number(text);
  const yy = Number(text);
  const century = Math.floor(pivot / 100) * 100;
  return yy <= pivot % 100 ? century + yy : century - 100 + yy;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // Only a date that round-trips is a real one (no 31 April, no 29 February 2023).
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
}

function one(y: number, m: number, d: number): Omit<FoundDate, 'start' | 'end'> | null {
  const date = iso(y, m, d);
  return date ? { date, alternative: null } : null;
}

function numeric(first: number, second: number, y: number, order: DateOrder): Omit<FoundDate, 'start' | 'end'> | null {
  const monthFirst = iso(y, first, second);
  const dayFirst = iso(y, second, first);
  const preferred = order === 'month-first' ? monthFirst : dayFirst;
  const other = order === 'month-first' ? dayFirst : monthFirst;
  if (preferred) return { date: preferred, alternative: other && other !== preferred ? other : null };
  return other ? { date: other, alternative: null } : null;
}

/** Every date in a line of text, left to right, none overlapping. */
export function findDates(text: string, order: DateOrder = 'month-first', today: Date = new Date()): FoundDate[] {
  const pivot = today.getUTCFullYear();
  const found: FoundDate[] = [];
  const cleaned = text.replace(/(?<=\d)[oO](?=\d)|(?<=\d[-/.])[oO]|[oO](?=\d[-/.])/g, '0');
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(cleaned); m; m = re.exec(cleaned)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const date = read(m, order, pivot);
      if (date) found.push({ ...date, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
