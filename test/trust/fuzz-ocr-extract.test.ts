import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { extract, type Proposal } from '../../electron/ocr/extract';
import type { Box, OcrPage, OcrWord } from '../../electron/ocr/types';
import { envCount, writeTrustResult } from './support';

// The OCR extraction parser (words with boxes in, lab / medication / vitals /
// date proposals out) fed arbitrary pages: real report lines mixed with
// unicode, huge and odd numbers, OCR look-alikes, empty pages, overlapping
// and degenerate boxes. Whatever it is given, it must not throw, every
// proposal must point at words that exist on a page that exists, every
// number it proposes must be finite, every UCUM code it gives must be valid
// UCUM (an unknown unit is flagged with ucum null, never invented), and
// every date must be a real calendar date.

const RUNS = envCount('CONTINUUM_TRUST_FUZZ_RUNS', 300);
const require = createRequire(import.meta.url);
const ucum = (require('@lhncbc/ucum-lhc') as { UcumLhcUtils: { getInstance(): { validateUnitString(u: string): { status: string } } } }).UcumLhcUtils.getInstance();

// Tokens a lab report, a letter or a medication list really has, and their OCR misreadings.
const realistic = fc.constantFrom(
  'Potassium', 'Sodium', 'HbA1c', 'HbAlc', 'Hb', 'Haemoglobin', 'Creatinine', 'eGFR', 'Glucose', 'TSH', 'ALT', 'Cholesterol', 'LDL', 'WBC', 'Platelets',
  '4.1', '4,1', 'O.8l', '<5', '>90', '135', '6.1', '0', '00', '.5', '5.', '1e3', '-3', '3.5-5.1', '35-51', '(3.5', '-', '5.1)', '–', '<=', '>=',
  'mmol/L', 'mmol/l', 'mg/dL', 'mg/d1', '%', 'g/L', 'U/L', 'x10^9/L', '10^9/l', '107', '3/uL', '10*3/uL', 'mL/min/1.73m2', 'mmHg', 'bpm', '°C', 'C',
  'metformin', 'Metform1n', 'aspirin', 'warfarin', 'insulin', '500', 'mg', 'mcg', 'take', '2', 'tablets', 'twice', 'daily', 'bd', 'prn', 'at', 'night',
  'BP', 'BP:', '120/80', '300/999', 'Pulse', 'HR', '72', 'bpm', 'Temperature', '37.5', 'SpO2', '98', '98%',
  'Collected', 'Specimen', 'Report', 'Admitted', 'DOB', 'Date:', '2024-05-01', '2024-02-30', '2024-13-01', '0000-00-00', '31/04/2024', '1/2/2024', '29.02.2023', '2O24-O5-O1',
);
const adversarial = fc.constantFrom(
  '', ' ', '\u0000', '\uD800', '\u200B', '\u202E', 'ﬁ', 'İ', 'ß', '𝟘', '٣', '½', '∞', 'NaN', 'Infinity', '-0', '1e309',
  '9'.repeat(400), `${'9'.repeat(320)}.5`, `1.${'0'.repeat(400)}1`, `<${'9'.repeat(400)}`, `${'9'.repeat(320)}-${'9'.repeat(330)}`,
  '__proto__', 'constructor', 'toString', 'x'.repeat(1000), '/'.repeat(50), '^^^', '\\', '"', '${x}', '(?:', '.*', 'a'.repeat(60),
);
const text = fc.oneof({ weight: 6, arbitrary: realistic }, { weight: 2, arbitrary: adversarial }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) });
const coordinate = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 2000 }) }, fc.constantFrom(-5, 0, 1e9, 0.5), fc.double({ noNaN: true, min: -1e6, max: 1e6 }));
const size = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 60 }) }, fc.constantFrom(0, -1, 1e7));
const box: fc.Arbitrary<Box> = fc.record({ x: coordinate, y: coordinate, w: size, h: size });
const word: fc.Arbitrary<OcrWord> = fc.record({ text, confidence: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(-1, 101, 0.5)), box, line: fc.nat(100) });
/** A printed line: words left to right on one baseline, so that the parser sees whole report rows. */
const row = fc.record({ y: fc.integer({ min: 0, max: 3000 }), words: fc.array(text, { minLength: 1, maxLength: 10 }) }).map(({ y, words }) =>
  words.map((t, i): OcrWord => ({ text: t, confidence: 80, box: { x: 10 + i * 90, y, w: 80, h: 14 }, line: 0 })),
);
const number = fc.oneof(
  fc.constantFrom('4.1', '<5', '>90', 'O.8l', '9'.repeat(400), `<${'9'.repeat(400)}`, `${'9'.repeat(320)}.5`, `1.${'0'.repeat(400)}1`, '0', '0.000', '120/80', '37.5'),
  fc.double({ noNaN: true }).map(String),
  fc.nat().map(String),
);
const range = fc.oneof(
  fc.constantFrom('3.5-5.1', '35-51', '<5', '>90', '(3.5 - 5.1)', `${'9'.repeat(320)}-${'9'.repeat(330)}`, `0-${'9'.repeat(400)}`, `<${'9'.repeat(400)}`, '5.1-3.5', '0-0', ''),
  fc.tuple(number, number).map(([a, b]) => `${a}-${b}`),
);
/** A results row as a lab prints it (name, value, unit, range), with each cell drawn from good and bad values. */
const labRow = fc
  .record({ y: fc.integer({ min: 0, max: 3000 }), name: fc.oneof(realistic, fc.constantFrom('Potassium', 'HbA1c', 'BP', 'SpO2', 'Temp')), value: number, unit: fc.oneof(realistic, fc.string({ maxLength: 6 })), range })
  .map(({ y, name, value, unit, range: r }) =>
    [name, value, unit, ...r.split(' ')].map((t, i): OcrWord => ({ text: t, confidence: 80, box: { x: 10 + i * 90, y, w: 80, h: 14 }, line: 0 })),
  );
