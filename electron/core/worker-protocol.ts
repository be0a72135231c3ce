import type { ApiResponse, BinaryMethodName, BinaryResponse, MethodName } from '../api/contract';
import type { CoreOptions } from './core-client';

/** invokeBinary: a binary method; its answer's bytes come back transferred, not copied. */
export type ToWorker =
  | { type: 'invoke' | 'invokeBinary'; id: number; method: string; params: unknown }
  | { type: 'close' }
  /** The host's answer to a 'device' request: the bytes, or null when its secret store refused (no reason: it may quote nothing useful). */
  | { type: 'device-result'; id: number; bytes: Uint8Array | null };
export type FromWorker =
  | { type: 'result'; id: number; response: ApiResponse<MethodName> | BinaryResponse<BinaryMethodName> }
  | { type: 'closed' }
  /** "Remember on this device": the core asks the host's secret store (Electron's safeStorage, main process) to seal or open one device key. */
  | { type: 'device'; id: number; op: 'encrypt' | 'decrypt'; bytes: Uint8Array };

/** What the host's secret store said at start-up; the calls themselves go through 'device' messages. */
export interface DeviceSnapshot {
  readonly deviceId: string;
  readonly backend: string;
  readonly available: boolean;
}

/** The worker's workerData: the core's options and, where the host has one, its secret store's snapshot. */
export interface WorkerData extends CoreOptions {
  readonly device: DeviceSnapshot | null;
}
