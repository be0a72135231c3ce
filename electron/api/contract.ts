import { z } from 'zod';
import { catalogueContract } from './catalogue-schemas';
import * as imgModel from './image-model-schemas';
import * as job from './job-schemas';
import * as img from './imaging-schemas';
import * as ocr from './ocr-schemas';
import { pacsContract } from './pacs-schemas';
import { photoContract } from './photo-schemas';
import * as s from './schemas';
import * as ses from './session-schemas';
import { fileBytes, UPLOAD_MAX_BYTES } from './upload';

/**
 * The whole renderer-to-core API: one typed method map. The Electron preload,
 * the browser host and the renderer's client are all derived from it, and
 * every request and response is validated against it at the boundary.
 */
function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result } as const;
}

const empty = z.object({}).strict();
const backupParams = z.object({ to: z.string().min(1).max(4096) }).strict();

export const contract = {
  'vault.status': method(empty, s.vaultStatus),
  'vault.create': method(
    z.object({ clinicianId: s.clinicianId, displayName: z.string().min(1).max(200), passphrase: s.passphrase }).strict(),
    s.vaultStatus,
  ),
  /** remember: also wrap the key for this device (status.device.available must be true); only after the passphrase is right. */
  'vault.unlock': method(
    z.object({ clinicianId: s.clinicianId, passphrase: z.string().min(1).max(1024), remember: z.boolean().optional() }).strict(),
    s.vaultStatus,
  ),
  /** Signs in a clinician remembered on this device, without a passphrase; audited as an unlock by device. */
  'vault.unlockOnDevice': method(z.object({ clinicianId: s.clinicianId }).strict(), s.vaultStatus),
  /** Removes the clinician's "remember on this device"; nothing to do when there is none. */
  'vault.forgetDevice': method(z.object({ clinicianId: s.clinicianId }).strict(), s.vaultStatus),
  'vault.lock': method(empty, s.vaultStatus),
  /**
   * Sign-ins, failed attempts (written at the next sign-in: a locked vault cannot be written), locks and this
   * computer remembered or forgotten, newest first; failedSinceLastSignIn: failures recorded at the current sign-in.
   */
  'vault.signInHistory': method(
    z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    z.object({ entries: z.array(s.auditEntry), failedSinceLastSignIn: z.number().int().nonnegative() }),
  ),
  /**
   * An online backup of the vault (VACUUM INTO, checked, its keyring beside it) to `to`, a new absolute path on
   * this computer; audited. Runs as a job, one at a time; a cancel before the copy is renamed into place leaves nothing.
   */
  'vault.backup': method(backupParams, z.object({ to: z.string(), bytes: z.number().int().nonnegative() })),
  /** The same backup as a job: answers at once; 'jobs.get', 'jobs.cancel' and 'jobs.result' follow it. */
  'vault.startBackup': method(backupParams, z.object({ job: job.jobStatus })),
  /** Any user action resets the auto-lock timer; the renderer pings on input. */
  'vault.activity': method(empty, z.object({ lockInSeconds: z.number() })),

  'patients.list': method(
    z.object({ query: z.string().max(200).optional(), limit: z.number().int().min(1).max(5000).optional() }).strict(),
    z.object({ patients: z.array(s.patientSummary), total: z.number() }),
  ),
  /** Opens a chart: logged in the audit trail as a chart access. */
  'chart.open': method(z.object({ patientId: s.recordId }).strict(), s.chart),
  /** The latest vital signs and key results (BP, pulse, weight, BMI, eGFR...) with their dates and flags, and every blood pressure for the BP chart. */
  'chart.vitals': method(z.object({ patientId: s.recordId }).strict(), s.vitals),
  'chart.accessHistory': method(
    z.object({ patientId: s.recordId, limit: z.number().int().min(1).max(1000).optional() }).strict(),
    z.object({ entries: z.array(s.auditEntry) }),
  ),
  /** The pre-visit brief: every line cited and checked by the grounding verifier. Audited as a chart read. */
  'brief.get': method(z.object({ patientId: s.recordId, dateStyle: s.dateStyle.optional() }).strict(), s.brief),
  /** Allergy conflicts, duplicate therapy and kidney-function flags on the active medications, each with its rule's source. */
  'checks.get': method(z.object({ patientId: s.recordId }).strict(), z.object({ flags: z.array(s.checkFlag) })),
  /** The evidence library: BM25 passages with their source; empty when the library is. */
  'evidence.search': method(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(50).optional() }).strict(),
    z.object({ hits: z.array(s.evidenceHit) }),
  ),
  'evidence.sources': method(empty, z.object({ sources: z.array(s.evidenceSource) })),
  /** One passage in full, for a citation to open. */
  'evidence.passage': method(z.object({ chunkId: z.number().int().positive() }).strict(), s.evidenceHit.extend({ text: z.string() })),
  /** A passage with its neighbours in its document, for the reader to open at its page. */
  'evidence.context': method(z.object({ chunkId: z.number().int().positive(), around: z.number().int().min(0).max(10).optional() }).strict(), s.evidenceContext),
  /** Adds a document (Markdown, HTML, text, text PDF) to the library with its citation details; the same bytes again add nothing. */
  'evidence.import': method(s.evidenceImportRequest, z.object({ sourceId: z.number().int(), chunks: z.number().int(), alreadyImported: z.boolean() })),
  /** The same import as a job: answers at once; 'jobs.get', 'jobs.cancel' and 'jobs.result' follow it. */
  'evidence.startImport': method(s.evidenceImportRequest, z.object({ job: job.jobStatus })),
  'timeline.events': method(s.timelineQuery.strict(), z.object({ events: z.array(s.timelineEvent), truncated: z.boolean() })),
  'observations.analytes': method(z.object({ patientId: s.recordId }).strict(), z.object({ analytes: z.array(s.analyte) })),
  'observations.series': method(z.object({ patientId: s.recordId, code: z.string().min(1).max(100) }).strict(), s.series),
  /** The values behind a timeline 'results' event: one day's observations of one category. */
  'observations.results': method(
    z.object({ patientId: s.recordId, groupId: z.string().min(1).max(120) }).strict(),
    z.object({ day: z.string(), category: z.string().nullable(), results: z.array(s.resultValue) }),
  ),
  'record.details': method(z.object({ kind: s.eventKind, id: s.recordId }).strict(), s.recordDetails),
  'search.text': method(
    z.object({ patientId: s.recordId, query: z.string().min(1).max(200) }).strict(),
    z.object({ hits: z.array(s.searchHit) }),
  ),
  /** A FHIR bundle chosen in the renderer, sent as text (the CLI streams files from disk instead). */
  'import.fhirBundle': method(
    z.object({ fileName: z.string().min(1).max(260), content: z.string().max(512 * 1024 * 1024) }).strict(),
    s.importReport,
  ),
  /** The same import as a job: answers at once; 'jobs.get', 'jobs.cancel' and 'jobs.result' follow it. */
  'import.startFhirBundle': method(
    z.object({ fileName: z.string().min(1).max(260), content: z.string().max(512 * 1024 * 1024) }).strict(),
    z.object({ job: job.jobStatus }),
  ),
  // --- imaging (issue 6): DICOM studies and their bytes, over the API only ---
  /** A patient's DICOM studies, newest first, with series and instances (no pixel data). */
  'imaging.studies': method(z.object({ patientId: s.recordId }).strict(), z.object({ studies: z.array(img.imagingStudy) })),
  /** One instance's DICOM Part 10 file, base64, for the viewer's image loader. Audited as a record view. */
  'imaging.instance': method(
    z.object({ instanceId: s.recordId }).strict(),
    z.object({ instanceId: z.string(), patientId: z.string(), base64: z.string() }),
  ),
  /**
   * One frame decoded in the core (every accepted transfer syntax, codecs under Node) as plain
   * pixels for the viewer: greyscale 8/16 bit (little endian) or 8-bit RGB, base64. Audited as a record view.
   */
  'imaging.frame': method(z.object({ instanceId: s.recordId, frame: z.number().int().min(0).max(100_000).optional() }).strict(), img.decodedFrame),
  /**
   * A DICOM file chosen in the renderer, as bytes (electron/api/upload.ts). patientId: the clinician's choice of chart after 'ambiguous' or
   * 'no-match'; it is filed only if the file confirms that chart, else answered 'mismatch' with the checks, unless
   * override (the clinician checked and files it anyway: audited). chartId: the chart open in the app, compared
   * with the file in the prompt when no chart matches.
   */
  'imaging.import': method(
    z
      .object({
        fileName: z.string().min(1).max(260),
        bytes: fileBytes(UPLOAD_MAX_BYTES['imaging.import'], 'DICOM file'),
        patientId: s.recordId.optional(),
        override: z.boolean().optional(),
        chartId: s.recordId.optional(),
      })
      .strict(),
    img.dicomImportOutcome,
  ),
  // --- end imaging ---
  // --- image models as decision support (issue 6): shown, never written to the record ---
  /** The image models installed in models/ (kind image-classifier), with what each is for; a folder that cannot be read says why. */
  'imaging.models': method(empty, z.object({ modelsDir: z.string(), models: z.array(imgModel.imageModelListing) })),
  /** Runs an image model on a DICOM frame or a photo. Audited as a record view; nothing is written to the patient's record. */
  'imaging.analyze': method(imgModel.analyzeParams, imgModel.imageAnalysis),
  // --- end image models ---
  // --- dermatology photos, lesions and image findings (issue 6): methods in photo-schemas.ts ---
  ...photoContract,
  // --- pull from the clinic's PACS (issue 6): methods in pacs-schemas.ts ---
  ...pacsContract,
  // --- documents and OCR (issue 5): scanned documents, their pages and extraction proposals ---
  /**
   * A scanned document (PNG, JPEG, TIFF or PDF, as bytes) filed under a patient: OCR runs in the core's
   * worker pool, then the document, its pages and its pending proposals are saved. Answers when done;
   * meanwhile 'documents.progress' with the same uploadId tells how far it got.
   */
  'documents.upload': method(
    ocr.uploadParams,
    ocr.uploadOutcome,
  ),
  /** The same upload as a job: answers at once; 'jobs.get', 'jobs.cancel' and 'jobs.result' follow it (uploadId, if given, works too). */
  'documents.startUpload': method(ocr.uploadParams, z.object({ job: job.jobStatus })),
  /** Files a document the upload held back because its page names another patient: the clinician's override, audited. */
  'documents.fileAnyway': method(z.object({ pendingId: z.string().min(1).max(120) }).strict(), ocr.uploadOutcome),
  /** Drops a document the upload held back; nothing of it is kept. */
  'documents.discardPending': method(z.object({ pendingId: z.string().min(1).max(120) }).strict(), z.object({ discarded: z.boolean() })),
  /** How far an upload's OCR got; null when it is unknown or finished. */
  'documents.progress': method(z.object({ uploadId: z.string().min(1).max(80) }).strict(), z.object({ progress: ocr.ocrProgress.nullable() })),
  /** Stops an upload's OCR; nothing of it is kept. */
  'documents.cancel': method(z.object({ uploadId: z.string().min(1).max(80) }).strict(), z.object({ cancelled: z.boolean() })),
  /** A patient's documents, newest first, with counts of proposals by status (pending counts what needs a decision: dates are context). */
  'documents.list': method(z.object({ patientId: s.recordId }).strict(), z.object({ documents: z.array(ocr.documentSummary) })),
  /** One page for review: image, words with boxes and confidences, and the page's proposals. Audited as a record view. */
  'documents.page': method(z.object({ documentId: z.string().min(1).max(120), page: z.number().int().min(1).max(10_000) }).strict(), ocr.documentPage),
  /** The clinician has looked at these words of a page (moved to them in the review); the page is reviewed once every doubtful word is seen. */
  'documents.seeWords': method(
    z.object({ documentId: z.string().min(1).max(120), page: z.number().int().min(1).max(10_000), indices: z.array(z.number().int().min(0).max(1_000_000)).max(10_000) }).strict(),
    ocr.pageReview,
  ),
  /** The clinician accepts a page as read without looking at every doubtful word: an override, audited. */
  'documents.acceptPage': method(z.object({ documentId: z.string().min(1).max(120), page: z.number().int().min(1).max(10_000) }).strict(), ocr.pageReview),
  /** The clinician's reading of one word replaces OCR's (confidence 100, marked corrected). */
  'documents.correctWord': method(ocr.wordCorrection, z.object({ word: ocr.ocrWord })),
  /** Accept, edit (accept with corrections) or reject one proposal; accepted ones become records with provenance. */
  'ocr.decide': method(
    z
      .object({ proposalId: z.string().min(1).max(200), decision: z.enum(['accept', 'edit', 'reject']), edits: ocr.proposalEdits.optional() })
      .strict(),
    ocr.storedProposal,
  ),
  // --- end documents and OCR ---
  // --- models and sessions (issues 3 and 4): the local model and an in-app follow-up session ---
  /** The models in the models folder with size, quantization, context length, status and problems; which is active. */
  'models.list': method(empty, ses.modelsState),
  /** Loads a model in the model worker (null: none, no-model mode). A failure is reported in `problem`; the app stays usable. */
  'models.select': method(z.object({ dir: z.string().min(1).max(4096).nullable() }).strict(), ses.modelsState),
  /**
   * Adds an export copied into the models folder (status not-added): records its files' sizes and SHA-256
   * and loads it, which makes it active. A model that does not load stays not added, with the reason in `problem`.
   */
  'models.add': method(z.object({ dir: z.string().min(1).max(4096) }).strict(), ses.modelsState),
  // --- the model catalogue and its downloads (issue 21): methods in catalogue-schemas.ts ---
  ...catalogueContract,
  /** Starts a session on a patient: the brief, then chat with the active model (or no-model mode, chat disabled with the reason). */
  'session.start': method(ses.sessionStartParams, ses.sessionStarted),
  /** A turn of the conversation; the harness runs it in the background (poll session.events). */
  'session.send': method(
    z.object({ sessionId: ses.sessionId, text: z.string().min(1).max(4000), from: z.enum(['clinician', 'patient']).optional() }).strict(),
    z.object({ accepted: z.boolean() }),
  ),
  /** Sign-off in the background: the assessment and plan, and the next follow-up, proposed for approval. */
  'session.signOff': method(z.object({ sessionId: ses.sessionId }).strict(), z.object({ accepted: z.boolean() })),
  /** Events since index `after`, and the answer being streamed. */
  'session.events': method(z.object({ sessionId: ses.sessionId, after: z.number().int().nonnegative() }).strict(), ses.sessionEvents),
  /** Cancels the generation under way. */
  'session.stop': method(z.object({ sessionId: ses.sessionId }).strict(), z.object({ stopped: z.boolean() })),
  /** The clinician approves or rejects a proposal: approval is the only write, audited, with the session as provenance. */
  'session.decide': method(
    z.object({ sessionId: ses.sessionId, proposalId: z.string().min(1).max(200), decision: z.enum(['approve', 'reject']) }).strict(),
    ses.sessionDecision,
  ),
  /**
   * The sign-off: a decision on every pending proposal, all written in one transaction with their audit entries and the
   * session's signed mark, or nothing (one line naming the item at fault). The sign-off's own items are decided only here.
   */
  'session.sign': method(
    z
      .object({
        sessionId: ses.sessionId,
        decisions: z.array(z.object({ proposalId: z.string().min(1).max(200), decision: z.enum(['approve', 'reject']) }).strict()).min(1).max(100),
      })
      .strict(),
    z.object({ decisions: z.array(ses.sessionDecision) }),
  ),
  /**
   * The clinician's visit note (with or without a model): the visit, the note, the medication and problem changes
   * and the follow-up, written in one transaction with their audit entries, exactly as a model's sign-off, or nothing
   * (one line naming the item at fault). Proposals from the conversation must be decided first.
   */
  'session.signVisit': method(z.object({ sessionId: ses.sessionId, visit: ses.visitForm }).strict(), ses.signedVisit),
  'session.end': method(z.object({ sessionId: ses.sessionId }).strict(), z.object({ ended: z.boolean() })),
  // --- end models and sessions ---
  // --- jobs (electron/api/job-schemas.ts): answered while the job runs ---
  /** A job of this vault's session, running or finished; null when there is none by that id. */
  'jobs.get': method(job.jobRef, z.object({ job: job.jobStatus.nullable() })),
  /** This session's jobs, running first, then the latest finished ones. */
  'jobs.list': method(empty, z.object({ jobs: z.array(job.jobStatus) })),
  /** Stops a running job; what it had not yet saved is not kept. False when it was not running. */
  'jobs.cancel': method(job.jobRef, z.object({ cancelled: z.boolean() })),
  /** Waits for the job to end and answers its status and, when done, its method's result. */
  'jobs.result': method(job.jobRef, job.jobOutcome),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Params<M extends MethodName> = z.input<Contract[M]['params']>;
