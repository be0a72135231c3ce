import { parentPort, workerData } from 'node:worker_threads';
import type { CoreOptions } from './core-client';
import { createBinaryDispatch, createDispatch } from './dispatch';
import { Session } from './session';
import type { FromWorker, ToWorker } from './worker-protocol';

// The core's thread: SQL, decryption and imports run here, never on the
// Electron main thread or the browser host's event loop. Requests are
// handled one at a time, in order, as a single SQLite writer wants.
const port = parentPort;
if (!port) throw new Error('core-worker-entry must run in a worker thread');

const session = new Session(workerData as CoreOptions);
const dispatch = createDispatch(session);
const dispatchBinary = createBinaryDispatch(session);
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ToWorker) => {
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
  });
});
