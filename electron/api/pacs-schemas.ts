import { z } from 'zod';
import { dicomImportOutcome } from './imaging-schemas';

/**
 * "Pull from PACS" as the renderer and the core exchange it: the clinic's
 * PACS settings (address and user; the password is never stored), a search
 * of what the PACS holds for a chart, and a pull of chosen studies that runs
 * in the background with progress per instance. zod only: bundled into the
 * renderer as it is.
 */

const id = z.string().min(1).max(256);
/** A Study Instance UID: digits and dots, at most 64 characters (PS3.5 9.1). */
const studyUid = z.string().regex(/^[0-9]+(\.[0-9]+)*$/, 'a DICOM UID (digits and dots)').max(64);
export const pullId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'letters, digits, - and _');

/**
 * The password for this request. remember: keep it in the core's memory until
 * the vault locks (never written anywhere), so that the next search or pull of
 * this unlock session does not ask again.
 */
const credentials = {
  password: z.string().min(1).max(1024).optional(),
  remember: z.boolean().optional(),
};

export const pacsSettings = z.object({
  /** The DICOMweb root, e.g. http://pacs.clinic.lan:8042/dicom-web. */
  url: z.string(),
  /** HTTP basic authentication user; null: the PACS asks for none. */
  user: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type PacsSettings = z.infer<typeof pacsSettings>;

export const pacsState = z.object({
  /** null until someone saves the clinic's PACS. */
  settings: pacsSettings.nullable(),
  /** Whether a password is held in memory for these settings, for this unlock session. */
  passwordRemembered: z.boolean(),
  /** http to a host other than this machine: the password would cross the network unencrypted. */
  passwordInClear: z.boolean(),
});
export type PacsState = z.infer<typeof pacsState>;

/** One study the PACS holds for the chart, and how much of it the vault already has. */
export const pacsStudy = z.object({
  studyUid: z.string(),
  /** YYYY-MM-DD when the PACS gave a valid date. */
  date: z.string().nullable(),
  modalities: z.array(z.string()),
  description: z.string().nullable(),
  /** Instances the PACS holds in it; null when it did not say. */
  instances: z.number().int().nonnegative().nullable(),
  /** Instances of this study already in the vault. */
  inVault: z.number().int().nonnegative(),
  /** Set when the vault holds this study under another chart (its instances are not pulled again). */
  otherChart: z.boolean(),
});
export type PacsStudy = z.infer<typeof pacsStudy>;

export const pacsSearchResult = z.object({
  pacsUrl: z.string(),
  /** How many identifiers of the chart the PACS was asked for (medical record numbers first). */
  searchedIds: z.number().int(),
  /** Oldest first, as the pull takes them. */
  studies: z.array(pacsStudy),
});
export type PacsSearchResult = z.infer<typeof pacsSearchResult>;

export const pullState = z.enum(['searching', 'pulling', 'done', 'cancelled', 'failed']);
export type PullState = z.infer<typeof pullState>;

/** Where a pull stands; outcomes grow by one per instance. */
export const pullProgress = z.object({
  pullId: z.string(),
  patientId: z.string(),
  state: pullState,
  studies: z.number().int(),
  /** Instances found in the chosen studies; null while still searching. */
  total: z.number().int().nullable(),
  outcomes: z.array(dicomImportOutcome),
  /** The one-line reason when state is 'failed' (the PACS refused or was lost); what was imported before stays. */
  error: z.string().nullable(),
});
export type PullProgressState = z.infer<typeof pullProgress>;

export const pacsContract = {
  /** The clinic's PACS settings (stored in the vault, without any password), and whether a password is held for this session. */
  'pacs.settings': { params: z.object({}).strict(), result: pacsState },
  /** Saves the clinic's PACS address and user (audited); the password is never part of it. A changed address or user forgets a held password. */
  'pacs.saveSettings': {
    params: z.object({ url: z.string().trim().min(1, 'give the PACS address').max(2000), user: z.string().trim().max(200) }).strict(),
    result: pacsState,
  },
  /** Forgets the password held for this unlock session, if any. */
  'pacs.forgetPassword': { params: z.object({}).strict(), result: pacsState },
  /** What the PACS holds for this chart (QIDO-RS), with what the vault already has. Sends the chart's record numbers to the PACS only. */
  'pacs.search': { params: z.object({ patientId: id, ...credentials }).strict(), result: pacsSearchResult },
  /**
   * Starts pulling the chosen studies in the background and answers at once; 'pacs.progress' with the
   * same pullId tells how far it got. Each instance goes through the ordinary DICOM import.
   */
  'pacs.pull': {
    params: z.object({ patientId: id, pullId, studyUids: z.array(studyUid).min(1).max(500), ...credentials }).strict(),
    result: pullProgress,
  },
  /** How far a pull got; null when there is none by that id (finished pulls are kept until the vault locks). */
  'pacs.progress': { params: z.object({ pullId }).strict(), result: z.object({ progress: pullProgress.nullable() }) },
  /** Stops a pull: the instance in flight is dropped, those imported stay. cancelled: false when it had already ended. */
  'pacs.cancel': { params: z.object({ pullId }).strict(), result: z.object({ cancelled: z.boolean() }) },
} as const;
