import type { MethodName, Params, Result } from '../../electron/api/contract';
import type { SessionEvent } from '../../electron/api/session-schemas';
import type { CoreClient } from '../../electron/core/core-client';

/**
 * Typed calls to a core for API-level tests: `call` answers the value or
 * throws with the method, code and message; `failure` answers the message
 * of a call that must fail; `settle` polls a session's events until its
 * background step is done. The core is read lazily, so tests may create it
 * in beforeAll.
 */
export function coreCalls(core: () => CoreClient) {
  async function call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
    const answer = await core().invoke(method, params);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code}: ${answer.error.message}`);
    return answer.value as Result<M>;
  }

  async function failure(method: MethodName, params: unknown): Promise<string> {
    const answer = await core().invoke(method, params as Params<MethodName>);
    if (answer.ok) throw new Error(`${method} should have failed`);
    return answer.error.message;
  }

  /** Polls until the background step is done; pushes every event seen onto `events` and answers the next cursor. */
  async function settle(sessionId: string, events: SessionEvent[], from: number): Promise<number> {
    let after = from;
    for (;;) {
      const page = await call('session.events', { sessionId, after });
      events.push(...page.events);
      after = page.next;
      if (!page.busy) return after;
      await new Promise((r) => setImmediate(r));
    }
  }

  return { call, failure, settle };
}
