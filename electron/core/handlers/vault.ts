import type { HandlerMap } from './handler';

export const vaultHandlers: HandlerMap = {
  'vault.status': (_params, { session }) => session.status(),
  'vault.create': (params, { session }) =>
    session.create({ id: params.clinicianId, displayName: params.displayName }, params.passphrase),
  'vault.unlock': (params, { session }) => session.unlock(params.clinicianId, params.passphrase),
  'vault.lock': (_params, { session }) => {
    session.lock();
    return session.status();
  },
  'vault.activity': (_params, { session }) => {
    session.requireVault();
    return { lockInSeconds: session.touch() };
  },
};
