import { analyteByLoinc, groupWordsOf, type Analyte } from '../../clinical/analytes';
import { toUcum } from '../../clinical/units';
import type { Db } from '../../store/sqlite';
import { changeStamp, encounterClassOf, evidenceChunkRow, observationComponents, patientRow, recordRow, type RecordTable, type Row } from '../../store/queries/grounding';
import { ingredientsOf } from './chart-index';
import type { Citation, RecordCitation } from './citation';
import { datesIn } from './claim-dates';
import { numbersIn } from './claim-quantities';
import { foldedWords, tokenize } from './claim-text';
import { looksLikeInjection } from './injection';

/**
 * A cited source as the verifier reads it: the record's fields by meaning
 * (its code, its value and unit, when it began and ended, its status), and
 * for word-level support its words and the numbers written in its text.
 * Codes are not facts: "4548-4" must not make "4548" look supported.
 */
export interface Measurement {
  readonly analyte: Analyte | null;
  readonly code: string | null;
  readonly value: number | null;
  readonly ucum: string | null;
  /** A coded or text answer ("Never smoker"). */
  readonly text: string | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly at: string | null;
}

export interface SourceRecord {
  readonly citation: Citation;
  readonly kind: RecordCitation['record'] | 'evidence';
  readonly id: string;
  readonly code: string | null;
  readonly display: string;
  readonly words: ReadonlySet<string>;
  readonly numbers: ReadonlyArray<{ readonly value: number; readonly ucum: string | null }>;
  /** ISO days of every date the record holds (start, end, effective, recorded, due). */
  readonly days: readonly string[];
  /** When it began or was measured (onset, start, effective, occurred). */
  readonly start: string | null;
  readonly end: string | null;
  readonly status: string | null;
  /** Allergy category, encounter class. */
  readonly category: string | null;
  /** The class of the visit the record was made at (AMB, EMER, IMP), for "in the ED", "admitted". */
  readonly visitClass: string | null;
  readonly measurement: Measurement | null;
  /** The component rows of a panel (a blood pressure's systolic and diastolic). */
  readonly components: readonly SourceRecord[];
  readonly ingredients: ReadonlySet<string>;
  /** A prescription's dosage as recorded ("1 dose twice a day, as needed"). */
  readonly dosage: string | null;
  /** The conditions a prescription, procedure or visit was for (FHIR reasonReference), by id. */
  readonly reasons: readonly string[];
  /** The source's text addresses the assistant (see injection.ts): it supports nothing. */
  readonly instructions: boolean;
}

/**
 * Words a record of each kind stands for without spelling them: a
 * prescription is a "medication" and an "Rx", an immunization a "vaccine"
 * or a "shot", a visit an "appointment". A claim may use them freely about
 * a record of that kind.
 */
const KIND_WORDS: Partial<Record<SourceRecord['kind'], string>> = {
  medication: 'medication medicine drug prescription rx order ordered prescribed script course renewed refill',
  condition: 'diagnosis diagnosed condition problem dx disorder episode bout case',
  immunization: 'vaccine vaccination immunization immunisation shot jab dose administered given received injection',
  procedure: 'procedure performed done underwent undergone had',
  observation: 'result level reading lab test value measured measurement',
  'diagnostic-report': 'lab labs panel test tests results drawn obtained report',
  encounter: 'visit seen encounter appointment contact consultation',
  allergy: 'allergy allergic reaction reactions sensitivity intolerance criticality severity environmental environment',
  'care-plan': 'plan care goal activity',
};

// Encounter classes (HL7 v3 ActCode) in the words clinicians use.
const CLASS_WORDS: Record<string, string> = {
  AMB: 'ambulatory outpatient office clinic',
  EMER: 'emergency er ed urgent',
  IMP: 'inpatient admission admitted hospital hospitalization',
  ACUTE: 'inpatient admission admitted hospital hospitalization',
  WELLNESS: 'wellness check up',
  HH: 'home',
  VR: 'virtual telehealth video',
};

