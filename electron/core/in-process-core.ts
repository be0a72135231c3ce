import type { DeviceProtector } from '../store/device-wrap';
import type { CoreClient, CoreOptions } from './core-client';
import { createBinaryDispatch, createDispatch } from './dispatch';
import { Session } from './session';

/** The core in the caller's own thread: for the CLI and tests (clock: the sign-in delays'). Hosts use the worker core. */
export function createInProcessCore(options: CoreOptions, device: DeviceProtector | null = null, clock?: () => number): CoreClient {
  const session = new Session(options, device, clock);
  const dispatch = createDispatch(session);
  const dispatchBinary = createBinaryDispatch(session);
  return {
    invoke: (method, params) => dispatch(method, params),
    invokeBinary: (method, params) => dispatchBinary(method, params),
    close: async () => session.lock(),
  };
}
