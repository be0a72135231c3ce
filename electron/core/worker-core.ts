import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiResponse, BinaryMethodName, BinaryResponse, MethodName } from '../api/contract';
import type { DeviceProtector } from '../store/device-wrap';
import type { CoreClient, CoreOptions } from './core-client';
import { logError } from './log';
import type { FromWorker, ToWorker, WorkerData } from './worker-protocol';

type FromWorkerResponse = Extract<FromWorker, { type: 'result' }>['response'];

/**
 * The core in a worker thread, for the hosts. From source (tsx) the worker
 * runs core-worker-entry.ts with tsx loaded; a packaged app ships the
 * bundled core-worker.cjs beside its main file.
 */
export function startCoreWorker(options: CoreOptions, entry: string = defaultEntry(), device: DeviceProtector | null = null): CoreClient {
  // device: the host's secret store for "remember on this device" (Electron's main process); its calls stay on this thread.
  const workerData: WorkerData = {
    ...options,
    device: device ? { deviceId: device.deviceId(), backend: device.backend(), available: device.isAvailable() } : null,
  };
  const worker = new Worker(entry, {
    workerData,
  });
  let nextId = 1;
  const pending = new Map<number, (response: FromWorkerResponse) => void>();
  let closed: (() => void) | null = null;
  let dead: Error | null = null;

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'closed') {
      closed?.();
      return;
    }
    if (message.type === 'device') {
      answerDevice(worker, device, message);
      return;
    }
    const resolve = pending.get(message.id);
    pending.delete(message.id);
    resolve?.(message.response);
  });
  worker.on('error', (error) => {
    dead = error;
    logError('the core worker stopped', error);
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'internal', message: 'the core stopped unexpectedly; restart Continuum' } });
    }
    pending.clear();
  });

  // The pending request's answer, JSON or binary: the id says which call it belongs to.
  const send = <R>(type: 'invoke' | 'invokeBinary', method: string, params: unknown): Promise<R> => {
    if (dead) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'the core has stopped; restart Continuum' } } as R);
    const id = nextId++;
    return new Promise<R>((resolve) => {
      pending.set(id, resolve as (response: FromWorkerResponse) => void);
      worker.postMessage({ type, id, method, params } satisfies ToWorker);
    });
  };

  return {
    invoke: (method, params) => send<ApiResponse<MethodName>>('invoke', method, params),
    invokeBinary: (method, params) => send<BinaryResponse<BinaryMethodName>>('invokeBinary', method, params),
    async close() {
      if (dead) return;
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ type: 'close' } satisfies ToWorker);
      });
      await worker.terminate();
    },
  };
}

/** Seals or opens one device key with the host's secret store and hands the bytes back (null: refused). */
function answerDevice(worker: Worker, device: DeviceProtector | null, message: Extract<FromWorker, { type: 'device' }>): void {
  const input = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
  const run = Promise.resolve().then(() => {
    if (!device) throw new Error('no secret store');
    return message.op === 'encrypt' ? device.encrypt(input) : device.decrypt(input);
  });
  void run
    .then(
      (bytes) => {
        const copy = new Uint8Array(bytes);
        worker.postMessage({ type: 'device-result', id: message.id, bytes: copy } satisfies ToWorker);
        copy.fill(0);
        bytes.fill(0);
      },
      (error: unknown) => {
        // The reason stays here (its name only): a secret store's message says nothing the clinician can act on.
        logError(`the secret store refused to ${message.op}`, error);
        worker.postMessage({ type: 'device-result', id: message.id, bytes: null } satisfies ToWorker);
      },
    )
    .finally(() => input.fill(0));
}

/** The bundled worker in a packaged app; from source, a bootstrap that registers tsx inside the worker. */
function defaultEntry(): string {
  const bundled = fileURLToPath(new URL('./core-worker.cjs', import.meta.url));
  if (existsSync(bundled)) return bundled;
  return fileURLToPath(new URL('./core-worker-bootstrap.mjs', import.meta.url));
}
