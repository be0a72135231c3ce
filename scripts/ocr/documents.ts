import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { seededRandom } from '../lib/seeded-random';

/** The seeded generator the documents are drawn with. */
export const rng = seededRandom;

/**
 * Synthetic clinical documents with known truth: lab reports, prescriptions
 * and discharge letters, drawn with @napi-rs/canvas. Every value comes from
 * a seeded generator, so a seed names one document for ever.
 */

export interface TruthLab {
  analyte: string;
  loinc: string;
  value: number;
  /** UCUM, as the extractor must produce it. */
  ucum: string;
  low: number | null;
  high: number | null;
  date: string;
}

export interface TruthDocument {
  id: string;
  kind: 'lab-report' | 'prescription' | 'discharge-letter';
  /** Lines of text, top to bottom, as drawn. */
  lines: string[];
  labs: TruthLab[];
  medications: { name: string; strength: string }[];
}

export interface RenderedDocument {
  truth: TruthDocument;
  png: Buffer;
  width: number;
  height: number;
}

interface LabSpec {
  printed: string;
  loinc: string;
  unit: string;
  ucum: string;
  low: number;
  high: number;
  decimals: number;
}

// Printed names and units as labs print them; the extractor maps them back.
const LABS: readonly LabSpec[] = [
  { printed: 'Hemoglobin', loinc: '718-7', unit: 'g/dL', ucum: 'g/dL', low: 13.5, high: 17.5, decimals: 1 },
  { printed: 'HbA1c', loinc: '4548-4', unit: '%', ucum: '%', low: 4.0, high: 5.6, decimals: 1 },
  { printed: 'Glucose', loinc: '2345-7', unit: 'mg/dL', ucum: 'mg/dL', low: 70, high: 99, decimals: 0 },
  { printed: 'Creatinine', loinc: '2160-0', unit: 'mg/dL', ucum: 'mg/dL', low: 0.7, high: 1.3, decimals: 2 },
  { printed: 'Sodium', loinc: '2951-2', unit: 'mmol/L', ucum: 'mmol/L', low: 135, high: 145, decimals: 0 },
  { printed: 'Potassium', loinc: '2823-3', unit: 'mmol/L', ucum: 'mmol/L', low: 3.5, high: 5.1, decimals: 1 },
  { printed: 'Total cholesterol', loinc: '2093-3', unit: 'mg/dL', ucum: 'mg/dL', low: 125, high: 200, decimals: 0 },
  { printed: 'HDL cholesterol', loinc: '2085-9', unit: 'mg/dL', ucum: 'mg/dL', low: 40, high: 60, decimals: 0 },
  { printed: 'LDL cholesterol', loinc: '13457-7', unit: 'mg/dL', ucum: 'mg/dL', low: 50, high: 130, decimals: 0 },
  { printed: 'Triglycerides', loinc: '2571-8', unit: 'mg/dL', ucum: 'mg/dL', low: 50, high: 150, decimals: 0 },
  { printed: 'TSH', loinc: '3016-3', unit: 'mIU/L', ucum: 'm[IU]/L', low: 0.4, high: 4.0, decimals: 2 },
  { printed: 'ALT', loinc: '1742-6', unit: 'U/L', ucum: 'U/L', low: 7, high: 56, decimals: 0 },
  { printed: 'AST', loinc: '1920-8', unit: 'U/L', ucum: 'U/L', low: 10, high: 40, decimals: 0 },
  { printed: 'Urea nitrogen', loinc: '3094-0', unit: 'mg/dL', ucum: 'mg/dL', low: 7, high: 20, decimals: 0 },
  { printed: 'Albumin', loinc: '1751-7', unit: 'g/dL', ucum: 'g/dL', low: 3.5, high: 5.0, decimals: 1 },
  { printed: 'WBC', loinc: '6690-2', unit: '10^3/uL', ucum: '10*3/uL', low: 4.0, high: 11.0, decimals: 1 },
  { printed: 'Platelets', loinc: '777-3', unit: '10^3/uL', ucum: '10*3/uL', low: 150, high: 400, decimals: 0 },
  { printed: 'eGFR', loinc: '62238-1', unit: 'mL/min/1.73m2', ucum: 'mL/min/{1.73_m2}', low: 90, high: 120, decimals: 0 },
];

