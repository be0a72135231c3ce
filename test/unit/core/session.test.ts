import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isVaultError } from '../../../electron/store/errors';
import { PASSPHRASE, tempDir, TEST_SCRYPT } from '../../helpers/temp-vault';
import { composeCore } from '../../../electron/core/core-services';

afterEach(() => vi.useRealTimers());

function newSession(autoLockMinutes = 10) {
  return composeCore({ vaultFile: join(tempDir(), 'clinic.vault'), autoLockMinutes, scrypt: TEST_SCRYPT }).session;
}

describe('session and auto-lock', () => {
  it('goes from no vault to unlocked to locked', () => {
    const session = newSession();
    expect(session.status().state).toBe('no-vault');
    expect(session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, PASSPHRASE).state).toBe('unlocked');
    session.lock();
    const status = session.status();
    expect(status.state).toBe('locked');
    expect(status.clinicians).toEqual([{ id: 'dr.ada', displayName: 'Dr Ada' }]);
    expect(session.unlock('dr.ada', PASSPHRASE).currentClinician?.id).toBe('dr.ada');
    session.lock();
  });

  it('locks itself after the idle time and forgets the vault', () => {
    vi.useFakeTimers();
    const session = newSession(10);
    session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, PASSPHRASE);
    const vault = session.requireVault();
    vi.advanceTimersByTime(9 * 60_000);
    expect(session.status().state).toBe('unlocked');
    vi.advanceTimersByTime(61_000);
    expect(session.status().state).toBe('locked');
    expect(vault.isOpen).toBe(false);
    let error: unknown;
    try {
      session.requireVault();
    } catch (e) {
      error = e;
    }
    expect(isVaultError(error, 'locked')).toBe(true);
    expect((error as Error).message).toMatch(/10 minutes without activity/);
  });

  it('activity postpones the lock', () => {
    vi.useFakeTimers();
    const session = newSession(10);
    session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, PASSPHRASE);
    for (let minute = 0; minute < 30; minute += 5) {
      vi.advanceTimersByTime(5 * 60_000);
      session.requireVault();
    }
    expect(session.status().state).toBe('unlocked');
    vi.advanceTimersByTime(10 * 60_000 + 1000);
    expect(session.status().state).toBe('locked');
  });
});
