/** How the brief writes values, so that a reader and the verifier read them alike. */

export function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : 'an unknown date';
}

/** At most two decimals, no trailing zeros: 27.123 -> "27.12", 7.0 -> "7". */
export function value(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** UCUM as clinicians write it: "mm[Hg]" -> "mmHg"; annotations like "{beats}/min" -> "/min". */
export function unit(ucum: string | null): string {
  if (!ucum || ucum === '1' || ucum === '{score}') return '';
  return ` ${ucum.replace(/\{[^}]*\}/g, '').replace(/\[|\]/g, '')}`;
}
