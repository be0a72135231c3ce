import { signInHistory } from '../../store/audit';
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
  'vault.activity': (_params, { session }) => {
    session.requireVault();
    return { lockInSeconds: session.touch() };
  },
};
