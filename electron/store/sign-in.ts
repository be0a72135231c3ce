import { isVaultError, VaultError } from './errors';
import { SignInThrottle } from './sign-in-throttle';
import { Vault, type VaultOptions } from './vault';

/**
 * Opening the vault with a passphrase, as every door does it (the app's
 * sign-in, the CLI): refused without a look at the passphrase while the
 * clinician (or the vault) must still wait after earlier failures; each
 * failure counted and kept for the audit log; after a success, the failures
 * since the last sign-in are written into the audit log ('signin.failed'),
 * where the sign-in history shows them.
 */
export interface SignInOptions extends VaultOptions {
  /** 'app' or 'cli': recorded with each failure. */
  readonly via: string;
  /** Milliseconds since the epoch (tests); also the audit's clock where `now` is not given. */
  readonly clock?: () => number;
}

/** Throws 'too-many-attempts' (with the seconds left) while `clinicianId` must still wait; nothing else is touched. */
export function assertMayTry(file: string, clinicianId: string | undefined, clock?: () => number): void {
  const id = clinicianId ?? firstClinician(file);
  if (id === undefined) return;
  const wait = new SignInThrottle(file, clock).waitSeconds(id);
  if (wait > 0) {
    throw new VaultError('too-many-attempts', `${file}: too many wrong passphrases for "${id}"; the next attempt is answered in ${wait} s`, wait);
  }
}

export function signInWithPassphrase(file: string, login: { clinicianId?: string; passphrase: string }, options: SignInOptions): Vault {
  const clinicianId = login.clinicianId ?? firstClinician(file);
  assertMayTry(file, clinicianId, options.clock);
  const throttle = new SignInThrottle(file, options.clock);
  let vault: Vault;
  try {
    vault = Vault.open(file, { clinicianId, passphrase: login.passphrase }, options);
  } catch (error) {
    if (clinicianId !== undefined && (isVaultError(error, 'wrong-passphrase') || isVaultError(error, 'unknown-user'))) {
      const wait = throttle.failed(clinicianId, options.via, isVaultError(error, 'wrong-passphrase'));
      throw new VaultError(error.code, `${error.message}; the next attempt is answered in ${wait} s`, wait);
    }
    throw error;
  }
  const missed = throttle.succeeded(vault.clinician.id);
  for (const failure of missed.failures) vault.audit('signin.failed', null, { ...failure });
  if (missed.dropped > 0) vault.audit('signin.failed', null, { more: missed.dropped, note: 'older failures not kept one by one' });
  return vault;
}

function firstClinician(file: string): string | undefined {
  try {
    return Vault.clinicians(file)[0]?.id;
  } catch {
    // A missing or damaged keyring: Vault.open says which.
    return undefined;
  }
}
