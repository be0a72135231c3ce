/**
 * The columns the importer writes, per table of migration 0001, besides the
 * provenance and original-resource columns every clinical table shares.
 * Mappers return rows typed by these lists, so a missing column is a type
 * error rather than a NULL.
 */
export const TABLE_COLUMNS = {
  patients: ['id', 'name_text', 'family', 'given', 'birth_date', 'sex', 'deceased_at', 'identifiers', 'search_text'],
  encounters: ['id', 'patient_id', 'status', 'class_code', 'code_system', 'code', 'display', 'reason', 'start_at', 'end_at'],
  conditions: [
    'id', 'patient_id', 'encounter_id', 'clinical_status', 'verification_status', 'code_system', 'code', 'display', 'onset_at', 'abated_at',
  ],
  medications: [
    'id', 'patient_id', 'encounter_id', 'status', 'intent', 'code_system', 'code', 'display', 'dosage_text', 'start_at', 'end_at',
  ],
  allergies: [
    'id', 'patient_id', 'clinical_status', 'verification_status', 'category', 'criticality', 'code_system', 'code', 'display',
    'reactions', 'onset_at', 'recorded_date',
  ],
  observations: [
    'id', 'parent_id', 'patient_id', 'encounter_id', 'status', 'category', 'code_system', 'code', 'display', 'value_num', 'value_text',
    'unit', 'unit_system', 'ref_low', 'ref_high', 'interpretation', 'effective_at',
  ],
  procedures: ['id', 'patient_id', 'encounter_id', 'status', 'code_system', 'code', 'display', 'start_at', 'end_at'],
  immunizations: ['id', 'patient_id', 'encounter_id', 'status', 'code_system', 'code', 'display', 'occurred_at'],
  diagnostic_reports: [
    'id', 'patient_id', 'encounter_id', 'status', 'code_system', 'code', 'display', 'effective_at', 'issued_at', 'result_ids', 'conclusion',
  ],
  imaging_studies: ['id', 'patient_id', 'encounter_id', 'status', 'modality', 'description', 'started_at', 'series_count', 'instance_count'],
  care_plan_items: ['id', 'patient_id', 'plan_id', 'kind', 'status', 'code_system', 'code', 'display', 'start_at', 'end_at', 'due_at'],
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;
export type SqlValue = string | number | null;
export type RowOf<T extends TableName> = { [C in (typeof TABLE_COLUMNS)[T][number]]: SqlValue };
export type Row = Readonly<Record<string, SqlValue>>;

/** Where each row came from; the last two only on rows that stand for a whole resource. */
export const PROVENANCE_COLUMNS = ['source_id', 'source_ref', 'recorded_at', 'recorded_by', 'resource', 'content_hash'] as const;

/**
 * Rows that a resource row owns and that are rebuilt with it when the
 * resource changes: observation components and care plan activities.
 */
export const CHILD_ROWS: Partial<Record<TableName, string>> = {
  observations: 'parent_id = ?',
  care_plan_items: `plan_id = ? AND kind = 'activity'`,
};

/** The tables a patient's resources live in, in the order an export lists them. */
export const PATIENT_TABLES = [
  'encounters',
  'conditions',
  'medications',
  'allergies',
  'observations',
  'procedures',
  'immunizations',
  'diagnostic_reports',
  'imaging_studies',
  'care_plan_items',
] as const satisfies readonly TableName[];