export type Result<M extends MethodName> = z.output<Contract[M]['result']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Error codes the renderer can act on (show the unlock screen, a message...). */
export const apiErrorCode = z.enum([
  'invalid-request',
  'locked',
  'no-vault',
  'vault-exists',
  'wrong-passphrase',
  'unknown-user',
  'damaged',
  'newer-version',
  'read-only',
  'disk-full',
  'invalid-input',
  'not-found',
  'too-many-attempts',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCode>;

/** retryAfterSeconds: after a failed or refused sign-in, how long until the next attempt is answered. */
export const apiError = z.object({ code: apiErrorCode, message: z.string(), retryAfterSeconds: z.number().int().nonnegative().optional() });
export type ApiError = z.infer<typeof apiError>;

/** Every answer, over IPC or HTTP: a value or an error, never a thrown exception. */
export type ApiResponse<M extends MethodName> = { ok: true; value: Result<M> } | { ok: false; error: ApiError };

// --- binary methods (issue 6): a typed header plus raw bytes, never base64 ---
/**
 * Methods whose answer is { header, bytes }: the header checked against its schema like any result,
 * the bytes raw. Electron's IPC structured-clones the pair; the browser host answers the same POST
 * /api/METHOD with one binary body (binary-envelope.ts); the core worker transfers the bytes, not copies.
 */
export const binaryContract = {
  /** One frame decoded in the core (every accepted transfer syntax) as raw pixels for the viewer. Audited as a record view. */
  'imaging.framePixels': { params: img.frameParams, header: img.framePixelsHeader },
} as const;
export type BinaryMethodName = keyof typeof binaryContract;
export type BinaryParams<M extends BinaryMethodName> = z.input<(typeof binaryContract)[M]['params']>;
export interface BinaryResult<M extends BinaryMethodName> {
  readonly header: z.output<(typeof binaryContract)[M]['header']>;
  readonly bytes: Uint8Array;
}
export type BinaryResponse<M extends BinaryMethodName> = { ok: true; value: BinaryResult<M> } | { ok: false; error: ApiError };

export function isBinaryMethodName(name: string): name is BinaryMethodName {
  return Object.prototype.hasOwnProperty.call(binaryContract, name);
}
// --- end binary methods ---

/** The one function each transport provides. */
export type Invoke = <M extends MethodName>(method: M, params: Params<M>) => Promise<ApiResponse<M>>;

/** What the Electron preload exposes on window.continuum. */
export interface ContinuumBridge {
  invoke(method: string, params: unknown): Promise<unknown>;
}
