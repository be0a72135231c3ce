import { useEffect } from 'react';
import { call } from '../api/client';
import { createActivityMonitor } from '../unlock/activity';
import { useSession } from '../shell/session-store';

const PING_EVERY_MS = 30_000;

/**
 * While the workspace is showing: user input pings the core (at most every
 * 30 s), and after the auto-lock time without input the app checks the
 * vault, locks it if the core has not already, and shows the unlock screen.
 */
export function useActivity(autoLockMinutes: number): void {
  useEffect(() => {
    const monitor = createActivityMonitor({
      throttleMs: PING_EVERY_MS,
      idleMs: autoLockMinutes * 60_000,
      ping: () => call('vault.activity', {}),
      onIdle: () => {
        void (async () => {
          try {
            const status = await call('vault.status', {});
            if (status.state === 'unlocked') await call('vault.lock', {});
          } catch {
            // Locked or unreachable: the unlock screen is right either way.
          }
          useSession.getState().lockedByCore(true);
        })();
      },
    });
    const onInput = () => monitor.input();
    const events = ['pointerdown', 'keydown', 'wheel', 'pointermove', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, onInput, { passive: true, capture: true });
    return () => {
      monitor.stop();
      for (const name of events) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [autoLockMinutes]);
}
