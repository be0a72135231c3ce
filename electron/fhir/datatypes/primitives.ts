import { fhirDefinitions, type PrimitiveName } from './definitions';

/**
 * FHIR R4 primitive values, as the specification defines them: the regex of
 * each string type (definitions.ts, from the official schema) and what the
 * specification's datatype and JSON pages say besides it, which a regex
 * cannot carry:
 * - date, dateTime, instant: "Dates SHALL be valid dates" (no 30 February);
 * - integer: 32 bits, -2,147,483,648 to 2,147,483,647; positiveInt from 1,
 *   unsignedInt from 0, both to 2,147,483,647; decimal: a JSON number;
 * - strings: not empty ("" is no value in FHIR JSON), at most 1 MB, and no
 *   characters below U+0020 other than tab, CR and LF;
 * - code: "no whitespace other than single spaces in the contents" (its
 *   regex, [^\s]+(\s[^\s]+)*, would let one tab or line break through).
 * A problem is described without quoting the value (it is patient data).
 */

const INT_MAX = 2_147_483_647;
const INT_MIN = -2_147_483_648;
const MAX_STRING = 1024 * 1024;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u;

/** What each type looks like, for the one-line refusal. */
const EXPECTED: Record<PrimitiveName, string> = {
  base64Binary: 'base64 text',
  boolean: 'true or false',
  canonical: 'a URI without spaces',
  code: 'a code (no leading, trailing or double spaces)',
  date: 'YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date',
  dateTime: 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, a real calendar date',
  decimal: 'a number',
  id: '1-64 letters, digits, "-" or "."',
  instant: 'YYYY-MM-DDThh:mm:ss with a time zone, a real calendar date',
  integer: 'a whole number from -2147483648 to 2147483647',
  markdown: 'text',
  oid: 'urn:oid: and an OID',
  positiveInt: 'a whole number from 1 to 2147483647',
  string: 'text',
  time: 'hh:mm:ss',
  unsignedInt: 'a whole number from 0 to 2147483647',
  uri: 'a URI without spaces',
  url: 'a URL without spaces',
  uuid: 'urn:uuid: and a lower-case UUID',
  xhtml: 'XHTML text',
};

/** Null when `value` is a valid FHIR `type`; else what is wrong, in words that quote nothing of the value. */
export function checkPrimitive(type: PrimitiveName, value: unknown): string | null {
  const def = fhirDefinitions().primitives.get(type)!;
  if (def.jsonType === 'boolean') return typeof value === 'boolean' ? null : invalid(type);
  if (def.jsonType === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(type, typeof value === 'string' ? 'a string; FHIR JSON writes numbers without quotes' : undefined);
    if (type === 'decimal') return null;
    const low = type === 'positiveInt' ? 1 : type === 'unsignedInt' ? 0 : INT_MIN;
    return Number.isInteger(value) && value >= low && value <= INT_MAX ? null : invalid(type);
  }
  if (typeof value !== 'string') return invalid(type, typeof value === 'number' ? 'a number; FHIR JSON writes this type as a string' : undefined);
  if (value === '') return invalid(type, 'an empty string (FHIR has no empty values; leave the element out)');
  if (value.length > MAX_STRING) return invalid(type, 'longer than 1 MB');
  if (CONTROL.test(value)) return invalid(type, 'holds control characters');
  if (def.pattern && !def.pattern.test(value)) return invalid(type);
  if (type === 'code' && /[\t\r\n]/.test(value)) return invalid(type);
  if ((type === 'date' || type === 'dateTime' || type === 'instant') && !realCalendarDate(value)) return invalid(type, 'no such day in the calendar');
  return null;
}

/** (A plain function, not a closure made per call: the import runs this for every value of every resource.) */
function invalid(type: PrimitiveName, why?: string): string {
  return `not a FHIR ${type}: ${why ?? `expected ${EXPECTED[type]}`}`;
}

/** The day of a YYYY-MM-DD prefix exists (the regex allows 31 in every month). */
function realCalendarDate(value: string): boolean {
  if (value.length < 10) return true;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return day <= daysIn(year, month);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The span of time a valid date, dateTime or instant stands for, in ms since 1970, the end exclusive:
 * a partial date covers its whole year, month or day, a time its second. `zoned`: whether it has a
 * time and so a zone; a date without one is read in UTC (the caller widens it where it meets a zoned value).
 */
export function timeSpan(value: string): { readonly earliest: number; readonly latest: number; readonly zoned: boolean } {
  const [datePart, timePart] = value.split('T') as [string, string | undefined];
  const [y, m, d] = datePart.split('-').map(Number) as [number, number | undefined, number | undefined];
  const start = utc(y, (m ?? 1) - 1, d ?? 1);
  if (timePart !== undefined) {
    const at = Date.parse(`${datePart}T${timePart}`);
    // Precise to the second; a leap second (60) does not parse: then the whole day, in any zone.
    return Number.isNaN(at) ? { earliest: start - 14 * HOUR, latest: start + 36 * HOUR, zoned: true } : { earliest: at, latest: at + 1000, zoned: true };
  }
  const end = m === undefined ? utc(y + 1, 0, 1) : d === undefined ? utc(y, m, 1) : start + 24 * HOUR;
  return { earliest: start, latest: end, zoned: false };
}

export const HOUR = 3_600_000;

/** Date.UTC, but years 0-99 are those years (Date.UTC reads them as 1900-1999). */
function utc(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}
