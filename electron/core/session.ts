import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { VaultStatus } from '../api/schemas';
import { VaultError } from '../store/errors';
import { Vault, type VaultOptions } from '../store/vault';
import type { CoreOptions } from './core-client';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

/**
 * The one unlocked vault of a running app, and the auto-lock that closes it
 * after a quiet spell: closing the database forgets the key, so an
 * unattended workstation holds no readable patient data.
 */
export class Session {
  private vault: Vault | null = null;
  private lastActivity = 0;
  private timer: NodeJS.Timeout | null = null;
  private lockedReason: string | null = null;
  readonly autoLockMs: number;
  private readonly vaultOptions: VaultOptions;

  constructor(private readonly options: CoreOptions) {
    this.autoLockMs = (options.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES) * 60_000;
    this.vaultOptions = options.scrypt ? { scrypt: options.scrypt } : {};
  }

  status(): VaultStatus {
    const file = this.options.vaultFile;
    const exists = existsSync(file);
    return {
      state: this.vault ? 'unlocked' : exists ? 'locked' : 'no-vault',
      vaultFile: file,
      clinicians: exists ? safeClinicians(file) : [],
      currentClinician: this.vault ? { ...this.vault.clinician } : null,
      autoLockMinutes: this.autoLockMs / 60_000,
    };
  }

  create(clinician: { id: string; displayName: string }, passphrase: string): VaultStatus {
    this.lock();
    mkdirSync(dirname(this.options.vaultFile), { recursive: true });
    this.attach(Vault.create(this.options.vaultFile, { clinician, passphrase }, this.vaultOptions));
    return this.status();
  }

  unlock(clinicianId: string, passphrase: string): VaultStatus {
    this.lock();
    this.attach(Vault.open(this.options.vaultFile, { clinicianId, passphrase }, this.vaultOptions));
    return this.status();
  }

  lock(reason: string | null = null): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const vault = this.vault;
    this.vault = null;
    this.lockedReason = reason;
    vault?.close();
  }

  /** The unlocked vault, counting the call as activity; throws 'locked' otherwise. */
  requireVault(): Vault {
    if (!this.vault) {
      const why = this.lockedReason ? ` (${this.lockedReason})` : '';
      throw new VaultError('locked', `the vault is locked${why}; unlock it to continue`);
    }
    this.touch();
    return this.vault;
  }

  touch(): number {
    this.lastActivity = Date.now();
    return this.autoLockMs / 1000;
  }

  private attach(vault: Vault): void {
    this.vault = vault;
    this.lockedReason = null;
    this.touch();
    this.arm(this.autoLockMs);
  }

  // One timer, re-armed for the remaining time when it fires early, so that
  // activity costs a timestamp write rather than a clearTimeout/setTimeout.
  private arm(delay: number): void {
    this.timer = setTimeout(() => {
      const idle = Date.now() - this.lastActivity;
      if (idle >= this.autoLockMs) {
        this.lock(`locked after ${Math.round(this.autoLockMs / 60_000)} minutes without activity`);
      } else {
        this.arm(this.autoLockMs - idle);
      }
    }, delay);
    this.timer.unref();
  }
}

function safeClinicians(file: string): Array<{ id: string; displayName: string }> {
  try {
    return Vault.clinicians(file);
  } catch {
    // A damaged keyring is reported when someone tries to unlock.
    return [];
  }
}
