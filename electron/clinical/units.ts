import { createRequire } from 'node:module';

/**
 * Units as clinicians write them, read into UCUM, and quantities converted
 * between UCUM units by @lhncbc/ucum-lhc (the NLM's reference
 * implementation of UCUM), so that "38.2 °C", "100.8 F" and "38.2 Cel" are
 * one temperature and "5.6 mmol/L" of glucose is "101 mg/dL".
 */
interface UcumConversion {
  status: 'succeeded' | 'failed' | 'error';
  toVal: number | null;
}
interface UcumUtils {
  validateUnitString(unit: string, suggest?: boolean): { status: 'valid' | 'invalid' | 'error'; ucumCode: string | null };
  convertUnitTo(from: string, value: number, to: string, options?: { molecularWeight?: number }): UcumConversion;
}

const require = createRequire(import.meta.url);
let utils: UcumUtils | null = null;

function ucum(): UcumUtils {
  if (!utils) {
    const lib = require('@lhncbc/ucum-lhc') as { UcumLhcUtils: { getInstance(): UcumUtils } };
    utils = lib.UcumLhcUtils.getInstance();
  }
  return utils;
}

/**
 * Written forms that are not UCUM, keyed by a folded spelling (lower case,
 * no spaces, "^" and "*" alike, µ as u, superscripts as digits). UCUM codes
 * themselves are accepted as they are (validated by ucum-lhc).
 */
