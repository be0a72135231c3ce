/**
 * How Continuum writes dates, quantities and units for a clinician, in one
 * place for the renderer and the core (the brief, the checks, the CLI):
 * pure functions, no Node, no DOM. The record keeps ISO dates and UCUM
 * codes underneath; only their display is decided here.
 *
 * Dates come in the three styles a reader cannot misread (never 03/12/19):
 * "12 Mar 2019", "Mar 12, 2019" and "2019-03-12". The grounding verifier
 * reads all three, so a brief written in any of them is checked alike.
 */

export type DateStyle = 'dmy' | 'mdy' | 'iso';

export const DATE_STYLES: ReadonlyArray<{ readonly id: DateStyle; readonly label: string }> = [
  { id: 'dmy', label: 'Day month year (12 Mar 2019)' },
  { id: 'mdy', label: 'Month day, year (Mar 12, 2019)' },
  { id: 'iso', label: 'ISO 8601 (2019-03-12)' },
];

export function isDateStyle(value: unknown): value is DateStyle {
  return value === 'dmy' || value === 'mdy' || value === 'iso';
}

/** The style a locale writes dates in: month first in the United States and a few others, day first elsewhere. */
export function dateStyleForLocale(locale: string | null | undefined): DateStyle {
  const region = (locale ?? '').split(/[-_]/)[1]?.toUpperCase();
  return region && ['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI'].includes(region) ? 'mdy' : 'dmy';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A calendar date (or its year or month) in the given style, at the
 * precision the value has: "2019" stays a year, "2019-03" a month. A
 * date-time is cut to its day as recorded (the record's own offset), so the
 * core and the renderer write the same day for the same record. Anything
 * that is not an ISO date comes back as it was.
 */
export function formatDay(iso: string, style: DateStyle): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  const monthIndex = month ? Number(month) - 1 : -1;
  if (month && (monthIndex < 0 || monthIndex > 11)) return iso;
  if (style === 'iso') return [year, month, day].filter(Boolean).join('-');
  if (!month) return year!;
  const name = MONTHS[monthIndex]!;
  if (!day) return `${name} ${year}`;
  const d = String(Number(day));
  return style === 'mdy' ? `${name} ${d}, ${year}` : `${d} ${name} ${year}`;
}

/**
 * Decimals to show when nothing better is known of an analyte: as many as
 * three significant digits need, at most two (112.16 -> 112, 37.72 -> 37.7,
 * 4.261 -> 4.26).
 */
export function defaultDecimals(value: number): number {
  const abs = Math.abs(value);
  return abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
}

/**
 * A measured value rounded for reading. With `decimals` (an analyte's
 * precision, as laboratories print it) the trailing zeros stay: potassium
 * "4.0". Without, the value gets defaultDecimals() and no trailing zeros.
 */
export function formatQuantity(value: number, decimals?: number | null): string {
  if (!Number.isFinite(value)) return String(value);
  if (decimals !== undefined && decimals !== null) return fixed(value, decimals);
  const text = fixed(value, defaultDecimals(value));
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function fixed(value: number, decimals: number): string {
  const text = value.toFixed(Math.max(0, Math.min(6, decimals)));
  // toFixed writes -0.0 for a small negative value.
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

/** Annotations that only say what is counted ("{beats}/min"): dropped from the display. */
const COUNTING_ANNOTATION = /^\{(?:beats|breaths|beat|breath|count|cells|score|puffs|tbl|tablets?|drops?|RBCs?|WBCs?|copies|events?|#)\}$/i;

/**
 * A UCUM code as clinicians write the unit: "mm[Hg]" -> "mmHg", "Cel" ->
 * "°C", "[degF]" -> "°F", "mL/min/{1.73_m2}" -> "mL/min/1.73m²", "kg/m2" -> "kg/m²",
 * "10*3/uL" -> "10³/µL", "{beats}/min" -> "/min", "{score}" and "1" ->
 * nothing. Codes it does not know are shown as they are: the code itself is
 * never lost, only its display changes.
 */
export function displayUnit(ucum: string | null | undefined): string {
  if (!ucum) return '';
  const code = ucum.trim();
  if (code === '1' || COUNTING_ANNOTATION.test(code)) return '';
  const whole = WHOLE_UNITS[code];
  if (whole !== undefined) return whole;
  return code
    .split('/')
    .map((part, i) => displayPart(part, i))
    .join('/');
}

const WHOLE_UNITS: Readonly<Record<string, string>> = {
  Cel: '°C',
  '[degF]': '°F',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  '[ft_i]': 'ft',
  '[oz_av]': 'oz',
  '[iU]': 'IU',
  '[IU]': 'IU',
  a: 'years',
  mo: 'months',
  wk: 'weeks',
  d: 'days',
};

/** A unit's exponent as written in print: "m2" -> "m²" (UCUM writes it as a plain digit after the unit). */
function exponents(text: string): string {
  return text.replace(/([a-zA-Z\]])(-?\d)$/, (_, unit: string, exp: string) => `${unit}${[...exp].map((c) => SUPERSCRIPT[c] ?? c).join('')}`);
}

function displayPart(part: string, index: number): string {
  // An annotation that is a quantity ("{1.73_m2}" -> "1.73m²") is part of the unit; one that names what is counted is not.
  if (/^\{.*\}$/.test(part)) return COUNTING_ANNOTATION.test(part) ? '' : exponents(part.slice(1, -1).replace(/_/g, ''));
  let text = part.replace(/\{[^}]*\}/g, '');
  text = text.replace(/^10\*(-?\d+)/, (_, exp: string) => `10${[...exp].map((c) => SUPERSCRIPT[c] ?? c).join('')}`);
  text = text.replace(/\[([^\]]*)\]/g, (_, inner: string) => inner.replace(/_.*$/, ''));
  // The micro prefix: UCUM writes u, people write µ ("umol/L" -> "µmol/L"); never on a lone "u" or "U" (units).
  if (/^u(?=[a-zA-Z])/.test(text) && !/^(?:unt|u\/)/i.test(text)) text = `µ${text.slice(1)}`;
  if (!/^10/.test(text)) text = exponents(text);
  return index > 0 || text !== '' ? text : '';
}

/** A value with its unit for reading: "112 mmHg", "7.2 %", "38 mL/min/1.73 m2", "4" (no unit). */
export function formatWithUnit(value: number, ucum: string | null | undefined, decimals?: number | null): string {
  const unit = displayUnit(ucum);
  return unit ? `${formatQuantity(value, decimals)} ${unit}` : formatQuantity(value, decimals);
}

/**
 * Numbers written with more decimals than any measurement has (a computed
 * eGFR of 37.724293541590136) rounded for reading, in text that is already
 * written (a check's message). Numbers with up to three decimals, dates and
 * codes are left alone.
 */
export function roundLongDecimals(text: string): string {
  return text.replace(/(?<![\d.])(-?\d+\.\d{4,})(?![\d.])/g, (whole) => formatQuantity(Number(whole)));
}
