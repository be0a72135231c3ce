import type { IdentityCheck } from '../api/identity-schemas';
import { compareIdentity, loadChartIdentity } from '../identity/compare-identity';
import { requirePatient } from '../store/queries/patients';
import type { Vault } from '../store/vault';
import { readDateOrder } from './date-order';
import type { OcrPool } from './engine';
import { OcrError } from './errors';
import { extract, type Proposal } from './extract';
import { documentPatient } from './identity';
import { recognizeDocument, sniffMediaType } from './pipeline';
import { saveDocument, type StoredDocument } from './store';
import type { OcrMediaType, OcrOptions, OcrPage } from './types';

/**
 * Reading a scanned document into a chart, as one use case for every host:
 * the API's upload (electron/core/handlers/ocr.ts) and `continuum ocr`
 * (electron/cli/commands/ocr.ts) both call these two functions, so that the
 * rules (the chart must exist, the file must be a scan with text on it, the
 * page's patient is compared with the chart's, a mismatch is filed only on
 * an audited override) are written once.
 */
export interface ScanRequest {
  readonly patientId: string;
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: OcrOptions['onProgress'];
}

/** A document read and checked against its chart, not yet filed. */
export interface ScannedDocument {
  readonly patientId: string;
  readonly fileName: string;
  readonly mediaType: OcrMediaType;
  readonly bytes: Buffer;
  readonly pages: OcrPage[];
  readonly proposals: Proposal[];
  /** Whose page it is: a name, birth date or sex that contradicts the chart sets needsOverride. */
  readonly identity: IdentityCheck;
}

/**
 * Recognizes the document (in the pool's workers), extracts its proposals
 * and compares the page's patient with the chart's. `vault` is asked again
 * after recognition: the vault may have locked during a long run, and then
 * nothing is read from it. Throws OcrError with a one-line message for a
 * file that is empty, not a scan, unreadable, cancelled, or has no text.
 */
export async function readScan(pool: OcrPool, vault: () => Vault, request: ScanRequest): Promise<ScannedDocument> {
  requirePatient(vault().db, request.patientId);
  const mediaType = sniffMediaType(request.bytes);
  if (request.bytes.length === 0) throw new OcrError('empty', `${request.fileName}: the file is empty`);
  if (!mediaType) throw new OcrError('unsupported', `${request.fileName}: not a PNG, JPEG, TIFF or PDF`);
  const pages = await recognizeDocument(pool, request.bytes, request.fileName, {
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
  if (pages.every((p) => p.words.length === 0)) throw new OcrError('empty', `${request.fileName}: no text was found on ${pages.length === 1 ? 'the page' : `its ${pages.length} pages`}`);
  const current = vault();
  const proposals = extract(pages, { dateOrder: readDateOrder(current) });
  const identity = compareIdentity(documentPatient(pages, proposals), loadChartIdentity(current.db, request.patientId));
  return { patientId: request.patientId, fileName: request.fileName, mediaType, bytes: request.bytes, pages, proposals, identity };
}

/**
 * Files a read document in its chart, its proposals pending review; a page
 * that names another patient is filed only with `override` (audited), and
 * otherwise not at all (null).
 */
export function fileScan(vault: Vault, scan: ScannedDocument, options: { title?: string | undefined; override?: boolean } = {}): StoredDocument | null {
  const override = scan.identity.needsOverride && options.override === true;
  if (scan.identity.needsOverride && !override) return null;
  return saveDocument(vault, {
    patientId: scan.patientId,
    title: options.title ?? scan.fileName,
    mediaType: scan.mediaType,
    bytes: scan.bytes,
    pages: scan.pages,
    proposals: scan.proposals,
    identity: scan.identity,
    ...(override ? { override: true } : {}),
  });
}