const DRUGS: readonly { name: string; strengths: string[]; form: string }[] = [
  { name: 'Metformin', strengths: ['500 mg', '850 mg', '1000 mg'], form: 'tablet' },
  { name: 'Lisinopril', strengths: ['5 mg', '10 mg', '20 mg'], form: 'tablet' },
  { name: 'Atorvastatin', strengths: ['10 mg', '20 mg', '40 mg'], form: 'tablet' },
  { name: 'Amlodipine', strengths: ['5 mg', '10 mg'], form: 'tablet' },
  { name: 'Levothyroxine', strengths: ['50 mcg', '75 mcg', '100 mcg'], form: 'tablet' },
  { name: 'Omeprazole', strengths: ['20 mg', '40 mg'], form: 'capsule' },
  { name: 'Amoxicillin', strengths: ['500 mg'], form: 'capsule' },
  { name: 'Furosemide', strengths: ['20 mg', '40 mg'], form: 'tablet' },
];
const FREQUENCIES = ['once daily', 'twice daily', 'three times daily', 'at night'];
const GIVEN = ['Ada', 'Maria', 'John', 'Priya', 'Tomas', 'Grace', 'Omar', 'Lena'];
const FAMILY = ['Lovelace', 'Okafor', 'Novak', 'Hughes', 'Fischer', 'Moreau', 'Silva', 'Khan'];


