import { createHash, randomBytes } from 'node:crypto';

/**
 * Who may use the browser host, and how far. Anyone on this computer can
 * reach a loopback port, and a cookie would be sent to every port of
 * 127.0.0.1 (cookies are scoped by host, not port), so the credential is a
 * secret the page keeps in its own memory and sends as a request header:
 *
 * - a one-time link (http://127.0.0.1:PORT/#token=T, printed by the host,
 *   again on request from its console or `continuum link`) is exchanged
 *   once for a window's session secret; links expire unused;
 * - a secret is minted by this host only (so bound to its port), kept here
 *   only as a SHA-256 digest, and rotated: on sign-in, on lock, and every
 *   few minutes of use (the page gets the new one in a response header and
 *   the old one stays valid a moment for requests already under way);
 * - a window is at one of two levels. 'signin' may only see the vault's
 *   status and sign in; 'unlocked' may read and write records. A window
 *   reaches 'unlocked' only by signing in itself, and every window drops to
 *   'signin' when the vault locks or anyone signs in: a secret taken before
 *   a lock reads nothing after it.
 *
 * Time comes from `now` so that tests need not wait.
 */

export type AccessLevel = 'signin' | 'unlocked';

export interface SessionTiming {
  /** An unlocked secret older than this works only at the sign-in level (it is rotated well before, while in use). */
  readonly unlockedTtlMs: number;
  /** A secret in use older than this is replaced (the new one goes back in a response header). */
  readonly rotateAfterMs: number;
  /** How long a replaced secret still answers, for requests already sent with it. */
  readonly graceMs: number;
  /** A window not heard from for this long is forgotten. */
  readonly idleMs: number;
  /** A one-time link not used within this is refused. */
  readonly linkTtlMs: number;
}

export const DEFAULT_TIMING: SessionTiming = {
  unlockedTtlMs: 10 * 60_000,
  rotateAfterMs: 4 * 60_000,
  graceMs: 60_000,
  idleMs: 12 * 60 * 60_000,
  linkTtlMs: 15 * 60_000,
};

/** Why a link did not open a window. */
export type LinkRefusal = 'link-spent' | 'link-expired' | 'link-unknown';

export interface Authenticated {
  readonly session: WindowSession;
  readonly level: AccessLevel;
  /** A new secret for the page, when this request rotated it. */
  readonly rotated: string | null;
}

interface SecretEntry {
  readonly session: WindowSession;
  readonly issuedAt: number;
  /** 'signin' for a secret replaced at a lock or sign-in: it never reads records again. */
  cap: AccessLevel;
  /** Set when replaced: it answers until then. */
  expiresAt: number | null;
}

export interface WindowSession {
  readonly id: number;
  level: AccessLevel;
  lastSeen: number;
  current: string;
  /** How many secrets this window has had. */
  generation: number;
}

const MAX_WINDOWS = 64;
const MAX_LINKS = 32;

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A window's secret: its generation, a dot, 32 random bytes. Answers can
 * arrive out of order (a keep-alive crossing a sign-in); the page keeps the
 * highest generation it has seen, never an older rotation.
 */
function windowSecret(generation: number): string {
  return `${generation}.${newSecret()}`;
}

