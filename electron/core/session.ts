import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeviceSignIn, VaultStatus } from '../api/schemas';
import {
  assessProtector,
  DeviceWrapRefused,
  findDeviceWrap,
  openDeviceWrap,
  rememberedHere,
  requireProtector,
  sealDeviceWrap,
  withDeviceWrap,
  withoutDeviceWraps,
  type DeviceProtector,
} from '../store/device-wrap';
import { isVaultError, VaultError } from '../store/errors';
import { writeKeyring } from '../store/keyring';
import { assertMayTry, signInWithPassphrase } from '../store/sign-in';
import { loadKeyring, Vault, type VaultOptions } from '../store/vault';
import { embedEvidence, hasUnembedded } from '../evidence/embed-chunks';
import type { TextEmbedder } from '../evidence/embedder';
import { SENTENCE_ENCODER_MODEL, sentenceEncoder } from '../evidence/sentence-encoder';
import { importStarterLibrary } from '../evidence/starter-library';
import { logError, logInfo } from './log';
import type { JobRegistry } from './jobs/job-registry';
import type { LiveSessions } from './services/live-sessions';
import type { PacsService } from './services/pacs-service';
import type { PendingFilings } from './services/pending-filings';
import { ServiceScope } from './services/service';
import type { VaultThread } from './vault-thread';
import type { CoreOptions } from './core-client';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

/** The services of one unlocked vault: built on unlock, disposed on lock (core-services.ts says how and in which order). */
export interface UnlockedServices {
  /** Imports and WAL checkpoints of the unlocked vault, off the core's thread (CoreOptions.vaultThread); null when it does not run. */
  readonly thread: VaultThread | null;
  /** The unlocked vault's PACS connection and pulls. */
  readonly pacs: PacsService;
  /** The unlocked vault's follow-up sessions (a generation under way stops on lock). */
  readonly live: LiveSessions;
  /** Documents read but held back for the clinician's decision (another patient's name on the page). */
  readonly filings: PendingFilings;
}

/**
 * What the composition root (core-services.ts) gives the Session: the core's
 * job registry, and how to build the services of an unlocked vault into the
 * scope that lock disposes.
 */
export interface SessionWiring {
  readonly jobs: JobRegistry;
  readonly unlocked: (vault: Vault, scope: ServiceScope) => UnlockedServices;
}

/**
 * The one unlocked vault of a running app, and the auto-lock that closes it
 * after a quiet spell: closing the database forgets the key, so an
 * unattended workstation holds no readable patient data.
 */
export class Session {
  /** Long work started by the clinician (OCR, ...): answered beside every other call, ended by lock. */
  readonly jobs: JobRegistry;
  private vault: Vault | null = null;
  /** The unlocked vault's services, and the scope that disposes them (and the vault) on lock. */
  private unlocked: UnlockedServices | null = null;
  private scope: ServiceScope | null = null;
  private lastActivity = 0;
  private timer: NodeJS.Timeout | null = null;
  private lockedReason: string | null = null;
  readonly autoLockMs: number;
  private readonly vaultOptions: VaultOptions;

