import { create } from 'zustand';
import type { VaultStatus } from '../../electron/api/schemas';
import { call, errorMessage, getClient } from '../api/client';
import { formatMinutes } from '../ui/format';
import { endSession } from './session-end';

export type Screen = 'starting' | 'unlock' | 'workspace' | 'disconnected';

export interface SessionState {
  readonly screen: Screen;
  readonly status: VaultStatus | null;
  /** Why the unlock screen is showing, in words ("Locked after 15 minutes idle"). */
  readonly lockNotice: string | null;
  /** Shown on the 'disconnected' screen. */
  readonly problem: string | null;
  refresh(): Promise<void>;
  create(input: { clinicianId: string; displayName: string; passphrase: string }): Promise<void>;
  unlock(clinicianId: string, passphrase: string): Promise<void>;
  lock(): Promise<void>;
  /** The core locked (idle time out, or a 'locked' error from any call). */
  lockedByCore(idle: boolean): void;
  disconnect(message: string): void;
}

function idleNotice(status: VaultStatus | null): string {
  const minutes = status?.autoLockMinutes;
  return minutes
    ? `Locked after ${formatMinutes(minutes)} without activity. Sign in again to continue.`
    : 'The vault locked itself. Sign in again to continue.';
}

function screenFor(status: VaultStatus): Screen {
  return status.state === 'unlocked' ? 'workspace' : 'unlock';
}

export const useSession = create<SessionState>()((set, get) => ({
  screen: 'starting',
  status: null,
  lockNotice: null,
  problem: null,

  async refresh() {
    try {
      const status = await call('vault.status', {});
      if (status.state !== 'unlocked') endSession();
      set({ status, screen: screenFor(status) });
    } catch (error) {
      if (get().screen !== 'disconnected') set({ screen: 'disconnected', problem: errorMessage(error) });
    }
  },

  async create(input) {
    const status = await call('vault.create', input);
    endSession();
    set({ status, screen: screenFor(status), lockNotice: null });
  },

  async unlock(clinicianId, passphrase) {
    const status = await call('vault.unlock', { clinicianId, passphrase });
    endSession();
    set({ status, screen: screenFor(status), lockNotice: null });
  },

  async lock() {
    endSession();
    set({ screen: 'unlock', lockNotice: 'You locked the vault.' });
    try {
      const status = await call('vault.lock', {});
      set({ status });
    } catch {
      // Already locked, or gone: the unlock screen is right either way.
    }
  },

  lockedByCore(idle) {
    const { status, screen } = get();
    if (screen === 'unlock' || screen === 'disconnected') return;
    endSession();
    set({
      screen: 'unlock',
      lockNotice: idle ? idleNotice(status) : 'The vault is locked. Sign in again to continue.',
      status: status ? { ...status, state: 'locked', currentClinician: null } : status,
    });
    // Pick up the clinician list etc. as the core has it now.
    void call('vault.status', {})
      .then((fresh) => set({ status: fresh }))
      .catch(() => undefined);
  },

  disconnect(message) {
    endSession();
    set({ screen: 'disconnected', problem: message });
  },
}));

/** Wires the client's 'locked' and 'unauthorized' signals to the session; call once at start. */
export function connectSessionToClient(): () => void {
  const client = getClient();
  const offLocked = client.onLocked(() => useSession.getState().lockedByCore(true));
  const offUnauthorized = client.onUnauthorized((error) => useSession.getState().disconnect(error.message));
  return () => {
    offLocked();
    offUnauthorized();
  };
}
