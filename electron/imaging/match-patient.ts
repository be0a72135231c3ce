import type { ReadDb } from '../store/sqlite';
import { patientMatchRows } from './queries';

/** A chart the import may file a DICOM instance under. */
export interface ChartPatient {
  readonly id: string;
  readonly name: string;
  readonly family: string | null;
  readonly given: string | null;
  readonly birthDate: string | null;
  readonly identifierValues: readonly string[];
}

/** Who the DICOM file says the patient is. */
export interface DicomPatient {
  readonly id: string | null;
  readonly name: string | null;
  readonly birthDate: string | null;
}

export type MatchField = 'identifier' | 'name' | 'birthDate';

export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string | null;
  readonly matchedOn: MatchField[];
}

export type MatchResult =
  | { readonly kind: 'matched'; readonly patientId: string; readonly matchedOn: MatchField[] }
  | { readonly kind: 'ambiguous'; readonly candidates: Candidate[]; readonly reason: string }
  | { readonly kind: 'no-match'; readonly reason: string };

export function loadChartPatients(db: ReadDb): ChartPatient[] {
  const rows = patientMatchRows(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name_text,
    family: r.family,
    given: r.given,
    birthDate: r.birth_date ? r.birth_date.slice(0, 10) : null,
    identifierValues: identifierValues(r.identifiers, r.id),
  }));
}

/**
 * Files a DICOM patient under a chart only when exactly one chart fits and
 * nothing contradicts it; otherwise says so, never guesses:
 * - identifier (PatientID equals one of the chart's identifiers) with no
 *   contradicting birth date or family name: matched;
 * - no identifier hit: name and birth date must both agree, on one chart;
 * - several charts fit, or a partial fit (identifier with a different birth
 *   date, name without birth date...): 'ambiguous', with the candidates;
 * - nothing fits: 'no-match'.
 */
export function matchPatient(dicom: DicomPatient, charts: readonly ChartPatient[]): MatchResult {
  const dicomName = splitPersonName(dicom.name);
  const scored = charts
    .map((chart) => ({ chart, fields: agreement(dicom, dicomName, chart) }))
    .filter((s) => s.fields.agree.length > 0);
  const candidate = (s: (typeof scored)[number]): Candidate => ({
    id: s.chart.id,
    name: s.chart.name,
    birthDate: s.chart.birthDate,
    matchedOn: s.fields.agree,
  });

  const byIdentifier = scored.filter((s) => s.fields.agree.includes('identifier'));
  if (byIdentifier.length > 0) {
    const clean = byIdentifier.filter((s) => s.fields.conflict.length === 0);
    if (byIdentifier.length === 1 && clean.length === 1) return { kind: 'matched', patientId: clean[0]!.chart.id, matchedOn: clean[0]!.fields.agree };
    if (byIdentifier.length > 1) {
      const full = clean.filter((s) => s.fields.agree.length === 3);
      if (full.length === 1) return { kind: 'matched', patientId: full[0]!.chart.id, matchedOn: full[0]!.fields.agree };
      return { kind: 'ambiguous', candidates: byIdentifier.map(candidate), reason: `identifier ${dicom.id} is on ${byIdentifier.length} charts` };
    }
    const conflict = byIdentifier[0]!.fields.conflict.join(' and ');
    return { kind: 'ambiguous', candidates: byIdentifier.map(candidate), reason: `identifier ${dicom.id} matches, but the ${conflict} differ` };
  }

  const nameAndBirth = scored.filter((s) => s.fields.agree.includes('name') && s.fields.agree.includes('birthDate'));
  if (nameAndBirth.length === 1) return { kind: 'matched', patientId: nameAndBirth[0]!.chart.id, matchedOn: ['name', 'birthDate'] };
  if (nameAndBirth.length > 1) {
    return { kind: 'ambiguous', candidates: nameAndBirth.map(candidate), reason: `${nameAndBirth.length} charts share this name and birth date` };
  }
  const partial = scored.filter((s) => s.fields.agree.includes('name'));
  if (partial.length > 0) {
    return {
      kind: 'ambiguous',
      candidates: partial.map(candidate),
      reason: dicom.birthDate ? 'the name matches but the birth date does not' : 'the name matches but the file has no birth date to confirm it',
    };
  }
  return { kind: 'no-match', reason: `no chart has identifier ${dicom.id ?? '(none)'} or this name and birth date` };
}

function agreement(
  dicom: DicomPatient,
  dicomName: PersonName | null,
  chart: ChartPatient,
): { agree: MatchField[]; conflict: Array<'birth dates' | 'names'> } {
  const agree: MatchField[] = [];
  const conflict: Array<'birth dates' | 'names'> = [];
  const id = dicom.id?.trim();
  if (id && chart.identifierValues.some((v) => v === id)) agree.push('identifier');
  if (dicomName) {
    const family = normalize(chart.family ?? lastWord(chart.name));
    const given = normalize(firstWord(chart.given ?? chart.name));
    const familyAgrees = family !== '' && family === dicomName.family;
    const givenAgrees = dicomName.given === '' || given === '' || given === dicomName.given;
    if (familyAgrees && givenAgrees) agree.push('name');
    else if (family !== '' && dicomName.family !== '' && !familyAgrees) conflict.push('names');
  }
  if (dicom.birthDate && chart.birthDate) {
    if (dicom.birthDate === chart.birthDate) agree.push('birthDate');
    else conflict.push('birth dates');
  }
  return { agree, conflict };
}

interface PersonName {
  readonly family: string;
  readonly given: string;
}

/** DICOM PN "Family^Given^Middle^Prefix^Suffix" (first, alphabetic, component group). */
export function splitPersonName(pn: string | null): PersonName | null {
  if (!pn) return null;
  const alphabetic = pn.split('=')[0] ?? '';
  const [family = '', given = ''] = alphabetic.split('^');
  const result = { family: normalize(family), given: normalize(firstWord(given)) };
  return result.family === '' ? null : result;
}

/** Upper case, accents and punctuation dropped: "O'Brien-Núñez" and "OBRIEN NUNEZ" agree. */
function normalize(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

function firstWord(value: string): string {
  return value.trim().split(/\s+/)[0] ?? '';
}

function lastWord(value: string): string {
  return value.trim().split(/\s+/).at(-1) ?? '';
}

function identifierValues(json: string, chartId: string): string[] {
  const values = new Set<string>([chartId]);
  try {
    const parsed = JSON.parse(json) as unknown;
    if (Array.isArray(parsed)) {
      for (const item of parsed) {
        const value = (item as { value?: unknown } | null)?.value;
        if (typeof value === 'string' && value.trim() !== '') values.add(value.trim());
      }
    }
  } catch {
    // A malformed identifiers column matches on the chart id only.
  }
  return [...values];
}
