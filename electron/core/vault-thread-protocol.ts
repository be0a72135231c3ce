import type { DicomImportOutcome } from '../api/imaging-schemas';
import type { ImportReport } from '../api/schemas';
import type { RetrievedInstance } from '../imaging/dicomweb/pull';
import type { DicomImportOptions } from '../imaging/import-dicom';
import type { ChartPatient } from '../imaging/match-patient';
import type { CipherSettings } from '../store/keyring';
import type { VaultErrorCode } from '../store/errors';

/** What the vault thread is given: the unlocked vault, its key (zeroed there once used), and where it says it has closed. */
export interface VaultThreadData {
  readonly file: string;
  readonly cipher: CipherSettings;
  readonly clinicianId: string;
  readonly key: Uint8Array;
  /** How often the thread checkpoints the write-ahead log. */
  readonly everyMs: number;
  /** Set to 1 by the thread once its connection is closed (VaultThread.dispose waits on it). */
  readonly closed: Int32Array;
}

export type ToVaultThread =
  | { readonly type: 'fhir'; readonly id: number; readonly fileName: string; readonly text: string; readonly cancel: Int32Array }
  | { readonly type: 'dicom'; readonly id: number; readonly fileName: string; readonly bytes: Uint8Array; readonly options: DicomImportOptions; readonly charts?: readonly ChartPatient[] | undefined }
  | { readonly type: 'pulled'; readonly id: number; readonly retrieved: RetrievedInstance; readonly bytes: Uint8Array; readonly patientId: string; readonly charts: readonly ChartPatient[] }
  | { readonly type: 'backup'; readonly id: number; readonly destination: string; readonly cancel: Int32Array }
  | { readonly type: 'close' };

/** What a request answers: an import's report, an instance's outcome, a backup's size. */
export type ThreadValue = ImportReport | DicomImportOutcome | { readonly bytes: number };

/** A failure as the core reports it: a VaultError's code and one-line message, or an internal error (logged there). */
export interface ThreadError {
  readonly code: VaultErrorCode | null;
  readonly message: string;
}

export type FromVaultThread =
  | { readonly type: 'progress'; readonly id: number; readonly resources: number; readonly bytes: number; readonly totalBytes: number }
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly value: ThreadValue }
  | { readonly type: 'result'; readonly id: number; readonly ok: false; readonly error: ThreadError };