interface Reading {
  readonly table: RecordTable;
  readonly text: readonly string[];
  readonly start: readonly string[];
  readonly end: readonly string[];
  readonly other: readonly string[];
  readonly status: string | null;
  readonly category: string | null;
}

const READINGS: Record<Exclude<RecordCitation['record'], 'patient'>, Reading> = {
  encounter: { table: 'encounters', text: ['display', 'class_code', 'reason', 'status'], start: ['start_at'], end: ['end_at'], other: [], status: 'status', category: 'class_code' },
  condition: { table: 'conditions', text: ['display', 'clinical_status', 'verification_status'], start: ['onset_at'], end: ['abated_at'], other: [], status: 'clinical_status', category: null },
  medication: { table: 'medications', text: ['display', 'dosage_text', 'status', 'intent'], start: ['start_at'], end: ['end_at'], other: [], status: 'status', category: null },
  procedure: { table: 'procedures', text: ['display', 'status'], start: ['start_at'], end: ['end_at'], other: [], status: 'status', category: null },
  immunization: { table: 'immunizations', text: ['display', 'status'], start: ['occurred_at'], end: [], other: [], status: 'status', category: null },
  observation: { table: 'observations', text: ['display', 'value_text', 'category', 'status', 'interpretation'], start: ['effective_at'], end: [], other: [], status: 'status', category: 'category' },
  'diagnostic-report': { table: 'diagnostic_reports', text: ['display', 'conclusion', 'status'], start: ['effective_at'], end: [], other: ['issued_at'], status: 'status', category: null },
  'imaging-study': { table: 'imaging_studies', text: ['description', 'modality', 'status'], start: ['started_at'], end: [], other: [], status: 'status', category: 'modality' },
  'care-plan': { table: 'care_plan_items', text: ['display', 'kind', 'status'], start: ['start_at'], end: ['end_at'], other: ['due_at'], status: 'status', category: 'kind' },
  allergy: { table: 'allergies', text: ['display', 'category', 'criticality', 'clinical_status', 'reactions'], start: ['onset_at'], end: [], other: ['recorded_date'], status: 'clinical_status', category: 'category' },
  note: { table: 'notes', text: ['title', 'body'], start: ['written_at'], end: [], other: [], status: null, category: null },
  fact: { table: 'memory_facts', text: ['statement'], start: ['valid_from'], end: ['valid_to'], other: [], status: 'status', category: 'kind' },
};

const cache = new WeakMap<Db, { stamp: string; records: Map<string, SourceRecord | null> }>();

/**
 * Reads what a citation points at; null when there is nothing (a record of
 * another patient counts as nothing). Kept until the vault changes: the
 * claims of one answer or brief cite the same records again and again.
 */
export function readSource(db: Db, patientId: string, citation: Citation): SourceRecord | null {
  const stamp = changeStamp(db);
  let entry = cache.get(db);
  if (!entry || entry.stamp !== stamp) cache.set(db, (entry = { stamp, records: new Map() }));
  const key = `${patientId}\u0000${citation.kind === 'record' ? `${citation.record}/${citation.id}` : `evidence/${citation.chunkId}`}`;
  if (entry.records.has(key)) return entry.records.get(key)!;
  const record = readUncached(db, patientId, citation);
  if (entry.records.size > 5000) entry.records.clear();
  entry.records.set(key, record);
  return record;
}

function readUncached(db: Db, patientId: string, citation: Citation): SourceRecord | null {
  if (citation.kind === 'evidence') return readEvidence(db, citation);
  if (citation.record === 'patient') return citation.id === patientId ? readPatient(db, citation) : null;
  const row = recordRow(db, READINGS[citation.record].table, citation.id, patientId);
  return row ? fromRow(db, patientId, citation, citation.record, row) : null;
}

