/**
 * Units as a claim and a record may write them: "mg/dL" and "mg/dl", "mmHg"
 * and UCUM's "mm[Hg]", "/min" and "{beats}/min" are the same unit. This
 * only decides sameness for the verifier; conversion is not its business
 * (a value in another unit is not what the source says).
 */
export function normalizeUnit(unit: string): string {
  return unit
    .toLowerCase()
    .replace(/\{[^}]*\}/g, '')
    .replace(/[[\]\s]/g, '')
    .replace(/µ/g, 'u');
}

/**
 * Units common in clinical text, normalized. A word after a number is read
 * as its unit when it is one of these or a unit of the cited source;
 * otherwise it is an ordinary word ("3 results").
 */
export const COMMON_UNITS: ReadonlySet<string> = new Set(
  [
    '%', 'mg', 'g', 'kg', 'lb', 'lbs', 'oz', 'mcg', 'ug', 'ng', 'ml', 'l', 'dl', 'cm', 'mm', 'm', 'in', 'in_i', '[in_i]',
    'mg/dl', 'g/dl', 'mmol/l', 'umol/l', 'mmol/mol', 'meq/l', 'mg/l', 'ng/ml', 'pg/ml', 'iu/l', 'u/l', 'miu/ml', 'miu/l',
    'mmhg', 'mm[hg]', 'kg/m2', '/min', 'bpm', 'cel', 'degf', '[degf]', '°c', '°f', 'ml/min', 'ml/min/1.73m2', 'fl', 'pg',
    '10*3/ul', '10*6/ul', '10*9/l', '10*12/l', 'mg/g', 'mg/mmol', 'hr', 'h', 'd', 'wk', 'mo', 'a', 'years', 'unt', 'iu',
    'mg/ml', 'ml/kg', 'g/l', 'score', '{score}',
  ].map(normalizeUnit),
);
