import { createRequire } from 'node:module';

interface UcumUtils {
  validateUnitString(unit: string): { status: 'valid' | 'invalid' | 'error'; ucumCode: string | null };
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
 * Units as labs print them, keyed by a folded form (lower case, OCR look-alikes
 * merged: see fold()), mapped to UCUM. Anything not listed is tried as UCUM as
 * printed; what @lhncbc/ucum-lhc does not accept stays unnormalized (null).
 */
const PRINTED: Record<string, string> = {
  'mg/dl': 'mg/dL',
  'g/dl': 'g/dL',
  'g/l': 'g/L',
  'mmol/l': 'mmol/L',
  'umol/l': 'umol/L',
  'µmol/l': 'umol/L',
  'u/l': 'U/L',
  'iu/l': '[IU]/L',
  'miu/l': 'm[IU]/L',
  'uiu/ml': 'u[IU]/mL',
  '%': '%',
  '10^3/ul': '10*3/uL',
  'x10^3/ul': '10*3/uL',
  'k/ul': '10*3/uL',
  '10^9/l': '10*9/L',
  'x10^9/l': '10*9/L',
  '10^12/l': '10*12/L',
  'x10^12/l': '10*12/L',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
  'ng/ml': 'ng/mL',
  'pg/ml': 'pg/mL',
  'mmhg': 'mm[Hg]',
  'bpm': '/min',
  '/min': '/min',
  'c': 'Cel',
  '°c': 'Cel',
};

/** Folds a printed unit: lower case, O read for 0 and l/I/| for 1 where a unit cannot mean them. */
export function foldUnit(printed: string): string {
  return printed
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[|]/g, 'l')
    .replace(/mg\/d1$/, 'mg/dl')
    .replace(/g\/d1$/, 'g/dl')
    .replace(/\/1$/, '/l')
    .replace(/1o\^/, '10^')
    .replace(/10\*/, '10^')
    .replace(/^ul\/l$/, 'u/l')
    .replace(/^m[l1]u\/l$/, 'miu/l')
    .replace(/^(x?)1[o0][\^*7]?3\/[uµp]l$/, '$110^3/ul')
    .replace(/^(x?)1[o0][\^*]?9\/l$/, '$110^9/l');
}

export function toUcum(printed: string): string | null {
  const folded = foldUnit(printed);
  const known = PRINTED[folded];
  if (known) return known;
  const result = ucum().validateUnitString(printed.trim());
  return result.status === 'valid' ? result.ucumCode : null;
}

/** True when the printed token could be a unit (used to find the unit column). */
export function isUnit(printed: string): boolean {
  return Object.prototype.hasOwnProperty.call(PRINTED, foldUnit(printed));
}
