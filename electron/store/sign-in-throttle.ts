import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-file';

/**
 * Growing delays between wrong passphrases, so that guessing one through the
 * app, the browser host or the CLI is slow: after n failures in a row the
 * next attempt is answered only 1, 2, 4 ... seconds (at most a minute) after
 * the last failure, counted per clinician and for the vault as a whole (one
 * guesser trying every clinician in turn). An attempt that comes sooner is
 * refused without the passphrase being looked at, so a right one proves
 * nothing either. A success resets the clinician's count and the vault's.
 *
 * The counts live beside the vault (VAULT.attempts, owner-only), shared by
 * every process that opens it, so starting the CLI again does not start
 * over; where that file cannot be written (a read-only folder) this process
 * still remembers. Failures wait there to be written into the audit log at
 * the next sign-in, since a locked vault cannot be written.
 */

export interface FailedSignIn {
  /** When it failed (ISO 8601). */
  readonly at: string;
  /** The clinician it tried to sign in as (the account attacked, not who tried). */
  readonly clinician: string;
  /** Which door: 'app' (Electron or the browser host) or 'cli'. */
  readonly via: string;
}

interface Count {
  failures: number;
  lastFailureAt: number;
}

interface AttemptsFile {
  format: 'continuum-sign-in-attempts';
  version: 1;
  counts: Record<string, Count>;
  unaudited: FailedSignIn[];
  /** Failures beyond the list's bound, still to be told at the next sign-in. */
  dropped: number;
}

/** The vault as a whole (any clinician). */
const ANY = '*';
const MAX_UNAUDITED = 500;
/** Clinician names the file keeps counts for at most (ids that are no one's are counted under ANY only). */
const MAX_COUNTS = 200;

/** Seconds to wait after `failures` failures in a row: 0, then 1, 2, 4, ... up to 60. */
export function delayAfter(failures: number): number {
  return failures <= 0 ? 0 : Math.min(60, 2 ** (failures - 1));
}

export function attemptsFilePath(vaultFile: string): string {
  return `${vaultFile}.attempts`;
}

function empty(): AttemptsFile {
  return { format: 'continuum-sign-in-attempts', version: 1, counts: {}, unaudited: [], dropped: 0 };
}

/** One process's memory of each vault's counts, kept for when the file cannot be written. */
const remembered = new Map<string, AttemptsFile>();
/** Vaults whose attempts file this process could not write: their counts come from memory too. */
const unwritable = new Set<string>();

export class SignInThrottle {
  constructor(
    private readonly vaultFile: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `clinicianId` may try again (0: now). */
  waitSeconds(clinicianId: string): number {
    const state = this.load();
    const now = this.now();
    const wait = (count: Count | undefined) => (count ? count.lastFailureAt + delayAfter(count.failures) * 1000 - now : 0);
    return Math.max(0, Math.ceil(Math.max(wait(state.counts[clinicianId]), wait(state.counts[ANY])) / 1000));
  }

  /** Records a wrong passphrase (or an unknown clinician); answers the seconds until the next attempt. */
  failed(clinicianId: string, via: string, known: boolean): number {
    const state = this.load();
    const now = this.now();
    const bump = (key: string) => {
      const count = state.counts[key] ?? { failures: 0, lastFailureAt: 0 };
      state.counts[key] = { failures: count.failures + 1, lastFailureAt: now };
    };
    bump(ANY);
    if (known && (clinicianId in state.counts || Object.keys(state.counts).length < MAX_COUNTS)) bump(clinicianId);
    state.unaudited.push({ at: new Date(now).toISOString(), clinician: clinicianId, via });
    if (state.unaudited.length > MAX_UNAUDITED) {
      state.dropped += state.unaudited.length - MAX_UNAUDITED;
      state.unaudited.splice(0, state.unaudited.length - MAX_UNAUDITED);
    }
    this.save(state);
    return this.waitSeconds(clinicianId);
  }

  /**
   * A right passphrase: the clinician's and the vault's counts start over.
   * Answers the failures not yet audited (and how many more were not kept),
   * which the caller writes into the now open vault; they are then forgotten.
   */
  succeeded(clinicianId: string): { failures: FailedSignIn[]; dropped: number } {
    const state = this.load();
    const out = { failures: state.unaudited, dropped: state.dropped };
    delete state.counts[clinicianId];
    delete state.counts[ANY];
    state.unaudited = [];
    state.dropped = 0;
    this.save(state);
    return out;
  }

  private load(): AttemptsFile {
    const file = attemptsFilePath(this.vaultFile);
    try {
      if (existsSync(file)) {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as AttemptsFile;
        if (parsed.format === 'continuum-sign-in-attempts' && parsed.version === 1 && typeof parsed.counts === 'object' && Array.isArray(parsed.unaudited)) {
          return mergeWithMemory(parsed, unwritable.has(this.vaultFile) ? remembered.get(this.vaultFile) : undefined);
        }
      }
    } catch {
      // Unreadable or damaged: start from what this process knows; a damaged file is rewritten below.
    }
    return structuredClone((unwritable.has(this.vaultFile) && remembered.get(this.vaultFile)) || empty());
  }

  private save(state: AttemptsFile): void {
    remembered.set(this.vaultFile, structuredClone(state));
    try {
      writeFileAtomic(attemptsFilePath(this.vaultFile), `${JSON.stringify(state)}\n`);
      unwritable.delete(this.vaultFile);
    } catch {
      // A read-only folder: this process still counts.
      unwritable.add(this.vaultFile);
    }
  }
}

/** The file's counts, raised to this process's own where the file could not be written. */
function mergeWithMemory(file: AttemptsFile, memory: AttemptsFile | undefined): AttemptsFile {
  if (!memory) return { ...file, dropped: file.dropped ?? 0 };
  const counts = { ...file.counts };
  for (const [key, mine] of Object.entries(memory.counts)) {
    const theirs = counts[key];
    if (!theirs || mine.lastFailureAt > theirs.lastFailureAt) counts[key] = mine;
  }
  return { ...file, counts, dropped: file.dropped ?? 0 };
}
