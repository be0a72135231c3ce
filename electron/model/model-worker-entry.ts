/**
 * The model's thread: onnxruntime's session.run blocks the thread it runs
 * on, and llama.cpp's evaluation, though asynchronous, shares the process
 * with it, so the model never runs on the Electron main thread or a host's
 * event loop. Requests run one at a time, in order; a cancelled request stops
 * at the next prefill chunk or decode step. Either engine (engine.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ModelError } from './errors';
import { openEngine, type ModelEngine } from './engine';
import { CANCEL_SLOTS, type FromModelWorker, type ModelWorkerData, type ToModelWorker, type WireError } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('model-worker-entry must run in a worker thread');
const data = workerData as ModelWorkerData;
const cancelFlags = new Int32Array(data.cancelFlags);
const post = (message: FromModelWorker) => port.postMessage(message);

function wire(error: unknown): WireError {
  if (error instanceof ModelError) return error.toJSON();
  return { code: 'internal', message: `the model runtime failed: ${error instanceof Error ? error.message : String(error)}` };
}

async function serve(model: ModelEngine, message: Exclude<ToModelWorker, { type: 'close' }>): Promise<void> {
  const { id } = message;
  const shouldStop = () => Atomics.load(cancelFlags, id % CANCEL_SLOTS) === id;
  try {
    if (message.type === 'generate') {
      const result = await model.generate(message.request, {
        shouldStop,
        onStart: (start) => post({ type: 'started', id, ...start }),
        onToken: (event) => post({ type: 'token', id, event }),
      });
      post({ type: 'generated', id, result });
    } else {
      post({ type: 'prefilled', id, result: await model.prefill(message.input, { shouldStop }) });
    }
  } catch (error) {
    post({ type: 'error', id, error: wire(error) });
  }
}

let queue: Promise<unknown> = openEngine(data.dir, data.options).then(
  (model) => {
    post({ type: 'ready', info: model.info });
    return model;
  },
  (error: unknown) => {
    post({ type: 'failed', error: wire(error) });
    return undefined;
  },
);

port.on('message', (message: ToModelWorker) => {
  queue = queue.then(async (model) => {
    const loaded = model as ModelEngine | undefined;
    if (message.type === 'close') {
      await loaded?.release();
      post({ type: 'closed' });
      return undefined;
    }
    if (loaded) await serve(loaded, message);
    else post({ type: 'error', id: message.id, error: { code: 'stopped', message: 'no model is loaded' } });
    return loaded;
  });
});
