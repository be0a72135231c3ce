import { VaultError } from '../store/errors';

export type ImagingErrorKind = 'invalid-input' | 'unsupported' | 'too-large' | 'not-found';

/**
 * A file or request the imaging import refuses, with a one-line message that
 * names the file and says why. It is a VaultError ('invalid-input' or
 * 'not-found') so that the API and the CLI report it like any other refusal;
 * `kind` keeps the finer reason for tests and the import report.
 */
export class ImagingError extends VaultError {
  constructor(
    readonly kind: ImagingErrorKind,
    message: string,
  ) {
    super(kind === 'not-found' ? 'not-found' : 'invalid-input', message);
    this.name = 'ImagingError';
  }
}