function fromRow(db: Db, patientId: string, citation: Citation, kind: Exclude<RecordCitation['record'], 'patient'>, row: Row): SourceRecord {
  const reading = READINGS[kind];
  const texts = reading.text.map((c) => row[c]).filter((v): v is string => typeof v === 'string' && v !== '');
  const resource = parseResource(row.resource);
  const reasonText = conceptTexts(resource?.reasonCode);
  const joined = [...texts, ...reasonText].join('\n');
  const words = new Set(foldedWords(joined));
  for (const w of foldedWords(KIND_WORDS[kind] ?? '')) words.add(w);
  if (kind === 'encounter' && typeof row.class_code === 'string') for (const w of foldedWords(CLASS_WORDS[row.class_code.toUpperCase()] ?? '')) words.add(w);
  // A goal or follow-up with a due date is "due" then (the date itself is checked among its days).
  if (kind === 'care-plan' && typeof row.due_at === 'string') words.add('due');
  const tokens = tokenize(joined);
  const numbers = numbersIn(joined, tokens, datesIn(joined)).map((n) => ({ value: n.value, ucum: n.units[0]?.ucum ?? null }));
  const iso = (c: string) => (typeof row[c] === 'string' && /^\d{4}-\d{2}-\d{2}/.test(row[c] as string) ? (row[c] as string) : null);
  const start = reading.start.map(iso).find((v) => v !== null) ?? null;
  const end = reading.end.map(iso).find((v) => v !== null) ?? null;
  const days = [...reading.start, ...reading.end, ...reading.other].map(iso).filter((v): v is string => v !== null).map((v) => v.slice(0, 10));
  // A note or a confirmed finding dates what it says in its own words ("on DX image of 2023-05-01").
  if (kind === 'note' || kind === 'fact' || kind === 'diagnostic-report') days.push(...datesIn(joined).filter((d) => d.precision === 'day').map((d) => d.from));
  let measurement: Measurement | null = null;
  let components: SourceRecord[] = [];
  const code = typeof row.code === 'string' ? row.code : null;
  if (kind === 'observation') {
    const ucum = typeof row.unit === 'string' ? (toUcum(row.unit) ?? row.unit) : null;
    const analyte = analyteByLoinc(code);
    if (analyte) for (const w of foldedWords(`${analyte.short} ${groupWordsOf(analyte.id)}`)) words.add(w);
    measurement = {
      analyte,
      code,
      value: typeof row.value_num === 'number' ? row.value_num : null,
      ucum,
      text: typeof row.value_text === 'string' ? row.value_text : null,
      low: typeof row.ref_low === 'number' ? row.ref_low : null,
      high: typeof row.ref_high === 'number' ? row.ref_high : null,
      at: start,
    };
    if (measurement.value !== null) numbers.push({ value: measurement.value, ucum });
    if (typeof row.unit === 'string') for (const w of foldedWords(row.unit)) words.add(w);
    if (row.parent_id === null || row.parent_id === undefined) {
      components = observationComponents(db, citation.kind === 'record' ? citation.id : '', patientId).map((c) =>
        fromRow(db, patientId, { kind: 'record', record: 'observation', id: String(c.id) }, 'observation', c),
      );
      for (const c of components) {
        for (const w of c.words) words.add(w);
        numbers.push(...c.numbers);
      }
    }
  }
  const display: string = typeof row.display === 'string' ? row.display : typeof row.description === 'string' ? row.description : typeof row.title === 'string' ? row.title : typeof row.statement === 'string' ? row.statement : '';
  const record: SourceRecord = {
    citation,
    kind,
    id: String(row.id),
    code,
    display,
    words,
    numbers,
    days,
    start,
    end,
    status: reading.status && typeof row[reading.status] === 'string' ? (row[reading.status] as string) : null,
    category: reading.category && typeof row[reading.category] === 'string' ? (row[reading.category] as string) : null,
    visitClass: kind === 'encounter' ? ((row.class_code as string | null) ?? null) : typeof row.encounter_id === 'string' ? encounterClassOf(db, row.encounter_id) : null,
    measurement,
    components,
    ingredients: kind === 'medication' ? ingredientsOf(display) : new Set(),
    dosage: typeof row.dosage_text === 'string' ? row.dosage_text : null,
    reasons: referencedIds(resource?.reasonReference),
    instructions: texts.some(looksLikeInjection),
  };
  if (kind === 'medication') {
    numbers.push(...derivedAmounts(numbers));
    // A product's ingredients are what it says: "Seasonique" is levonorgestrel and ethinyl estradiol.
    for (const ingredient of record.ingredients) for (const w of foldedWords(ingredient)) words.add(w);
  }
  return record;
}

