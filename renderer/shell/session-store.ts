import { create } from 'zustand';
import type { VaultStatus } from '../../electron/api/schemas';
import { call, errorMessage, getClient, isApiError } from '../api/client';
import { formatMinutes } from '../ui/format';
import { endSession } from './session-end';
import { useChart } from './chart-store';
import { rememberChart } from './last-chart';

export type Screen = 'starting' | 'unlock' | 'workspace' | 'disconnected';

export interface SessionState {
  readonly screen: Screen;
  readonly status: VaultStatus | null;
  /** Why the unlock screen is showing, in words ("Locked after 15 minutes idle"). */
  readonly lockNotice: string | null;
  /** Shown on the 'disconnected' screen. */
  readonly problem: string | null;
  /** Whether trying again can help (Continuum unreachable), or a new link is needed (this window's session ended). */
  readonly canRetry: boolean;
  refresh(): Promise<void>;
  create(input: { clinicianId: string; displayName: string; passphrase: string }): Promise<void>;
  /** remember: also remember this device (only offered when status.device.available). */
  unlock(clinicianId: string, passphrase: string, remember?: boolean): Promise<void>;
  /** Signs in a clinician remembered on this device, after they pressed its button (never automatically). */
  unlockOnDevice(clinicianId: string): Promise<void>;
  /** "Forget this device" for a clinician. */
  forgetDevice(clinicianId: string): Promise<void>;
  lock(): Promise<void>;
  /** The core locked (idle time out, or a 'locked' error from any call). */
  lockedByCore(idle: boolean): void;
  disconnect(message: string, canRetry?: boolean): void;
}

function idleNotice(status: VaultStatus | null): string {
  const minutes = status?.autoLockMinutes;
  return minutes
    ? `Locked after ${formatMinutes(minutes)} without activity. Sign in again to continue.`
    : 'The vault locked itself. Sign in again to continue.';
}

/** The chart open when the vault locks, for the same clinician's next sign-in (last-chart.ts). */
function keepChart(status: VaultStatus | null): void {
  rememberChart(status?.currentClinician?.id, useChart.getState().patientId);
}

function screenFor(status: VaultStatus): Screen {
  return status.state === 'unlocked' ? 'workspace' : 'unlock';
}

export const useSession = create<SessionState>()((set, get) => ({
  screen: 'starting',
  status: null,
  lockNotice: null,
  problem: null,
  canRetry: true,

  async refresh() {
    try {
      const status = await call('vault.status', {});
      if (status.state !== 'unlocked') endSession();
      set({ status, screen: screenFor(status) });
    } catch (error) {
      if (get().screen !== 'disconnected') set({ screen: 'disconnected', problem: errorMessage(error), canRetry: !isApiError(error, 'unauthorized') });
    }
  },

  async create(input) {
    const status = await call('vault.create', input);
    endSession();
    set({ status, screen: screenFor(status), lockNotice: null });
  },

  async unlock(clinicianId, passphrase, remember = false) {
    const status = await call('vault.unlock', { clinicianId, passphrase, ...(remember ? { remember: true } : {}) });
    endSession();
    set({ status, screen: screenFor(status), lockNotice: null });
  },

  async unlockOnDevice(clinicianId) {
    try {
      const status = await call('vault.unlockOnDevice', { clinicianId });
      endSession();
      set({ status, screen: screenFor(status), lockNotice: null });
    } finally {
      // A refused entry may have been removed: show the list as the core has it now.
      if (get().screen !== 'workspace') await get().refresh();
    }
  },

  async forgetDevice(clinicianId) {
    const status = await call('vault.forgetDevice', { clinicianId });
    set({ status });
  },

  async lock() {
    keepChart(get().status);
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
    keepChart(status);
    endSession();
    set({
      screen: 'unlock',
      lockNotice: idle ? idleNotice(status) : 'This window is signed out (the vault was locked, or someone signed in elsewhere). Sign in again to continue.',
      status: status ? { ...status, state: 'locked', currentClinician: null } : status,
    });
    // Pick up the clinician list etc. as the core has it now.
    void call('vault.status', {})
      .then((fresh) => set({ status: fresh }))
      .catch(() => undefined);
  },

  disconnect(message, canRetry = true) {
    endSession();
    set({ screen: 'disconnected', problem: message, canRetry });
  },
}));

/** Wires the client's 'locked' and 'unauthorized' signals to the session; call once at start. */
export function connectSessionToClient(): () => void {
  const client = getClient();
  // The browser host locks a window that did not sign in itself (someone signed in elsewhere, or it was reloaded): not idleness.
  const offLocked = client.onLocked((error) => useSession.getState().lockedByCore(!/for this window/i.test(error.message)));
  const offUnauthorized = client.onUnauthorized((error) => useSession.getState().disconnect(error.message, false));
  return () => {
    offLocked();
    offUnauthorized();
  };
}
