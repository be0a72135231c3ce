/**
 * Errors the store raises on purpose. Each carries a code the API and CLI map
 * to a clear one-line message; the message names the file or record and never
 * includes patient data.
 */
export type VaultErrorCode =
  | 'vault-missing'
  | 'vault-exists'
  | 'wrong-passphrase'
  | 'unknown-user'
  | 'damaged'
  | 'newer-version'
  | 'locked'
  | 'read-only'
  | 'disk-full'
  | 'invalid-input'
  | 'not-found'
  | 'too-many-attempts';

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    /** For 'too-many-attempts' (and a wrong passphrase): how long until the next sign-in attempt is answered. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