/**
 * "0.3 ML Epinephrine 1 MG/ML": what one dose holds (0.3 mg), for a claim
 * that gives the amount rather than the volume and concentration; and
 * "0.044 MG/ACTUAT" as "44 mcg" a puff.
 */
function derivedAmounts(numbers: ReadonlyArray<{ value: number; ucum: string | null }>): Array<{ value: number; ucum: string | null }> {
  const volumes = numbers.filter((n) => n.ucum === 'mL');
  const concentrations = numbers.filter((n) => n.ucum !== null && /\/mL$/.test(n.ucum));
  const perPuff = numbers.filter((n) => n.ucum !== null && /\/\{actuat\}$/.test(n.ucum)).map((n) => ({ value: n.value, ucum: n.ucum!.replace(/\/\{actuat\}$/, '') }));
  return [...perPuff, ...volumes.flatMap((v) => concentrations.map((c) => ({ value: Number((v.value * c.value).toPrecision(6)), ucum: c.ucum!.replace(/\/mL$/, '') })))];
}

function parseResource(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return JSON.parse(value) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function conceptTexts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c: { text?: string; coding?: Array<{ display?: string }> }) => [c?.text, ...(c?.coding ?? []).map((x) => x?.display)].filter((t): t is string => typeof t === 'string'));
}

/** Ids of referenced resources ("urn:uuid:ID" as Synthea writes them, or "Condition/ID"). */
function referencedIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((r: { reference?: string }) => r?.reference).filter((r): r is string => typeof r === 'string').map((r) => r.replace(/^urn:uuid:/, '').replace(/^[A-Za-z]+\//, ''));
}

/** The whole chart, cited by a claim about absence: it holds no words of its own; checks read the chart index. */
function readPatient(db: Db, citation: Citation): SourceRecord | null {
  const row = patientRow(db, citation.kind === 'record' ? citation.id : '');
  if (!row) return null;
  return {
    citation,
    kind: 'patient',
    id: String(row.id),
    code: null,
    display: 'the whole chart',
    words: new Set(),
    numbers: [],
    days: [],
    start: null,
    end: null,
    status: null,
    category: null,
    visitClass: null,
    measurement: null,
    components: [],
    ingredients: new Set(),
    dosage: null,
    reasons: [],
    instructions: false,
  };
}

/** A library passage: its words, numbers and dates as written, under its headings. */
function readEvidence(db: Db, citation: Extract<Citation, { kind: 'evidence' }>): SourceRecord | null {
  const row = evidenceChunkRow(db, citation.chunkId);
  if (!row) return null;
  const text = `${row.section}\n${row.text}`;
  const dates = datesIn(text);
  return {
    citation,
    kind: 'evidence',
    id: String(citation.chunkId),
    code: null,
    display: row.section,
    words: new Set(foldedWords(text)),
    numbers: numbersIn(text, tokenize(text), dates).map((n) => ({ value: n.value, ucum: n.units[0]?.ucum ?? null })),
    days: dates.filter((d) => d.precision === 'day').map((d) => d.from),
    start: null,
    end: null,
    status: null,
    category: null,
    visitClass: null,
    measurement: null,
    components: [],
    ingredients: new Set(),
    dosage: null,
    reasons: [],
    instructions: looksLikeInjection(text),
  };
}
