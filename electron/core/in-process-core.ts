import type { DeviceProtector } from '../store/device-wrap';
import type { CoreClient, CoreOptions } from './core-client';
import { createCoreCalls } from './core-calls';
import { composeCore } from './core-services';

/**
 * The core in the caller's own thread: for the CLI and tests (clock: the sign-in delays'). Hosts use the worker core;
 * both schedule calls the same way (core-calls.ts).
 */
export function createInProcessCore(options: CoreOptions, device: DeviceProtector | null = null, clock?: () => number): CoreClient {
  return createCoreCalls(composeCore(options, device, clock));
}