const WRITTEN: Record<string, string> = {
  mmhg: 'mm[Hg]',
  'mm[hg]': 'mm[Hg]',
  cmh2o: 'cm[H2O]',
  '°c': 'Cel',
  'ºc': 'Cel',
  c: 'Cel',
  degc: 'Cel',
  degreesc: 'Cel',
  degreec: 'Cel',
  celsius: 'Cel',
  degreescelsius: 'Cel',
  degreecelsius: 'Cel',
  cel: 'Cel',
  '°f': '[degF]',
  'ºf': '[degF]',
  f: '[degF]',
  degf: '[degF]',
  degreesf: '[degF]',
  degreef: '[degF]',
  fahrenheit: '[degF]',
  degreesfahrenheit: '[degF]',
  '[degf]': '[degF]',
  kg: 'kg',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  kgs: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  g: 'g',
  gram: 'g',
  grams: 'g',
  mg: 'mg',
  milligram: 'mg',
  milligrams: 'mg',
  mcg: 'ug',
  ug: 'ug',
  microgram: 'ug',
  micrograms: 'ug',
  lb: '[lb_av]',
  lbs: '[lb_av]',
  pound: '[lb_av]',
  pounds: '[lb_av]',
  '[lb_av]': '[lb_av]',
  oz: '[oz_av]',
  cm: 'cm',
  centimeter: 'cm',
  centimeters: 'cm',
  centimetre: 'cm',
  centimetres: 'cm',
  mm: 'mm',
  m: 'm',
  meter: 'm',
  meters: 'm',
  metre: 'm',
  metres: 'm',
  in: '[in_i]',
  inch: '[in_i]',
  inches: '[in_i]',
  '"': '[in_i]',
  '[in_i]': '[in_i]',
  ft: '[ft_i]',
  feet: '[ft_i]',
  foot: '[ft_i]',
  'kg/m2': 'kg/m2',
  'kg/m^2': 'kg/m2',
  'kg/sqm': 'kg/m2',

  '%': '%',
  percent: '%',
  pct: '%',
  bpm: '/min',
  '/min': '/min',
  'beats/min': '/min',
  'beat/min': '/min',
  beatsperminute: '/min',
  'breaths/min': '/min',
  breathsperminute: '/min',
  'b/min': '/min',
  perminute: '/min',
  'mg/dl': 'mg/dL',
  'g/dl': 'g/dL',
  'g/l': 'g/L',
  'mg/l': 'mg/L',
  'mmol/l': 'mmol/L',
  'umol/l': 'umol/L',
  'meq/l': 'meq/L',
  'mmol/mol': 'mmol/mol',
  'u/l': 'U/L',
  'iu/l': '[IU]/L',
  'ng/ml': 'ng/mL',
  'pg/ml': 'pg/mL',
  'mg/g': 'mg/g',
  'mg/mmol': 'mg/mmol',
  fl: 'fL',
  pg: 'pg',
  ml: 'mL',
  l: 'L',
  'ml/min': 'mL/min',
  'ml/s': 'mL/s',
  'ml/sec': 'mL/s',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
  'ml/min/1.73sq.m': 'mL/min/{1.73_m2}',
  'ml/min/1.73sqm.': 'mL/min/{1.73_m2}',
  'ml/min/1.73msq': 'mL/min/{1.73_m2}',
  'ml/min/1.73m2.': 'mL/min/{1.73_m2}',
  'ml/min/bsa': 'mL/min/{1.73_m2}',
  'ml/s/1.73m^2': 'mL/s/{1.73_m2}',
  'ml/min/1.73sqm': 'mL/min/{1.73_m2}',
  'ml/min/1.73': 'mL/min/{1.73_m2}',
  'ml/min/{1.73_m2}': 'mL/min/{1.73_m2}',
  'ml/min/1.73m2bsa': 'mL/min/{1.73_m2}',
  'ml/s/1.73m2': 'mL/s/{1.73_m2}',
  '10^3/ul': '10*3/uL',
  'x10^3/ul': '10*3/uL',
  'k/ul': '10*3/uL',
  k: '10*3/uL',
  thousand: '10*3/uL',
  'k/mm3': '10*3/uL',
  '10^3/mm3': '10*3/uL',
  'thou/ul': '10*3/uL',
  '10^9/l': '10*9/L',
  'x10^9/l': '10*9/L',
  '10^6/ul': '10*6/uL',
  'x10^6/ul': '10*6/uL',
  'm/ul': '10*6/uL',
  'mil/ul': '10*6/uL',
  '10^6/mm3': '10*6/uL',
  '10^12/l': '10*12/L',
  'x10^12/l': '10*12/L',
  'x10^9/ul': '10*9/L',
  'mg/ml': 'mg/mL',
  'mcg/ml': 'ug/mL',
  'ug/ml': 'ug/mL',
  'g/ml': 'g/mL',
  'unt/ml': '[U]/mL',
  'units/ml': '[U]/mL',
  'u/ml': '[U]/mL',
  'iu/ml': '[IU]/mL',
  unt: '[U]',
  unit: '[U]',
  units: '[U]',
  iu: '[IU]',
  'mg/actuat': 'mg/{actuat}',
  'mcg/actuat': 'ug/{actuat}',
  'mcg/puff': 'ug/{actuat}',
  'mg/puff': 'mg/{actuat}',
  'mg/24hr': 'mg/(24.h)',
  'mg/day': 'mg/d',
  'mg/d': 'mg/d',
  kpa: 'kPa',
  'ng/dl': 'ng/dL',
  'ug/dl': 'ug/dL',
  'ug/l': 'ug/L',
  'nmol/l': 'nmol/L',
  'pmol/l': 'pmol/L',
  'mmol/mmol': 'mmol/mmol',
  'g/mol': 'g/mol',
  'x10^3/mm^3': '10*3/uL',
  '10^3/mm^3': '10*3/uL',
  '{score}': '{score}',
  score: '{score}',
  points: '{score}',
  '/10': '{score}',
};

/** The folded spelling used as the key of WRITTEN. */
export function foldUnitSpelling(written: string): string {
  return written
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/µ|μ/g, 'u')
    .replace(/⁰/g, '^0')
    .replace(/¹/g, '^1')
    .replace(/²/g, '^2')
    .replace(/³/g, '^3')
    .replace(/⁶/g, '^6')
    .replace(/⁹/g, '^9')
    .replace(/\^\^/g, '^')
    .replace(/\*/g, '^')
    .replace(/(\d)\^1\^2/g, '$1^12')
    .replace(/10\^1\^0/g, '10^10')
    .replace(/×/g, 'x')
    .replace(/\.$/, '');
}

