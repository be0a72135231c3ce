import { z } from 'zod';
import { fileBytes, UPLOAD_MAX_BYTES } from './upload';

/**
 * Shapes shared by the renderer and the core. Plain zod, no Node imports:
 * this folder is bundled into the renderer as it is.
 */

export const clinicianId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'use lower-case letters, digits, ".", "_" or "-"');
export const passphrase = z.string().min(8, 'at least 8 characters').max(1024);
export const recordId = z.string().min(1).max(256);
/** ISO 8601 date or date-time. */
export const isoTime = z.string().regex(/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/, 'an ISO 8601 date');

export const clinician = z.object({ id: z.string(), displayName: z.string() });
export type ClinicianDto = z.infer<typeof clinician>;

/**
 * "Remember on this device", as the host offers it: the browser host never
 * does; Electron does when the OS secret store is usable (never Linux's plain-text one).
 */
export const deviceSignIn = z.object({
  available: z.boolean(),
  /** Why this computer cannot offer it (its secret store was refused), in words; null when offered or when the host has none. */
  reason: z.string().nullable(),
  /** Clinician ids who can sign in on this device without their passphrase. */
  remembered: z.array(z.string()),
});
export type DeviceSignIn = z.infer<typeof deviceSignIn>;

export const vaultStatus = z.object({
  state: z.enum(['no-vault', 'locked', 'unlocked']),
  vaultFile: z.string(),
  clinicians: z.array(clinician),
  currentClinician: clinician.nullable(),
  autoLockMinutes: z.number(),
  /** Absent from a core that predates it: treat as not available. */
  device: deviceSignIn.optional(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

export const identifier = z.object({ system: z.string().nullable(), value: z.string(), type: z.string().nullable() });

export const patientSummary = z.object({
  id: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  deceasedAt: z.string().nullable(),
  identifiers: z.array(identifier),
});
export type PatientSummary = z.infer<typeof patientSummary>;

export const codedItem = z.object({
  id: z.string(),
  display: z.string(),
  code: z.string().nullable(),
  codeSystem: z.string().nullable(),
  status: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});
export type CodedItem = z.infer<typeof codedItem>;

export const allergy = codedItem.extend({
  criticality: z.string().nullable(),
  category: z.string().nullable(),
  reactions: z.array(z.string()),
});
export type Allergy = z.infer<typeof allergy>;

export const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  clinicianId: z.string(),
  action: z.string(),
  patientId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;

export const chart = z.object({
  patient: patientSummary,
  /** Allergies to something (not the records that say there is none). */
  allergies: z.array(allergy),
  /**
   * Records stating that the patient has no known allergy (NKA, NKDA, coded): a clinician asked. Without
   * them and without allergies the record is silent, which is not the same.
   */
  noKnownAllergies: z.array(codedItem).default([]),
  /** Open goals (imported Goals, follow-ups signed here), soonest due first. */
  goals: z.array(codedItem.extend({ due: z.string().nullable() })).default([]),
  activeProblems: z.array(codedItem),
  activeMedications: z.array(codedItem),
  counts: z.record(z.string(), z.number()),
  /** First and last dated event, for the timeline's initial zoom. */
  span: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
});
export type Chart = z.infer<typeof chart>;

export const eventKind = z.enum([
  'encounter',
  'condition',
  'medication',
  'procedure',
  'immunization',
  'observation',
  /** A day's observations of one category, as one timeline event; its id is "YYYY-MM-DD|category". */
  'results',
  'diagnostic-report',
  'imaging-study',
  'care-plan',
  'allergy',
  'note',
  /** A fact in the patient's long-term memory (memory_facts), e.g. an imaging finding the clinician confirmed. */
  'fact',
  /** A scanned document filed under the chart (OCR); its pages open in the document pane. */
  'document',
]);
export type EventKind = z.infer<typeof eventKind>;

/** One row on the timeline: a point when end is null and not ongoing, else a span. */
export const timelineEvent = z.object({
  kind: eventKind,
  id: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  /** A span with no end date that is still going on (active problem, current medication). */
  ongoing: z.boolean(),
  label: z.string(),
  status: z.string().nullable(),
  /** An observation's result (kind 'observation' only): the number, or the text of a coded or written result. */
  value: z.number().nullable().optional(),
  valueText: z.string().nullable().optional(),
  /** Its UCUM unit, as recorded. */
  unit: z.string().nullable().optional(),
  refLow: z.number().nullable().optional(),
  refHigh: z.number().nullable().optional(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const timelineQuery = z.object({
  patientId: recordId,
  from: isoTime.optional(),
  to: isoTime.optional(),
  kinds: z.array(eventKind).optional(),
});

export const analyte = z.object({
  code: z.string(),
  codeSystem: z.string().nullable(),
  display: z.string(),
  unit: z.string().nullable(),
  count: z.number(),
  category: z.string().nullable(),
  last: z.string().nullable(),
});
export type Analyte = z.infer<typeof analyte>;

export const series = z.object({
  code: z.string(),
  display: z.string(),
  unit: z.string().nullable(),
  /** Reference range, when the source gave one (the most recent). */
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  points: z.array(z.object({ id: z.string(), at: z.string(), value: z.number() })),
});
export type Series = z.infer<typeof series>;

export const provenance = z.object({
  sourceKind: z.string(),
  sourceLabel: z.string(),
  sourceRef: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type Provenance = z.infer<typeof provenance>;

export const recordDetails = z.object({
  kind: eventKind,
  id: z.string(),
  label: z.string(),
  fields: z.array(z.object({ name: z.string(), value: z.string() })),
  provenance,
  /** The original resource as imported (FHIR JSON), when there is one. */
  resource: z.unknown().nullable(),
});
export type RecordDetails = z.infer<typeof recordDetails>;

export const importReport = z.object({
  file: z.string(),
  alreadyImported: z.boolean(),
  patients: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Resources per type: added, unchanged (already there), updated. */
  added: z.record(z.string(), z.number()),
  unchanged: z.record(z.string(), z.number()),
  updated: z.record(z.string(), z.number()),
  /** Types Continuum does not map (billing, organisations...), counted, never silently dropped. */
  notMapped: z.record(z.string(), z.number()),
  resources: z.number(),
  seconds: z.number(),
});
export type ImportReport = z.infer<typeof importReport>;

export const resultValue = z.object({
  id: z.string(),
  at: z.string(),
  code: z.string().nullable(),
  display: z.string(),
  value: z.string(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  /** Outside the reference range, when there is one. */
  abnormal: z.boolean(),
});
export type ResultValue = z.infer<typeof resultValue>;

export const searchHit = z.object({ kind: z.string(), id: z.string(), snippet: z.string(), rank: z.number() });
export type SearchHit = z.infer<typeof searchHit>;

/**
 * What a claim rests on: a record of the patient's memory or a passage of the
 * evidence library (document spans join later). The record kind 'patient'
 * (id: the patient's id) cites the whole chart: what a claim about absence
 * ("no history of asthma", "NKDA") or "the latest" was checked against.
 */
export const citedRecordKind = z.enum([...eventKind.exclude(['results', 'document']).options, 'patient']);
export type CitedRecordKind = z.infer<typeof citedRecordKind>;
export const recordCitation = z.object({
  kind: z.literal('record'),
  record: citedRecordKind,
  id: recordId,
});
/** A passage of the evidence library. */
export const evidenceCitation = z.object({ kind: z.literal('evidence'), chunkId: z.number().int().positive() });
export const citation = z.discriminatedUnion('kind', [recordCitation, evidenceCitation]);
export type CitationDto = z.infer<typeof citation>;

export const groundingProblem = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** 'unchecked' marks a part the verifier could not check: shown apart from what it found wrong. */
  kind: z.enum(['citation', 'value', 'unit', 'date', 'term', 'assertion', 'status', 'negation', 'latest', 'unchecked']),
  message: z.string(),
});

/** A sentence with its citations and the grounding verifier's verdict; only 'supported' may be shown as fact. */
export const verifiedClaim = z.object({
  text: z.string(),
  citations: z.array(citation),
  verdict: z.enum(['supported', 'unsupported', 'unchecked', 'uncited']),
  problems: z.array(groundingProblem),
  /** What each citation cites, in a few words for its chip ("HbA1c 7.2 % 1 Mar 2024"), in the citations' order. */
  labels: z.array(z.string()).optional(),
});
export type VerifiedClaimDto = z.infer<typeof verifiedClaim>;

export const briefSectionId = z.enum(['status', 'alerts', 'changes', 'trends', 'checks', 'problems', 'medications', 'allergies', 'care']);

export const dateStyle = z.enum(['dmy', 'mdy', 'iso']);

/** Where a rule or threshold comes from: title, issuer, version, and where known the section and table row (as a check's source). */
export const ruleSource = z.object({
  title: z.string(),
  issuer: z.string(),
  version: z.string().optional(),
  section: z.string().optional(),
  row: z.string().optional(),
  url: z.string().optional(),
});

/**
 * Why a brief line is an alert or a check: the rule it crossed, in the
 * rule's own words (a threshold, not a fact about the patient: the line's
 * cited text holds those), with its source.
 */
export const briefRule = z.object({
  severity: z.enum(['critical', 'high', 'warning']),
  text: z.string(),
  source: ruleSource,
});
export type BriefRule = z.infer<typeof briefRule>;

/** A brief line: a verified claim, and for alerts and checks the rule that raised it. */
export const briefLine = verifiedClaim.extend({ rule: briefRule.optional() });
export type BriefLine = z.infer<typeof briefLine>;

/** A scanned document filed since the last visit: listed with the brief, opened in the document pane. */
export const briefDocument = z.object({
  id: z.string(),
  title: z.string(),
  pages: z.number().int(),
  filedAt: z.string(),
  /** Every page looked at (each doubtful word, or the page accepted as read) by a clinician. */
  reviewed: z.boolean(),
});
export type BriefDocument = z.infer<typeof briefDocument>;

export const brief = z.object({
  patientId: recordId,
  /** The moment the brief describes, ISO. */
  asOf: z.string(),
  /** How it was written: 'memory' (deterministic, no model) or a model's id. */
  author: z.string(),
  /** The patient's date of death, when the record gives one: the brief then describes the record as it stood at death. */
  deceasedAt: z.string().nullable(),
  /** How the brief writes dates. */
  dateStyle,
  sections: z.array(
    z.object({
      id: briefSectionId,
      title: z.string(),
      lines: z.array(briefLine),
      /** Said when a section has no lines ("No known allergies recorded."); not a claim. */
      emptyText: z.string(),
    }),
  ),
  counts: z.object({ lines: z.number().int(), supported: z.number().int(), flagged: z.number().int() }),
  /** Scanned documents filed since the last visit, newest first. */
  documents: z.array(briefDocument),
});
export type Brief = z.infer<typeof brief>;

export const evidenceTierDto = z.enum(['guideline', 'reference', 'other']);

export const evidenceHit = z.object({
  chunkId: z.number().int(),
  sourceId: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  published: z.string(),
  licence: z.string(),
  tier: evidenceTierDto,
  section: z.string(),
  page: z.number().int().nullable(),
  /** The passage, each match between \u0002 and \u0003. */
  snippet: z.string(),
  score: z.number(),
});
export type EvidenceHitDto = z.infer<typeof evidenceHit>;

export const evidenceSource = z.object({
  id: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  published: z.string(),
  licence: z.string(),
  tier: evidenceTierDto,
  url: z.string().nullable(),
  chunks: z.number().int(),
});
export type EvidenceSourceDto = z.infer<typeof evidenceSource>;

/** A passage in its document: it and its neighbours, with the page each starts on, for the reader. */
export const evidenceContext = z.object({
  source: evidenceSource.extend({ fileName: z.string() }),
  chunks: z.array(z.object({ chunkId: z.number().int(), ord: z.number().int(), section: z.string(), page: z.number().int().nullable(), text: z.string() })),
  at: z.number().int(),
  total: z.number().int(),
});
export type EvidenceContextDto = z.infer<typeof evidenceContext>;

/** A document a clinician adds to the library from the panel: the file and what is needed to cite it. */
export const evidenceImportRequest = z
  .object({
    fileName: z.string().min(1).max(260),
    bytes: fileBytes(UPLOAD_MAX_BYTES['evidence.import'], 'document'),
    title: z.string().max(300),
    issuer: z.string().max(200),
    published: z.string().max(100),
    licence: z.string().max(200),
    tier: evidenceTierDto,
  })
  .strict();

/** A clinical check's finding on the medications: what, how serious, about which records, by whose rule. */
export const checkFlag = z.object({
  kind: z.enum(['allergy-conflict', 'duplicate-therapy', 'renal-dose', 'interaction', 'opioid-dose', 'opioid-concurrent']),
  severity: z.enum(['high', 'warning']),
  message: z.string(),
  records: z.array(citation),
  /** The rule's source: its edition, the section the rule sits in, and the table row that triggered it. */
  source: z.object({
    title: z.string(),
    issuer: z.string(),
    url: z.string().optional(),
    version: z.string().optional(),
    section: z.string().optional(),
    row: z.string().optional(),
    libraryFile: z.string().optional(),
  }),
});
export type CheckFlagDto = z.infer<typeof checkFlag>;

/** One of the vital signs and key results the chart's strip shows: the latest, with its date and the records it rests on. */
export const vitalSign = z.object({
  key: z.enum(['bp', 'pulse', 'weight', 'bmi', 'egfr', 'temperature', 'spo2']),
  label: z.string(),
  value: z.number(),
  /** Blood pressure's diastolic, beside its systolic. */
  value2: z.number().nullable(),
  /** UCUM, as recorded. */
  unit: z.string().nullable(),
  /** Decimals as the analyte is printed, when known. */
  decimals: z.number().int().nullable(),
  at: z.string(),
  ids: z.array(z.string()),
  /** critical: beyond a critical limit of the cited table; abnormal: outside the record's reference range. */
  flag: z.enum(['critical', 'abnormal']).nullable(),
  /** Why it is flagged, with the rule's source, in one line. */
  flagText: z.string().nullable(),
});
export type VitalSign = z.infer<typeof vitalSign>;

export const bpPoint = z.object({
  at: z.string(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  systolicId: z.string().nullable(),
  diastolicId: z.string().nullable(),
});
export type BpPoint = z.infer<typeof bpPoint>;

export const vitals = z.object({
  latest: z.array(vitalSign),
  /** Every blood pressure, systolic and diastolic together, oldest first, with the goal the chart shades. */
  bp: z.object({
    points: z.array(bpPoint),
    target: z.object({ systolicBelow: z.number(), diastolicBelow: z.number(), source: ruleSource }),
  }),
});
export type Vitals = z.infer<typeof vitals>;
