import type { SessionEvent } from '../../api/session-schemas';
import type { LiveSession } from '../../agent/harness';
import { VaultError } from '../../store/errors';
import type { Service } from './service';

/** A follow-up session in the app: the harness's LiveSession, what the chat panel was shown of it, and its step under way. */
export interface AppSession {
  readonly live: LiveSession;
  readonly view: SessionEvent[];
  streaming: { agent: string; text: string } | null;
  running: Promise<void> | null;
}

/**
 * The follow-up sessions of one unlocked vault (handlers/sessions.ts drives
 * them). The Session builds one per unlock and disposes of it on lock: a
 * generation under way is stopped and every session forgotten, so the next
 * clinician finds none of them.
 */
export class LiveSessions implements Service {
  readonly name = 'live sessions';
  private readonly sessions = new Map<string, AppSession>();

  add(app: AppSession): void {
    this.sessions.set(app.live.sessionId, app);
  }

  /** The session by that id; 'not-found' when it has ended or the vault locked since it started. */
  get(sessionId: string): AppSession {
    const found = this.sessions.get(sessionId);
    if (!found) throw new VaultError('not-found', `no session ${sessionId}: it has ended or the vault was locked since; start a new one`);
    return found;
  }

  remove(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  dispose(): void {
    for (const app of this.sessions.values()) app.live.stop();
    this.sessions.clear();
  }
}
