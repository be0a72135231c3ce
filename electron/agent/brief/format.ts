import { displayUnit, formatDay, formatQuantity, type DateStyle } from '../../api/clinical-format';

/**
 * How the brief writes dates, values and units, so that a reader and the
 * verifier read them alike. The formatting itself lives in
 * electron/api/clinical-format.ts, shared with the renderer; the brief only
 * chooses the date style its reader set.
 */
export interface BriefFormat {
  /** A day in the reader's style; "an unknown date" when there is none. */
  day(iso: string | null): string;
  value(n: number, decimals?: number | null): string;
  /** A UCUM unit as clinicians write it, with its leading space ("" for none). */
  unit(ucum: string | null): string;
}

export function briefFormat(style: DateStyle = 'iso'): BriefFormat {
  return {
    day: (iso) => (iso ? formatDay(iso.slice(0, 10), style) : 'an unknown date'),
    value: (n, decimals) => formatQuantity(n, decimals),
    unit: (ucum) => {
      const shown = displayUnit(ucum);
      return shown ? ` ${shown}` : '';
    },
  };
}

const iso = briefFormat('iso');

/** The ISO day of a date (brief lines written for the model and the CLI). */
export const day = iso.day;
/** At most two decimals, no trailing zeros: 27.123 -> "27.12", 7.0 -> "7". */
export const value = iso.value;
export const unit = iso.unit;
