import type { EventKind, RecordDetails } from '../../api/schemas';
import type { ReadDb } from '../sqlite';

/**
 * Which table holds each kind, and which columns a clinician reads, in order,
 * with their labels. The label expressions use columns that `sources` lacks,
 * so they need no table prefix in the join below.
 */
const KINDS: Record<EventKind, { table: string; label: string; fields: Array<[column: string, name: string]> }> = {
  encounter: {
    table: 'encounters',
    label: `coalesce(display, class_code, 'Encounter')`,
    fields: [['class_code', 'Class'], ['display', 'Type'], ['reason', 'Reason'], ['start_at', 'Start'], ['end_at', 'End'], ['status', 'Status']],
  },
  condition: {
    table: 'conditions',
    label: `coalesce(display, code)`,
    fields: [['display', 'Condition'], ['code', 'Code'], ['code_system', 'Code system'], ['clinical_status', 'Clinical status'], ['verification_status', 'Verification'], ['onset_at', 'Onset'], ['abated_at', 'Resolved']],
  },
  medication: {
    table: 'medications',
    label: `coalesce(display, code)`,
    fields: [['display', 'Medication'], ['code', 'Code'], ['dosage_text', 'Dosage'], ['status', 'Status'], ['intent', 'Intent'], ['start_at', 'Start'], ['end_at', 'End']],
  },
  procedure: {
    table: 'procedures',
    label: `coalesce(display, code)`,
    fields: [['display', 'Procedure'], ['code', 'Code'], ['status', 'Status'], ['start_at', 'Start'], ['end_at', 'End']],
  },
  immunization: {
    table: 'immunizations',
    label: `coalesce(display, code)`,
    fields: [['display', 'Vaccine'], ['code', 'Code'], ['status', 'Status'], ['occurred_at', 'Given']],
  },
  observation: {
    table: 'observations',
    label: `coalesce(display, code)`,
    fields: [['display', 'Observation'], ['code', 'Code'], ['code_system', 'Code system'], ['category', 'Category'], ['value_num', 'Value'], ['value_text', 'Result'], ['unit', 'Unit'], ['ref_low', 'Reference low'], ['ref_high', 'Reference high'], ['interpretation', 'Interpretation'], ['effective_at', 'Taken'], ['status', 'Status']],
  },
  // A results group is not one record: it opens with observations.results.
  results: {
    table: 'observations',
    label: `coalesce(display, code)`,
    fields: [],
  },
  'diagnostic-report': {
    table: 'diagnostic_reports',
    label: `coalesce(display, code)`,
    fields: [['display', 'Report'], ['code', 'Code'], ['status', 'Status'], ['effective_at', 'Effective'], ['issued_at', 'Issued'], ['conclusion', 'Conclusion']],
  },
  'imaging-study': {
    table: 'imaging_studies',
    label: `coalesce(description, modality)`,
    fields: [['description', 'Study'], ['modality', 'Modality'], ['started_at', 'Started'], ['series_count', 'Series'], ['instance_count', 'Images'], ['status', 'Status']],
  },
  'care-plan': {
    table: 'care_plan_items',
    label: `coalesce(display, code)`,
    fields: [['kind', 'Item'], ['display', 'Description'], ['status', 'Status'], ['start_at', 'Start'], ['end_at', 'End'], ['due_at', 'Due']],
  },
  allergy: {
    table: 'allergies',
    label: `coalesce(display, code)`,
    fields: [['display', 'Substance'], ['category', 'Category'], ['criticality', 'Criticality'], ['clinical_status', 'Status'], ['reactions', 'Reactions'], ['onset_at', 'Onset'], ['recorded_date', 'Recorded']],
  },
  note: {
    table: 'notes',
    label: `title`,
    fields: [['title', 'Title'], ['body', 'Note'], ['written_at', 'Written']],
  },
  fact: {
    table: 'memory_facts',
    label: `statement`,
    fields: [['statement', 'Fact'], ['kind', 'Kind'], ['status', 'Status'], ['valid_from', 'Valid from'], ['valid_to', 'Valid to']],
  },
  document: {
    table: 'documents',
    label: `title`,
    fields: [['title', 'Document'], ['media_type', 'File type'], ['page_count', 'Pages'], ['created_at', 'Filed']],
  },
};

const NO_RESOURCE = new Set<EventKind>(['note', 'fact', 'document']);

/** One record with its provenance: what it says, where it came from, who recorded it when. */
export function getRecordDetails(db: ReadDb, kind: EventKind, id: string): RecordDetails | null {
  const spec = KINDS[kind];
  const columns = spec.fields.map(([column]) => `r.${column}`).join(', ');
  const resource = NO_RESOURCE.has(kind) ? 'NULL' : 'r.resource';
  const row = db
    .prepare(
      `SELECT ${columns}, ${spec.label} AS __label,
              ${resource} AS __resource, r.source_ref AS __source_ref, r.recorded_at AS __recorded_at,
              r.recorded_by AS __recorded_by, s.kind AS __source_kind, s.label AS __source_label
       FROM ${spec.table} r JOIN sources s ON s.id = r.source_id WHERE r.id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const fields = spec.fields
    .map(([column, name]) => ({ name, value: row[column] }))
    .filter((f) => f.value !== null && f.value !== undefined && f.value !== '' && f.value !== '[]')
    .map((f) => ({ name: f.name, value: String(f.value) }));
  return {
    kind,
    id,
    label: String(row.__label ?? kind),
    fields,
    provenance: {
      sourceKind: String(row.__source_kind),
      sourceLabel: String(row.__source_label),
      sourceRef: (row.__source_ref as string | null) ?? null,
      recordedAt: String(row.__recorded_at),
      recordedBy: (row.__recorded_by as string | null) ?? null,
    },
    resource: typeof row.__resource === 'string' ? (JSON.parse(row.__resource) as unknown) : null,
  };
}

/** The patient a record belongs to, for the audit entry of a record view. */
export function recordPatientId(db: ReadDb, kind: EventKind, id: string): string | null {
  return (db.prepare(`SELECT patient_id FROM ${KINDS[kind].table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? null;
}
