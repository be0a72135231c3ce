/**
 * The page's side of the browser host's sessions (the host's side:
 * electron/host/browser/host-sessions.ts). The window's secret lives in this
 * module's memory and goes out only as the Continuum-Session header, which
 * no other origin can make the browser send, and no cookie exists that a
 * page on another local port would receive.
 *
 * - At start the one-time link's token is taken from the address
 *   (#token=...), removed from it, and exchanged for the secret.
 * - Any answer may carry a new secret (rotation); it replaces the old one.
 * - A keep-alive asks for a fresh secret every two minutes while the page is
 *   open, so the secret in use is never more than a few minutes old.
 * - A reload keeps the window connected without a new link but signed out:
 *   as the page goes, the secret is handed to the tab's own sessionStorage
 *   (scoped to this origin, port included, and this tab) and the host is told
 *   to let it only sign in again; the next page takes it and deletes it.
 */

export const SESSION_HEADER = 'continuum-session';
const STASH_KEY = 'continuum-window';
const KEEP_ALIVE_MS = 2 * 60_000;

/** Why this window has no session. */
export type HostProblem = 'no-link' | 'link-spent' | 'link-expired' | 'link-unknown' | 'ended';

const HOW =
  'To open Continuum here, get a new one-time link: press Enter in the terminal where Continuum is running (or run "npx continuum link" in its folder) and open the link it prints.';

/** What the clinician reads on the "Not connected" screen. */
export function hostProblemMessage(problem: HostProblem): string {
  switch (problem) {
    case 'link-spent':
      return `This link has already been used: each link opens one window. ${HOW}`;
    case 'link-expired':
      return `This link has expired: a link works for 15 minutes. ${HOW}`;
    case 'link-unknown':
      return `This link was not printed by the Continuum now running (it may be from before a restart). ${HOW}`;
    case 'ended':
      return `This window's connection to Continuum has ended (Continuum restarted, or the window was unused for a long time). ${HOW}`;
    default:
      return `This window is not connected to Continuum. ${HOW}`;
  }
}

/** A secret's generation (the number before its dot; host-sessions.ts). */
function generation(secret: string): number {
  const n = Number(secret.split('.')[0]);
  return Number.isSafeInteger(n) ? n : 0;
}

function linkToken(hash: string): string | undefined {
  return /^#token=([A-Za-z0-9_-]+)$/.exec(hash)?.[1];
}

/** The parts of the page the session uses; absent outside a browser. */
export interface PageEnv {
  readonly location: { hash: string; pathname: string; search: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string): void };
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  onPageHide(listener: () => void): void;
  /** The address's #fragment changed without a page load (a new link pasted into this tab's address bar). */
  onHashChange(listener: () => void): void;
  reload(): void;
  every(ms: number, fn: () => void): void;
}

function browserEnv(): PageEnv | null {
  if (typeof window === 'undefined') return null;
  let storage: PageEnv['storage'] = null;
  try {
    storage = window.sessionStorage;
  } catch {
    // Storage refused (privacy settings): a reload then needs a new link.
  }
  return {
    location: window.location,
    history: window.history,
    storage,
    onPageHide: (listener) => window.addEventListener('pagehide', listener),
    onHashChange: (listener) => window.addEventListener('hashchange', listener),
    reload: () => window.location.reload(),
    every: (ms, fn) => void window.setInterval(fn, ms),
  };
}

export class HostSession {
  private secret: string | null = null;
  private problem: HostProblem | null = null;
  private starting: Promise<void> | null = null;

  constructor(
    private readonly fetchFn: typeof fetch,
    private readonly base = '',
    private readonly env: PageEnv | null = browserEnv(),
  ) {}

  /** A session that already holds a secret (tests, and nothing to start). */
  static holding(secret: string, fetchFn: typeof fetch, base = ''): HostSession {
    const session = new HostSession(fetchFn, base, null);
    session.secret = secret;
    session.starting = Promise.resolve();
    return session;
  }

  /** Connects once: the link in the address, else a secret handed over by the page before a reload. */
  ready(): Promise<void> {
    this.starting ??= this.start();
    return this.starting;
  }

  /** The header to send, or null with `problem` saying why there is none. */
  header(): Record<string, string> | null {
    return this.secret ? { [SESSION_HEADER]: this.secret } : null;
  }

  get problemMessage(): string {
    return hostProblemMessage(this.problem ?? 'no-link');
  }

  /** Takes a rotated secret from any answer: the newest generation wins, whatever order answers arrive in. */
  take(response: Response): void {
    const next = response.headers.get(SESSION_HEADER);
    if (next && (this.secret === null || generation(next) > generation(this.secret))) this.secret = next;
  }

  /** The host refused the secret (401): this window is no longer connected. */
  lost(): void {
    this.secret = null;
    this.problem = 'ended';
  }

  private async start(): Promise<void> {
    const env = this.env;
    if (!env) {
      this.problem = 'no-link';
      return;
    }
    // A new link pasted into this tab changes only the fragment: the page starts over with it.
    env.onHashChange(() => {
      if (linkToken(env.location.hash)) env.reload();
    });
    const token = linkToken(env.location.hash);
    if (token) {
      // The token leaves the address bar (and the history entry) before anything else; a secret handed over before is not needed.
      env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}`);
      env.storage?.removeItem(STASH_KEY);
      await this.exchange(token);
    } else {
      const handed = env.storage?.getItem(STASH_KEY) ?? null;
      env.storage?.removeItem(STASH_KEY);
      if (handed) {
        this.secret = handed;
        // A fresh secret at once: the one that sat in storage stops answering a minute later.
        if (!(await this.refresh())) this.problem = 'ended';
      } else {
        this.problem = 'no-link';
      }
    }
    if (this.secret) {
      env.every(KEEP_ALIVE_MS, () => void this.refresh());
      env.onPageHide(() => this.handOver());
    }
  }

  private async exchange(token: string): Promise<void> {
    let response: Response;
    try {
      response = await this.post('/session/exchange', { token }, false);
    } catch {
      this.problem = 'ended';
      return;
    }
    if (response.ok) {
      this.take(response);
      if (!this.secret) this.problem = 'ended';
      return;
    }
    const reason = ((await response.json().catch(() => ({}))) as { error?: string }).error;
    this.problem = reason === 'link-spent' || reason === 'link-expired' ? reason : 'link-unknown';
  }

  /** Asks for a new secret; false when the host no longer knows this window. */
  private async refresh(): Promise<boolean> {
    if (!this.secret) return false;
    try {
      const response = await this.post('/session/refresh', {}, true);
      if (response.status === 401) {
        this.lost();
        return false;
      }
      this.take(response);
      return response.ok;
    } catch {
      return true; // unreachable for now; the next call will say so
    }
  }

  /** The page is going (reload, close): the host lets this secret only sign in again, and the next page of this tab takes it. */
  private handOver(): void {
    const env = this.env;
    if (!env || !this.secret) return;
    // keepalive: the request outlives the page.
    void this.post('/session/suspend', {}, true, true).catch(() => undefined);
    env.storage?.setItem(STASH_KEY, this.secret);
  }

  private post(path: string, body: unknown, withSecret: boolean, keepalive = false): Promise<Response> {
    return this.fetchFn(`${this.base}${path}`, {
      method: 'POST',
      keepalive,
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'content-type': 'application/json', ...(withSecret ? (this.header() ?? {}) : {}) },
      body: JSON.stringify(body),
    });
  }
}
