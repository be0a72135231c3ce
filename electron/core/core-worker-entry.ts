import { parentPort, workerData } from 'node:worker_threads';
import { isUploadMethod } from '../api/body-limits';
import { createCoreCalls } from './core-calls';
import { releaseUploadMemorySoon } from './release-memory';
import { composeCore } from './core-services';
import { createWorkerDeviceProtector } from './worker-device';
import type { FromWorker, ToWorker, WorkerData } from './worker-protocol';

// The core's thread: SQL, decryption and imports run here, never on the
// Electron main thread or the browser host's event loop. Each request is
// handed to the core's scheduler (core-calls.ts) as it arrives: reads,
// progress and cancel are answered while a long job runs, and only writers
// wait for one another, as in the in-process core.
const port = parentPort;
if (!port) throw new Error('core-worker-entry must run in a worker thread');

const data = workerData as WorkerData;
// The host's secret store ("remember on this device") answers on this port: the request waiting for it
// is a writer (an unlock), and the answer comes back beside every other call.
const device = data.device ? createWorkerDeviceProtector((message) => port.postMessage(message), data.device) : null;
const calls = createCoreCalls(composeCore({ ...data, vaultThread: data.vaultThread ?? true }, device));

port.on('message', (message: ToWorker) => {
  if (message.type === 'device-result') {
    device?.settle(message);
    return;
  }
  if (message.type === 'close') {
    void calls.close().then(() => port.postMessage({ type: 'closed' } satisfies FromWorker));
    return;
  }
  if (message.type === 'invokeBinary') {
    void calls.invokeBinary(message.method, message.params).then((response) => {
      // The pixels' buffer moves to the host's thread (the dispatcher made sure it is theirs alone): no 10 MB copy.
      const transfer = response.ok ? [response.value.bytes.buffer as ArrayBuffer] : [];
      port.postMessage({ type: 'result', id: message.id, response } satisfies FromWorker, transfer);
    });
    return;
  }
  void calls.invoke(message.method, message.params).then((response) => {
    port.postMessage({ type: 'result', id: message.id, response } satisfies FromWorker);
    // An upload's params (a file as text) are garbage now: give their memory back (release-memory.ts).
    if (isUploadMethod(message.method)) releaseUploadMemorySoon();
  });
});