function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function shuffle<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function isoDate(random: () => number): string {
  const year = 2021 + Math.floor(random() * 4);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function patientLine(random: () => number): string {
  return `Patient: ${pick(random, GIVEN)} ${pick(random, FAMILY)}   DOB: ${isoDate(random).replace(/^20\d\d/, '19' + (50 + Math.floor(random() * 40)))}   MRN: ${100000 + Math.floor(random() * 899999)}`;
}

/** Page geometry: an A4 page at 150 dpi by default. */
export interface PageOptions {
  width?: number;
  height?: number;
  fontPx?: number;
  /** Only the first n analytes (small test images). */
  maxLabs?: number;
  /** The patient the page names (a lab report only); otherwise a generated one. The other random draws stay the same. */
  patient?: { name: string; birthDate: string };
}

type Row = { text: string; x: number; bold?: boolean } | { cells: { text: string; x: number }[]; bold?: boolean };

function draw(rows: Row[][], options: Required<Pick<PageOptions, 'width' | 'height' | 'fontPx'>>): Buffer {
  const canvas = createCanvas(options.width, options.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, options.width, options.height);
  ctx.fillStyle = '#111111';
  ctx.textBaseline = 'top';
  const lineHeight = Math.round(options.fontPx * 1.6);
  let y = Math.round(options.fontPx * 2);
  for (const block of rows) {
    for (const row of block) {
      font(ctx, options.fontPx, row.bold === true);
      if ('text' in row) ctx.fillText(row.text, row.x, y);
      else for (const cell of row.cells) ctx.fillText(cell.text, cell.x, y);
      y += lineHeight;
    }
    y += Math.round(lineHeight / 2);
  }
  return canvas.toBuffer('image/png');
}

function font(ctx: SKRSContext2D, px: number, bold: boolean): void {
  ctx.font = `${bold ? 'bold ' : ''}${px}px "DejaVu Sans", "Liberation Sans", sans-serif`;
}

export function labReport(seed: number, page: PageOptions = {}): RenderedDocument {
  const random = rng(seed);
  const width = page.width ?? 1240;
  const height = page.height ?? 1754;
  const fontPx = page.fontPx ?? 24;
  const date = isoDate(random);
  const count = Math.min(page.maxLabs ?? 99, 8 + Math.floor(random() * 6));
  const chosen = shuffle(random, LABS).slice(0, count);
  const labs: TruthLab[] = chosen.map((spec) => {
    const span = spec.high - spec.low;
    const raw = spec.low - span * 0.3 + random() * span * 1.6;
    const value = Number(Math.max(raw, 0.1).toFixed(spec.decimals));
    return { analyte: spec.printed, loinc: spec.loinc, value, ucum: spec.ucum, low: spec.low, high: spec.high, date };
  });
  const col = [Math.round(width * 0.06), Math.round(width * 0.4), Math.round(width * 0.55), Math.round(width * 0.72)];
  const fmt = (spec: LabSpec, value: number) => value.toFixed(spec.decimals);
  const generated = patientLine(random);
  const named = page.patient ? `Patient: ${page.patient.name}   DOB: ${page.patient.birthDate}   MRN: ${generated.split('MRN: ')[1]}` : generated;
  const header: Row[] = [
    { text: 'Northfield Clinical Laboratory', x: col[0]!, bold: true },
    { text: named, x: col[0]! },
    { text: `Specimen collected: ${date}   Reported: ${date}`, x: col[0]! },
  ];
  const table: Row[] = [
    { cells: [{ text: 'Test', x: col[0]! }, { text: 'Result', x: col[1]! }, { text: 'Units', x: col[2]! }, { text: 'Reference range', x: col[3]! }], bold: true },
    ...chosen.map((spec, i) => ({
      cells: [
        { text: spec.printed, x: col[0]! },
        { text: fmt(spec, labs[i]!.value), x: col[1]! },
        { text: spec.unit, x: col[2]! },
        { text: `${fmt(spec, spec.low)} - ${fmt(spec, spec.high)}`, x: col[3]! },
      ],
    })),
  ];
  const footer: Row[] = [{ text: 'Results verified by: Dr K. Mensah, Clinical Pathologist', x: col[0]! }];
  const rows = [header, table, footer];
  const lines = rows.flat().map((row) => ('text' in row ? row.text : row.cells.map((c) => c.text).join(' ')));
  const png = draw(rows, { width, height, fontPx });
  return { truth: { id: `lab-${seed}`, kind: 'lab-report', lines, labs, medications: [] }, png, width, height };
}

export function prescription(seed: number, page: PageOptions = {}): RenderedDocument {
  const random = rng(seed);
  const width = page.width ?? 1240;
  const height = page.height ?? 1754;
  const fontPx = page.fontPx ?? 24;
  const x = Math.round(width * 0.06);
  const drugs = shuffle(random, DRUGS).slice(0, 2 + Math.floor(random() * 3));
  const medications = drugs.map((drug) => ({ name: drug.name, strength: pick(random, drug.strengths), form: drug.form, frequency: pick(random, FREQUENCIES) }));
  const rows: Row[][] = [
    [
      { text: 'Riverside Family Practice', x, bold: true },
      { text: patientLine(random), x },
      { text: `Date: ${isoDate(random)}`, x },
    ],
    [{ text: 'Rx', x, bold: true }, ...medications.map((m) => ({ text: `${m.name} ${m.strength} ${m.form}: take 1 ${m.form} ${m.frequency}`, x }))],
    [{ text: 'Prescriber: Dr S. Alvarez   Signature: ______________', x }],
  ];
  const lines = rows.flat().map((row) => ('text' in row ? row.text : ''));
  return {
    truth: { id: `rx-${seed}`, kind: 'prescription', lines, labs: [], medications: medications.map(({ name, strength }) => ({ name, strength })) },
    png: draw(rows, { width, height, fontPx }),
    width,
    height,
  };
}

export function dischargeLetter(seed: number, page: PageOptions = {}): RenderedDocument {
  const random = rng(seed);
  const width = page.width ?? 1240;
  const height = page.height ?? 1754;
  const fontPx = page.fontPx ?? 24;
  const x = Math.round(width * 0.06);
  const admitted = isoDate(random);
  const systolic = 110 + Math.floor(random() * 50);
  const diastolic = 65 + Math.floor(random() * 30);
  const pulse = 58 + Math.floor(random() * 40);
  const temp = (36.2 + random() * 2).toFixed(1);
  const spo2 = 92 + Math.floor(random() * 8);
  const drugs = shuffle(random, DRUGS).slice(0, 2);
  const medications = drugs.map((drug) => ({ name: drug.name, strength: pick(random, drug.strengths), frequency: pick(random, FREQUENCIES) }));
  const text = [
    `Admitted on ${admitted} with community acquired pneumonia of the right`,
    'lower lobe. Treated with intravenous antibiotics and oxygen, with good',
    'clinical response. Afebrile for 48 hours before discharge.',
    `Observations at discharge: BP ${systolic}/${diastolic} mmHg, pulse ${pulse} bpm,`,
    `temperature ${temp} C, SpO2 ${spo2}% on room air.`,
  ];
  const rows: Row[][] = [
    [
      { text: 'St Columba General Hospital, Department of Medicine', x, bold: true },
      { text: patientLine(random), x },
      { text: 'Dear Dr Alvarez,', x },
    ],
    text.map((line) => ({ text: line, x })),
    [{ text: 'Medications on discharge:', x, bold: true }, ...medications.map((m) => ({ text: `${m.name} ${m.strength} ${m.frequency}`, x }))],
    [{ text: 'Yours sincerely, Dr H. Lindqvist, Consultant Physician', x }],
  ];
  const lines = rows.flat().map((row) => ('text' in row ? row.text : ''));
  return {
    truth: { id: `dl-${seed}`, kind: 'discharge-letter', lines, labs: [], medications: medications.map(({ name, strength }) => ({ name, strength })) },
    png: draw(rows, { width, height, fontPx }),
    width,
    height,
  };
}