  /**
   * device: the host's secret store for "remember on this device" (Electron only); null where there is none.
   * clock: the sign-in delays' clock (tests).
   * wiring: from the composition root (core-services.ts composeCore), which builds every Session.
   */
  constructor(
    private readonly options: CoreOptions,
    private readonly device: DeviceProtector | null,
    private readonly clock: () => number,
    private readonly wiring: SessionWiring,
  ) {
    this.jobs = wiring.jobs;
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
      device: this.deviceStatus(exists),
    };
  }

  create(clinician: { id: string; displayName: string }, passphrase: string): VaultStatus {
    void this.lock();
    mkdirSync(dirname(this.options.vaultFile), { recursive: true });
    this.attach(Vault.create(this.options.vaultFile, { clinician, passphrase }, this.vaultOptions));
    return this.status();
  }

  /**
   * Signs in with a passphrase. While earlier wrong passphrases still call for
   * a wait, the attempt is refused before anything changes (whoever is signed
   * in stays signed in); otherwise the vault is locked first, then opened as
   * the clinician (sign-in.ts counts and audits failures).
   */
  unlock(clinicianId: string, passphrase: string): VaultStatus {
    assertMayTry(this.options.vaultFile, clinicianId, this.clock);
    void this.lock();
    this.attach(signInWithPassphrase(this.options.vaultFile, { clinicianId, passphrase }, { ...this.vaultOptions, via: 'app', clock: this.clock }));
    return this.status();
  }

  /**
   * A passphrase sign-in that also remembers this device. Refused before
   * anything happens when the host cannot remember; if sealing fails after
   * the passphrase was accepted, the vault is locked again, so the clinician
   * is never half signed in.
   */
  async unlockAndRemember(clinicianId: string, passphrase: string): Promise<VaultStatus> {
    const protector = requireProtector(this.device);
    this.unlock(clinicianId, passphrase);
    const vault = this.requireVault();
    const file = this.options.vaultFile;
    const dataKey = vault.withDataKey((key) => Buffer.from(key));
    try {
      const wrap = await sealDeviceWrap(protector, loadKeyring(file), vault.clinician.id, dataKey, vault.now());
      writeKeyring(file, withDeviceWrap(loadKeyring(file), wrap));
      vault.audit('device.remember', null, { device: wrap.deviceId, backend: wrap.backend });
    } catch (error) {
      void this.lock();
      if (isVaultError(error)) throw error;
      throw new VaultError(
        'invalid-input',
        `${file}: this device could not be remembered (its secret store refused); you are signed out, sign in again without ticking the box`,
      );
    } finally {
      dataKey.fill(0);
    }
    return this.status();
  }

  /** Signs in a clinician remembered on this device: no passphrase, audited as an unlock by device. */
  async unlockOnDevice(clinicianId: string): Promise<VaultStatus> {
    const protector = requireProtector(this.device);
    void this.lock();
    const file = this.options.vaultFile;
    let dataKey: Buffer;
    try {
      dataKey = await openDeviceWrap(protector, loadKeyring(file), clinicianId, file);
    } catch (error) {
      // A tampered or stale entry can never open again: drop it so it is no longer offered.
      if (error instanceof DeviceWrapRefused && error.discard) {
        writeKeyring(file, withoutDeviceWraps(loadKeyring(file), clinicianId, protector.deviceId()));
      }
      throw error;
    }
    const how = { via: 'device', device: protector.deviceId(), backend: protector.backend() };
    this.attach(Vault.openWithKey(file, clinicianId, dataKey, how, this.vaultOptions));
    return this.status();
  }

  /**
   * Removes the clinician's wrap on this device. Audited when the vault is
   * unlocked; on the sign-in screen the vault is locked and cannot be written.
   */
  forgetDevice(clinicianId: string): VaultStatus {
    const file = this.options.vaultFile;
    const deviceId = this.device?.deviceId();
    const keyring = deviceId ? loadKeyring(file) : null;
    if (deviceId && keyring && findDeviceWrap(keyring, clinicianId, deviceId)) {
      writeKeyring(file, withoutDeviceWraps(keyring, clinicianId, deviceId));
      this.vault?.audit('device.forget', null, { clinician: clinicianId, device: deviceId });
    }
    return this.status();
  }

  /**
   * Locks the vault: the unlocked vault's services are disposed in the
   * reverse of the order they were built (jobs first, the vault last; see
   * core-services.ts), synchronously, so that when lock returns the key is
   * forgotten. Resolves when the jobs have let go too.
   */
  lock(reason: string | null = null): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const scope = this.scope;
    this.scope = null;
    this.unlocked = null;
    this.vault = null;
    this.lockedReason = reason;
    return scope?.dispose() ?? Promise.resolve();
  }

  /** The order lock() disposes the unlocked vault's services in (empty while locked). */
  disposalOrder(): string[] {
    return this.scope?.disposalOrder() ?? [];
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

  /** The unlocked vault's thread for imports, when it runs (null: import on this thread, in slices). */
  vaultThread(): VaultThread | null {
    const thread = this.services().thread;
    return thread?.running ? thread : null;
  }

  /** The unlocked vault's follow-up sessions (counting the call as activity); throws 'locked' otherwise. */
  liveSessions(): LiveSessions {
    return this.services().live;
  }

  /** The unlocked vault's PACS service (counting the call as activity); throws 'locked' otherwise. */
  pacs(): PacsService {
    return this.services().pacs;
  }

  /** The unlocked vault's documents waiting for the clinician's filing decision; throws 'locked' otherwise. */
  pendingFilings(): PendingFilings {
    return this.services().filings;
  }

  private services(): UnlockedServices {
    this.requireVault();
    return this.unlocked!;
  }

  touch(): number {
    this.lastActivity = Date.now();
    return this.autoLockMs / 1000;
  }

  private deviceStatus(exists: boolean): DeviceSignIn {
    // A host without a secret store (the browser host) just does not offer it; a refused one says why.
    if (!this.device) return { available: false, reason: null, remembered: [] };
    const capability = assessProtector(this.device);
    if (!capability.available) return { available: false, reason: capability.reason, remembered: [] };
    return { available: true, reason: null, remembered: exists ? safeRemembered(this.options.vaultFile, this.device.deviceId()) : [] };
  }

  private attach(vault: Vault): void {
    const scope = new ServiceScope((service, error) => logError(`${service.name}: letting go on lock failed`, error));
    try {
      this.unlocked = this.wiring.unlocked(vault, scope);
    } catch (error) {
      void scope.dispose();
      throw error;
    }
    this.vault = vault;
    this.scope = scope;
    this.lockedReason = null;
    this.touch();
    this.arm(this.autoLockMs);
    this.starterImport = this.importStarter(vault);
  }

  /** The last starter-library import (and the embedding after it), for callers (and tests) that wait for it. */
  starterImport: Promise<void> = Promise.resolve();

  /**
   * Brings the shipped starter library into the vault: everything on first
   * run, a new or revised document after an update. In the background, one
   * document per transaction; locking stops it between documents, and the
   * next sign-in finishes it. Then the library's passages are embedded.
   */
  private async importStarter(vault: Vault): Promise<void> {
    const dir = this.options.starterLibrary;
    if (dir && existsSync(dir)) {
      try {
        const result = await importStarterLibrary(vault, dir, () => this.vault === vault);
        if (result.added.length > 0) logInfo(`starter evidence library: ${result.added.length} documents added`);
        for (const f of result.failed) logInfo(`starter evidence library: ${f.file} not imported`);
      } catch (error) {
        logError('starter evidence library: import failed', error);
      }
    }
    await this.embedLibrary(vault);
  }

  private embedding: Promise<void> = Promise.resolve();

  /**
   * Embeds the library's passages that have no vectors yet (after the
   * starter import, after a document is added), one job at a time, in the
   * background: batches of passages, each its own transaction; locking
   * stops it between batches. Until it is done, search is BM25 for the
   * passages not embedded.
   */
  embedLibrary(vault: Vault = this.requireVault()): Promise<void> {
    if (this.options.embedEvidence === false) return Promise.resolve();
    this.embedding = this.embedding.then(async () => {
      if (this.vault !== vault || !hasUnembedded(vault, SENTENCE_ENCODER_MODEL)) return;
      try {
        const result = await embedEvidence(vault, await sentenceEncoder(), () => this.vault === vault);
        if (result.embedded > 0) logInfo(`evidence library: ${result.embedded} passages embedded in ${result.seconds.toFixed(0)} s`);
      } catch (error) {
        logError('evidence library: embedding failed; search stays lexical', error);
      }
    });
    return this.embedding;
  }

  /** The sentence encoder questions are embedded with, or null where embedding is off (search is then BM25 alone). */
  async embedder(): Promise<TextEmbedder | null> {
    if (this.options.embedEvidence === false) return null;
    try {
      return await sentenceEncoder();
    } catch (error) {
      logError('evidence library: the sentence encoder did not load; search stays lexical', error);
      return null;
    }
  }

  // One timer, re-armed for the remaining time when it fires early, so that
  // activity costs a timestamp write rather than a clearTimeout/setTimeout.
  private arm(delay: number): void {
    this.timer = setTimeout(() => {
      const idle = Date.now() - this.lastActivity;
      if (idle >= this.autoLockMs) {
        void this.lock(`locked after ${Math.round(this.autoLockMs / 60_000)} minutes without activity`);
      } else {
        this.arm(this.autoLockMs - idle);
      }
    }, delay);
    this.timer.unref();
  }
}

function safeRemembered(file: string, deviceId: string): string[] {
  try {
    return rememberedHere(loadKeyring(file), deviceId);
  } catch {
    return [];
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