const pageWords = fc.oneof(
  { weight: 3, arbitrary: fc.array(row, { maxLength: 8 }).map((rows) => rows.flat()) },
  { weight: 3, arbitrary: fc.array(labRow, { maxLength: 6 }).map((rows) => rows.flat()) },
  { weight: 1, arbitrary: fc.array(word, { maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.array(row, { maxLength: 6 }), fc.array(word, { maxLength: 10 })).map(([rows, loose]) => [...rows.flat(), ...loose]) },
);
const pages = fc.array(pageWords, { maxLength: 3 }).map((list) =>
  list.map((words, i): OcrPage => ({ page: i + 1, width: 1240, height: 1754, source: 'ocr', rotation: 0, confidence: 80, text: words.map((w) => w.text).join(' '), words })),
);

const sameBox = (a: Box, b: Box) => Object.is(a.x, b.x) && Object.is(a.y, b.y) && Object.is(a.w, b.w) && Object.is(a.h, b.h);
const isCalendarDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Every way a proposal can be wrong, as one line each; [] when it is sound. */
function problemsOf(p: Proposal, input: readonly OcrPage[]): string[] {
  const problems: string[] = [];
  const page = input.find((pg) => pg.page === p.evidence.page);
  if (!page) return [`${p.id}: evidence names page ${p.evidence.page}, which does not exist`];
  if (p.evidence.boxes.length === 0) problems.push(`${p.id}: no evidence boxes`);
  for (const b of p.evidence.boxes) if (!page.words.some((w) => sameBox(w.box, b))) problems.push(`${p.id}: a box that is no word of page ${page.page}`);
  if (!Number.isFinite(p.confidence)) problems.push(`${p.id}: confidence ${p.confidence}`);
  const finite = (name: string, v: number | null) => {
    if (v !== null && !Number.isFinite(v)) problems.push(`${p.id}: ${name} ${v} is not finite`);
  };
  const date = (d: string | null) => {
    if (d !== null && !isCalendarDate(d)) problems.push(`${p.id}: date ${d} is not a calendar date`);
  };
  switch (p.kind) {
    case 'lab':
      finite('value', p.value);
      finite('refLow', p.refLow);
      finite('refHigh', p.refHigh);
      if (p.ucum !== null && ucum.validateUnitString(p.ucum).status !== 'valid') problems.push(`${p.id}: ucum ${p.ucum} is not valid UCUM`);
      if (!p.unit) problems.push(`${p.id}: no printed unit`);
      date(p.date);
      break;
    case 'vital':
      finite('value', p.value);
      finite('value2', p.value2);
      if (ucum.validateUnitString(p.ucum).status !== 'valid') problems.push(`${p.id}: ucum ${p.ucum} is not valid UCUM`);
      date(p.date);
      break;
    case 'date':
      date(p.date);
      break;
    case 'medication':
      if (!p.name) problems.push(`${p.id}: no drug name`);
      break;
  }
  return problems;
}

describe('fuzz: OCR extraction parser', () => {
  // A hang guard, not a speed goal: 8 ms a case on a quiet 2-core machine, 57 with two CPU-bound processes
  // beside a loaded one (10,000 cases took 568 s and overran the 50 ms a case this allowed).
  it(`extracts sound proposals from ${RUNS} arbitrary pages, never throwing`, { timeout: 60_000 + RUNS * 400 }, () => {
    const started = Date.now();
    let cases = 0;
    let proposals = 0;
    const kinds: Record<string, number> = {};
    let failure: string | null = null;
    try {
      fc.assert(
        fc.property(pages, (input) => {
          cases += 1;
          const out = extract(input);
          proposals += out.length;
          for (const p of out) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
          expect(out.flatMap((p) => problemsOf(p, input))).toEqual([]);
          expect(new Set(out.map((p) => p.id)).size).toBe(out.length);
        }),
        { numRuns: RUNS, seed: envCount('CONTINUUM_TRUST_SEED', 20261123) },
      );
    } catch (error) {
      failure = (error as Error).message.split('\n').slice(0, 12).join('\n');
    }
    writeTrustResult('fuzz-ocr-extract', { cases, failures: failure ? 1 : 0, failure: failure?.slice(0, 3000) ?? null, proposals, kinds, seconds: (Date.now() - started) / 1000 });
    expect(failure).toBeNull();
    // The generator must reach the parser's paths for the test to mean anything (vital signs come about once in
    // a hundred cases, so the full set is required only of long runs, where missing one is not chance).
    if (RUNS >= 2000) expect(Object.keys(kinds).sort()).toEqual(['date', 'lab', 'medication', 'vital']);
    else if (RUNS >= 100) expect(Object.keys(kinds)).toEqual(expect.arrayContaining(['date', 'medication']));
  });

  it('the soundness check itself finds a box that is no word, an infinite value and an invented date', () => {
    const words: OcrWord[] = [{ text: 'Potassium', confidence: 90, box: { x: 1, y: 1, w: 5, h: 5 }, line: 0 }];
    const page: OcrPage = { page: 1, width: 10, height: 10, source: 'ocr', rotation: 0, confidence: 90, text: 'Potassium', words };
    const bad: Proposal = {
      id: 'lab-x', confidence: 90, evidence: { page: 1, boxes: [{ x: 2, y: 1, w: 5, h: 5 }], read: 'Potassium' }, kind: 'lab', analyte: 'Potassium', matchedName: 'potassium',
      loinc: '2823-3', display: 'Potassium', value: Infinity, comparator: null, unit: 'mmol/L', ucum: 'mmol/ℓ', refLow: null, refHigh: null, date: '2024-02-30',
    };
    const found = problemsOf(bad, [page]).join('\n');
    expect(found).toMatch(/no word of page 1/);
    expect(found).toMatch(/value Infinity is not finite/);
    expect(found).toMatch(/not valid UCUM/);
    expect(found).toMatch(/2024-02-30 is not a calendar date/);
    expect(problemsOf({ ...bad, evidence: { ...bad.evidence, page: 2 } }, [page]).join()).toMatch(/page 2, which does not exist/);
  });
});
