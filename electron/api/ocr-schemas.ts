import { z } from 'zod';
import { identityCheck } from './identity-schemas';
import { recordId } from './schemas';
import { fileBytes, UPLOAD_MAX_BYTES } from './upload';

/**
 * Scanned documents and their OCR (issue 5): what the review pane reads and
 * sends. Proposals mirror electron/ocr/extract's Proposal type.
 */

export const box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
export type Box = z.infer<typeof box>;

export const ocrWord = z.object({ text: z.string(), confidence: z.number(), box, line: z.number(), corrected: z.boolean().optional() });
export type OcrWordView = z.infer<typeof ocrWord>;

const evidence = z.object({ page: z.number().int(), boxes: z.array(box), read: z.string() });
const common = { id: z.string(), confidence: z.number(), evidence, repaired: z.string().nullable().optional() };

export const proposal = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('lab'),
    analyte: z.string(),
    matchedName: z.string(),
    loinc: z.string().nullable(),
    display: z.string(),
    value: z.number(),
    comparator: z.enum(['<', '>']).nullable(),
    unit: z.string(),
    ucum: z.string().nullable(),
    refLow: z.number().nullable(),
    refHigh: z.number().nullable(),
    date: z.string().nullable(),
  }),
  z.object({
    ...common,
    kind: z.literal('medication'),
    name: z.string(),
    matchedName: z.string(),
    strength: z.string().nullable(),
    dose: z.string().nullable(),
    frequency: z.string().nullable(),
  }),
  z.object({
    ...common,
    kind: z.literal('vital'),
    vital: z.enum(['blood-pressure', 'heart-rate', 'temperature', 'oxygen-saturation']),
    loinc: z.string(),
    value: z.number(),
    value2: z.number().nullable(),
    ucum: z.string(),
    date: z.string().nullable(),
  }),
  z.object({
    ...common,
    kind: z.literal('date'),
    role: z.enum(['specimen', 'report', 'admission', 'discharge', 'service', 'onset', 'document', 'birth']),
    date: z.string(),
    /** The other reading of a numeric date whose day and month could be swapped. */
    alternative: z.string().nullable().optional(),
  }),
  /** A person the page names (patient, provider, insured): shown beside the chart's patient; accepting it writes nothing. */
  z.object({ ...common, kind: z.literal('name'), role: z.enum(['patient', 'provider', 'insured']), name: z.string() }),
  /** A coded diagnosis (ICD-10-CM): accepted, it becomes a condition of the patient. */
  z.object({ ...common, kind: z.literal('diagnosis'), system: z.literal('ICD-10-CM'), code: z.string() }),
]);
export type ProposalView = z.infer<typeof proposal>;

export const proposalStatus = z.enum(['pending', 'accepted', 'edited', 'rejected']);

export const storedProposal = z.object({
  id: z.string(),
  documentId: z.string(),
  status: proposalStatus,
  proposal,
  final: proposal.nullable(),
  recordId: z.string().nullable(),
});
export type StoredProposalView = z.infer<typeof storedProposal>;

export const documentSummary = z.object({
  id: z.string(),
  title: z.string(),
  mediaType: z.string(),
  pages: z.number().int(),
  createdAt: z.string(),
  proposals: z.object({ pending: z.number().int(), accepted: z.number().int(), edited: z.number().int(), rejected: z.number().int() }),
  /** How the document was read, when the clinician must know it (e.g. only page 1 of a fax-compressed TIFF); null when all was read. */
  notice: z.string().nullable(),
  /**
   * The clinician's review of the recognition: a page is reviewed when every low-confidence word has been
   * looked at or the page was accepted as read; the document when all its pages are. Until then it is unreviewed.
   */
  review: z.object({ pages: z.number().int(), reviewedPages: z.number().int(), wordsLeft: z.number().int(), reviewed: z.boolean() }),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

/** One page's review state, as the review pane shows it. */
export const pageReview = z.object({
  page: z.number().int(),
  reviewed: z.boolean(),
  how: z.enum(['words', 'accepted', 'text-layer']).nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
  wordsLeft: z.number().int(),
  lowWords: z.number().int(),
});
export type PageReviewView = z.infer<typeof pageReview>;

export const documentPage = z.object({
  documentId: z.string(),
  patientId: z.string(),
  title: z.string(),
  page: z.number().int(),
  pages: z.number().int(),
  width: z.number(),
  height: z.number(),
  source: z.enum(['ocr', 'text-layer']),
  rotation: z.number(),
  confidence: z.number().nullable(),
  /** The page as recognized (deskewed), PNG base64; null for a PDF's text-layer pages. */
  imageBase64: z.string().nullable(),
  words: z.array(ocrWord),
  proposals: z.array(storedProposal),
  /** Which low-confidence words the clinician has looked at, and whether the page is reviewed. */
  review: pageReview.extend({ seen: z.array(z.number().int()) }),
});
export type DocumentPage = z.infer<typeof documentPage>;

/** A scanned document (PNG, JPEG, TIFF or PDF, as bytes) to file under a patient; uploadId: the caller's name for it while it runs. */
export const uploadParams = z
  .object({
    patientId: recordId,
    fileName: z.string().min(1).max(260),
    bytes: fileBytes(UPLOAD_MAX_BYTES['documents.upload'], 'scanned document'),
    uploadId: z.string().min(1).max(80).optional(),
  })
  .strict();

export const ocrProgress = z.object({ page: z.number().int(), pages: z.number().int(), progress: z.number(), status: z.string() });

/** Corrections a clinician may make to a proposal before accepting it. */
export const proposalEdits = z
  .object({
    value: z.number().finite().optional(),
    value2: z.number().finite().nullable().optional(),
    unit: z.string().min(1).max(40).optional(),
    refLow: z.number().finite().nullable().optional(),
    refHigh: z.number().finite().nullable().optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').nullable().optional(),
    name: z.string().min(1).max(200).optional(),
    strength: z.string().max(100).nullable().optional(),
    dose: z.string().max(100).nullable().optional(),
    frequency: z.string().max(100).nullable().optional(),
    code: z.string().regex(/^[A-TV-Z]\d{2}(\.[0-9A-Z]{1,4})?$/, 'an ICD-10-CM code such as R11.0').optional(),
  })
  .strict();
export type ProposalEdits = z.infer<typeof proposalEdits>;

/** A corrected word on a page: the clinician's reading replaces OCR's, at confidence 100. */
export const wordCorrection = z.object({ documentId: z.string().min(1).max(120), page: z.number().int().min(1), index: z.number().int().min(0), text: z.string().min(1).max(200) }).strict();

/**
 * What an upload answers: the document, filed; or, when the page names
 * another patient than the chart's (name, birth date or sex), nothing
 * filed yet: the check, and the id under which the recognized document
 * waits (in the core's memory only) for the clinician to file it anyway or
 * discard it.
 */
export const uploadOutcome = z.object({
  document: documentSummary.nullable(),
  identity: identityCheck,
  pendingId: z.string().nullable(),
});
export type UploadOutcome = z.infer<typeof uploadOutcome>;
