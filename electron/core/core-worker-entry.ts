import { parentPort, workerData } from 'node:worker_threads';
import { isUploadMethod } from '../api/body-limits';
import { createBinaryDispatch, createDispatch } from './dispatch';
import { releaseUploadMemory } from './release-memory';
import { Session } from './session';
import { createWorkerDeviceProtector } from './worker-device';
import type { FromWorker, ToWorker, WorkerData } from './worker-protocol';

// The core's thread: SQL, decryption and imports run here, never on the
// Electron main thread or the browser host's event loop. Requests are
// handled one at a time, in order, as a single SQLite writer wants.
const port = parentPort;
if (!port) throw new Error('core-worker-entry must run in a worker thread');

const data = workerData as WorkerData;
// The host's secret store ("remember on this device") answers on this port, outside the request queue:
// the request waiting for it is the one at the head of the queue.
const device = data.device ? createWorkerDeviceProtector((message) => port.postMessage(message), data.device) : null;
const session = new Session(data, device);
const dispatch = createDispatch(session);
const dispatchBinary = createBinaryDispatch(session);
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ToWorker) => {
  if (message.type === 'device-result') {
    device?.settle(message);
    return;
  }
  if (message.type === 'close') {
    queue = queue.then(() => {
      session.lock();
      port.postMessage({ type: 'closed' } satisfies FromWorker);
    });
    return;
  }
  if (message.type === 'invokeBinary') {
    queue = queue.then(async () => {
      const response = await dispatchBinary(message.method, message.params);
      // The pixels' buffer moves to the host's thread (the dispatcher made sure it is theirs alone): no 10 MB copy.
      const transfer = response.ok ? [response.value.bytes.buffer as ArrayBuffer] : [];
      port.postMessage({ type: 'result', id: message.id, response } satisfies FromWorker, transfer);
    });
    return;
  }
  queue = queue.then(async () => {
    const response = await dispatch(message.method, message.params);
    port.postMessage({ type: 'result', id: message.id, response } satisfies FromWorker);
    // An upload's params (a file as text) are garbage now: give their memory back (release-memory.ts).
    if (isUploadMethod(message.method)) setImmediate(releaseUploadMemory);
  });
});
