/**
 * Reading the DICOM JSON model (PS3.18 F.2) that QIDO-RS answers with: an
 * array of objects keyed by tag ("0020000D"), each {vr, Value: [...]}.
 */
export type DicomJsonObject = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

/** The first value of `tag` as text: strings as they are, numbers as digits, a person name's Alphabetic group. */
export function firstText(object: DicomJsonObject, tag: string): string | null {
  const element = object[tag.toUpperCase()] ?? object[tag.toLowerCase()];
  const value = element?.Value?.[0];
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value && typeof value === 'object' && typeof (value as { Alphabetic?: unknown }).Alphabetic === 'string') {
    return (value as { Alphabetic: string }).Alphabetic;
  }
  return null;
}

export function allTexts(object: DicomJsonObject, tag: string): string[] {
  const element = object[tag.toUpperCase()] ?? object[tag.toLowerCase()];
  return (element?.Value ?? []).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

export function firstNumber(object: DicomJsonObject, tag: string): number | null {
  const text = firstText(object, tag);
  const n = text === null ? Number.NaN : Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Parses a QIDO-RS answer; null when it is not an array of objects. */
export function parseDicomJsonArray(text: string): DicomJsonObject[] | null {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) return null;
  return parsed as DicomJsonObject[];
}