/** A written unit as UCUM, or null when it is not a unit this module knows or ucum-lhc accepts. */
export function toUcum(written: string): string | null {
  const folded = foldUnitSpelling(written);
  if (folded === '') return null;
  const known = WRITTEN[folded];
  if (known) return known;
  // Other UCUM expressions only where they are plainly compound ("ng/dL", "mm[Hg]"): a bare word
  // after a number is read as a unit only from the list above, since UCUM gives "at", "ph" and "a" meanings too.
  if (!/[/[{]/.test(written) || /\s/.test(written.trim())) return null;
  // "mg/125" in "250 mg/125 mg" is two strengths, not milligrams per 125.
  if (/\/\d/.test(written) && !/\/1\.73/.test(written)) return null;
  const checked = ucum().validateUnitString(written.trim());
  return checked.status === 'valid' ? checked.ucumCode : null;
}

/** Whether a folded spelling is one of the written forms above (cheap; no UCUM parse). */
export function isWrittenUnit(written: string): boolean {
  return Object.prototype.hasOwnProperty.call(WRITTEN, foldUnitSpelling(written));
}

// Equivalents that UCUM keeps apart but a clinical reader does not: an
// annotation ({beats}/min; Synthea writes a score's as "(score)"), and mEq/L
// for the monovalent ions, which equals mmol/L.
function canonical(unit: string): string {
  return unit.replace(/\{(?!1\.73_m2\})[^}]*\}/g, '').replace(/^\([a-z ]*\)$/i, '').replace(/^meq\/L$/i, 'mmol/L') || '1';
}

const cache = new Map<string, number | null>();

/**
 * value, recorded in `from`, expressed in `to`; null when the two units do
 * not measure the same kind of quantity (or need a molar mass not given).
 */
export function convert(value: number, from: string, to: string, molarMass?: number): number | null {
  const a = canonical(from);
  const b = canonical(to);
  if (a === b) return value;
  // Affine units (temperatures) cannot be converted by one factor.
  if (isTemperature(a) || isTemperature(b)) {
    const result = ucum().convertUnitTo(a, value, b);
    return result.status === 'succeeded' && result.toVal !== null ? result.toVal : null;
  }
  const key = `${a}|${b}|${molarMass ?? ''}`;
  let factor = cache.get(key);
  if (factor === undefined) {
    const result = ucum().convertUnitTo(a, 1, b, molarMass ? { molecularWeight: molarMass } : undefined);
    factor = result.status === 'succeeded' && result.toVal !== null && Number.isFinite(result.toVal) ? result.toVal : null;
    cache.set(key, factor);
  }
  return factor === null ? null : value * factor;
}

function isTemperature(unit: string): boolean {
  return unit === 'Cel' || unit === '[degF]' || unit === 'K';
}

/** UCUM as clinicians write it: mm[Hg] -> mmHg, Cel -> °C, mL/min/{1.73_m2} -> mL/min/1.73 m². */
export function displayUnit(ucumCode: string | null): string {
  if (!ucumCode || ucumCode === '1' || ucumCode === '{score}') return '';
  const shown: Record<string, string> = {
    'mm[Hg]': 'mmHg',
    Cel: '°C',
    '[degF]': '°F',
    'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
    'kg/m2': 'kg/m²',
    '10*3/uL': '×10³/µL',
    '10*6/uL': '×10⁶/µL',
    '10*9/L': '×10⁹/L',
    '10*12/L': '×10¹²/L',
    '[lb_av]': 'lb',
    '[in_i]': 'in',
    '/min': '/min',
    '[IU]/L': 'IU/L',
    '[pH]': '',
    '{T-score}': '',
    ug: 'µg',
    'umol/L': 'µmol/L',
  };
  return shown[ucumCode] ?? ucumCode.replace(/\{[^}]*\}/g, '');
}
