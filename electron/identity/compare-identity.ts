import type { IdentityCheck, IdentityField } from '../api/identity-schemas';
import { VaultError } from '../store/errors';
import type { ReadDb } from '../store/sqlite';
import { chartIdentityRow } from './queries';

/**
 * A file's patient (a DICOM header's, a scanned page's) beside a chart's,
 * field by field, for the filing prompt: name, birth date, sex and
 * identifier, each 'agrees', 'differs' or 'unknown'. Names are compared
 * loosely enough for OCR and DICOM spellings ("DOE^JOHN", "Doe, John",
 * "JOHN DOE", accents and case aside) and strictly on the family name.
 */
export interface FilePatient {
  /** As the file writes it: a DICOM PN ("Family^Given") or free text ("John Doe", "Doe, John"). */
  readonly name: string | null;
  /** The name is a DICOM person name: components split by ^, a lone component is the family name. */
  readonly dicomName?: boolean;
  /** ISO date. */
  readonly birthDate: string | null;
  /** Any spelling: M, F, male, female, O... */
  readonly sex: string | null;
  readonly identifier: string | null;
}

export interface ChartIdentity {
  readonly id: string;
  readonly name: string;
  readonly family: string | null;
  readonly given: string | null;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly identifierValues: readonly string[];
  /** The medical record number to show (never a social security, licence or passport number). */
  readonly mrn: string | null;
}

export function loadChartIdentity(db: ReadDb, patientId: string): ChartIdentity {
  const row = chartIdentityRow(db, patientId);
  if (!row) throw new VaultError('not-found', `patient ${patientId}: not in this vault`);
  let identifiers: Array<{ value?: unknown; type?: unknown }> = [];
  try {
    const parsed = JSON.parse(row.identifiers) as unknown;
    if (Array.isArray(parsed)) identifiers = parsed as typeof identifiers;
  } catch {
    // A malformed column: the chart id alone identifies it.
  }
  const values = new Set<string>([row.id]);
  for (const i of identifiers) if (typeof i.value === 'string' && i.value.trim()) values.add(i.value.trim());
  const mrn = identifiers.find((i) => typeof i.type === 'string' && /\bMRN?\b|medical record/i.test(i.type));
  return {
    id: row.id,
    name: row.name_text,
    family: row.family,
    given: row.given,
    birthDate: row.birth_date ? row.birth_date.slice(0, 10) : null,
    sex: row.sex,
    identifierValues: [...values],
    mrn: typeof mrn?.value === 'string' ? mrn.value : null,
  };
}

/** Upper case, accents and punctuation dropped, words kept: "O'Brien-Núñez" -> ["OBRIEN", "NUNEZ"]. */
function words(value: string): string[] {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9\s^,-]/g, '')
    .split(/[\s^,-]+/)
    .filter(Boolean);
}

/** The family and given names a file writes, in whichever order its format puts them. */
function fileNameParts(name: string, dicom: boolean): { family: string[]; given: string[]; all: string[] } {
  if (dicom || name.includes('^')) {
    const [family = '', given = ''] = name.split('=')[0]!.split('^');
    return { family: words(family), given: words(given), all: [...words(family), ...words(given)] };
  }
  if (name.includes(',')) {
    const [family = '', given = ''] = name.split(',');
    return { family: words(family), given: words(given), all: [...words(family), ...words(given)] };
  }
  // "John Doe": no way to tell which word is the family name; every word counts as either.
  const all = words(name);
  return { family: all, given: all, all };
}

function nameVerdict(file: string, dicom: boolean, chart: ChartIdentity): IdentityField['verdict'] {
  const parts = fileNameParts(file, dicom);
  if (parts.all.length === 0) return 'unknown';
  const family = words(chart.family ?? chart.name.split(/\s+/).at(-1) ?? '');
  const given = words(chart.given ?? chart.name.split(/\s+/)[0] ?? '');
  const familyAgrees = family.length > 0 && family.every((w) => parts.family.includes(w));
  const givenAgrees = given.length === 0 || parts.given.length === 0 || given.some((w) => parts.given.includes(w));
  return familyAgrees && givenAgrees ? 'agrees' : 'differs';
}

/** "M", "male", "Male" -> "male"; null for anything else. */
export function normalSex(value: string | null): 'male' | 'female' | 'other' | null {
  const v = value?.trim().toLowerCase();
  if (!v) return null;
  if (v === 'm' || v === 'male') return 'male';
  if (v === 'f' || v === 'female') return 'female';
  if (v === 'o' || v === 'other') return 'other';
  return null;
}

export interface CompareOptions {
  /**
   * When the file must positively confirm the chart (an image filed by the
   * clinician's choice after no chart matched): nothing agreeing counts as
   * needing an override, like a contradiction does.
   */
  readonly requireConfirmation?: boolean;
}

export function compareIdentity(file: FilePatient, chart: ChartIdentity, options: CompareOptions = {}): IdentityCheck {
  const fields: IdentityField[] = [];
  fields.push({ field: 'name', file: file.name, chart: chart.name, verdict: file.name ? nameVerdict(file.name, file.dicomName === true, chart) : 'unknown' });
  fields.push({
    field: 'birthDate',
    file: file.birthDate,
    chart: chart.birthDate,
    verdict: file.birthDate && chart.birthDate ? (file.birthDate.slice(0, 10) === chart.birthDate ? 'agrees' : 'differs') : 'unknown',
  });
  const fileSex = normalSex(file.sex);
  const chartSex = normalSex(chart.sex);
  fields.push({ field: 'sex', file: file.sex, chart: chart.sex, verdict: fileSex && chartSex ? (fileSex === chartSex ? 'agrees' : 'differs') : 'unknown' });
  const id = file.identifier?.trim() || null;
  // An identifier not on the chart may be another system's (a hospital's own number): unknown, not a contradiction.
  fields.push({ field: 'identifier', file: id, chart: chart.mrn, verdict: id && chart.identifierValues.includes(id) ? 'agrees' : 'unknown' });

  const differs = fields.filter((f) => f.verdict === 'differs');
  const agrees = fields.filter((f) => f.verdict === 'agrees');
  // A positive confirmation: the identifier, or the name with the birth date, and nothing against.
  const confirmed = differs.length === 0 && (agrees.some((f) => f.field === 'identifier') || (agrees.some((f) => f.field === 'name') && agrees.some((f) => f.field === 'birthDate')));
  const needsOverride = differs.length > 0 || (options.requireConfirmation === true && !confirmed);
  const label: Record<IdentityField['field'], string> = { name: 'name', birthDate: 'birth date', sex: 'sex', identifier: 'identifier' };
  // No names in the summary: it goes into messages, which may reach a log; the prompt shows the names beside it.
  const summary =
    differs.length > 0
      ? `The file's ${differs.map((f) => label[f.field]).join(' and ')} ${differs.length === 1 ? 'does' : 'do'} not match the chart`
      : confirmed
        ? `The file matches the chart on ${agrees.map((f) => label[f.field]).join(', ')}`
        : agrees.length > 0
          ? `The file agrees with the chart on ${agrees.map((f) => label[f.field]).join(', ')} only: not enough to confirm it`
          : 'Nothing in the file says whose it is: it cannot be checked against the chart';
  return { chart: { id: chart.id, name: chart.name }, fields, needsOverride, summary };
}
