import type { DeviceProtector } from '../store/device-wrap';
import type { DeviceSnapshot, FromWorker, ToWorker } from './worker-protocol';

type DeviceResult = Extract<ToWorker, { type: 'device-result' }>;

export interface WorkerDeviceProtector extends DeviceProtector {
  /** Hands the host's answer to the call waiting for it. */
  settle(message: DeviceResult): void;
}

/**
 * The host's secret store as the core's worker sees it: availability and
 * backend as the host reported them at start-up, and each seal or open one
 * message to the host's thread and back. Only a 32-byte device key crosses,
 * never the vault's data key.
 */
export function createWorkerDeviceProtector(post: (message: FromWorker) => void, snapshot: DeviceSnapshot): WorkerDeviceProtector {
  let nextId = 1;
  const pending = new Map<number, (bytes: Uint8Array | null) => void>();

  const ask = (op: 'encrypt' | 'decrypt', bytes: Buffer): Promise<Buffer> => {
    const id = nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      pending.set(id, (answer) => {
        if (answer) resolve(Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength));
        else reject(new Error(`the secret store refused to ${op}`));
      });
      const copy = new Uint8Array(bytes);
      post({ type: 'device', id, op, bytes: copy });
      // postMessage has cloned it; this thread's copy of the key goes now.
      copy.fill(0);
    });
  };

  return {
    backend: () => snapshot.backend,
    isAvailable: () => snapshot.available,
    deviceId: () => snapshot.deviceId,
    encrypt: (plain) => ask('encrypt', plain),
    decrypt: (sealed) => ask('decrypt', sealed),
    settle(message) {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.bytes);
    },
  };
}
