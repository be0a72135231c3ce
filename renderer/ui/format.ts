import { formatDay, formatQuantity, type DateStyle } from '../../electron/api/clinical-format';

/**
 * Dates and quantities as a clinician reads them: unambiguous day-month-year
 * ("12 Mar 2019"), never "03/12/19". Pure functions, no DOM.
 *
 * FHIR gives dates at several precisions: "2019", "2019-03", "2019-03-12" or
 * a date-time with an offset. A date without a time is a calendar date, not
 * UTC midnight, so it is never shifted by the local time zone.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function monthName(monthIndex: number): string {
  return MONTHS[((monthIndex % 12) + 12) % 12] ?? '';
}

export type Precision = 'year' | 'month' | 'day' | 'time';

export interface ParsedDate {
  /** Milliseconds since the epoch; date-only values are local midnight. */
  readonly ms: number;
  readonly precision: Precision;
  readonly year: number;
  /** 0-11 */
  readonly month: number;
  readonly day: number;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Parses a FHIR / ISO 8601 date or date-time; null when it is not one. */
export function parseIsoDate(value: string | null | undefined): ParsedDate | null {
  if (!value) return null;
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) - 1 : 0;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  if (m[4] !== undefined) {
    const ms = Date.parse(normaliseDateTime(value.trim()));
    if (Number.isNaN(ms)) return null;
    const d = new Date(ms);
    return { ms, precision: 'time', year: d.getFullYear(), month: d.getMonth(), day: d.getDate() };
  }
  const local = new Date(year, month, day);
  // new Date(y, m, d) maps years 0-99 to 1900-1999; set the year explicitly.
  local.setFullYear(year, month, day);
  const precision: Precision = m[3] ? 'day' : m[2] ? 'month' : 'year';
  return { ms: local.getTime(), precision, year, month, day };
}

function normaliseDateTime(value: string): string {
  let v = value.replace(' ', 'T');
  // "+0100" -> "+01:00" so every engine parses it.
  v = v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  // No offset: treat as local time (Date.parse does for date-times without Z).
  return v;
}

/** Milliseconds since the epoch, or null. */
export function isoToMs(value: string | null | undefined): number | null {
  return parseIsoDate(value)?.ms ?? null;
}

let dateStyle: DateStyle = 'dmy';

/** The one date style of the app (settings-store.ts sets it; day month year until then). */
export function setDateStyle(style: DateStyle): void {
  dateStyle = style;
}

export function currentDateStyle(): DateStyle {
  return dateStyle;
}

/** "12 Mar 2019", "Mar 2019" or "2019" depending on what the source knew, in the app's date style. */
export function formatDate(value: string | null | undefined, fallback = '—'): string {
  const p = parseIsoDate(value);
  if (!p) return value ? value : fallback;
  const iso = p.precision === 'year' ? String(p.year) : p.precision === 'month' ? `${p.year}-${pad2(p.month + 1)}` : `${p.year}-${pad2(p.month + 1)}-${pad2(p.day)}`;
  return formatDay(iso, dateStyle);
}

/** "12 Mar 2019, 14:05" (local time) for date-times; the date alone otherwise. */
export function formatDateTime(value: string | null | undefined, fallback = '—'): string {
  const p = parseIsoDate(value);
  if (!p) return value ? value : fallback;
  if (p.precision !== 'time') return formatDate(value, fallback);
  return formatMsDateTime(p.ms);
}

export function formatMsDate(ms: number): string {
  const d = new Date(ms);
  return formatDay(`${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`, dateStyle);
}

export function formatMsDateTime(ms: number): string {
  const d = new Date(ms);
  return `${formatMsDate(ms)}, ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date range: "12 Mar 2019 – 4 Apr 2020", "12 Mar 2019 – ongoing". */
export function formatRange(start: string | null, end: string | null, ongoing: boolean): string {
  const s = formatDate(start, 'unknown date');
  if (ongoing) return `${s} – ongoing`;
  if (!end || end === start) return s;
  // An encounter from 09:10 to 09:40 happened on one day: say the day once.
  const e = formatDate(end);
  return e === s ? s : `${s} – ${e}`;
}

/**
 * Age in words, as a chart header shows it: "64 y", "3 y 2 mo", "5 mo", "12 d".
 * `at` defaults to now; for a deceased patient pass the date of death.
 */
export function formatAge(birthDate: string | null | undefined, at: Date = new Date()): string | null {
  const b = parseIsoDate(birthDate);
  if (!b) return null;
  let years = at.getFullYear() - b.year;
  let months = at.getMonth() - b.month;
  let days = at.getDate() - b.day;
  if (days < 0) {
    months -= 1;
    days += new Date(at.getFullYear(), at.getMonth(), 0).getDate();
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  if (years < 0) return null;
  if (years >= 5) return `${years} y`;
  if (years >= 1) return months > 0 ? `${years} y ${months} mo` : `${years} y`;
  if (months >= 1) return `${months} mo`;
  return `${Math.max(0, days)} d`;
}

/** "Female", "Male", "Other", "Unknown"; null stays null. */
export function formatSex(sex: string | null | undefined): string | null {
  if (!sex) return null;
  const s = sex.trim().toLowerCase();
  if (s === 'male' || s === 'm') return 'Male';
  if (s === 'female' || s === 'f') return 'Female';
  if (s === 'other') return 'Other';
  if (s === 'unknown') return 'Unknown';
  return sex.charAt(0).toUpperCase() + sex.slice(1);
}

/** 1234 -> "1,234" without relying on the host's locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 result", "3 results". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A number as measured: no float noise ("5.800000001" -> "5.8"); see electron/api/clinical-format.ts. */
export function formatValue(value: number, decimals?: number | null): string {
  return formatQuantity(value, decimals);
}

/** "ExplanationOfBenefit" -> "Explanation of benefit". */
export function humaniseIdentifier(name: string): string {
  const spaced = name
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Words for a coded status ("entered-in-error" -> "Entered in error"). */
export function formatStatus(status: string | null | undefined): string | null {
  if (!status) return null;
  return humaniseIdentifier(status);
}

/** An idle time in words: "10 minutes", "1 minute", "45 seconds". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) {
    const seconds = Math.max(1, Math.round(minutes * 60));
    return plural(seconds, 'second');
  }
  const whole = Math.round(minutes * 10) / 10;
  return `${whole} minute${whole === 1 ? '' : 's'}`;
}
