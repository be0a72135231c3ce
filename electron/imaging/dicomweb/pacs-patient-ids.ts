import type { ReadDb } from '../../store/sqlite';
import { patientIdentifiers } from '../queries';
import { ImagingError } from '../imaging-error';

export interface PulledChart {
  readonly id: string;
  /** The PatientID values the PACS is searched by, medical record numbers first. */
  readonly pacsIds: string[];
}

/** Identifier types that name a person's documents, not a hospital record: never sent to the PACS. */
const PERSONAL_DOCUMENT = /^(SS|SB|DL|PPN|NI|NH|CZ|social security|driver'?s licen[cs]e|passport|national|health card)/i;
const MEDICAL_RECORD = /^(MR|medical record)/i;

/**
 * What a PACS knows the chart as. A PACS files images under the hospital's
 * medical record number (PatientID), so the chart's MRN-typed identifiers are
 * asked for; a chart without one is asked for by its other hospital
 * identifiers and its own id. Social security, licence and passport numbers
 * are never sent: a PACS does not file by them and they need not travel.
 */
export function chartForPull(db: ReadDb, patientId: string): PulledChart {
  const row = patientIdentifiers(db, patientId);
  if (!row) throw new ImagingError('not-found', `patient ${patientId} is not in the vault; see \`continuum patients\` for the chart ids`);
  const identifiers = parseIdentifiers(row.identifiers).filter((i) => !(i.type && PERSONAL_DOCUMENT.test(i.type)));
  const records = identifiers.filter((i) => i.type && MEDICAL_RECORD.test(i.type)).map((i) => i.value);
  const pacsIds = records.length > 0 ? records : [...identifiers.map((i) => i.value), row.id];
  return { id: row.id, pacsIds: [...new Set(pacsIds)] };
}

function parseIdentifiers(json: string): Array<{ value: string; type: string | null }> {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item) => {
      const { value, type } = (item ?? {}) as { value?: unknown; type?: unknown };
      return typeof value === 'string' && value.trim() !== '' ? [{ value: value.trim(), type: typeof type === 'string' ? type : null }] : [];
    });
  } catch {
    return []; // a malformed column: the chart id alone is asked for
  }
}
