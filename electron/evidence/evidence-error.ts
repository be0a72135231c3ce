import { VaultError } from '../store/errors';

/** A document the library cannot take, with a one-line reason naming it. Nothing of it is stored. */
export class EvidenceError extends VaultError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}
