import type { Claim } from '../../electron/agent/grounding/citation';
import { datesIn } from '../../electron/agent/grounding/claim-dates';
import { numbersIn as numbersInTokens } from '../../electron/agent/grounding/claim-quantities';
import { tokenize } from '../../electron/agent/grounding/claim-text';
import { toUcum } from '../../electron/clinical/units';
import { pick } from './random';

/**
 * Errors planted in correct brief lines, of the kinds a model makes: a
 * wrong value, unit, date, drug or dose, and a condition the record does
 * not have. Each returns the altered text, or null when the line has
 * nothing of that kind to alter.
 */
export type ErrorKind = 'value' | 'unit' | 'date' | 'drug' | 'dose' | 'condition';
export const ERROR_KINDS: readonly ErrorKind[] = ['value', 'unit', 'date', 'drug', 'dose', 'condition'];

export interface Vocabulary {
  readonly drugs: readonly string[];
  readonly conditions: readonly string[];
}

const UNITS = ['mg/dL', 'mmol/L', 'kg', 'lb', '%', 'mmHg', 'cm', 'g/dL', '/min', 'mL', 'ng/mL', 'U/L'];
const DOSE = /(?<![\d.])(\d+(?:\.\d+)?) (MG|ML|MCG|UNT|MG\/ML)\b/;

export function plant(kind: ErrorKind, claim: Claim, vocabulary: Vocabulary, random: () => number): string | null {
  const text = claim.text;
  const dates = daysIn(text);
  const numbers = numbersIn(text, dates);
  const isMedication = claim.citations.some((c) => c.kind === 'record' && c.record === 'medication');
  const isCondition = claim.citations.some((c) => c.kind === 'record' && c.record === 'condition');
  switch (kind) {
    case 'value': {
      const candidates = numbers.filter((n) => !isMedication || !DOSE.test(text.slice(n.start, n.end + 4)));
      if (candidates.length === 0) return null;
      const n = pick(random, candidates);
      const written = text.slice(n.start, n.end);
      const digits = written.match(/^-?\d+(?:\.\d+)?/)![0];
      const factor = 1 + (random() < 0.5 ? -1 : 1) * (0.05 + random() * 0.35);
      let altered = (n.value * factor).toFixed(n.decimals);
      if (Number(altered) === n.value) altered = (n.value + 10 ** -n.decimals).toFixed(n.decimals);
      return replaceAt(text, n.start, n.start + digits.length, altered);
    }
    case 'unit': {
      const withUnit = numbers.filter((n) => n.unit !== null);
      if (withUnit.length === 0) return null;
      const n = pick(random, withUnit);
      const digits = text.slice(n.start, n.end).match(/^-?\d+(?:\.\d+)?/)![0];
      const unit = pick(random, UNITS.filter((u) => toUcum(u) !== n.unit));
      return replaceAt(text, n.start, n.end, `${digits} ${unit}`);
    }
    case 'date': {
      const full = dates.filter((d) => d.day.length === 10);
      if (full.length === 0) return null;
      const d = pick(random, full);
      const shifted = new Date(`${d.day}T12:00:00Z`);
      const days = Math.ceil(random() * 400) * (random() < 0.5 ? -1 : 1);
      shifted.setUTCDate(shifted.getUTCDate() + days);
      return replaceAt(text, d.start, d.end, shifted.toISOString().slice(0, 10));
    }
    case 'drug': {
      if (!isMedication) return null;
      const name = /^[A-Za-z][A-Za-z-]+/.exec(text.replace(/^Started since the visit on \S+: /, ''));
      if (!name) return null;
      const at = text.indexOf(name[0]);
      const others = vocabulary.drugs.filter((d) => !text.toLowerCase().includes(d.toLowerCase()));
      return replaceAt(text, at, at + name[0].length, pick(random, others));
    }
    case 'dose': {
      const dose = DOSE.exec(text);
      if (!isMedication || !dose) return null;
      const strength = Number(dose[1]);
      const altered = pick(random, [strength * 2, strength / 2, strength * 10, strength + 250].filter((v) => v !== strength));
      return replaceAt(text, dose.index, dose.index + dose[1]!.length, String(altered));
    }
    case 'condition': {
      const other = pick(random, vocabulary.conditions.filter((c) => !text.toLowerCase().includes(c.toLowerCase())));
      if (isCondition) {
        const display = /^(?:New problem since the visit on \S+: )?(.+?), (?:since|onset) /.exec(text);
        if (display) {
          const at = text.indexOf(display[1]!);
          return replaceAt(text, at, at + display[1]!.length, other);
        }
      }
      return `${text}, with ${other.replace(/ \((disorder|finding)\)$/, '')}`;
    }
  }
}

/** Full-day dates of a text, as the planting reads them. */
function daysIn(text: string): Array<{ start: number; end: number; day: string }> {
  return datesIn(text).map((d) => ({ start: d.start, end: d.end, day: d.precision === 'day' ? d.from : d.from.slice(0, 7) }));
}

/** Numbers of a text with the unit written after each (UCUM), as the planting reads them. */
function numbersIn(text: string, dates: ReadonlyArray<{ start: number; end: number }>) {
  return numbersInTokens(text, tokenize(text), dates).map((n) => ({ start: n.start, end: n.units[0]?.end ?? n.end, value: n.value, decimals: n.decimals, unit: n.units[0]?.ucum ?? null }));
}

function replaceAt(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A correct line written another way, as a model would: dates as "3 Feb
 * 2025", values rounded to one decimal. The verifier must not flag these.
 */
export function paraphrase(claim: Claim, random: () => number): string {
  let text = claim.text;
  for (const d of daysIn(text).reverse()) {
    if (d.day.length !== 10 || random() < 0.3) continue;
    const [y, m, dd] = d.day.split('-');
    text = replaceAt(text, d.start, d.end, `${Number(dd)} ${MONTH_NAMES[Number(m) - 1]} ${y}`);
  }
  for (const n of numbersIn(text, daysIn(text)).reverse()) {
    if (n.decimals < 2 || random() < 0.3) continue;
    const digits = text.slice(n.start, n.end).match(/^-?\d+(?:\.\d+)?/)![0];
    text = replaceAt(text, n.start, n.start + digits.length, n.value.toFixed(1));
  }
  return text;
}
