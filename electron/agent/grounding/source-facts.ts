import type { Db } from '../../store/sqlite';
import type { Citation, RecordCitation } from './citation';
import { looksLikeInjection } from './injection';
import { daysIn, sourceNumbers, wordsOf } from './text-facts';
import { normalizeUnit } from './units';

/**
 * What a cited record says, reduced to the facts a claim can be checked
 * against: its words, its numbers (each with the unit it was recorded in,
 * if any) and its dates (as ISO days). Codes are not facts: "4548-4" must
 * not make "4548" look supported.
 */
export interface SourceFacts {
  readonly words: Set<string>;
  readonly numbers: Array<{ value: number; unit: string | null }>;
  readonly days: Set<string>;
  /** The record's numeric result and range, for "above/below the range" claims. */
  readonly result: { value: number; low: number | null; high: number | null } | null;
  /** When the record was true (effective, onset, start), for trend direction. */
  readonly at: string | null;
  /** The source's text addresses the assistant (see injection.ts): it supports nothing. */
  readonly instructions: boolean;
}

interface TableReading {
  readonly table: string;
  /** Columns whose text is what the record says. */
  readonly text: readonly string[];
  /** Columns holding dates or datetimes. */
  readonly dates: readonly string[];
}

const READINGS: Record<RecordCitation['record'], TableReading> = {
  encounter: { table: 'encounters', text: ['display', 'class_code', 'reason', 'status'], dates: ['start_at', 'end_at'] },
  condition: { table: 'conditions', text: ['display', 'clinical_status', 'verification_status'], dates: ['onset_at', 'abated_at'] },
  medication: { table: 'medications', text: ['display', 'dosage_text', 'status', 'intent'], dates: ['start_at', 'end_at'] },
  procedure: { table: 'procedures', text: ['display', 'status'], dates: ['start_at', 'end_at'] },
  immunization: { table: 'immunizations', text: ['display', 'status'], dates: ['occurred_at'] },
  observation: { table: 'observations', text: ['display', 'value_text', 'category', 'status', 'interpretation'], dates: ['effective_at'] },
  'diagnostic-report': { table: 'diagnostic_reports', text: ['display', 'conclusion', 'status'], dates: ['effective_at', 'issued_at'] },
  'imaging-study': { table: 'imaging_studies', text: ['description', 'modality', 'status'], dates: ['started_at'] },
  'care-plan': { table: 'care_plan_items', text: ['display', 'kind', 'status'], dates: ['start_at', 'end_at', 'due_at'] },
  allergy: { table: 'allergies', text: ['display', 'category', 'criticality', 'clinical_status', 'reactions'], dates: ['onset_at', 'recorded_date'] },
  note: { table: 'notes', text: ['title', 'body'], dates: ['written_at'] },
  fact: { table: 'memory_facts', text: ['statement'], dates: ['valid_from'] },
};

/** Reads what a citation points at; null when there is nothing (a record of another patient counts as nothing). */
export function readSourceFacts(db: Db, patientId: string, citation: Citation): SourceFacts | null {
  return citation.kind === 'record' ? readRecordFacts(db, patientId, citation) : readEvidenceFacts(db, citation.chunkId);
}

/** A library passage: its words, numbers and dates as written, under its headings. */
function readEvidenceFacts(db: Db, chunkId: number): SourceFacts | null {
  const row = db.prepare(`SELECT section, text FROM evidence_chunks WHERE id = ?`).get(chunkId) as { section: string; text: string } | undefined;
  if (!row) return null;
  const text = `${row.section}\n${row.text}`;
  const days = new Set(daysIn(text).map((d) => d.day));
  return { words: new Set(wordsOf(text)), numbers: sourceNumbers(text), days, result: null, at: null, instructions: looksLikeInjection(text) };
}

function readRecordFacts(db: Db, patientId: string, citation: RecordCitation): SourceFacts | null {
  const reading = READINGS[citation.record];
  const row = db.prepare(`SELECT * FROM ${reading.table} WHERE id = ? AND patient_id = ?`).get(citation.id, patientId) as
    | Record<string, unknown>
    | undefined;
  if (!row) return null;
  const words = new Set<string>();
  const numbers: SourceFacts['numbers'] = [];
  let instructions = false;
  for (const column of reading.text) {
    const value = row[column];
    if (typeof value !== 'string') continue;
    instructions ||= looksLikeInjection(value);
    for (const word of wordsOf(value)) words.add(word);
    numbers.push(...sourceNumbers(value));
  }
  const days = new Set<string>();
  for (const column of reading.dates) {
    const value = row[column];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) days.add(value.slice(0, 10));
  }
  let result: SourceFacts['result'] = null;
  if (citation.record === 'observation' && typeof row.value_num === 'number') {
    const unit = typeof row.unit === 'string' ? normalizeUnit(row.unit) : null;
    numbers.push({ value: row.value_num, unit });
    const low = typeof row.ref_low === 'number' ? row.ref_low : null;
    const high = typeof row.ref_high === 'number' ? row.ref_high : null;
    if (low !== null) numbers.push({ value: low, unit });
    if (high !== null) numbers.push({ value: high, unit });
    if (unit) for (const word of wordsOf(String(row.unit))) words.add(word);
    result = { value: row.value_num, low, high };
  }
  const first = reading.dates.map((c) => row[c]).find((v): v is string => typeof v === 'string');
  return { words, numbers, days, result, at: first ?? null, instructions };
}
