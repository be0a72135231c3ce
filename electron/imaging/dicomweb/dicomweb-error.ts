import { VaultError } from '../../store/errors';

/**
 * Why a DICOMweb request failed:
 * - invalid-url: not an http(s) URL, or one with a password in it;
 * - unreachable: connection refused, host not found, network down, TLS refused;
 * - timeout: no answer (or no bytes) within the time allowed;
 * - unauthorized / forbidden: HTTP 401 / 403;
 * - not-found: HTTP 404 (no DICOMweb service there, or the object is gone);
 * - server-error: HTTP 5xx, or a redirect elsewhere;
 * - bad-response: an answer that is not what DICOMweb promises (wrong media
 *   type, malformed JSON, a multipart body cut short, a part that is not DICOM);
 * - interrupted: the connection closed in the middle of an answer.
 */
export type DicomWebErrorKind =
  | 'invalid-url'
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'server-error'
  | 'bad-response'
  | 'interrupted';

/**
 * A PACS request that failed, with a one-line message naming the PACS (its
 * URL, never a password) and what to do. It is a VaultError so that the CLI
 * and the API report it like any other refusal; `kind` keeps the reason.
 */
export class DicomWebError extends VaultError {
  constructor(
    readonly kind: DicomWebErrorKind,
    message: string,
  ) {
    super(kind === 'not-found' ? 'not-found' : 'invalid-input', message);
    this.name = 'DicomWebError';
  }

  /** Errors that concern one object only: the pull records them and goes on with the next instance. */
  get concernsOneObject(): boolean {
    return this.kind === 'not-found' || this.kind === 'bad-response';
  }
}
