import { isAbsolute } from 'node:path';
import { signInHistory } from '../../store/audit';
import { backupVault } from '../../store/backup';
import { VaultError } from '../../store/errors';
import type { HandlerMap } from './handler';

export const vaultHandlers: HandlerMap = {
  'vault.status': (_params, { session }) => session.status(),
  'vault.create': (params, { session }) =>
    session.create({ id: params.clinicianId, displayName: params.displayName }, params.passphrase),
  'vault.unlock': (params, { session }) =>
    params.remember
      ? session.unlockAndRemember(params.clinicianId, params.passphrase)
      : session.unlock(params.clinicianId, params.passphrase),
  'vault.unlockOnDevice': (params, { session }) => session.unlockOnDevice(params.clinicianId),
  'vault.forgetDevice': (params, { session }) => session.forgetDevice(params.clinicianId),
  'vault.lock': (_params, { session }) => {
    void session.lock();
    return session.status();
  },
  'vault.signInHistory': (params, { session }) => signInHistory(session.requireVault().db, params.limit),
  // A job (electron/core/jobs), one at a time: on the vault thread where the core has one, so that the chart
  // keeps answering while VACUUM INTO copies the vault; the same backupVault as `continuum backup`.
  'vault.backup': async (params, { session, job }) => {
    const vault = session.requireVault();
    if (!isAbsolute(params.to)) throw new VaultError('invalid-input', `${params.to}: give the backup's full path (a folder on this computer or a drive)`);
    job?.report({ step: 0, steps: 1, progress: 0, status: 'copying and checking the vault' });
    const thread = session.vaultThread();
    const { bytes } = thread ? await thread.backup(params.to, { signal: job?.signal }) : backupVault(vault, params.to, () => job?.signal.aborted ?? false);
    return { to: params.to, bytes };
  },
  'vault.startBackup': (params, { session, startJob }) => {
    session.requireVault();
    return { job: startJob('vault.backup', params, 'backup') };
  },
  'vault.activity': (_params, { session }) => {
    session.requireVault();
    return { lockInSeconds: session.touch() };
  },
};
