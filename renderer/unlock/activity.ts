/**
 * Auto-lock support: user input pings the core (at most once per throttle
 * period), and when the core's idle time runs out without input the app
 * is told to lock. Timers and the clock are injected so it is unit-tested.
 */

export interface ActivityOptions {
  /** Minimum time between two pings. */
  readonly throttleMs: number;
  /** Idle time before locking, until the core says otherwise. */
  readonly idleMs: number;
  /** Tells the core the clinician is active; answers the seconds left before it locks. */
  readonly ping: () => Promise<{ lockInSeconds: number }>;
  /** No input for the whole idle time. */
  readonly onIdle: () => void;
  readonly now?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface ActivityMonitor {
  /** Call on every keyboard, pointer or wheel input. */
  input(): void;
  stop(): void;
}

export function createActivityMonitor(options: ActivityOptions): ActivityMonitor {
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let lastPing = now();
  let idleAt = lastPing + options.idleMs;
  let timer: unknown = null;
  let stopped = false;
  let pinging = false;

  const schedule = () => {
    if (stopped) return;
    if (timer !== null) clearTimer(timer);
    timer = setTimer(check, Math.max(0, idleAt - now()) + 250);
  };

  function check() {
    timer = null;
    if (stopped) return;
    if (now() >= idleAt) {
      stopped = true;
      options.onIdle();
    } else {
      schedule();
    }
  }

  schedule();

  return {
    input() {
      if (stopped || pinging) return;
      const t = now();
      if (t - lastPing < options.throttleMs) return;
      lastPing = t;
      idleAt = t + options.idleMs;
      schedule();
      pinging = true;
      options
        .ping()
        .then(({ lockInSeconds }) => {
          if (stopped) return;
          // The core's clock decides; never wait longer than it will.
          if (Number.isFinite(lockInSeconds) && lockInSeconds >= 0) {
            idleAt = Math.min(t + options.idleMs, t + lockInSeconds * 1000);
            schedule();
          }
        })
        .catch(() => {
          // A failed ping ('locked') is handled by the client's locked listener.
        })
        .finally(() => {
          pinging = false;
        });
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