export class HostSessions {
  private readonly secrets = new Map<string, SecretEntry>();
  private readonly windows = new Map<number, WindowSession>();
  /** Outstanding links: digest -> expiry. */
  private readonly links = new Map<string, number>();
  /** Links used or expired (digests), to tell the page which, rather than "never issued". */
  private readonly refusedLinks = new Map<string, LinkRefusal>();
  private nextId = 1;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly timing: SessionTiming = DEFAULT_TIMING,
  ) {}

  /** A new one-time link token. */
  newLink(): string {
    this.sweep();
    if (this.links.size >= MAX_LINKS) {
      const oldest = [...this.links.entries()].sort((a, b) => a[1] - b[1])[0];
      if (oldest) this.links.delete(oldest[0]);
    }
    const token = newSecret();
    this.links.set(digest(token), this.now() + this.timing.linkTtlMs);
    return token;
  }

  /** Spends a link: a new window at the sign-in level and its secret, or why not. */
  exchange(token: string): { secret: string } | { refused: LinkRefusal } {
    const key = digest(token);
    const expiresAt = this.links.get(key);
    if (expiresAt === undefined) return { refused: this.refusedLinks.get(key) ?? 'link-unknown' };
    this.links.delete(key);
    const expired = this.now() > expiresAt;
    this.refusedLinks.set(key, expired ? 'link-expired' : 'link-spent');
    if (expired) return { refused: 'link-expired' };
    this.sweep();
    if (this.windows.size >= MAX_WINDOWS) this.forgetLeastRecent();
    const secret = windowSecret(1);
    const session: WindowSession = { id: this.nextId++, level: 'signin', lastSeen: this.now(), current: digest(secret), generation: 1 };
    this.windows.set(session.id, session);
    this.secrets.set(session.current, { session, issuedAt: this.now(), cap: 'signin', expiresAt: null });
    return { secret };
  }

  /** The window a secret belongs to and what it may do now; null for an unknown, expired or replaced one. */
  authenticate(secret: string | undefined, options: { rotate?: boolean } = {}): Authenticated | null {
    if (!secret) return null;
    const entry = this.secrets.get(digest(secret));
    if (!entry) return null;
    const now = this.now();
    const session = entry.session;
    if ((entry.expiresAt !== null && now > entry.expiresAt) || !this.windows.has(session.id) || now - session.lastSeen > this.timing.idleMs) {
      this.sweep();
      return null;
    }
    session.lastSeen = now;
    const fresh = now - entry.issuedAt < this.timing.unlockedTtlMs;
    const level: AccessLevel = session.level === 'unlocked' && entry.cap === 'unlocked' && fresh ? 'unlocked' : 'signin';
    const isCurrent = session.current === digest(secret);
    const rotated = isCurrent && (options.rotate || now - entry.issuedAt >= this.timing.rotateAfterMs) ? this.rotate(session, level) : null;
    return { session, level, rotated };
  }

  /**
   * Someone signed in through `session`: it alone reaches 'unlocked', with a
   * new secret; every other window drops to the sign-in level. Answers the new secret.
   */
  signedIn(session: WindowSession): string {
    this.lockAll();
    session.level = 'unlocked';
    return this.rotate(session, 'unlocked', 'signin');
  }

  /** The vault locked (asked by `by`, or seen): every window drops to the sign-in level; `by` gets a new secret. */
  locked(by: WindowSession | null): string | null {
    this.lockAll();
    return by && this.windows.has(by.id) ? this.rotate(by, 'signin', 'signin') : null;
  }

  /** The page is going away (reload, close): its secrets may still sign in again, never read records. */
  suspend(session: WindowSession): void {
    session.level = 'signin';
    for (const entry of this.secrets.values()) if (entry.session === session) entry.cap = 'signin';
  }

  /** How many windows are known (for tests and the bounds). */
  get windowCount(): number {
    return this.windows.size;
  }

  private lockAll(): void {
    for (const session of this.windows.values()) session.level = 'signin';
    for (const entry of this.secrets.values()) entry.cap = 'signin';
  }

  /** A new current secret for the window; the old one answers for a moment, at most at `oldCap`. */
  private rotate(session: WindowSession, cap: AccessLevel, oldCap?: AccessLevel): string {
    const now = this.now();
    const old = this.secrets.get(session.current);
    if (old) {
      old.expiresAt = Math.min(old.expiresAt ?? Number.POSITIVE_INFINITY, now + this.timing.graceMs);
      if (oldCap === 'signin') old.cap = 'signin';
    }
    session.generation += 1;
    const secret = windowSecret(session.generation);
    session.current = digest(secret);
    this.secrets.set(session.current, { session, issuedAt: now, cap, expiresAt: null });
    return secret;
  }

  private forgetLeastRecent(): void {
    const oldest = [...this.windows.values()].sort((a, b) => a.lastSeen - b.lastSeen)[0];
    if (oldest) this.forget(oldest);
  }

  private forget(session: WindowSession): void {
    this.windows.delete(session.id);
    for (const [key, entry] of this.secrets) if (entry.session === session) this.secrets.delete(key);
  }

  /** Drops what can no longer answer. */
  private sweep(): void {
    const now = this.now();
    for (const session of [...this.windows.values()]) if (now - session.lastSeen > this.timing.idleMs) this.forget(session);
    for (const [key, entry] of this.secrets) if (entry.expiresAt !== null && now > entry.expiresAt) this.secrets.delete(key);
    for (const [key, expiresAt] of this.links) {
      if (now > expiresAt) {
        this.links.delete(key);
        this.refusedLinks.set(key, 'link-expired');
      }
    }
    if (this.refusedLinks.size > 4096) this.refusedLinks.clear();
  }
}
