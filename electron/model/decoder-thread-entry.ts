/**
 * The decoder's thread: the onnxruntime session and every KV state it made.
 * Kept apart from the thread that holds the tokenizer (see decoder-client.ts
 * for the measurement): each pass hands back the whole KV cache as new
 * buffers, ~50 MB a step with a 2,000-token record, and the collections that
 * this churn sets off are cheap only in a heap as small as this thread's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ModelError } from './errors';
import type { DecoderThreadData, FromDecoder, KvRef, ToDecoder, WireTensor } from './decoder-protocol';
import type { KvTensors } from './kv-tensors';
import { OrtDecoder } from './session';
import type { WireError } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('decoder-thread-entry must run in a worker thread');
const data = workerData as DecoderThreadData;
const post = (message: FromDecoder, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function wire(error: unknown): WireError {
  if (error instanceof ModelError) return error.toJSON();
  return { code: 'internal', message: `the model runtime failed: ${error instanceof Error ? error.message : String(error)}` };
}

const states = new Map<number, KvTensors>();
let nextSlot = 1;

function stateOf(decoder: OrtDecoder, ref: KvRef): KvTensors {
  if (ref.slot === 0) return decoder.emptyKv();
  const state = states.get(ref.slot);
  if (!state) throw new ModelError('internal', `KV state ${ref.slot} is not held by the decoder (released too early)`);
  return ref.length < state.length ? state.truncate(ref.length) : state;
}

async function serve(decoder: OrtDecoder, message: Exclude<ToDecoder, { type: 'free' | 'close' }>): Promise<void> {
  try {
    if (message.type === 'forward') {
      const { logits, kv } = await decoder.forward(message.tokens, stateOf(decoder, message.past), message.rows);
      const slot = nextSlot++;
      states.set(slot, kv);
      post({ type: 'forwarded', id: message.id, logits, slot, length: kv.length }, [logits.buffer as ArrayBuffer]);
    } else if (message.type === 'held') {
      post({ type: 'held', id: message.id, states: states.size });
    } else {
      const tensors: Record<string, WireTensor> = {};
      for (const [name, t] of Object.entries(stateOf(decoder, message.state).tensors)) {
        tensors[name] = { type: t.type, dims: t.dims, data: t.data as Float32Array | Uint16Array };
      }
      post({ type: 'state', id: message.id, tensors });
    }
  } catch (error) {
    post({ type: 'error', id: message.id, error: wire(error) });
  }
}

const opened = OrtDecoder.open(data.file, data.options).then(
  (decoder) => {
    const { layers, kvHeads, headDim, kvType, logitsSize } = decoder;
    post({ type: 'ready', shape: { layers, kvHeads, headDim, kvType, logitsSize } });
    return decoder;
  },
  (error: unknown) => {
    post({ type: 'failed', error: wire(error) });
    return undefined;
  },
);

// Passes run one at a time, in order; a 'free' needs no turn (the pass that may be using the state holds its own reference).
let queue: Promise<unknown> = opened;
port.on('message', (message: ToDecoder) => {
  if (message.type === 'free') {
    states.delete(message.slot);
    return;
  }
  queue = queue.then(async () => {
    const decoder = await opened;
    if (message.type === 'close') {
      states.clear();
      await decoder?.release();
      post({ type: 'closed' });
      port.close();
      return;
    }
    if (decoder) await serve(decoder, message);
    else post({ type: 'error', id: message.id, error: { code: 'stopped', message: 'the decoder did not load' } });
  });
});
